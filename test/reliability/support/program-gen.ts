// A grammar of mini-program code for the plugin's property tests. fast-check generates a small
// tree of choices (numbers, arrays); `render` turns it into source text deterministically and
// records which `wx.request` uses are global (must be rewritten) and which are on a local `wx`
// (must be left alone), each tagged by a unique URL path segment.
import fc from 'fast-check';

export interface CallNode {
  kind: 'call';
  form: number;
  extras: number[];
  argument: number;
}
export interface WrapNode {
  kind: 'wrap';
  wrapper: number;
  body: Node[];
}
export type Node = CallNode | WrapNode;

export interface ProgramSpec {
  ts: boolean;
  module: number; // 0 esm, 1 commonjs, 2 neither
  topShadow: number; // 0: wx is global; else a top-level binding of wx
  declareWx: boolean; // TypeScript `declare const wx: any` (still the global)
  preamble: number[];
  body: Node[];
}

export interface Rendered {
  code: string;
  filename: string;
  ts: boolean;
  /** Tags of calls on the global wx (rewritten) and on a local wx (untouched). */
  globalTags: string[];
  localTags: string[];
}

interface Context {
  ts: boolean;
  async: boolean;
  shadowed: boolean;
  generator: boolean;
}

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;

// ---- option objects: the first property carries the tag, the extras are the odd parts ----
type Extra = { group: string; text: (ctx: Context) => string; ts?: boolean };
const EXTRAS: Extra[] = [
  { group: 'method', text: () => "method: 'POST'" },
  { group: 'method', text: () => "method: 'post'" },
  { group: 'method', text: () => "method: 'PATCH'" },
  { group: 'method', text: () => 'method: M.Get', ts: true },
  { group: 'spread', text: () => '...common' },
  { group: 'spread2', text: () => "...{ header: { Referer: 'x' } }" },
  { group: 'spread3', text: () => '...(flag ? { data: 1 } : {})' },
  { group: 'getter', text: () => 'get data() { return { a: 1 }; }' },
  { group: 'setter', text: () => 'set extra(v) {}' },
  { group: 'computed', text: () => "['head' + 'er']: { 'Content-Type': 'text/plain' }" },
  { group: 'computed2', text: () => '[key]: 1' },
  { group: 'computed3', text: () => '[`time${"out"}`]: 5' },
  { group: 'number', text: () => "1: 'one'" },
  { group: 'number2', text: () => '0x10: 2' },
  { group: 'number3', text: () => '1.5e3: 3' },
  { group: 'proto', text: () => '__proto__: null' },
  { group: 'proto', text: () => "'__proto__': { polluted: 1 }" },
  { group: 'proto2', text: () => "['__proto__']: 1" },
  { group: 'ctor', text: () => 'constructor: 1' },
  { group: 'success', text: () => 'success(res) { this.res = res; }' },
  { group: 'fail', text: () => 'async fail(err) { await err; }' },
  { group: 'complete', text: () => 'complete: () => {}' },
  { group: 'complete', text: () => '*complete() { yield 1; }' },
  { group: 'header', text: () => "header: { ['Referer']: 'x', ...h, 'REFERER': 'y' }" },
  { group: 'header', text: () => "header: Object.assign(Object.create(null), { referer: 'z' })" },
  { group: 'header', text: () => "header: { get Referer() { return 'g'; } }" },
  { group: 'timeout', text: () => 'timeout: 60000 * 2' },
  { group: 'timeout', text: () => 'timeout: -1' },
  { group: 'data', text: () => "data: JSON.parse('{\"__proto__\": {\"polluted\": 1}}')" },
  { group: 'data', text: () => 'data: { __proto__: { polluted: 1 }, prototype: 2 }' },
  { group: 'url', text: () => 'url: `https://a.com:${port}/x`' },
  { group: 'url', text: () => "url: BASE + '/x'" },
  { group: 'unknown', text: () => 'headers: {}' },
  { group: 'unknown', text: () => 'body: 1' },
  { group: 'typed', text: () => 'dataType: <string>"json"', ts: true },
  { group: 'typed', text: () => "responseType: 'text' as const", ts: true },
  { group: 'typed', text: () => 'enableChunked: true satisfies boolean', ts: true },
];

function options(node: CallNode, tag: string, ctx: Context): string {
  const seen = new Set<string>();
  const parts = [`url: 'https://a.com/${tag}'`];
  for (const index of node.extras) {
    const extra = pick(EXTRAS, index);
    if (extra.ts && !ctx.ts) continue;
    if (seen.has(extra.group)) continue;
    seen.add(extra.group);
    parts.push(extra.text(ctx));
  }
  return `{ ${parts.join(', ')} }`;
}

