import test from 'ava';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './support/fixtures.js';

const run = promisify(execFile);
const bin = path.join(ROOT, 'bin/wx-request.js');

async function port(args: string[], cwd = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, 'port', ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A messy but real-looking mini-program tree, written file by file so CRLF and BOM are exact. */
function messyTree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-port-'));
  const files: Record<string, string> = {
    'app.json': '{ "pages": ["pages/index/index"] }\n',
    'mixed.js': "import config from './config';\nconst util = require('./util');\nwx.request({ url: config.base + '/a' });\nmodule.exports = util;\n",
    'script-only.js': "function init() { return 1; }\nfunction init() { return wx.request({ url: 'https://a.com/x' }); }\ninit();\n",
    'decorated.js': "@observer\nclass Store {\n  load() { return wx.request({ url: 'https://a.com/store' }); }\n}\nexport default Store;\n",
    'flow.js': "// @flow\nfunction load(id: number): void {\n  wx.request({ url: 'https://a.com/items/' + id });\n}\nmodule.exports = load;\n",
    'typed.ts': "enum Method { Get = 'GET' }\nfunction first<T>(items: T[]): T | undefined { return items[0]; }\nexport const task = wx.request({ url: 'https://a.com/t', method: Method.Get });\nexport { first };\n",
    'crlf-bom.js': "\uFEFFconst a = 1;\r\n\r\nwx.request({\r\n  url: 'https://a.com/x',\r\n  method: 'post',\r\n});\r\n",
    'vendor.min.js': `!function(){var e=[${'0,'.repeat(20000)}1];wx.request({url:"https://sdk.example.com/log",data:{e:e}})}();\n`,
    'miniprogram_npm/sdk/index.js': "module.exports = function track(e) { wx.request({ url: 'https://sdk.example.com/track', data: e }); };\n",
    'broken.js': "wx.request({ url: 'https://a.com/' \nconst = ;\n",
    'pages/index/index.wxml': '<view>hi</view>\n',
    'pages/index/index.js': "const { request } = wx;\nPage({ onLoad() { request({ url: 'https://a.com/p' }); } });\n",
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

test('port gets through a messy tree whole: rewrites, reports, copies what does not parse', async (t) => {
  const input = messyTree();
  const outDir = `${input}-web`;
  const outside = mkdtempSync(path.join(tmpdir(), 'wx-outside-'));
  writeFileSync(path.join(outside, 'secret.js'), "wx.request({ url: 'https://secret/' });\n");
  symlinkSync(path.join(outside, 'secret.js'), path.join(input, 'linked-secret.js'));

  const result = await port([input, '--out-dir', outDir]);
  t.is(result.code, 1, 'the lowercase method and the parse error are errors');
  const read = (name: string) => readFileSync(path.join(outDir, name), 'utf8');

  for (const name of ['mixed.js', 'script-only.js', 'decorated.js', 'flow.js', 'typed.ts', 'vendor.min.js', 'miniprogram_npm/sdk/index.js', 'pages/index/index.js']) {
    t.notRegex(read(name), /(?<!_)wx\.request|\{ request \} = wx/, `${name} is rewritten`);
    t.regex(read(name), /_wx\b/, `${name} calls the runtime's wx`);
    t.true(existsSync(path.join(outDir, `${name}.map`)), `${name} has a source map`);
  }
  t.regex(read('mixed.js'), /^import \{ wx as _wx \} from "babel-plugin-wx-request\/runtime(?:\/lean)?"; import config from '\.\/config';\n/, 'a file with import syntax gets an import, on its first line');
  t.regex(read('miniprogram_npm/sdk/index.js'), /require\("babel-plugin-wx-request\/runtime(?:\/lean)?"\)/, 'a CommonJS SDK gets a require');
  t.regex(read('flow.js'), /^\/\/ @flow\n(?:var _wx = require\(.*\)\.wx; )?function load\(id: number\): void \{\n/, 'Flow annotations and the comment are kept; the require goes on the first statement line');
  t.regex(read('typed.ts'), /^(?:import .*; )?enum Method \{ Get = 'GET' \}\nfunction first<T>\(items: T\[\]\): T \| undefined \{ return items\[0\]; \}\n/, 'TypeScript stays TypeScript, as written');
  t.is(read('app.json'), '{ "pages": ["pages/index/index"] }\n');
  t.is(read('pages/index/index.wxml'), '<view>hi</view>\n');
  t.is(read('broken.js'), "wx.request({ url: 'https://a.com/' \nconst = ;\n", 'a file that does not parse is copied unchanged');
  t.is(read('crlf-bom.js'), readFileSync(path.join(input, 'crlf-bom.js'), 'utf8'), 'a file with an error is copied unchanged');
  t.false(existsSync(path.join(outDir, 'linked-secret.js')), 'a symbolic link out of the tree is not followed');

  t.regex(result.stdout, /crlf-bom\.js:5:11 {2}error {2}method "post" is not uppercase/, 'CRLF and BOM keep positions right');
  t.regex(result.stdout, /broken\.js:2:1 {2}error {2}.*the file does not parse, so it was copied unchanged.* {2}parse-error/);
  t.regex(result.stdout, /10 source files: 8 rewritten \(8 wx\.request references\), 0 unchanged byte for byte, 2 not ported; copied 2 other files; 2 errors; 0 warnings; 1 symbolic link not followed \(out of the tree or broken\); in \d+\.\d\d s\./);
  t.regex(result.stdout, /Not ported \(copied unchanged\), 2 files:\n {2}\S*broken\.js: does not parse \(2:1 [^)]+\); 1 wx\.request reference left unchanged\n {2}\S*crlf-bom\.js: 1 rule error \(method-uppercase\), 1 fixable with --fix; 1 wx\.request reference left unchanged\n/);
  t.regex(result.stderr, /linked-secret\.js is a symbolic link out of/);
  t.false(existsSync(path.join(input, 'mixed.js.map')), 'the input is never written');
});

test('port refuses an output directory inside its input, and bad usage exits 2 with the reason', async (t) => {
  const input = messyTree();
  const inside = await port([input, '--out-dir', path.join(input, 'web')]);
  t.is(inside.code, 2);
  t.regex(inside.stderr, /the output directory .* is inside the input .*; choose a directory outside it/);
  t.is((await port([input, '--out-dir', input])).code, 2);
  const missing = await port([input]);
  t.is(missing.code, 2);
  t.regex(missing.stderr, /port needs --out-dir <dir>/);
  const unknownFlag = await port([input, '--out', 'x']);
  t.is(unknownFlag.code, 2);
  t.regex(unknownFlag.stderr, /Unknown option '--out'/);
  t.notRegex(unknownFlag.stderr, /\n\s+at /, 'no stack trace');
  const notADirectory = await port(['nope', '--out-dir', '/tmp/x']);
  t.regex(notADirectory.stderr, /port: nope is not a directory/);
});

test('port uses the mini-program own babel.config.js when it has one', async (t) => {
  // Inside the repository, so the config's 'babel-plugin-wx-request' resolves as in a user's project.
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  const input = mkdtempSync(path.join(ROOT, '.tmp', 'own-config-'));
  writeFileSync(path.join(input, 'babel.config.json'), JSON.stringify({ plugins: [['babel-plugin-wx-request', { runtime: './web/request.js', rules: { 'unknown-option': 'off' } }]] }));
  writeFileSync(path.join(input, 'a.js'), "wx.request({ url: 'https://a.com/', headers: {} });\nmodule.exports = 1;\n");
  const outDir = `${input}-web`;
  const result = await port([input, '--out-dir', outDir]);
  t.is(result.code, 0, result.stdout + result.stderr);
  t.regex(readFileSync(path.join(outDir, 'a.js'), 'utf8'), /require\("\.\/web\/request\.js"\)/);
  t.regex(readFileSync(path.join(outDir, 'a.js'), 'utf8'), /headers: \{\} \}\);\nmodule\.exports = 1;\n/, 'the rest of the file as written');
  t.notRegex(result.stdout, /unknown-option/);
});

