// The packed tarball in a TypeScript 7 project (npm's `latest` typescript has no JavaScript API):
// a plain npm install works, and the plugin, the runtime and the CLI work; what cannot work
// (the TypeScript transformer; `port` once @babel/core is gone) says so in one line.
import test from 'ava';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createProject, type Project } from './support/project.js';
import { startRecordingServer } from './support/recording-server.js';

const TYPESCRIPT_7 = 'typescript@7.0.2';
let project: Project;

test.before(async () => {
  // A plain install: no --legacy-peer-deps; npm adds the @babel/core peer itself.
  project = await createProject('typescript7', [TYPESCRIPT_7], { type: 'module' });
});

test.after.always(() => project?.remove());

test.serial('npx wx-request --version and --help exit 0', async (t) => {
  const { stdout } = await project.exec('npx', ['wx-request', '--version']);
  t.regex(stdout.trim(), /^\d+\.\d+\.\d+/);
  t.regex((await project.exec('npx', ['wx-request', '--help'])).stdout, /Usage: wx-request <command>/);
});

test.serial('require() of the plugin gives Babel a plugin it loads (Babel 7, CommonJS)', async (t) => {
  const script = `const babel = require('@babel/core');
const plugin = require('babel-plugin-wx-request');
const { code } = babel.transformSync("module.exports = () => wx.request({ url: 'https://a.example/x' });", { babelrc: false, configFile: false, filename: 'a.js', sourceType: 'unambiguous', plugins: [plugin] });
console.log(babel.version, code);`;
  const { stdout } = await project.exec(process.execPath, ['--input-type=commonjs', '-e', script]);
  t.regex(stdout, /^7\.29\./);
  t.regex(stdout, /require\("babel-plugin-wx-request\/runtime\/lean"\)/);
});

test.serial('one runtime in Node: import and require share the queue, the settings and wx', async (t) => {
  const server = await startRecordingServer();
  try {
    // Allowed through the ES module form, requested through the CommonJS form (and the reverse);
    // maxConcurrent 1 set through require must hold for requests made through import.
    const script = `import { createRequire } from 'node:module';
import * as esm from 'babel-plugin-wx-request/runtime';
import * as lean from 'babel-plugin-wx-request/runtime/lean';
const cjs = createRequire(import.meta.url)('babel-plugin-wx-request/runtime');
const api = ${JSON.stringify(server.origin)};
esm.configure({ allowedOrigins: [api] });
cjs.configure({ maxConcurrent: 1 });
const call = (form, n) => new Promise((resolve) => form.request({ url: api + '/api/one?n=' + n, success: (res) => resolve(res.statusCode), fail: (err) => resolve(err.errMsg) }));
const results = await Promise.all([call(cjs, 1), call(esm, 2), call(lean, 3), call(cjs.wx, 4)]);
console.log(JSON.stringify({ results, sameWx: esm.wx === cjs.wx && lean.wx === cjs.wx, sameRequest: esm.request === cjs.request }));`;
    project.write('one-runtime.mjs', script);
    const { stdout } = await project.exec(process.execPath, ['one-runtime.mjs']);
    t.deepEqual(JSON.parse(stdout), { results: [200, 200, 200, 200], sameWx: true, sameRequest: true });
    t.deepEqual(server.received.map((entry) => entry.url), ['/api/one?n=1', '/api/one?n=2', '/api/one?n=3', '/api/one?n=4'], 'one queue: one at a time, in order');
  } finally {
    await server.close();
  }
});

test.serial('wx-request check works with its own TypeScript', async (t) => {
  project.write('src/api.js', "wx.request({ url: 'https://api.example.com/x', method: 'post' });\n");
  const error = await t.throwsAsync(project.exec('npx', ['wx-request', 'check', 'src']));
  t.regex((error as Error & { stdout: string }).stdout, /src\/api\.js:1:\d+\s+error\s+method "post" is not uppercase/);
});

test.serial('the TypeScript transformer on TypeScript 7: one line naming the API and the versions it needs', async (t) => {
  const script = "import { createTransformer } from 'babel-plugin-wx-request/typescript';\ntry { createTransformer(); } catch (error) { console.log(error.name + ': ' + error.message); }";
  const { stdout } = await project.exec(process.execPath, ['--input-type=module', '-e', script]);
  t.is(stdout.trim().split('\n').length, 1);
  t.regex(stdout, /^MissingPeerError: babel-plugin-wx-request\/typescript needs the JavaScript API of TypeScript 5 or 6 \(typescript@"\^5\.0\.0 \|\| \^6\.0\.0": ts\.createProgram.*found typescript 7\.0\.2/);
});

test.serial('wx-request port without @babel/core: one line naming the package and its range', async (t) => {
  rmSync(path.join(project.dir, 'node_modules/@babel/core'), { recursive: true, force: true });
  const error = await t.throwsAsync(project.exec('npx', ['wx-request', 'port', 'src', '--out-dir', 'web']));
  const { stderr, code } = error as Error & { stderr: string; code: number };
  t.is(code, 2);
  t.is(stderr, 'wx-request: wx-request port needs @babel/core@"^7.29.0 || ^8.0.0" (a peer dependency), which is not installed: run npm install --save-dev @babel/core\n');
});