// ---- the forms of a call; `O` is the option object, `n` a unique number ----
type Form = {
  text: (O: string, n: number, ctx: Context) => string;
  ts?: boolean;
  async?: boolean;
  tagged?: boolean;
  /** A form that triggers a known plugin bug: left out unless FC_KNOWN_BUGS=1 (see known-bugs.test.ts). */
  knownBug?: string;
};
const INCLUDE_KNOWN_BUGS = process.env['FC_KNOWN_BUGS'] === '1';
const ALL_FORMS: Form[] = [
  { text: (O) => `wx.request(${O});` },
  { text: (O) => `wx['request'](${O});` },
  { text: (O) => `wx[\`request\`](${O});` },
  { text: (O) => `wx?.request(${O});` },
  { text: (O) => `wx.request?.(${O});` },
  { text: (O) => `wx?.['request']?.(${O})?.abort();` },
  { text: (O) => `wx.request.call(wx, ${O});` },
  { text: (O) => `wx.request.apply(wx, [${O}]);` },
  { text: (O) => `wx.request.call(this, ${O});` },
  { text: (O, n) => `const r${n} = wx.request;\nr${n}(${O});` },
  { text: (O, n) => `let t${n} = wx.request(${O});\nt${n}.onHeadersReceived(() => {});\nt${n}.abort();` },
  { text: (O) => `{\n const { request } = wx;\n request(${O});\n}` },
  { text: (O, n) => `const { request: req${n}, showToast: st${n} } = wx;\nreq${n}(${O});\nst${n}({ title: 'x' });` },
  { text: (O, n) => `const { 'request': rq${n} = fallback } = wx;\nrq${n}(${O});` },
  { text: (O, n) => `const { ['req' + 'uest']: rc${n} } = wx;\nrc${n}(${O});`, knownBug: 'quick-check' },
  { text: (O) => `wx ['req' + 'uest'](${O});`, knownBug: 'quick-check' },
  { text: (O) => `wx['req' + 'uest'](${O});` },
  { text: (O, n) => `let ra${n};\n({ request: ra${n} } = wx);\nra${n}(${O});`, knownBug: 'assignment-destructuring' },
  { text: (O, n) => `function pd${n}({ request } = wx) { request(${O}); }`, knownBug: 'parameter-destructuring' },
  { text: (O) => `promisify(wx.request)(${O}).then(() => {});` },
  { text: (O) => `if (typeof wx.request === 'function') wx.request(${O});` },
  { text: (O) => `if (wx.request) { (wx.request)(${O}); }` },
  { text: (O) => `(0, wx.request)(${O});` },
  { text: (O) => `wx.request(${O}).abort();` },
  { text: (O) => `module.exports.load = () => wx.request(${O});` },
  { text: (O) => `[1, 2].forEach(() => wx.request(${O}));` },
  { text: (O, n) => `const ob${n} = { run: wx.request, other: wx.showToast };\nob${n}.run(${O});` },
  { text: (O) => `wx.request(${O}, extraArgument);` },
  { text: (O) => `wx.request(...[${O}]);` },
  { text: (O) => `wx.request(options${O.length}); wx.request(${O});` },
  { text: (O) => `wx.request(); wx.request(${O});` },
  { text: (O) => `wx.request(${O}); // wx.request({ url: 'in a comment' })` },
  { text: (O) => `label: for (const x of [1]) { if (x) { wx.request(${O}); break label; } }` },
  { text: (O) => `switch (k) { case 1: wx.request(${O}); default: }` },
  { text: (O) => `cond ? wx.request(${O}) : wx.showToast({});` },
  { text: (O) => `wx.request(${O}) ?? null;` },
  { text: (O) => `new Promise((resolve, reject) => wx.request({ ...${O}, success: resolve, fail: reject }));` },
  { text: (O) => `await new Promise((resolve) => wx.request({ ...${O}, success: resolve }));`, async: true },
  { text: (O) => `for await (const x of [wx.request(${O})]) x;`, async: true },
  { text: (O) => `yield wx.request(${O});`, tagged: true },
  { text: (O) => `(wx as any).request(${O});`, ts: true },
  { text: (O) => `wx!.request(${O});`, ts: true },
  { text: (O) => `(<any>wx).request(${O});`, ts: true },
  { text: (O) => `wx.request(${O} as WechatMiniprogram.RequestOption);`, ts: true },
  { text: (O) => `wx.request<Res>(${O});`, ts: true },
  { text: (O, n) => `const r${n}: typeof wx.request = wx.request;\nr${n}(${O});`, ts: true },
  { text: (O) => `(wx satisfies object).request(${O});`, ts: true },
  // Things that must stay as they are (no tag: nothing to rewrite).
  { text: () => 'wx.request = mock;', tagged: false },
  { text: () => 'delete wx.request;', tagged: false },
  { text: () => "wx.requestPayment({ timeStamp: '1' });", tagged: false },
  { text: () => "wx.showToast({ title: 'wx.request(x)' });", tagged: false },
  { text: () => 'api.wx.request({});', tagged: false },
  { text: () => 'this.wx?.request({});', tagged: false },
  { text: (_O, n) => `const s${n} = 'wx.request({ url })' + \`wx.request\`;`, tagged: false },
];

