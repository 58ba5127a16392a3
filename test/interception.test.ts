import test from 'ava';
import * as babel from '@babel/core';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import plugin from '../plugin/index.js';
import { createTransformer } from '../plugin/typescript/index.js';
import { ROOT } from './support/fixtures.js';
import { expected, MAIN, SOURCES } from './interception/sources.js';

const run = promisify(execFile);
// Inside the project's node_modules, `babel-plugin-wx-request/runtime` resolves to this package's build.
const SCRATCH = path.join(ROOT, 'node_modules/.cache/wx-interception');

let origin = '';
let server: http.Server;

test.before(async () => {
  server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ path: request.url, auth: request.headers.authorization ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  mkdirSync(SCRATCH, { recursive: true });
});

test.after.always(() => {
  server.close();
  rmSync(SCRATCH, { recursive: true, force: true });
});

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
}

async function runTree(dir: string, env: Record<string, string>): Promise<unknown> {
  writeFileSync(path.join(dir, 'main.mjs'), MAIN);
  const { stdout } = await run(process.execPath, ['--no-warnings', 'main.mjs'], { cwd: dir, env: { ...process.env, ORIGIN: origin, ...env } });
  return JSON.parse(stdout) as unknown;
}

const byBabel = (name: string, code: string) =>
  babel.transformSync(code, { babelrc: false, configFile: false, filename: name, sourceType: 'unambiguous', plugins: [[plugin, { allowedOrigins: [origin] }]] })?.code ?? '';

const byTypeScript = (name: string, code: string) =>
  ts.transpileModule(code, {
    fileName: name,
    compilerOptions: { module: name.endsWith('.cjs') ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, allowJs: true },
    transformers: { before: [createTransformer(undefined, { allowedOrigins: [origin] })] },
  }).outputText;

for (const [front, transform] of [['the Babel plugin', byBabel], ['the TypeScript transformer', byTypeScript]] as const) {
  for (const withWx of [false, true]) {
    test(`${front}: wrappers, defineProperty and early reads behave as on WeChat across ESM and CommonJS, ${withWx ? 'with' : 'without'} a global wx`, async (t) => {
      const dir = mkdtempSync(path.join(SCRATCH, 'tree-'));
      writeTree(dir, Object.fromEntries(Object.entries(SOURCES).map(([name, code]) => [name, transform(name, code)])));
      // No global `wx.request` is left: every file goes through the runtime's shared `wx`.
      for (const name of Object.keys(SOURCES)) t.notRegex(readFileSync(path.join(dir, name), 'utf8'), /(^|[^_\w])wx\.request/, name);
      t.deepEqual(await runTree(dir, { WITH_WX: withWx ? '1' : '0' }), expected(withWx));
    });
  }
}

test('wx-request port: the ported tree behaves as on WeChat', async (t) => {
  const input = mkdtempSync(path.join(SCRATCH, 'port-in-'));
  const output = path.join(SCRATCH, `${path.basename(input)}-out`);
  writeTree(input, SOURCES);
  await run(process.execPath, [path.join(ROOT, 'bin/wx-request.js'), 'port', input, '--out-dir', output, '--quiet'], { cwd: ROOT });
  for (const name of Object.keys(SOURCES)) t.notRegex(readFileSync(path.join(output, name), 'utf8'), /(^|[^_\w])wx\.request/, name);
  // The port has no allowedOrigins here: the app allows the test server's origin with configure().
  t.deepEqual(await runTree(output, { CONFIGURE: '1' }), expected(false));
});
