// Imports run one way (issue 20): the rule engine (plugin/core) imports no front end, the front ends
// no entry, the text front end not the bundler, the runtime nothing of plugin/. The graph below is
// the whole of what is allowed; a new folder under plugin/ must be given its place in it.
import test from 'ava';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './support/fixtures.js';

type Room = 'runtime' | 'core' | 'config' | 'babel' | 'typescript' | 'estree' | 'scan' | 'bundler' | 'eslint' | 'entry';

/** What each room may import, besides itself (and npm packages and Node's modules, which are not checked here). */
const ALLOWED: Record<Room, readonly Room[]> = {
  // The web runtime: dependency-free and small, so nothing of plugin/.
  runtime: [],
  // The neutral rule engine. It takes the origin rule from the runtime (runtime/origin.ts, see
  // RUNTIME_FILES), so that what the build accepts is what the runtime will.
  core: ['runtime'],
  // The project configuration (wx-request.config.*, package.json "wxRequest"): file system, then core's options.
  config: ['core'],
  // The front ends: each translates its syntax into core's terms; the plugin and transformer read the configuration.
  babel: ['core', 'config'],
  typescript: ['core', 'config'],
  estree: ['core'],
  // The text front end parses its fragments with Babel's parser and reads them with Babel's shapes.
  scan: ['core', 'babel'],
  // The entries: the bundler plugins, the ESLint plugin, the Babel plugin's (plugin/index.ts). The
  // bundlers' dev proxy maps the paths the runtime writes (runtime/dev-proxy-path.ts).
  bundler: ['core', 'config', 'babel', 'scan', 'runtime'],
  eslint: ['core', 'config', 'estree', 'typescript'],
  entry: ['core', 'babel'],
};

/** The only files of runtime/ that plugin/ may import: shared rules, never the runtime itself. */
const RUNTIME_FILES = ['runtime/origin.ts', 'runtime/dev-proxy-path.ts'];

const ROOMS = new Set<string>(Object.keys(ALLOWED));

function sources(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.c?ts$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The room of a file of the repository; undefined outside plugin/ and runtime/ (cli/, checker/, test/…). */
function roomOf(file: string): Room | 'unplaced' | undefined {
  if (file.startsWith('runtime/')) return 'runtime';
  if (file === 'plugin/index.ts') return 'entry';
  const [top, folder, rest] = file.split('/');
  if (top !== 'plugin') return undefined;
  return rest !== undefined && folder !== undefined && ROOMS.has(folder) ? (folder as Room) : 'unplaced';
}

/** Every relative import of a file (static, dynamic, `import x = require()`, `export … from`), as repository paths. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles
    .map(({ fileName }) => fileName)
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '.ts').replace(/\.cjs$/, '.cts'));
}

const FILES = [...sources('plugin'), ...sources('runtime')];

test('every file of plugin/ belongs to a room of the graph', (t) => {
  t.deepEqual(
    FILES.filter((file) => roomOf(file) === 'unplaced'),
    [],
  );
});

test('imports follow the graph: core <- config <- front ends <- entries; runtime <- nothing of plugin/', (t) => {
  const wrong: string[] = [];
  for (const file of FILES) {
    const from = roomOf(file);
    if (from === undefined || from === 'unplaced') continue; // the test above names it
    for (const target of importsOf(file)) {
      const to = roomOf(target);
      if (to === from) continue;
      if (to === undefined || to === 'unplaced') wrong.push(`${file} imports ${target}, outside every room`);
      else if (!ALLOWED[from].includes(to)) wrong.push(`${file} (${from}) imports ${target} (${to})`);
      else if (to === 'runtime' && !RUNTIME_FILES.includes(target)) wrong.push(`${file} imports ${target}: of the runtime, plugin/ takes only ${RUNTIME_FILES.join(', ')}`);
    }
  }
  t.deepEqual(wrong, []);
});

test('the rule engine reads no file: the file system is the configuration\'s (plugin/config) and the entries\'', (t) => {
  const readers = FILES.filter((file) => roomOf(file) === 'core').filter((file) =>
    ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true).importedFiles.some(({ fileName }) => /^(node:)?fs(\/|$)/.test(fileName)),
  );
  t.deepEqual(readers, []);
});

test('the graph has no cycle', (t) => {
  const visiting = new Set<Room>();
  const cycle = (room: Room): boolean => {
    if (visiting.has(room)) return true;
    visiting.add(room);
    const found = ALLOWED[room].some(cycle);
    visiting.delete(room);
    return found;
  };
  t.false((Object.keys(ALLOWED) as Room[]).some(cycle));
});

test('the check sees imports: it reads what the files hold', (t) => {
  // A guard against a check that passes because it reads nothing.
  t.true(importsOf('plugin/bundler/factory.ts').includes('plugin/scan/transform-text.ts'));
  t.true(importsOf('plugin/bundler/rspack-require.cts').includes('plugin/bundler/rspack.ts'));
  t.true(FILES.includes('runtime/index.ts') && FILES.includes('plugin/core/engine.ts'));
});