const FORMS = ALL_FORMS.filter((form) => INCLUDE_KNOWN_BUGS || !form.knownBug);

// ---- wrappers: a scope around a list of statements; some bind `wx` ----
type Wrapper = {
  open: (n: number) => string;
  close: string;
  shadows: boolean;
  async?: boolean;
  generator?: boolean;
  ts?: boolean;
};
const WRAPPERS: Wrapper[] = [
  { open: (n) => `function f${n}(wx) {`, close: '}', shadows: true },
  { open: (n) => `const g${n} = (wx, ...rest) => {`, close: '};', shadows: true },
  { open: () => `{\n const wx = mock;`, close: '}', shadows: true },
  { open: () => `{\n let { wx } = env;`, close: '}', shadows: true },
  { open: () => `try { risky(); } catch (wx) {`, close: '}', shadows: true },
  { open: (n) => `class C${n} {\n m(a, wx = fallback) {`, close: '}\n}', shadows: true },
  { open: () => `for (const wx of mocks) {`, close: '}', shadows: true },
  { open: (n) => `function wx${n}() {\n function wx() {}`, close: '}', shadows: true },
  { open: (n) => `const h${n} = async function (wx) {`, close: '};', shadows: true, async: true },
  { open: (n) => `function f${n}(wx: Wx): void {`, close: '}', shadows: true, ts: true },
  { open: (n) => `class K${n} {\n constructor(private wx: any) {}\n m() {\n const wx = this.wx;`, close: '}\n}', shadows: true, ts: true },
  { open: (n) => `function p${n}(a) {`, close: '}', shadows: false },
  { open: (n) => `const q${n} = () => {`, close: '};', shadows: false },
  { open: (n) => `async function a${n}() {`, close: '}', shadows: false, async: true },
  { open: (n) => `const b${n} = async () => {`, close: '};', shadows: false, async: true },
  { open: (n) => `function* gen${n}() {`, close: '}', shadows: false, generator: true },
  { open: (n) => `class D${n} extends Base {\n static #n = 1;\n async load() {`, close: '}\n}', shadows: false, async: true },
  { open: (n) => `class E${n} {\n field = () => {`, close: '};\n}', shadows: false },
  { open: (n) => `Page({\n data: {},\n onLoad${n}(query) {`, close: '}\n});', shadows: false },
  { open: () => `if (ready) {`, close: '}', shadows: false },
  { open: (n) => `function i${n}<T extends object>(x: T): T {`, close: 'return x;\n}', shadows: false, ts: true },
];

const TOP_SHADOWS: { text: string; esm?: boolean; cjs?: boolean }[] = [
  { text: '' },
  { text: "import wx from 'mock-wx';", esm: true },
  { text: "import * as wx from 'mock-wx';", esm: true },
  { text: "import { api as wx } from 'mock-wx';", esm: true },
  { text: "const wx = require('mock-wx');", cjs: true },
  { text: 'var wx = globalThis.mockWx;' },
  { text: 'function wx() {}' },
  { text: 'let { wx } = globalThis;' },
  { text: 'class wx {}' },
];

const PREAMBLE: { text: string; ts?: boolean }[] = [
  { text: "const BASE = 'https://api.example.com:8443';" },
  { text: 'const port = 8080;' },
  { text: "const common = { method: 'GET', header: { Referer: 'r' } };" },
  { text: "const h = { 'X-Token': 't' };" },
  { text: "enum M { Get = 'GET', Post = 'post' }", ts: true },
  { text: 'type Res = { ok: boolean };', ts: true },
  { text: 'interface Wx { request(o: object): unknown }', ts: true },
  { text: 'declare function promisify<F>(f: F): (o: object) => Promise<unknown>;', ts: true },
  { text: 'namespace NS { export const wx = 1; }', ts: true },
  { text: 'abstract class Base { abstract x: number; }', ts: true },
];

