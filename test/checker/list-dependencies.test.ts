import test from 'ava';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mayReferenceRequest } from '../../plugin/core/quick-check.js';
import { ROOT } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

/**
 * `wx-request check --list-dependencies`, as users run it (the bin entry, built dist/, a child
 * process), over a project whose node_modules and miniprogram_npm the test writes itself.
 */
const run = (args: string[], cwd: string) => runCli(['check', ...args], cwd);

function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
}

function manifest(name: string, version: string): string {
  return `${JSON.stringify({ name, version, main: 'index.js' })}\n`;
}

/** A package whose only mention of wx.request is in a comment and a string: the quick check lets it through, the plugin does not. */
const COMMENT_ONLY = "// Call wx.request({ url }) yourself, this package only builds URLs.\nmodule.exports = { hint: 'see wx.request', url: (p) => 'https://api.example.com' + p, toast: () => wx.showToast({ title: 'ok' }) };\n";

/** The app, its node_modules (npm packages of every shape) and a miniprogram_npm folder. */
function project(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-list-dependencies-'));
  writeTree(root, {
    'package.json': manifest('app', '1.0.0'),
    'pages/index/index.js': "wx.request({ url: 'https://api.example.com/items', method: 'post' });\n",
    // A CommonJS SDK, as apifm-wxapi is: wx.request inside a Promise wrapper.
    'node_modules/apifm-wxapi/package.json': manifest('apifm-wxapi', '24.1.0'),
    'node_modules/apifm-wxapi/index.js': [
      "var API_BASE = 'https://api.it120.cc';",
      'function request(url, data) {',
      '  return new Promise(function (resolve, reject) {',
      "    wx.request({ url: API_BASE + url, method: 'POST', data: data, success: function (res) { resolve(res.data); }, fail: reject });",
      '  });',
      '}',
      'module.exports = { request: request };',
      '',
    ].join('\n'),
    'node_modules/apifm-wxapi/index.d.ts': 'export declare function request(url: string, data?: object): Promise<unknown>; // wraps wx.request\n',
    // A scoped package: a computed wx['request'] in one file, an alias in another.
    'node_modules/@acme/http/package.json': manifest('@acme/http', '0.2.0'),
    'node_modules/@acme/http/lib/client.mjs': "export function get(url) { return wx['request']({ url }); }\n",
    'node_modules/@acme/http/lib/alias.ts': 'const send: (options: object) => unknown = wx.request;\nexport default send;\n',
    'node_modules/@acme/http/README.md': 'Calls wx.request.\n',
    // Other wx APIs only: the quick check already says no.
    'node_modules/storage/package.json': manifest('storage', '1.0.0'),
    'node_modules/storage/index.js': 'module.exports = { get: (key) => wx.getStorageSync(key), set: (key, value) => wx.setStorageSync(key, value) };\n',
    'node_modules/docs-only/package.json': manifest('docs-only', '3.0.0'),
    'node_modules/docs-only/index.js': COMMENT_ONLY,
    // Nested: b is installed inside a, which itself does not call wx.request.
    'node_modules/a/package.json': manifest('a', '1.0.0'),
    'node_modules/a/index.js': "module.exports = require('b');\n",
    'node_modules/a/node_modules/b/package.json': manifest('b', '2.0.0'),
    'node_modules/a/node_modules/b/index.js': 'module.exports = (options) => wx.request(options);\n',
    // Many files: a few are named, then …
    'node_modules/flyio/package.json': manifest('flyio', '0.6.14'),
    'node_modules/flyio/dist/npm/wx.js': 'module.exports = function (o) { return wx.request(o); };\n',
    'node_modules/flyio/dist/npm/hap.js': 'module.exports = function (o) { return wx.request(o); };\n',
    'node_modules/flyio/src/adapter/wx.js': 'export default (o) => wx.request(o);\n',
    'node_modules/flyio/src/adapter/mini.cjs': 'exports.send = (o) => wx.request(o);\n',
    'node_modules/flyio/index.js': "module.exports = require('./dist/npm/wx.js');\n",
    // A file that does not parse: a note, not a crash.
    'node_modules/broken/package.json': manifest('broken', '0.0.1'),
    'node_modules/broken/index.js': "wx.request({ url: 'https://a.com/' \n",
    // Our own package is never listed.
    'node_modules/babel-plugin-wx-request/package.json': manifest('babel-plugin-wx-request', '0.1.0'),
    'node_modules/babel-plugin-wx-request/index.js': 'module.exports = () => wx.request({});\n',
    'node_modules/.bin/tool': '#!/bin/sh\n',
    // WeChat's "build npm" output: no package.json, the version is that of node_modules/<name>.
    'miniprogram_npm/pkg/index.js': "module.exports = function track(e) { wx.request({ url: 'https://sdk.example.com/track', data: e }); };\n",
    'miniprogram_npm/constants/index.js': "module.exports = { BASE: 'https://api.example.com' };\n",
  });
  return root;
}

