// The quick check (plugin/core/quick-check.ts) decides from a file's text whether the plugin must
// traverse it. Two kinds of mistakes: "skip" for a file that references wx.request (a silent wrong
// result on the web: never allowed) and "traverse" for a file that cannot (time only). The tables
// pin both; the property at the end checks the first against the full plugin on generated files.
import test from 'ava';
import * as babel from '@babel/core';
import fc from 'fast-check';
import plugin from '../plugin/index.js';
import { mayReferenceRequest } from '../plugin/core/quick-check.js';
import type { Diagnostic } from '../plugin/core/diagnostic.js';

const WX = ['wx'];
const ALL = ['wx', 'qq', 'tt', 'swan'];

// ---- files that must be skipped: every mention of a global reads another property ----

const skipped: [string, string, string[]?][] = [
  ['no global at all', "const a = 1;\nmodule.exports = { a };\n"],
  ['wx.showToast alone', "wx.showToast({ title: '加载中', icon: 'none' });\n"],
  ['wx.navigateTo alone', "wx.navigateTo({ url: '/pages/a/a?id=' + id });\n"],
  ['storage, modal, loading', "const t = wx.getStorageSync('token');\nwx.setStorageSync('k', t);\nwx.showModal({ success(res) { if (res.confirm) wx.hideLoading(); } });\n"],
  ['a page that uses the app request helper', "const util = require('../../utils/util.js');\nPage({ onLoad() { util.request(api.List).then((res) => this.setData(res)); wx.showToast({ title: 'x' }); } });\n"],
  ['an imported request function', "import { request } from './http';\nrequest('/a');\nwx.stopPullDownRefresh();\n"],
  ['names that start with request', "wx.requestPayment({ paySign: s });\nwx.requestSubscribeMessage({ tmplIds: [] });\nwx.requirePrivacyAuthorize({});\n"],
  ['names that contain request', "wx.createRequestTask?.(); wx.myrequest(); wx.request_(); wx.request$();\n"],
  ['the word request in strings and comments', "// calls request() of the helper\nconst s = 'request';\nwx.showToast({ title: `request ${s}` });\n"],
  ['white space and comments around the dot', "wx . showToast({});\nwx\n  .navigateTo({});\nwx /* c */ . /* d */ hideLoading();\nwx // line\n  .showLoading();\n"],
  ['optional chaining to another name', "wx?.showToast({});\nwx ?. navigateBack();\nwx?.\nswitchTab({});\n"],
  ['a property named wx of another object', "this.wx.request({ url: 'https://a.com' });\nconfig.wx.request;\na?.wx.request();\nobj . wx['request'];\n"],
  ['longer names that contain wx', "wxml.request(); const awx = 1; mywx.request; wx_.request; $wx.request; wx$.request;\n"],
  ['member of a member', "wx.cloud.request; wx.env.USER_DATA_PATH;\n"],
  ['the other globals reading other names', "qq.showToast({}); tt.navigateTo({}); swan.getStorageSync('a');\n", ALL],
  ['globals that are not configured', "qq.request({ url: 'https://a.com' }); tt['request']; const { request } = swan;\n", WX],
  ['escapes that spell other names', "wx.show\\u0054oast({});\n\\u0077x.navigateTo({});\n"],
  ['a string escape outside identifiers', "const s = '\\u4e2d\\x41'; wx.showToast({ title: s });\n"],
];

for (const [title, code, globals = WX] of skipped) {
  test(`skip: ${title}`, (t) => {
    t.false(mayReferenceRequest(code, globals), code);
  });
}

// ---- files that must be traversed ----

