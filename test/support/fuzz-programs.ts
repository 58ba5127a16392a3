// Random programs for the differential fuzzer of the text front end (plugin/scan) against the Babel
// plugin: made of the pieces where a reading from tokens could go wrong. Names that are both a
// top-level `const` and, deeper down, something else (a definite-assignment `let`, a generator, a
// class, an enum, a namespace, a catch parameter, a label, a type…); calls whose findings rest on
// those names; TypeScript forms (optional parameters, generics with commas, `declare`, `as`,
// non-null `!`), `using`, destructuring; and the traps of a tokenizer: regular expressions beside
// divisions, templates, comments and strings that look like calls. Seeded: one seed, one program.
import { rng } from '../../scripts/seeded-random.js';


/** The names the pieces share, so that declarations and reads collide. */
const NAMES = ['BASE', 'M', 'H', 'T', 'O'];

/** Top-level constants whose values the rules judge: a port or none, a method in either case, a Referer, a long timeout. */
const CONSTANTS = [
  "const BASE = 'https://api.example.com:8080';",
  "const BASE = 'https://api.example.com';",
  'const BASE = `http://localhost:3000`;',
  "const M = 'get';",
  "const M = 'POST';",
  "const M = 'PATCH';",
  "const H = { Referer: 'https://x' };",
  "const H = { 'content-type': 'application/x-www-form-urlencoded' };",
  'const T = 70000;',
  'const T = 1000;',
  "const O = { url: BASE + '/o', method: M };",
];

/** Other declarations of the same names, in JavaScript: each shadows a top-level const inside its block. */
const JS_SHADOWS = [
  'let a, NAME;',
  'let NAME;',
  'var b, NAME\nf(b);',
  'function* NAME() {}',
  'function NAME() {}',
  'async function NAME() {}',
  'class NAME {}',
  'let [NAME] = list;',
  'let { x: NAME } = obj;',
  'const { NAME } = obj;',
  'const [, NAME = 1] = list;',
  'for (const NAME of list) f(NAME);',
  'for (let NAME in obj) f(NAME);',
  'try { f(); } catch (NAME) { f(NAME); }',
  'try { f(); } catch ({ NAME }) { f(NAME); }',
  'const NAME = f();',
  'const NAME = this;',
  'const NAME = new Thing();',
  'let NAME = 1, other = 2;',
  'var NAME = NAME || {};',
  'using NAME = resource;',
];

/** Forms that name the word but declare nothing where the calls are (labels, keys, members). */
const NOT_BINDINGS = [
  'NAME: for (;;) { break NAME; }',
  'const key = { NAME: 1, NAME2() {} };',
  'obj.NAME = 2;',
  'f({ NAME });',
  'const arrow = ({ NAME }) => NAME;',
  'const fn = function NAME() { return 1; };',
  'class K { NAME = 1; static NAME() {} get NAME2() { return 1; } }',
];

/** TypeScript-only declarations of the same names. */
const TS_SHADOWS = [
  'let a!: string, NAME!: string;',
  'let NAME!: string;',
  'let NAME: string | undefined;',
  'enum NAME { A, B }',
  'const enum NAME { A = 1 }',
  'namespace NAME { export const x = 1; }',
  'declare const NAME: string;',
  'declare let NAME: string;',
  'declare function NAME(): void;',
  'type NAME = string;',
  'interface NAME { a: string }',
  'abstract class NAME { abstract m(): void }',
  'function g<A, NAME>(value: A): A { return value; }',
  'const opt = (NAME?: string, rest?: number) => NAME;',
  'function p(this: Window, NAME?: Map<string, number>) { return NAME; }',
  'const cast = value as unknown as Record<string, number>;',
  'const nn = maybe!.field!;',
];