test('the quick check alone would list the comment-only package: the plugin confirms', (t) => {
  t.true(mayReferenceRequest(COMMENT_ONLY, ['wx']));
});

test('text: one line per package, sorted by name, the folder when it is not node_modules/<name>, then the count and the include hint; exit 0', async (t) => {
  const root = project();
  const output = await run(['--list-dependencies'], root);
  t.is(output.code, 0, output.stderr);
  t.is(output.stderr, '');
  t.is(
    output.stdout,
    [
      '@acme/http@0.2.0  2 files reference wx.request: lib/alias.ts, lib/client.mjs',
      'apifm-wxapi@24.1.0  1 file references wx.request: index.js',
      'b@2.0.0 (node_modules/a/node_modules/b)  1 file references wx.request: index.js',
      'flyio@0.6.14  4 files reference wx.request: dist/npm/hap.js, dist/npm/wx.js, src/adapter/mini.cjs, …',
      'pkg (miniprogram_npm/pkg)  1 file references wx.request: index.js',
      '',
      'note: node_modules/broken/index.js: does not parse (2:1 Unexpected token, expected ","); skipped',
      '',
      '5 of 10 installed packages reference wx.request (1 in miniprogram_npm, which exclude: /node_modules/ does not skip).',
      "To port those in node_modules with babel-loader, replace exclude: /node_modules/ with include: [path.resolve('src'), /node_modules[\\\\/](@acme[\\\\/]http|apifm-wxapi|b|flyio)[\\\\/]/]",
      '',
    ].join('\n'),
  );
  // The hint's regular expression takes exactly those packages, on either separator.
  const include = new RegExp(/include: \[path\.resolve\('src'\), \/(.+)\/\]$/m.exec(output.stdout)?.[1] ?? '^$');
  for (const file of ['/p/node_modules/@acme/http/lib/client.mjs', 'C:\\p\\node_modules\\@acme\\http\\lib\\client.mjs', '/p/node_modules/a/node_modules/b/index.js', '/p/node_modules/flyio/dist/npm/wx.js']) t.true(include.test(file), file);
  for (const file of ['/p/node_modules/storage/index.js', '/p/node_modules/babel-plugin-wx-request/dist/runtime/index.js', '/p/node_modules/flyio-extra/index.js', '/p/src/app.js']) t.false(include.test(file), file);
  t.false(existsSync(path.join(root, 'pages/index/index.js.map')), 'nothing is written');
  t.is(readFileSync(path.join(root, 'pages/index/index.js'), 'utf8'), "wx.request({ url: 'https://api.example.com/items', method: 'post' });\n", 'the app is not checked, let alone fixed');
});

