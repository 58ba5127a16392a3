import test from 'ava';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { createTransformer, DIAGNOSTIC_CODE_BASE, getDiagnostics, WxRequestRuleError, type WxRequestOptions } from '../../plugin/typescript/index.js';

function transpile(source: string, options: { module?: ts.ModuleKind; fileName?: string; plugin?: WxRequestOptions } = {}): { code: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const transformer = createTransformer(undefined, { onDiagnostic: (diagnostic) => diagnostics.push(diagnostic), ...options.plugin });
  const output = ts.transpileModule(source, {
    fileName: options.fileName ?? 'input.ts',
    compilerOptions: { module: options.module ?? ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    transformers: { before: [transformer] },
  });
  return { code: output.outputText, diagnostics };
}

test('an ES module gets a named import of the runtime, added once', (t) => {
  const { code } = transpile("import { x } from './x';\nwx.request({ url: x });\nwx['request']({ url: '/a' });\n");
  t.is(
    code,
    'import { wx as _wx } from "babel-plugin-wx-request/runtime/lean";\nimport { x } from \'./x\';\n_wx.request({ url: x });\n_wx[\'request\']({ url: \'/a\' });\n',
  );
});

test('the import is kept by program.emit (not elided as an unused import)', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-request-ts-'));
  const file = path.join(dir, 'page.ts');
  writeFileSync(file, "declare const wx: { request(options: object): void };\nexport function load(): void {\n  wx.request({ url: '/items' });\n}\n");
  const program = ts.createProgram({ rootNames: [file], options: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, outDir: path.join(dir, 'out'), types: [], noLib: true } });
  let emitted = '';
  const result = program.emit(undefined, (name, text) => {
    if (name.endsWith('page.js')) emitted = text;
  }, undefined, false, { before: [createTransformer(program)] });
  t.false(result.emitSkipped);
  t.true(emitted.startsWith('import { wx as _wx } from "babel-plugin-wx-request/runtime/lean";'), emitted);
  t.regex(emitted, /_wx\.request\(\{ url: '\/items' \}\)/);
});

test('CommonJS output gets a require, and optional chains, .call and destructuring are rewritten', (t) => {
  const source = [
    "'use strict';",
    'const r = wx.request;',
    "wx?.request({ url: '/a' });",
    "wx.request?.({ url: '/b' });",
    "wx.request.call(wx, { url: '/c' });",
    'const { request: req, showToast } = wx;',
    "r({ url: '/d' }); req({ url: '/e' }); showToast({});",
    'export {};',
    '',
  ].join('\n');
  const { code } = transpile(source, { module: ts.ModuleKind.CommonJS });
  t.true(code.includes('var _wx = require("babel-plugin-wx-request/runtime").wx;'), code);
  t.true(code.includes('const r = _wx.request;'));
  t.true(code.includes("_wx.request({ url: '/a' });"), 'the runtime\'s wx is never nullish: its `?.` goes');
  t.true(code.includes("_wx.request?.({ url: '/b' });"), 'the app may delete wx.request: this `?.` stays');
  t.true(code.includes("_wx.request.call(_wx, { url: '/c' });"));
  t.true(code.includes('const { request: req } = _wx, { showToast } = wx;'));
  t.false(/(^|[^_])wx\.request/.test(code), 'no global wx.request is left');
  t.false(code.includes('import '));
});

test('a CommonJS script compiled as ESNext keeps require (mini-program code)', (t) => {
  const { code } = transpile("const config = require('./config');\nwx.request({ url: config.BASE });\nmodule.exports = {};\n", { fileName: 'page.js' });
  // TypeScript 6 emits "use strict" (strict by default); the require comes right after the prologue.
  t.regex(code, /^("use strict";\n)?var _wx = require\("babel-plugin-wx-request\/runtime\/lean"\)\.wx;\nconst config = require\('\.\/config'\);/);
});

test('a .cts file under NodeNext gets a require, an .mts file an import', (t) => {
  const cts = transpile("wx.request({ url: '/a' });\nexport {};\n", { module: ts.ModuleKind.NodeNext, fileName: 'a.cts' });
  t.true(cts.code.includes('require("babel-plugin-wx-request/runtime/lean").wx'), cts.code);
  const mts = transpile("wx.request({ url: '/a' });\nexport {};\n", { module: ts.ModuleKind.NodeNext, fileName: 'a.mts' });
  t.true(mts.code.includes('import { wx as _wx } from "babel-plugin-wx-request/runtime/lean";'), mts.code);
});