/** Calls whose findings and runtime entry rest on the names. */
const CALLS = [
  "wx.request({ url: BASE + '/a' });",
  "wx.request({ url: BASE + '/b', method: M });",
  'wx.request({ url: `${BASE}/c`, header: H });',
  "wx.request({ url: 'https://api.example.com/d', timeout: T, method: M });",
  "wx.request({ url: BASE, method: M, header: H, data: { a: 1 } });",
  'wx.request(O);',
  'wx.request({ ...O, method: M });',
  "wx.request({ url: 'https://api.example.com/e', method: 'post', success(res) { const M = res; } });",
  "wx.request({ url: 'https://api.example.com:443/f' });",
  "wx.request({ url: 'https://api.example.com/g', header: { Referer: M } });",
  "wx.request({ url: 'https://api.example.com/h', succes() {} });",
  "wx.showToast({ title: 'x' });",
];

/** The tokenizer's traps: each must read as Babel reads it, or send the file to Babel. */
const TRAPS = [
  "// wx.request({ method: 'get' })",
  "/* wx.request({ url: 'http://a:1' }) */",
  "const s = 'wx.request({ method: \"get\" })';",
  'const r = /wx.request\\(["\']/g;',
  'x = a / b / c;',
  'if (a) /re/.test(s);',
  'const q = a++ / 2;',
  'const t1 = `a${"}"}b${`c${M}`}`;',
  "const t2 = `wx.request({ url: '${BASE}' })`;",
  'const d = (a) / 2 / (b);',
  'label: { break label; }',
  "const big = 1_000n, hex = 0xff, e = 1e3;",
];

/** Openers of a nested block and their closers, JavaScript and TypeScript. */
const JS_BLOCKS: [string, string][] = [
  ['function h(M) {', '}'],
  ['function k(BASE, O) {', '}'],
  ['function* gen() {', '}'],
  ['async function run() {', '}'],
  ['const arrow = (N) => {', '};'],
  ['if (ok) {', '}'],
  ['{', '}'],
  ['class C { m() {', '}}'],
  ['class D { static { ', '}}'],
  ['outer: for (;;) {', 'break outer; }'],
  ['switch (k) { case 1: {', '}}'],
  ['Page({ onLoad() {', '}});'],
];
const TS_BLOCKS: [string, string][] = [
  ['function typed(a: string, b?: number): void {', '}'],
  ['function generic<K, V extends Map<K, string>>(key: K): V | undefined {', 'return undefined; }'],
  ['namespace Area {', '}'],
  ['class E<T> { private m(value: T): void {', '}}'],
  ['const fn = async <T,>(value: T): Promise<T> => {', 'return value; };'],
];

export interface Program {
  code: string;
  /** The file it is read as: `.ts` programs hold TypeScript forms. */
  file: string;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

/** One program for `seed`: a few top-level constants, then statements and nested blocks of the pieces above. */
export function randomProgram(seed: number): Program {
  const next = rng(seed);
  const typescript = next() < 0.4;
  const shadows = typescript ? [...JS_SHADOWS, ...TS_SHADOWS] : JS_SHADOWS;
  const blocks = typescript ? [...JS_BLOCKS, ...TS_BLOCKS] : JS_BLOCKS;
  const named = (text: string) => text.replaceAll('NAME', pick(next, NAMES));
  const statement = (depth: number): string => {
    const roll = next();
    if (roll < 0.22) return named(pick(next, shadows));
    if (roll < 0.3) return named(pick(next, NOT_BINDINGS));
    if (roll < 0.55) return pick(next, CALLS);
    if (roll < 0.65) return pick(next, TRAPS);
    if (roll < 0.7) return pick(next, CONSTANTS);
    if (depth >= 3) return pick(next, CALLS);
    const [open, close] = pick(next, blocks);
    return `${open}\n${block(depth + 1)}\n${close}`;
  };
  const block = (depth: number) => Array.from({ length: 1 + Math.floor(next() * 4) }, () => statement(depth)).join('\n');
  const top: string[] = [];
  if (next() < 0.2) top.push("'use strict';");
  if (next() < 0.15) top.push("import { helper } from './helper';");
  for (let count = Math.floor(next() * 4); count > 0; count--) top.push(pick(next, CONSTANTS));
  top.push(block(0));
  if (next() < 0.3) top.push(next() < 0.5 ? 'module.exports = { f: 1 };' : 'export const g = 1;');
  return { code: `${top.join('\n')}\n`, file: typescript ? '/project/page.ts' : '/project/page.js' };
}