test('a Babel config that cannot be loaded is a clear usage error, not a crash', async (t) => {
  const input = mkdtempSync(path.join(tmpdir(), 'wx-bad-config-'));
  writeFileSync(path.join(input, 'babel.config.json'), JSON.stringify({ plugins: ['babel-plugin-does-not-exist'] }));
  writeFileSync(path.join(input, 'a.js'), "wx.request({ url: 'https://a.com/' });\n");
  const result = await port([input, '--out-dir', `${input}-web`]);
  t.is(result.code, 2);
  t.regex(result.stderr, /port: the Babel config for a\.js could not be loaded: Cannot find module 'babel-plugin-does-not-exist'/);
  t.notRegex(result.stderr, /\n\s+at /);
});

test('a tree of more than 300 files gets a progress line', async (t) => {
  const input = mkdtempSync(path.join(tmpdir(), 'wx-big-'));
  for (let index = 0; index < 320; index++) writeFileSync(path.join(input, `page${index}.js`), index % 10 === 0 ? "wx.request({ url: 'https://a.com/' });\n" : 'module.exports = 1;\n');
  const result = await port([input, '--out-dir', `${input}-web`]);
  t.is(result.code, 0);
  t.regex(result.stderr, /wx-request port: 100\/320 files…/);
  t.regex(result.stdout, /320 source files: 32 rewritten \(32 wx\.request references\), 288 unchanged byte for byte;/);
});

