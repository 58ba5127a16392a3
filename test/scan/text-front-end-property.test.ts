// The text front end against the Babel plugin on random programs made of the pieces that matter:
// `const`s and parameters of the same names, strings, comments, regular expressions and templates
// that look like calls, calls with known and unknown options, CommonJS and ES module syntax.
// Whatever the text front end reads, it must read as the Babel plugin does.
import test from 'ava';
import fc from 'fast-check';
import { compareWithBabel } from '../support/text-front-end.js';

const STATEMENTS = [
  "const BASE = 'https://api.example.com:8080';",
  "const BASE = 'https://api.example.com';",
  "const M = 'get';",
  "const M = 'GET';",
  "let M = 'post';",
  'let a, BASE;',
  'var b, M\nf(b);',
  "const O = { url: BASE, method: M };",
  "const { M: N } = obj;",
  'wx.request({ url: BASE, method: M });',
  "wx.request({ url: BASE + '/y', method: M + '' });",
  "wx.request({ url: BASE + '/x', method: 'get' });",
  'wx.request({ url: `${BASE}/a`, timeout: 70000, success(res) { const M = res; } });',
  "wx.request({ url: 'https://a.com', header: { Referer: M } });",
  'wx.request(O);',
  'wx.request({ ...O, method: N });',
  "wx.showToast({ title: 'x' });",
  "// wx.request({ method: 'get' })",
  "/* wx.request({ url: 'http://a:1' }) */",
  "const s = 'wx.request({ method: \"get\" })';",
  'const r = /wx.request\\(["\']/g;',
  'x = a / b / c;',
  'if (a) /re/.test(s);',
  "const t = `a${'}'}b${`c${M}`}`;",
  'module.exports = { f: 1 };',
  'export const g = 1;',
  'f(M, BASE);',
];

const program = fc.letrec((tie) => ({
  block: fc.array(tie('statement'), { maxLength: 5 }).map((lines) => (lines as string[]).join('\n')),
  statement: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...STATEMENTS),
    fc.tuple(fc.constantFrom('function h(M) {', 'function k(BASE, O) {', 'const arrow = (N) => {', 'if (ok) {', 'class C { m() {'), tie('block')).map(([open, body]) => `${open}\n${body as string}\n${open.startsWith('class') ? '}}' : open.startsWith('const') ? '};' : '}'}`),
  ),
}));

test('random programs: whatever is read from tokens is read as the Babel plugin reads it', (t) => {
  let read = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.boolean(), program.block, (strict, body) => {
      const code = `${strict ? "'use strict';\n" : ''}${body}\n`;
      let comparison;
      try {
        comparison = compareWithBabel(code, '/project/page.js');
      } catch (error) {
        // A program the generator made invalid (an `export` inside a block): Babel refuses it.
        if (error instanceof SyntaxError || (error as { code?: string }).code === 'BABEL_PARSE_ERROR') return true;
        throw error;
      }
      runs++;
      if (!comparison.read) return true;
      read++;
      if (comparison.differences.length > 0) t.log(code, comparison.differences);
      return comparison.differences.length === 0;
    }),
    { numRuns: 600, seed: 20261202 },
  );
  t.log(`${read} of ${runs} valid programs read from their tokens`);
  t.true(read > runs * 0.2, `${read} of ${runs}`);
});
