import test from 'ava';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { applyTextEdits, checkedEdits, EditError, editsOnOriginal } from '../cli/port/edits.js';
import { parses, portText } from '../cli/port/port-file.js';

/** The port's text edits: exact, checked, mapped; never a half-applied or unparseable file. */

test('edits change only their ranges: comments, quotes, semicolons, CRLF and a BOM stay', (t) => {
  const source = "\uFEFF// keep me\r\nconst a = 'x' ;\r\n\r\nwx.request({ url: \"/a\" }) // call\r\n";
  const at = source.indexOf('wx.request');
  const { code } = applyTextEdits(source, [{ start: at, end: at + 2, text: '_wx' }, { start: at, end: at, text: 'import { wx as _wx } from "r";\n' }], 'a.js');
  t.is(code, "\uFEFF// keep me\r\nconst a = 'x' ;\r\n\r\nimport { wx as _wx } from \"r\";\r\n_wx.request({ url: \"/a\" }) // call\r\n");
});

test('overlapping edits and edits outside the text are refused, whole', (t) => {
  t.throws(() => checkedEdits([{ start: 0, end: 5, text: 'a' }, { start: 4, end: 6, text: 'b' }], 10), { instanceOf: EditError, message: /overlap/ });
  t.throws(() => checkedEdits([{ start: 8, end: 12, text: '' }], 10), { instanceOf: EditError, message: /outside the file/ });
  // Touching edits and insertions at one offset keep their order.
  t.deepEqual(checkedEdits([{ start: 5, end: 5, text: 'b' }, { start: 0, end: 5, text: 'a' }, { start: 5, end: 5, text: 'c' }], 10).map((edit) => edit.text), ['a', 'b', 'c']);
});

test('the source map maps every line of the output to the original', (t) => {
  const source = 'const a = 1;\nfunction f() {\n  return wx.request({ url: "/x" });\n}\nmodule.exports = f;\n';
  const at = source.indexOf('wx.request');
  const { code, map } = applyTextEdits(source, [{ start: 0, end: 0, text: 'var _wx = require("r").wx; ' }, { start: at, end: at + 2, text: '_wx' }], 'a.js');
  const trace = new TraceMap(map as never);
  const lines = code.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line === '') continue;
    // The last character: inserted text goes in front of a line's own code.
    const column = line.length - 1;
    t.is(originalPositionFor(trace, { line: index + 1, column })?.line, index + 1, `line ${index + 1}`);
  }
  t.is(map.sourcesContent?.[0], source);
});

test('edits made after the fixes land on the original text', (t) => {
  const source = "wx.request({\n  url: '/a',\n  Referer: 'x',\n  method: 'post',\n});\n";
  const refererLine = source.indexOf('  Referer');
  const post = source.indexOf("'post'") + 1;
  const fixes = [{ start: refererLine, end: source.indexOf('  method'), text: '' }, { start: post, end: post + 4, text: 'POST' }];
  const fixed = applyTextEdits(source, fixes, 'a.js').code;
  t.is(fixed, "wx.request({\n  url: '/a',\n  method: 'POST',\n});\n");
  // The plugin's edit of `wx` on the fixed text, and one after the fixes.
  const end = fixed.indexOf('});');
  const moved = editsOnOriginal([{ start: 0, end: 2, text: '_wx' }, { start: end, end: end, text: '/* end */' }], fixes);
  t.deepEqual(moved, [{ start: 0, end: 2, text: '_wx' }, { start: source.indexOf('});'), end: source.indexOf('});'), text: '/* end */' }]);
  t.is(applyTextEdits(source, [...fixes, ...moved], 'a.js').code, "_wx.request({\n  url: '/a',\n  method: 'POST',\n/* end */});\n");
  // An edit inside what a fix wrote has no place in the original.
  const inside = fixed.indexOf('POST') + 1;
  t.throws(() => editsOnOriginal([{ start: inside, end: inside + 1, text: 'x' }], fixes), { instanceOf: EditError, message: /inside the fix/ });
});

test('output that would not parse is refused, never returned (so never written)', (t) => {
  // miniprogram-network: a generator that drops the parentheses breaks `(x as number)--`.
  const source = 'function retry(options: { retry?: number }) {\n  while ((options.retry as number)-- > 0) wx.request({ url: "/r" });\n}\n';
  const verify = (code: string) => parses(code, 'retry.ts', { sourceType: 'unambiguous' }, ['typescript']);
  t.is(verify(source), undefined);
  const open = source.indexOf('(options.retry');
  const close = source.indexOf(')--');
  const broken = portText(source, [{ start: open, end: open + 1, text: '' }, { start: close, end: close + 1, text: '' }], 'retry.ts', verify);
  t.is(typeof broken, 'string');
  t.regex(broken as string, /^the ported text would not parse \(.+\)/);
  const overlapping = portText(source, [{ start: 0, end: 8, text: 'a' }, { start: 4, end: 9, text: 'b' }], 'retry.ts', verify);
  t.regex(overlapping as string, /^the edits cannot be applied \(.*overlap\)/);
  const at = source.indexOf('wx.request');
  const fine = portText(source, [{ start: at, end: at + 2, text: '_wx' }], 'retry.ts', verify);
  t.is(typeof fine === 'string' ? fine : fine.code, source.replace('wx.request', '_wx.request'));
});