const traversed: [string, string, string[]?][] = [
  ['wx.request', "wx.request({ url: 'https://a.com' });\n"],
  ['wx.request among other calls', "wx.showToast({});\nwx.request({ url: 'https://a.com' });\n"],
  ['white space and comments around the dot', "wx . request({});\n"],
  ['a line break before the dot', "wx\n  .request({});\n"],
  ['a block comment', "wx/* why */.request({});\n"],
  ['a line comment', "wx // why\n  .request({});\n"],
  ['a comment after the dot', "wx./* x */request({});\n"],
  ['optional chaining', "wx?.request({});\nwx ?. request({});\n"],
  ['a computed member with a string', "wx['request']({});\n"],
  ['a computed member with a template', 'wx[`request`]({});\n'],
  ['a computed member built from parts', "wx['req' + 'uest']({});\n"],
  ['a computed member with a space', "wx ['req' + 'uest']({});\n"],
  ['a computed member on the next line', "wx\n['req' + 'uest']({});\n"],
  ['an optional computed member', "wx?.['request']({});\n"],
  ['a computed member with a variable', 'const k = name; wx[k]({});\n'],
  ['a destructuring', 'const { request } = wx;\n'],
  ['a destructuring with another name only', 'const { showToast } = wx;\n'],
  ['a destructuring with a computed key', "const { ['req' + 'uest']: r } = wx;\n"],
  ['a destructuring assignment', 'let r; ({ request: r } = wx);\n'],
  ['a parameter default', 'function f({ request } = wx) {}\n'],
  ['wx as a value', 'const api = wx;\napi.request({});\n'],
  ['wx as an argument', 'promisifyAll(wx);\n'],
  ['wx as an argument among others', 'f(a, wx, b);\n'],
  ['Object.keys(wx)', 'Object.keys(wx).forEach(() => {});\n'],
  ['Object.defineProperty(wx, ...)', "Object.defineProperty(wx, 'request', { value: mock });\n"],
  ['a conditional', 'const api = wx ? wx : qq;\n'],
  ['a conditional with a number', 'const x = wx?.5:0;\n'],
  ['typeof wx', "if (typeof wx !== 'undefined') run();\n"],
  ['a parenthesised global', '(wx).request({});\n'],
  ['a sequence', '(0, wx).request({});\n'],
  ['a spread', 'const copy = { ...wx };\n'],
  ['an array of globals', '[wx, qq].forEach((api) => api.request({}));\n'],
  ['a logical fallback', 'const api = wx || {};\n'],
  ['a non-null assertion (TypeScript)', 'wx!.request({});\n'],
  ['a cast (TypeScript)', '(wx as any).request({});\n'],
  ['a declaration of the name', 'declare const wx: WechatMiniprogram.Wx;\nwx.showToast({});\n'],
  ['an import of the name', "import wx from './fake-wx';\nwx.showToast({});\n"],
  ['a write to the property', 'wx.request = mock;\n'],
  ['a delete of the property', 'delete wx.request;\n'],
  ['wx.request.call', 'wx.request.call(wx, {});\n'],
  ['a stored reference', 'const r = wx.request;\n'],
  ['an escaped global name', "\\u0077x.request({ url: 'https://a.com' });\n"],
  ['an escaped global name in braces', "\\u{77}x.request({ url: 'https://a.com' });\n"],
  ['an escaped property name', "wx.\\u0072equest({ url: 'https://a.com' });\n"],
  ['an escape in the middle of the property name', "wx.req\\u0075est({ url: 'https://a.com' });\n"],
  ['a name that goes on with an escape', 'wx.request\\u4e2d;\n'],
  ['a name that goes on outside ASCII', 'wx.request变量;\n'],
  ['a no-break space before the call', 'wx.request\u00a0({});\n'],
  ['another configured global', "qq.request({ url: 'https://a.com' });\n", ALL],
  ['another configured global as a value', 'const { request } = swan;\n', ALL],
  ['a global with a dollar sign', "$api.request({});\n", ['$api']],
  ['the name in a string (conservative)', "const s = 'wx';\n"],
  ['the name in a comment (conservative)', '// wx\n'],
  ['wx.request in a comment (conservative)', '// wx.request({})\n'],
  ['a regular expression with quotes and comment starts', "const re = /'\\/*/; wx.request({});\n"],
  ['a string with slashes before the call', "const u = 'https://a.com//x'; wx.request({ url: u });\n"],
  ['the end of the file right after the name', 'wx'],
  ['the end of the file right after the dot', 'wx.'],
  ['an unclosed comment after the name', 'wx /* '],
  ['a key named wx (conservative)', 'const o = { wx: 1 };\n'],
  ['the previous line ending with a dot in a comment', '// the end.\nwx.request({});\n'],
];

for (const [title, code, globals = WX] of traversed) {
  test(`traverse: ${title}`, (t) => {
    t.true(mayReferenceRequest(code, globals), code);
  });
}

test('the answer does not depend on earlier calls with other globals (the patterns are cached per list)', (t) => {
  t.true(mayReferenceRequest('qq.request({});', ALL));
  t.false(mayReferenceRequest('qq.request({});', WX));
  t.true(mayReferenceRequest('qq.request({});', ['qq']));
  t.false(mayReferenceRequest('wx.showToast({}); wx.showToast({});', WX));
  t.true(mayReferenceRequest('wx.showToast({}); wx.request({});', WX));
});

// ---- the property: the quick check never skips a file the full plugin has something to say about ----

/**
 * What the full plugin finds in a file when nothing is skipped: a comment that mentions `wx[`
 * makes the quick check let the file through, and changes nothing else.
 */
function fullPlugin(code: string, globals: readonly string[]): { references: number; diagnostics: Diagnostic[]; error?: string } {
  const diagnostics: Diagnostic[] = [];
  try {
    const result = babel.transformSync(`${code}\n// wx[\n`, {
      babelrc: false,
      configFile: false,
      filename: '/project/page.js',
      cwd: '/project',
      sourceType: 'module',
      plugins: [[plugin, { globals, onDiagnostic: (d: Diagnostic) => diagnostics.push(d) }]],
    });
    const meta = (result?.metadata as { wxRequest?: { rewritten?: number; callSites?: number } } | undefined)?.wxRequest;
    return { references: (meta?.rewritten ?? 0) + (meta?.callSites ?? 0), diagnostics };
  } catch (error) {
    return { references: 0, diagnostics, error: (error as Error).message };
  }
}