test('json: an array of { name, version, folder, files }; the notes go to stderr; exit 0', async (t) => {
  const root = project();
  // The version of a miniprogram_npm package without package.json comes from node_modules.
  writeTree(root, { 'node_modules/pkg/package.json': manifest('pkg', '1.4.2'), 'node_modules/pkg/index.js': 'module.exports = {};\n' });
  const output = await run(['--list-dependencies', '--format', 'json'], root);
  t.is(output.code, 0, output.stderr);
  t.deepEqual(JSON.parse(output.stdout), [
    { name: '@acme/http', version: '0.2.0', folder: 'node_modules/@acme/http', files: ['lib/alias.ts', 'lib/client.mjs'] },
    { name: 'apifm-wxapi', version: '24.1.0', folder: 'node_modules/apifm-wxapi', files: ['index.js'] },
    { name: 'b', version: '2.0.0', folder: 'node_modules/a/node_modules/b', files: ['index.js'] },
    { name: 'flyio', version: '0.6.14', folder: 'node_modules/flyio', files: ['dist/npm/hap.js', 'dist/npm/wx.js', 'src/adapter/mini.cjs', 'src/adapter/wx.js'] },
    { name: 'pkg', version: '1.4.2', folder: 'miniprogram_npm/pkg', files: ['index.js'] },
  ]);
  t.is(output.stderr, 'wx-request: note: node_modules/broken/index.js: does not parse (2:1 Unexpected token, expected ","); skipped\n');
});

