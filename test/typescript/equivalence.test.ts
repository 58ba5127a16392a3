import test from 'ava';
import * as babel from '@babel/core';
import ts from 'typescript';
import plugin from '../../plugin/index.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { createTransformer, WxRequestRuleError } from '../../plugin/typescript/index.js';

/**
 * Forms the fixtures do not all cover, through both front ends (Babel plugin, TypeScript
 * transformer without a program): scopes, hoisting, wrappers, keys, folding, escapes.
 */
const cases: [string, string][] = [
  ['ts', "(wx.request)({ method: 'post' });"],
  ['ts', "(0, wx.request)({ method: 'post' });"],
  ['ts', "wx.request.apply(wx, [{ method: 'post' }]);"],
  ['ts', "wx.request.bind(wx)({ method: 'post' });"],
  ['ts', "const o = { url: 'http://a:1/' }; wx.request({ ...o, method: 'post' });"],
  ['ts', "wx.request({ get url() { return 'x'; }, success() {}, __proto__: null, 1: 2, headers: {} });"],
  ['ts', "wx.request({ url: `${'https'}://a.com:${8080}/` });"],
  ['ts', "function f() { const wx = { request(o: any) {} }; wx.request({ method: 'post' }); }"],
  ['ts', "let { request } = wx; request({ method: 'post' });"],
  ['js', "wx.request({ method: 'post' }); var wx;"],
  ['js', "class wx {} wx.request({ method: 'post' });"],
  ['js', "try {} catch (wx) { wx.request({ method: 'post' }); }"],
  ['js', "for (const wx of []) wx.request({ method: 'post' });"],
  ['js', "{ function wx() {} } wx.request({ method: 'post' });"],
  ['ts', "import type { wx } from 'x'; wx.request({ method: 'post' });"],
  ['ts', "import { type wx } from 'x'; wx.request({ method: 'post' });"],
  ['ts', "declare function wx(): void; wx.request({ method: 'post' });"],
  ['ts', "const M = 'po' + 'st'; const K = 'met' + 'hod'; wx.request({ [K]: M });"],
  ['ts', "const N = 'request'; wx[N]({ method: 'post' });"],
  ['ts', "wx['req' + 'uest']({ method: 'post' });"],
  ['ts', "const C = { a: { method: 'post' } }; wx.request(C.a);"],
  ['ts', "const C = { a: { method: 'post' } } as const; wx.request({ ...C.a });"],
  ['ts', "const T = 6e4 + 1; wx.request({ timeout: T, url: 'https://[::1]:80/' });"],
  ['ts', "wx.request({ timeout: 1_000_000 });"],
  ['ts', "wx.request({ timeout: 0x10 - 17 });"],
  ['ts', "wx.request({ header: { ['Refer' + 'er']: 1, referer: 2 } });"],
  ['ts', "const r = wx.request; const r2 = r; r2({ method: 'post' });"],
  ['ts', "const { request: req = () => {} } = wx; req({ method: 'post' });"],
  ['ts', "const { ['request']: req } = wx; req({ method: 'post' });"],
  ['ts', "wx!.request({ method: 'post' }); (<any>wx).request({ method: 'get' });"],
  ['ts', "wx.request({ method: 'post' } as any); wx.request({ method: 'get' } satisfies object);"],
  ['ts', "wx.request({ method: ('post') as 'post' });"],
  ['js', "wx.request({ method: 'p\\u006Fst' });"],
  ['js', "wx['re\\u0071uest']({ method: 'post' });"],
  ['js', "const a = wx?.request; a?.({ method: 'post' });"],
  ['js', "function g(o) { wx.request(o); } g({ method: 'post' });"],
  ['js', "wx.request({ 'method': 'post', \"url\": 'http://x:2' });"],
  ['js', "wx.request({ method }); const method = 'post';"],
  ['js', "wx.request({ method: m }); function h() { const m = 'x'; } const m = 'post';"],
  ['ts', "const base = 'http://a.com'; const port: number = 8080; wx.request({ url: `${base}:${port}/x` });"],
  ['js', "const o = { method: 'post' }; const p = o; wx.request(p);"],
  ['js', "wx.request({ url: 'http://a.com:8080/' + x, ...unknown });"],
  ['js', "wx.request({ ...unknown, header: { ...h, Referer: 1 } });"],
];

function viaBabel(code: string, extension: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  try {
    babel.transformSync(code, {
      babelrc: false,
      configFile: false,
      filename: `/virtual/input.${extension}`,
      cwd: '/virtual',
      sourceType: 'module',
      parserOpts: { plugins: extension === 'ts' ? ['typescript'] : [] },
      plugins: [[plugin, { onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic) }]],
    });
  } catch (error) {
    if (!(error instanceof Error && 'diagnostics' in error)) throw error;
  }
  return diagnostics;
}

function viaTypeScript(code: string, extension: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  try {
    ts.transpileModule(code, {
      fileName: `input.${extension}`,
      compilerOptions: { module: ts.ModuleKind.ESNext, allowJs: true },
      transformers: { before: [createTransformer(undefined, { onDiagnostic: (diagnostic) => diagnostics.push(diagnostic) })] },
    });
  } catch (error) {
    if (!(error instanceof WxRequestRuleError)) throw error;
  }
  return diagnostics;
}

for (const [extension, code] of cases) {
  test(`same diagnostics: ${code}`, (t) => {
    t.deepEqual(viaTypeScript(code, extension), viaBabel(code, extension));
  });
}

test('known difference: a TypeScript namespace or enum named wx is a local binding for the transformer', (t) => {
  // Babel's scope does not register TS namespace and enum declarations, so the Babel plugin takes
  // such a `wx` for the global; TypeScript knows it is a value of the file.
  t.deepEqual(viaTypeScript("namespace wx { export const a = 1; } wx.request({ method: 'post' });", 'ts'), []);
});