const OPTIONS = "{ url: 'https://api.example.com/a', method: 'GET' }";
/** Statements a file is made of: plenty that are safe to skip, and every shape that is not. */
const FRAGMENTS = [
  // safe
  `wx.showToast({ title: 'x' });`,
  `wx.navigateTo({ url: '/pages/a/a' });`,
  `wx . getStorageSync('token');`,
  `wx/* c */.setStorageSync('k', 1);`,
  `wx?.showLoading({ title: '加载中' });`,
  `wx.requestPayment({ paySign: 'p' });`,
  `util.request(api.List).then(() => {});`,
  `this.wx.request(${OPTIONS});`,
  `qq.showToast({});`,
  `tt.navigateTo({ url: '/a' });`,
  `swan.getStorageSync('a');`,
  `const s = 'request';`,
  `// request wx.showToast`,
  `const re = /\\/*'/;`,
  `const u = 'https://a.com//x';`,
  `const half = 1 / 2;`,
  `function helper(a) { return a * 2; }`,
  `Page({ data: {}, onLoad() { wx.setNavigationBarTitle({ title: 'x' }); } });`,
  `module.exports = { helper };`,
  // must traverse
  `wx.request(${OPTIONS});`,
  `wx\n  .request(${OPTIONS});`,
  `wx /* c */ . request(${OPTIONS});`,
  `wx?.request(${OPTIONS});`,
  `wx['request'](${OPTIONS});`,
  `wx ['req' + 'uest'](${OPTIONS});`,
  `const { request: r1 } = wx; r1(${OPTIONS});`,
  `const { ['req' + 'uest']: r2 } = wx; r2(${OPTIONS});`,
  `let r3; ({ request: r3 } = wx);`,
  `const api1 = wx;`,
  `promisifyAll(wx);`,
  `Object.keys(wx);`,
  `Object.defineProperty(wx, 'request', { value: 1 });`,
  `const api2 = wx ? wx : qq;`,
  `(0, wx.request)(${OPTIONS});`,
  `wx.request.call(wx, ${OPTIONS});`,
  `\\u0077x.request(${OPTIONS});`,
  `wx.\\u0072equest(${OPTIONS});`,
  `qq.request(${OPTIONS});`,
  `tt['request'](${OPTIONS});`,
  `const { request: r4 } = swan; r4(${OPTIONS});`,
  `wx.request({ url: 'https://api.example.com:8080/a', method: 'get', timeout: -1 });`,
  `wx.request(${OPTIONS}).abort();`,
];

test('property: the quick check never skips a file in which the full plugin finds a reference, a diagnostic or an error', (t) => {
  const file = fc.uniqueArray(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('\n'));
  const globals = fc.constantFrom(WX, ALL, ['qq', 'tt'], ['swan']);
  let skippedFiles = 0;
  fc.assert(
    fc.property(file, globals, (code, chosen) => {
      const full = fullPlugin(code, chosen);
      const found = full.references > 0 || full.diagnostics.length > 0 || full.error !== undefined;
      const quick = mayReferenceRequest(code, chosen);
      if (!quick) skippedFiles++;
      return !found || quick;
    }),
    { seed: 20261201, numRuns: 600 },
  );
  // The property means something only if files do get skipped.
  t.true(skippedFiles > 50, `only ${skippedFiles} files were skipped`);
});

test('property: a skipped file comes out of the plugin as it would without the plugin', (t) => {
  const safe = FRAGMENTS.slice(0, FRAGMENTS.indexOf(`wx.request(${OPTIONS});`));
  fc.assert(
    fc.property(fc.uniqueArray(fc.constantFrom(...safe), { minLength: 1, maxLength: 8 }), (parts) => {
      const code = parts.join('\n');
      if (mayReferenceRequest(code, WX)) return true;
      const options = { babelrc: false, configFile: false, filename: '/project/page.js', sourceType: 'module' as const };
      const plain = babel.transformSync(code, options)?.code;
      const withPlugin = babel.transformSync(code, { ...options, plugins: [[plugin, { onDiagnostic() {} }]] });
      const meta = (withPlugin?.metadata as { wxRequest?: { rewritten: number; edits?: unknown[] } }).wxRequest;
      return withPlugin?.code === plain && (meta === undefined || (meta.rewritten === 0 && (meta.edits ?? []).length === 0));
    }),
    { seed: 20261202, numRuns: 200 },
  );
  t.pass();
});