test('the globals of the project configuration: qq.request counts only when qq is configured', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-list-dependencies-globals-'));
  writeTree(root, {
    'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', wxRequest: { globals: ['wx', 'qq'] } })}\n`,
    'node_modules/qq-sdk/package.json': manifest('qq-sdk', '1.0.0'),
    'node_modules/qq-sdk/index.js': 'module.exports = (o) => qq.request(o);\n',
  });
  const configured = await run(['--list-dependencies'], root);
  t.is(configured.code, 0, configured.stderr);
  t.true(configured.stdout.startsWith('qq-sdk@1.0.0  1 file references wx.request or qq.request: index.js\n'), configured.stdout);
  const unconfigured = await run(['--list-dependencies', '--no-config'], root);
  t.is(unconfigured.code, 0);
  t.is(unconfigured.stdout, 'No installed package references wx.request (looked in node_modules: 1 package).\n');
});

test('--project: the node_modules beside the tsconfig; a symbolic link back to the project is not a dependency', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-list-dependencies-project-'));
  writeTree(root, {
    'app/tsconfig.json': '{ "compilerOptions": { "allowJs": true }, "include": ["src"] }\n',
    'app/src/main.ts': 'export {};\n',
    'app/node_modules/sdk/package.json': manifest('sdk', '1.0.0'),
    'app/node_modules/sdk/index.js': 'module.exports = wx.request;\n',
  });
  symlinkSync(path.join(root, 'app'), path.join(root, 'app/node_modules/self'));
  const output = await run(['--list-dependencies', '--project', 'app/tsconfig.json', '--format=json'], root);
  t.is(output.code, 0, output.stderr);
  t.deepEqual(JSON.parse(output.stdout), [{ name: 'sdk', version: '1.0.0', folder: 'app/node_modules/sdk', files: ['index.js'] }]);
  // Run from a subfolder, the nearest node_modules above it is read.
  const fromSource = await run(['--list-dependencies', '--format', 'json'], path.join(root, 'app/src'));
  t.deepEqual((JSON.parse(fromSource.stdout) as { name: string }[]).map((entry) => entry.name), ['sdk']);
});

test('a pnpm layout: a direct dependency is listed once, by its link; an indirect one from the .pnpm store', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-list-dependencies-pnpm-'));
  const store = 'node_modules/.pnpm';
  writeTree(root, {
    'package.json': manifest('app', '1.0.0'),
    [`${store}/sdk@1.0.0/node_modules/sdk/package.json`]: manifest('sdk', '1.0.0'),
    [`${store}/sdk@1.0.0/node_modules/sdk/index.js`]: "module.exports = require('transport');\n",
    [`${store}/transport@2.1.0/node_modules/transport/package.json`]: manifest('transport', '2.1.0'),
    [`${store}/transport@2.1.0/node_modules/transport/index.js`]: 'module.exports = (options) => wx.request(options);\n',
    [`${store}/direct@3.0.0/node_modules/direct/package.json`]: manifest('direct', '3.0.0'),
    [`${store}/direct@3.0.0/node_modules/direct/index.js`]: 'module.exports = (options) => wx.request(options);\n',
  });
  symlinkSync(path.join(root, store, 'sdk@1.0.0/node_modules/sdk'), path.join(root, 'node_modules/sdk'));
  symlinkSync(path.join(root, store, 'direct@3.0.0/node_modules/direct'), path.join(root, 'node_modules/direct'));
  // pnpm links a package's dependencies beside it.
  symlinkSync(path.join(root, store, 'transport@2.1.0/node_modules/transport'), path.join(root, store, 'sdk@1.0.0/node_modules/transport'));
  const output = await run(['--list-dependencies', '--format', 'json'], root);
  t.is(output.code, 0, output.stderr);
  t.deepEqual(JSON.parse(output.stdout), [
    { name: 'direct', version: '3.0.0', folder: 'node_modules/direct', files: ['index.js'] },
    { name: 'transport', version: '2.1.0', folder: 'node_modules/.pnpm/sdk@1.0.0/node_modules/transport', files: ['index.js'] },
  ]);
});

test('no package found: said so, exit 0, in text and json', async (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-list-dependencies-none-'));
  writeTree(root, { 'package.json': manifest('app', '1.0.0'), 'node_modules/storage/package.json': manifest('storage', '1.0.0'), 'node_modules/storage/index.js': 'module.exports = () => wx.getStorageSync("k");\n' });
  const [text, json] = await Promise.all([run(['--list-dependencies'], root), run(['--list-dependencies', '--format', 'json'], root)]);
  t.is(text.code, 0);
  t.is(text.stdout, 'No installed package references wx.request (looked in node_modules: 1 package).\n');
  t.is(json.code, 0);
  t.deepEqual(JSON.parse(json.stdout), []);
  const bare = mkdtempSync(path.join(tmpdir(), 'wx-list-dependencies-bare-'));
  const nothing = await run(['--list-dependencies'], bare);
  t.is(nothing.code, 0);
  t.is(nothing.stdout, 'No installed package references wx.request: no node_modules folder in or above the current directory, and no miniprogram_npm folder below.\n');
});

test('bad usage exits 2: --format sarif or github, --fix, --list-unchecked, a path that does not exist', async (t) => {
  const root = project();
  const cases: [string[], RegExp, boolean][] = [
    [['--list-dependencies', '--format', 'sarif'], /--list-dependencies prints --format text or json; got "sarif"/, true],
    [['--format=github', '--list-dependencies'], /--list-dependencies prints --format text or json; got "github"/, true],
    [['--list-dependencies', '--fix'], /--list-dependencies lists packages and checks no file: it cannot be combined with --fix/, true],
    [['--list-dependencies', '--list-unchecked'], /cannot be combined with --list-unchecked/, true],
    [['--list-dependencies=yes'], /--list-dependencies takes no value/, true],
    [['--list-dependency'], /unknown option "--list-dependency"\. Options: .*--list-dependencies/, true],
    [['--list-dependencies', 'missing-folder'], /cannot read missing-folder: no such file or directory/, false],
  ];
  const outputs = await Promise.all(cases.map(([args]) => run(args, root)));
  outputs.forEach((output, index) => {
    const [args, message, emptyStdout] = cases[index] ?? [[], /./, true];
    t.is(output.code, 2, args.join(' '));
    t.regex(output.stdout + output.stderr, message, args.join(' '));
    if (emptyStdout) t.is(output.stdout, '', args.join(' '));
    t.false(/\n\s+at .+:\d+:\d+/.test(output.stderr), 'no stack trace');
  });
  // The packages are still listed beside the problem.
  t.true(outputs.at(-1)?.stdout.includes('apifm-wxapi@24.1.0  1 file references wx.request: index.js'));
});

test('check --help documents --list-dependencies', async (t) => {
  const output = await run(['--help'], ROOT);
  t.is(output.code, 0);
  t.regex(output.stdout, /--list-dependencies {2,}list the installed packages whose code references wx\.request/);
  t.regex(output.stdout, /--list-dependencies reads the node_modules of the project root/);
});
