import test from 'ava';
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RULE_IDS } from '../../plugin/core/rules/index.js';
import { ROOT } from '../support/fixtures.js';

// A user's project: mini-program JavaScript, TypeScript with a constant imported from another
// file, and the eslint.config.js the README shows. It resolves babel-plugin-wx-request from the
// repository's build (node_modules links the package to the repository root, `npm run build`).
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const snippet = /<!-- snippet: eslint\.config\.js -->\n```js\n([\s\S]*?)```/.exec(readme)?.[1];

const FILES: Record<string, string> = {
  'pages/index/index.js': [
    "const BASE = 'https://api.example.com';",
    'Page({',
    '  onLoad() {',
    "    wx.request({ url: BASE + '/items', method: 'post' });",
    '    wx.request({',
    "      url: 'https://api.example.com:8080/cart',",
    "      headers: { 'content-type': 'application/json' },",
    '    });',
    '  },',
    '});',
    '',
  ].join('\n'),
  'src/config.ts': "export const API = 'https://api.example.com:9000';\nexport enum Method { Create = 'post' }\n",
  'src/api.ts': [
    "import { API, Method } from './config';",
    "export function load(): void {",
    "  wx.request({ url: `${API}/items`, method: Method.Create, header: { Referer: 'https://x' } });",
    '}',
    '',
  ].join('\n'),
  'src/globals.d.ts': 'declare const wx: { request(options: object): void };\ndeclare function Page(options: object): void;\n',
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', noEmit: true }, include: ['src'] }),
  'package.json': JSON.stringify({ name: 'mini-app', private: true, type: 'module' }),
};

function makeProject(config: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wx-eslint-'));
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  writeFileSync(path.join(dir, 'eslint.config.js'), config);
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

type Found = { file: string; ruleId: string | null; line: number; column: number; message: string };

async function lint(dir: string, fix = false): Promise<{ found: Found[]; results: ESLint.LintResult[] }> {
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: path.join(dir, 'eslint.config.js'), fix });
  const results = await eslint.lintFiles(['pages', 'src']);
  const found = results.flatMap((result) => result.messages.map((message) => ({ file: path.relative(dir, result.filePath), ruleId: message.ruleId, line: message.line, column: message.column, message: message.message })));
  return { found, results };
}

test('the README has the eslint.config.js snippet and lists every rule', (t) => {
  t.truthy(snippet);
  for (const id of RULE_IDS) t.true(readme.includes(`[\`wx-request/${id}\`](#${id})`), id);
});

test('ESLint API with the README config: JS and TS files, type-aware cross-file knowledge, no other complaints', async (t) => {
  const dir = makeProject(snippet ?? '');
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { found } = await lint(dir);
  const summary = found.map((item) => `${item.file}:${item.line}:${item.column} ${item.ruleId}`);
  t.deepEqual(summary, [
    'pages/index/index.js:4:48 wx-request/method-uppercase',
    'pages/index/index.js:6:12 wx-request/url-no-port',
    'pages/index/index.js:7:7 wx-request/unknown-option',
    // From src/config.ts, through typescript-eslint's program: reported where the value is used.
    'src/api.ts:3:21 wx-request/url-no-port',
    'src/api.ts:3:45 wx-request/method-uppercase',
    'src/api.ts:3:70 wx-request/no-referer-header',
  ]);
  t.regex(found.find((item) => item.file === 'src/api.ts' && item.ruleId === 'wx-request/url-no-port')?.message ?? '', /port 9000/);
});

test('without type information, TypeScript files get same-file knowledge only', async (t) => {
  const config = (snippet ?? '').replace('parserOptions: { projectService: true }', 'parserOptions: {}');
  t.not(config, snippet);
  const dir = makeProject(config);
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { found } = await lint(dir);
  t.deepEqual(found.filter((item) => item.file === 'src/api.ts').map((item) => item.ruleId), ['wx-request/no-referer-header']);
});

test('ESLint fix: true writes what wx-request check --fix writes', async (t) => {
  const dir = makeProject(snippet ?? '');
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const copy = mkdtempSync(path.join(os.tmpdir(), 'wx-eslint-check-'));
  t.teardown(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(dir, copy, { recursive: true, verbatimSymlinks: true });
  const { results } = await lint(dir, true);
  await ESLint.outputFixes(results);
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'bin/wx-request.js'), 'check', 'pages', '--fix'], { cwd: copy, stdio: 'pipe' });
  } catch {
    // Exit code 1: errors are left after fixing (the port); the files are written all the same.
  }
  const file = 'pages/index/index.js';
  const fixed = readFileSync(path.join(dir, file), 'utf8');
  t.not(fixed, FILES[file]);
  t.regex(fixed, /method: 'POST'/);
  t.regex(fixed, /header: \{/);
  t.is(fixed, readFileSync(path.join(copy, file), 'utf8'));
});
