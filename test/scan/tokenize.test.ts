// The text front end's tokenizer: code told from strings, comments, templates and regular
// expressions, and "unsure" (never a guess) where only a parse could tell.
import test from 'ava';
import { tokenize } from '../../plugin/scan/tokenize.js';

/** The tokens as `kind:text`, names and punctuators by value. */
function read(code: string): string[] | string {
  const result = tokenize(code);
  if ('unsure' in result) return result.unsure;
  return result.tokens.map((token) => `${token.kind}:${code.slice(token.start, token.end)}`);
}

const cases: [string, string, string[]][] = [
  ['a call', 'wx.request({ a: 1 })', ['name:wx', 'punct:.', 'name:request', 'punct:(', 'punct:{', 'name:a', 'punct::', 'number:1', 'punct:}', 'punct:)']],
  ['comments are skipped', 'a /* wx.request( */ // wx.request(\nb', ['name:a', 'name:b']],
  ['strings hold what looks like code', `'wx.request(' + "it's"`, [`string:'wx.request('`, 'punct:+', `string:"it's"`]],
  ['a template with a substitution', '`a${ b + `c${d}` }e`', ['template:`a${', 'name:b', 'punct:+', 'template:`c${', 'name:d', 'template:}`', 'template:}e`']],
  ['a division after a name, a bracket, a parenthesis', 'a / b; c[0] / 2; (d) / e', ['name:a', 'punct:/', 'name:b', 'punct:;', 'name:c', 'punct:[', 'number:0', 'punct:]', 'punct:/', 'number:2', 'punct:;', 'punct:(', 'name:d', 'punct:)', 'punct:/', 'name:e']],
  ['a regular expression after an operator, a keyword, a condition', "x = /'/g; return /a/; if (y) /b/.test(z)", ['name:x', 'punct:=', "regex:/'/g", 'punct:;', 'name:return', 'regex:/a/', 'punct:;', 'name:if', 'punct:(', 'name:y', 'punct:)', 'regex:/b/', 'punct:.', 'name:test', 'punct:(', 'name:z', 'punct:)']],
  ['a slash inside a class', 'r = /[/]x/', ['name:r', 'punct:=', 'regex:/[/]x/']],
  ['numbers', '0x1F + 1_000 + .5e-3 + 10n', ['number:0x1F', 'punct:+', 'number:1_000', 'punct:+', 'number:.5e-3', 'punct:+', 'number:10n']],
  ['optional chaining and a conditional', 'a?.b; c?.5:d', ['name:a', 'punct:?.', 'name:b', 'punct:;', 'name:c', 'punct:?', 'number:.5', 'punct::', 'name:d']],
  ['names in other scripts', 'const 名前 = 1', ['name:const', 'name:名前', 'punct:=', 'number:1']],
  ['a hashbang', '#!/usr/bin/env node\nx', ['name:x']],
];

for (const [name, code, expected] of cases) {
  test(`tokens: ${name}`, (t) => {
    t.deepEqual(read(code), expected);
  });
}

const unsure: [string, string][] = [
  ['a slash after a block', '}\n/x/'],
  ['a slash after a contextual keyword', 'yield /x/'],
  ['JSX or a type assertion', 'x = <div/>'],
  ['an unclosed string', "'abc\n'"],
  ['an unclosed comment', '/* abc'],
  ['an unclosed template', '`abc'],
  ['unbalanced brackets', 'f(a]'],
  ['an escape in a name', '\\u0077x'],
  ['an HTML-like comment', 'a <!-- b'],
  ['a line separator', 'a\u2028b'],
];

for (const [name, code] of unsure) {
  test(`unsure: ${name}`, (t) => {
    t.is(typeof read(code), 'string');
  });
}

test('depth counts the brackets around a token, a closer as its opener', (t) => {
  const result = tokenize('f(a, { b: [c] })');
  if ('unsure' in result) return t.fail(result.unsure);
  t.deepEqual(
    result.tokens.map((token) => token.depth),
    [0, 0, 1, 1, 1, 2, 2, 2, 3, 2, 1, 0],
  );
});