// ---- arbitraries ----
const callNode: fc.Arbitrary<CallNode> = fc.record({
  kind: fc.constant('call' as const),
  form: fc.nat(FORMS.length * 3),
  extras: fc.array(fc.nat(EXTRAS.length - 1), { maxLength: 5 }),
  argument: fc.nat(9),
});

const { node } = fc.letrec<{ node: Node; wrap: WrapNode }>((tie) => ({
  node: fc.oneof({ maxDepth: 3, depthIdentifier: 'tree' }, callNode, tie('wrap')),
  wrap: fc.record({
    kind: fc.constant('wrap' as const),
    wrapper: fc.nat(WRAPPERS.length * 3),
    body: fc.array(tie('node'), { minLength: 1, maxLength: 2, depthIdentifier: 'tree' }),
  }),
}));

export const programArbitrary: fc.Arbitrary<ProgramSpec> = fc.record({
  ts: fc.boolean(),
  module: fc.nat(2),
  topShadow: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(TOP_SHADOWS.length - 1) }),
  declareWx: fc.boolean(),
  preamble: fc.uniqueArray(fc.nat(PREAMBLE.length - 1), { maxLength: 4 }),
  body: fc.array(node, { minLength: 1, maxLength: 3 }),
});

// ---- rendering ----
export function render(spec: ProgramSpec): Rendered {
  let counter = 0;
  const globalTags: string[] = [];
  const localTags: string[] = [];
  const lines: string[] = [];
  const ts = spec.ts;
  let top = pick(TOP_SHADOWS, spec.topShadow);
  if (top.esm && spec.module !== 0) top = pick(TOP_SHADOWS, 0);
  if (top.cjs && spec.module === 0) top = pick(TOP_SHADOWS, 0);
  if (spec.module === 0) lines.push("import { helper } from './helper';");
  if (spec.module === 1) lines.push("const util = require('./util');");
  if (top.text) lines.push(top.text);
  else if (ts && spec.declareWx) lines.push('declare const wx: any;');
  for (const index of spec.preamble) {
    const entry = pick(PREAMBLE, index);
    if (!entry.ts || ts) lines.push(entry.text);
  }

  const renderNode = (item: Node, ctx: Context): string => {
    const n = ++counter;
    if (item.kind === 'call') {
      const usable = FORMS.filter(
        (form) => (!form.ts || ctx.ts) && (!form.async || ctx.async) && (form.tagged !== true || ctx.generator),
      );
      const form = pick(usable, item.form);
      if (form.tagged === false) return form.text('', n, ctx);
      const tag = `${ctx.shadowed ? 'L' : 'G'}${n}`;
      // Argument variants other than the object literal are mixed into some forms above; keep
      // most calls tagged so the properties have something to look at.
      const O = options(item, tag, ctx);
      (ctx.shadowed ? localTags : globalTags).push(tag);
      return form.text(O, n, ctx);
    }
    const usable = WRAPPERS.filter((wrapper) => !wrapper.ts || ctx.ts);
    const wrapper = pick(usable, item.wrapper);
    const inner: Context = {
      ts: ctx.ts,
      shadowed: ctx.shadowed || wrapper.shadows,
      // An arrow or plain function resets async/generator; blocks (if, try, for, {}) keep them.
      async: wrapper.async ?? (/^(\{|if|try|for)/.test(wrapper.open(0)) ? ctx.async : false),
      generator: wrapper.generator ?? (/^(\{|if|try|for)/.test(wrapper.open(0)) ? ctx.generator : false),
    };
    const body = item.body.map((child) => renderNode(child, inner)).join('\n');
    return `${wrapper.open(n)}\n${body}\n${wrapper.close}`;
  };

  const ctx: Context = { ts, async: false, shadowed: top.text !== '', generator: false };
  for (const item of spec.body) lines.push(renderNode(item, ctx));
  if (spec.module === 0) lines.push('export default helper;');
  if (spec.module === 1) lines.push('module.exports = util;');
  return { code: `${lines.join('\n')}\n`, filename: `/project/src/page.${ts ? 'ts' : 'js'}`, ts, globalTags, localTags };
}