test('local wx bindings and other APIs are left alone; writes and deletes go to the runtime\'s wx', (t) => {
  const source = [
    "import wx2 from 'wx2';",
    'function page(wx: any) { wx.request({ url: "/param" }); }',
    'const local = () => { const wx = { request() {} }; wx.request(); };',
    'wx.request = () => undefined;',
    'delete (wx as any).request;',
    'wx.requestPayment({});',
    "const text = 'wx.request({})'; // wx.request in a comment",
    'export { page, local, text, wx2 };',
    '',
  ].join('\n');
  const { code } = transpile(source);
  t.true(code.startsWith('import { wx as _wx } from "babel-plugin-wx-request/runtime";'), code);
  t.true(code.includes('function page(wx) { wx.request({ url: "/param" }); }'));
  t.true(code.includes('{ const wx = { request() { } }; wx.request(); }'));
  t.true(code.includes('_wx.request = () => undefined;'));
  t.true(code.includes('delete _wx.request;'));
  t.true(code.includes('wx.requestPayment({});'));
});

test('the runtime option and a name clash', (t) => {
  const { code } = transpile("const _wx = 1;\nwx.request({ url: '/a' });\nexport { _wx };\n", { plugin: { runtime: '@app/request' } });
  t.true(code.startsWith('import { wx as _wx2 } from "@app/request";'), code);
  t.true(code.includes("_wx2.request({ url: '/a' });"));
});

test('diagnostics carry the same rule ids, messages and 1-based positions as the Babel plugin', (t) => {
  const { diagnostics } = transpile("const BASE = 'https://a.com:8080';\nwx.request({ url: BASE + '/x', method: 'post' });\n", { plugin: { rules: { 'method-uppercase': 'warn', 'url-no-port': 'warn' } } });
  t.deepEqual(diagnostics, [
    { ruleId: 'url-no-port', severity: 'warn', message: 'URL origin "https://a.com:8080" has port 8080: WeChat refuses URLs with a port, default ports included. Remove the port, or list the origin in allowedOrigins if the domain is registered with its port.', file: 'input.ts', line: 2, column: 19, endLine: 2, endColumn: 30 },
    { ruleId: 'method-uppercase', severity: 'warn', message: 'method "post" is not uppercase, as WeChat\'s documentation requires (its runtime would send it uppercased). Write "POST".', file: 'input.ts', line: 2, column: 40, endLine: 2, endColumn: 46 },
  ]);
});

test('without onDiagnostic, a file with errors throws one WxRequestRuleError listing them', (t) => {
  const error = t.throws(() =>
    ts.transpileModule("wx.request({ url: 'https://a.com:8080/', method: 'get' });\n", {
      fileName: 'input.ts',
      compilerOptions: { module: ts.ModuleKind.ESNext },
      transformers: { before: [createTransformer()] },
    }),
  );
  t.true(error instanceof WxRequestRuleError);
  t.is((error as WxRequestRuleError).diagnostics.length, 2);
  t.regex(error?.message ?? '', /2 wx\.request errors/);
  t.regex(error?.message ?? '', /input\.ts:1:50  error  method "get" is not uppercase/);
});

test('with a program, values imported from another file are known; getDiagnostics gives ts.Diagnostics', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-request-ts-'));
  writeFileSync(path.join(dir, 'config.ts'), "export const BASE = 'https://api.example.com:8080';\n");
  writeFileSync(path.join(dir, 'page.ts'), "import { BASE } from './config';\ndeclare const wx: any;\nwx.request({ url: BASE + '/x' });\n");
  const program = ts.createProgram({ rootNames: [path.join(dir, 'page.ts')], options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, outDir: path.join(dir, 'out'), types: [], noLib: true } });
  const seen: Diagnostic[] = [];
  // onDiagnostic sees every diagnostic; an error still fails the emit, as it fails a Babel build.
  t.throws(() => program.emit(undefined, () => undefined, undefined, false, { before: [createTransformer(program, { onDiagnostic: (diagnostic) => seen.push(diagnostic) })] }), { instanceOf: WxRequestRuleError });
  t.deepEqual(seen.map((diagnostic) => [diagnostic.ruleId, diagnostic.line, diagnostic.column]), [['url-no-port', 3, 19]]);
  const diagnostics = getDiagnostics(program);
  t.is(diagnostics.length, 1);
  t.is(diagnostics[0]?.category, ts.DiagnosticCategory.Error);
  t.is(diagnostics[0]?.code, DIAGNOSTIC_CODE_BASE + 2);
  t.is(diagnostics[0]?.file?.fileName, path.join(dir, 'page.ts').split(path.sep).join('/'));
  t.regex(String(diagnostics[0]?.messageText), /port 8080.*\(url-no-port\)$/);
});
