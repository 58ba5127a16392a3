import test from 'ava';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { runPort } from '../cli/port/run.js';
import { FIXTURES } from './support/fixtures.js';

/**
 * Every fixture tree ported, and its input and output diffed line by line: the only lines that
 * may change hold a rewritten reference or the added import; every other file is byte for byte
 * the same; porting the output again changes nothing.
 */

/** A line of the input that holds something the port rewrites. */
const REFERENCE = /\b(?:wx|qq|tt|swan)\b|\brequest\b/;
/** A line of the output that holds the added import or require of the runtime. */
const RUNTIME = /babel-plugin-wx-request\/runtime/;
const MAP_COMMENT = /^\/\/# sourceMappingURL=\S+\r?$/;
const SOURCE = /\.(?:[cm]?[jt]sx?)$/;

function collector(): { stream: Writable; text: () => string } {
  let text = '';
  return { stream: new Writable({ write: (chunk, _encoding, done) => ((text += String(chunk)), done()) }), text: () => text };
}

async function port(input: string, outDir: string, args: string[] = []): Promise<{ code: number; stdout: string }> {
  const out = collector();
  const err = collector();
  const code = await runPort([input, '--out-dir', outDir, '--quiet', ...args], out.stream, err.stream);
  return { code, stdout: out.text() + err.text() };
}

function filesOf(root: string, base = root): string[] {
  return readdirSync(root).flatMap((name) => {
    const absolute = path.join(root, name);
    return statSync(absolute).isDirectory() ? filesOf(absolute, base) : [path.relative(base, absolute)];
  });
}

/** The lines of `output` that differ from `input` where no rewrite explains it. */
function unexpectedChanges(input: string, output: string): string[] {
  const before = input.split('\n');
  const after = output.split('\n');
  // The source map comment, on a line of its own after the code.
  const last = after.at(-1) === '' ? after.length - 2 : after.length - 1;
  if (MAP_COMMENT.test(after[last] ?? '')) after.splice(last, 1);
  if (before.length !== after.length) return [`${before.length} lines became ${after.length}`];
  const problems: string[] = [];
  before.forEach((line, index) => {
    const ported = after[index] ?? '';
    if (line !== ported && !REFERENCE.test(line) && !RUNTIME.test(ported)) problems.push(`line ${index + 1}: ${JSON.stringify(line)} → ${JSON.stringify(ported)}`);
  });
  return problems;
}

/** The plugin's fixtures as one tree: each fixture's input file in a folder of its name. */
function pluginFixtureTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-port-fixtures-'));
  for (const name of readdirSync(FIXTURES)) {
    const dir = path.join(FIXTURES, name);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).filter((entry) => entry.startsWith('input.'))) {
      mkdirSync(path.join(root, name), { recursive: true });
      cpSync(path.join(dir, file), path.join(root, name, file));
    }
  }
  return root;
}

const PROJECTS = path.join(FIXTURES, 'projects');
const TREES: [string, () => string][] = [
  ['sample-app', () => path.join(FIXTURES, 'sample-app')],
  ['sample-app-mistakes', () => path.join(FIXTURES, 'sample-app-mistakes')],
  ['plugin fixtures', pluginFixtureTree],
  ...readdirSync(PROJECTS).map((name): [string, () => string] => [`projects/${name}`, () => path.join(PROJECTS, name)]),
];

for (const [name, tree] of TREES) {
  test(`${name}: only rewritten lines change, untouched files are byte-identical, a second port changes nothing`, async (t) => {
    const input = tree();
    const work = mkdtempSync(path.join(tmpdir(), 'wx-port-tree-'));
    const first = path.join(work, 'web');
    await port(input, first);
    let identical = 0;
    let sources = 0;
    for (const file of filesOf(input)) {
      const original = readFileSync(path.join(input, file));
      const ported = readFileSync(path.join(first, file));
      if (original.equals(ported)) identical++;
      if (!SOURCE.test(file)) {
        t.true(original.equals(ported), `${file} is copied as it is`);
        continue;
      }
      sources++;
      const text = original.toString('utf8');
      if (!REFERENCE.test(text)) t.true(original.equals(ported), `${file} has nothing to rewrite: byte-identical`);
      t.deepEqual(unexpectedChanges(text, ported.toString('utf8')), [], file);
    }
    t.log(`${name}: ${identical} of ${filesOf(input).length} files byte-identical (${sources} sources)`);

    const second = path.join(work, 'web-again');
    await port(first, second);
    for (const file of filesOf(first)) t.true(readFileSync(path.join(first, file)).equals(readFileSync(path.join(second, file))), `${file}: porting the output again changes nothing`);
  });
}

test('the miniprogram-network form `(options.retry as number)-- > 0` comes out unchanged', async (t) => {
  const outDir = path.join(mkdtempSync(path.join(tmpdir(), 'wx-port-retry-')), 'web');
  const result = await port(path.join(PROJECTS, 'port-retry'), outDir);
  t.is(result.code, 0, result.stdout);
  const ported = readFileSync(path.join(outDir, 'src/retry.ts'), 'utf8');
  t.true(ported.includes('          if ((options.retry as number)-- > 0) {\n'));
  t.regex(ported, /_wx\.request\(\{/);
  t.is(readFileSync(path.join(outDir, 'src/untouched.ts'), 'utf8'), readFileSync(path.join(PROJECTS, 'port-retry/src/untouched.ts'), 'utf8'));
});