function treeOf(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-port-tree-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

test('a rewritten CRLF file with a BOM keeps both; only the call line and the first line (the import) change', async (t) => {
  const source = "\uFEFF// header comment\r\nconst a = 1 ;\r\n\r\nwx.request({\r\n  url: 'https://a.com/x',\r\n  method: 'POST', // keep\r\n});\r\nmodule.exports = a;\r\n";
  const input = treeOf({ 'page.js': source });
  const outDir = `${input}-web`;
  const result = await port([input, '--out-dir', outDir]);
  t.is(result.code, 0, result.stdout);
  const ported = readFileSync(path.join(outDir, 'page.js'), 'utf8');
  t.true(ported.startsWith('\uFEFF'), 'the BOM stays');
  t.false(/[^\r]\n/.test(ported), 'every line break stays CRLF');
  const before = source.split('\r\n');
  const after = ported.split('\r\n');
  t.is(after.at(-2), '//# sourceMappingURL=page.js.map');
  t.is(after.length, before.length + 1);
  before.slice(0, -1).forEach((line, index) => {
    if (index === 3) t.regex(after[index] ?? '', /_wx\.request\(\{$/);
    else if (index !== 1) t.is(after[index], line, `line ${index + 1}`);
  });
  t.regex(after[1] ?? '', /babel-plugin-wx-request\/runtime.*const a = 1 ;$/);
});

test('port --fix: a tree whose only errors are fixable ports completely in one run', async (t) => {
  const input = treeOf({
    'api.js': "function load(id) {\n  wx.request({\n    url: 'https://api.example.com/items/' + id,\n    method: 'post',\n    headers: { 'X-Id': id },\n  });\n  wx.request({\n    url: '/other',\n    header: {\n      Referer: 'https://me.example.com',\n      'X-Trace': '1',\n    },\n  });\n}\nmodule.exports = { load };\n",
    'plain.js': 'module.exports = 1;\n',
  });
  const without = await port([input, '--out-dir', `${input}-nofix`]);
  t.is(without.code, 1);
  t.regex(without.stdout, /api\.js: 2 rule errors \(method-uppercase, no-referer-header\), 2 fixable with --fix; 2 wx\.request references left unchanged/);

  const outDir = `${input}-web`;
  const fixed = await port([input, '--out-dir', outDir, '--fix']);
  t.is(fixed.code, 0, fixed.stdout);
  t.regex(fixed.stdout, /2 source files: 1 rewritten \(2 wx\.request references\), 1 unchanged byte for byte; copied 0 other files; 0 errors; 0 warnings; 3 problems fixed by --fix;/);
  t.notRegex(fixed.stdout, /Not ported/);
  const ported = readFileSync(path.join(outDir, 'api.js'), 'utf8');
  t.regex(ported, /^(?:import|var) .*babel-plugin-wx-request\/runtime.*function load\(id\) \{\n {2}_wx\.request\(\{\n/);
  t.true(ported.includes("\n    method: 'POST',\n    header: { 'X-Id': id },\n"));
  t.true(ported.includes("\n    header: {\n      'X-Trace': '1',\n    },\n"), 'the Referer line is gone, its neighbours as they were');
  t.true(ported.includes('}\nmodule.exports = { load };\n'));
  t.is(readFileSync(path.join(input, 'api.js'), 'utf8').includes("'post'"), true, 'the input is never written');
  // The source map points at the original lines, the Referer line removed included.
  const map = JSON.parse(readFileSync(path.join(outDir, 'api.js.map'), 'utf8')) as { sourcesContent: string[] };
  t.is(map.sourcesContent[0], readFileSync(path.join(input, 'api.js'), 'utf8'));
});

test('a file that changes while it is being ported is not written, and said so', async (t) => {
  const { runPort } = await import('../cli/port/run.js');
  const input = treeOf({ 'a.js': "wx.request({ url: 'https://a.com/' });\n", 'b.js': "wx.request({ url: 'https://b.com/' });\n" });
  const outDir = `${input}-web`;
  let out = '';
  let err = '';
  const sink = (write: (text: string) => void) => ({ write: (chunk: string) => (write(chunk), true) }) as unknown as NodeJS.WritableStream;
  const code = await runPort([input, '--out-dir', outDir], sink((text) => (out += text)), sink((text) => (err += text)), {
    afterRead: (file) => {
      if (file.endsWith('a.js')) writeFileSync(file, "wx.request({ url: 'https://a.com/changed' });\n");
    },
  });
  t.is(code, 1);
  t.false(existsSync(path.join(outDir, 'a.js')), 'nothing is written for the changed file');
  t.false(existsSync(path.join(outDir, 'a.js.map')));
  t.true(existsSync(path.join(outDir, 'b.js')), 'the others are ported');
  t.regex(err, /a\.js changed while it was being ported; it was not written\. Run the port again\./);
  t.regex(out, /a\.js: changed while it was being ported \(not written; run the port again\); 1 wx\.request reference left unchanged/);
});

test('port rewrites the installed packages inside the tree too: miniprogram_npm/ and node_modules/', async (t) => {
  // A mini-program's miniprogram_npm holds built npm packages that call wx.request; a node_modules
  // inside the tree is ported the same way (the bundlers' and Babel's node_modules exclusions do not apply).
  const files: Record<string, string> = {
    'app.js': "const sdk = require('sdk');\nApp({ onLaunch() { sdk.track('launch'); } });\n",
    'miniprogram_npm/sdk/index.js': "module.exports = { track: function (e) { wx.request({ url: 'https://sdk.example.com/track', data: { e: e } }); } };\n",
    'node_modules/sdk/index.js': "export function track(e) {\n  return wx.request({ url: 'https://sdk.example.com/track', data: { e } });\n}\n",
    'node_modules/sdk/package.json': '{ "name": "sdk", "version": "1.0.0", "type": "module" }\n',
    'node_modules/storage/index.js': "module.exports = { get: (key) => wx.getStorageSync(key) };\n",
  };
  const input = treeOf(files);
  const outDir = `${input}-web`;
  const result = await port([input, '--out-dir', outDir]);
  t.is(result.code, 0, result.stdout + result.stderr);
  // The plugin picks the full or the lean runtime from what the call uses: either is right here.
  const read = (name: string) => readFileSync(path.join(outDir, name), 'utf8').replace('"babel-plugin-wx-request/runtime/lean"', '"babel-plugin-wx-request/runtime"');
  t.is(
    read('miniprogram_npm/sdk/index.js'),
    'var _wx = require("babel-plugin-wx-request/runtime").wx; module.exports = { track: function (e) { _wx.request({ url: \'https://sdk.example.com/track\', data: { e: e } }); } };\n//# sourceMappingURL=index.js.map\n',
  );
  t.is(
    read('node_modules/sdk/index.js'),
    'import { wx as _wx } from "babel-plugin-wx-request/runtime"; export function track(e) {\n  return _wx.request({ url: \'https://sdk.example.com/track\', data: { e } });\n}\n//# sourceMappingURL=index.js.map\n',
  );
  t.true(existsSync(path.join(outDir, 'miniprogram_npm/sdk/index.js.map')));
  t.true(existsSync(path.join(outDir, 'node_modules/sdk/index.js.map')));
  for (const name of ['app.js', 'node_modules/storage/index.js', 'node_modules/sdk/package.json']) {
    t.true(readFileSync(path.join(outDir, name)).equals(readFileSync(path.join(input, name))), `${name} is byte-identical`);
    t.false(existsSync(path.join(outDir, `${name}.map`)), `${name} has no map`);
  }
  t.regex(result.stdout, /4 source files: 2 rewritten \(2 wx\.request references\), 2 unchanged byte for byte; copied 1 other file;/);
});
