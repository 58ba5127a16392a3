// The text front end (plugin/scan) reads a file from its tokens and parses only what the rules
// read; the bundler plugins use it before Babel. Two kinds of mistakes: a reading that differs from
// the Babel plugin's (never allowed: a file it is not sure of must go to Babel), and a file it could
// read going to Babel (time only). The first is checked against the Babel plugin on every fixture,
// on generated code bases and on tables of tricky files; the second by the share it reads.
import test from 'ava';
import { readFileSync } from 'node:fs';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { writeCodeBase } from '../../bench/generate.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { resolveOptions } from '../../plugin/core/options.js';
import { mayReferenceRequest } from '../../plugin/core/quick-check.js';
import { transformText } from '../../plugin/scan/transform-text.js';
import { loadFixtures } from '../support/fixtures.js';
import { compareWithBabel } from '../support/text-front-end.js';

test('every fixture: read as the Babel plugin reads it, or left to Babel', (t) => {
  let read = 0;
  const fixtures = loadFixtures();
  for (const fixture of fixtures) {
    const comparison = compareWithBabel(fixture.input, fixture.inputFile, fixture.options.plugin);
    if (!comparison.read) continue;
    read++;
    t.deepEqual(comparison.differences, [], fixture.name);
  }
  t.log(`${read} of ${fixtures.length} fixtures read from their tokens`);
  t.true(read >= 20, `${read} read`);
});

for (const shape of ['realistic', 'uniform'] as const) {
  test(`the generated code base (${shape}): every file that calls wx.request is read as Babel reads it, nearly all without Babel`, (t) => {
    const codeBase = writeCodeBase({ files: 600, shape });
    const files = [...codeBase.jsFiles, ...codeBase.tsFiles].map((file) => ({ file, code: readFileSync(file, 'utf8') })).filter(({ code }) => mayReferenceRequest(code, ['wx']));
    let read = 0;
    for (const { file, code } of files) {
      const comparison = compareWithBabel(code, file);
      if (!comparison.read) continue;
      read++;
      t.deepEqual(comparison.differences, [], file);
    }
    t.log(`${shape}: ${read} of ${files.length} files read from their tokens`);
    // The uniform shape calls wx.request in eight forms, `.call()` and `wx` as a value among them.
    if (shape === 'realistic') t.true(read >= files.length * 0.9, `${read} of ${files.length}`);
  });
}

// ---- files the text front end must leave to Babel: only a parse with scopes reads them ----

const leftToBabel: [string, string, string?][] = [
  ['wx as a value', 'const api = wx;\napi.request({ url: "https://a.com" });\n'],
  ['typeof wx', 'if (typeof wx !== "undefined") wx.request({ url: "https://a.com" });\n'],
  ['a parameter named wx', 'function f(wx) { wx.request({ url: "https://a.com" }); }\n'],
  ['wx declared', 'const wx = require("./wx");\nwx.request({ url: "https://a.com" });\n'],
  ['computed member', 'wx["request"]({ url: "https://a.com" });\n'],
  ['destructured', 'const { request } = wx;\nrequest({ url: "https://a.com" });\n'],
  ['kept, not called', 'const send = wx.request;\nsend({ url: "https://a.com" });\n'],
  ['called through call()', 'wx.request.call(null, { url: "https://a.com" });\n'],
  ['new', 'new wx.request({ url: "https://a.com" });\n'],
  ['optional call', 'wx.request?.({ url: "https://a.com" });\n'],
  ['a division or a regular expression after }', 'function f() {}\n/x/.test("x") && wx.request({ url: "https://a.com" });\n'],
  ['JSX in a .js file', 'const a = <div title="it\'s">{wx.request({ url: "https://a.com" })}</div>;\n'],
  ['an escape in a name', 'w\\u0078.request({ url: "https://a.com" });\nwx.request({ url: "https://a.com" });\n'],
  ['an HTML-like comment', 'x = 1 <!-- wx.request({})\nwx.request({ url: "https://a.com" });\n'],
  ['require used otherwise', 'const load = require;\nwx.request({ url: "https://a.com" });\nmodule.exports = {};\n'],
  ['a line separator', 'const s = "\u2028";\nwx.request({ url: "https://a.com" });\n'],
  ['a runtime import already there', 'import { configure } from "babel-plugin-wx-request/runtime";\nwx.request({ url: "https://a.com" });\n'],
  ['an unclosed template', 'wx.request({ url: `https://a.com });\n'],
  ['a const whose answer depends on scope', 'const method = "get";\nfunction f(method) { wx.request({ url: "https://a.com", method }); }\nf("GET");\n'],
  ['a let in a list beside a top-level const', "const BASE = 'https://api.example.com:8080';\nfunction f() {\n  let a, BASE;\n  wx.request({ url: BASE + '/a' });\n}\n"],
  // The family of issue #20: whatever else declares the name, a finding that rests on which binding
  // it means is Babel's to give (the text front end decides only what every binding agrees on).
  ['a definite-assignment let beside a top-level const (.ts)', "const BASE = 'https://api.example.com:8080';\nfunction f(): void {\n  let a!: string, BASE!: string;\n  wx.request({ url: BASE + '/a' });\n}\n", '/project/page.ts'],
  ['a generator function of the name beside a top-level const', "const BASE = 'https://api.example.com:8080';\nfunction f() {\n  function* BASE() {}\n  wx.request({ url: BASE + '/a' });\n}\n"],
  ['a port in a const URL (a finding: confirmed by Babel)', "const BASE = 'https://api.example.com:8080';\nPage({ load() { wx.request({ url: BASE + '/a' }); } });\n"],
  ['a top-level const read in functions, with a port', "const BASE = 'https://api.example.com:8080';\nmodule.exports = { load(id) { return wx.request({ url: BASE + '/a?id=' + id, method: 'GET' }); } };\n"],
  // `f(options)`, `{ method: M }`: a parameter or a pattern could declare the name there too.
  ['a const options object passed on', "const options = { url: 'https://api.example.com', method: 'get' };\nwx.request(options);\n"],
  ['a const whose runtime entry depends on scope', "const m = 'GET';\nfunction f(a) { const m = a; wx.request({ url: 'https://api.example.com', method: m }); }\n"],
];

for (const [name, code, file = '/project/page.js'] of leftToBabel) {
  test(`left to Babel: ${name}`, (t) => {
    t.false(compareWithBabel(code, file).read);
  });
}

// ---- files read from their tokens, with Babel's result ----

const readHere: [string, string, string?][] = [
  ['a call with callbacks', "wx.request({\n  url: 'https://api.example.com/a',\n  success(res) { console.log(res.data); },\n});\n"],
  ['a lowercase method (an error, at its position)', "wx.request({ url: 'https://api.example.com/a', method: 'post' });\n"],
  ['a const method, the same whichever it is', "const m = 'POST';\nfunction f(a) { const m = a; wx.request({ url: 'https://api.example.com', method: m }); }\n"],
  ['a top-level const read in functions', "const BASE = 'https://api.example.com';\nmodule.exports = { load(id) { return wx.request({ url: BASE + '/a?id=' + id, method: 'GET' }); } };\n"],
  ['a Referer header', "wx.request({ url: 'https://api.example.com', header: { Referer: 'x' } });\n"],
  ['a timeout too long', "wx.request({ url: 'https://api.example.com', timeout: 61000 });\n"],
  ['an unknown option', "wx.request({ url: 'https://api.example.com', succes() {} });\n"],
  ['no argument, and a spread one', 'wx.request();\nwx.request(...list);\n'],
  ['CommonJS with directives and comments', "'use strict';\n// the helper\nconst util = require('./util');\nmodule.exports = () => wx.request({ url: util.url });\n"],
  ['an ES module', "import { api } from './api';\nexport const load = () => wx.request({ url: api.list, method: 'POST', data: { a: 1 } });\n"],
  ['a TypeScript file', "const base: string = 'https://api.example.com';\nexport function load(id: number): void {\n  wx.request({ url: `${base}/a?id=${id}`, success: (res: { data: unknown }) => void res });\n}\n", '/project/page.ts'],
  ['regular expressions and divisions', "const half = (a + b) / 2;\nif (ok) /x/g.test(s);\nconst r = /[/'\"]/;\nwx.request({ url: 'https://api.example.com/' + half });\n"],
  ['strings and templates that mention wx', "const s = 'wx.request(' + `${'wx'}.request`;\n// wx.request(x)\nwx.request({ url: 'https://api.example.com' });\n"],
  ['other globals', "qq.request({ url: 'https://api.example.com', method: 'get' });\nwx.showToast({});\n"],
  ['allowed origins', "wx.request({ url: 'https://api.example.com:8443/a' });\n"],
];

for (const [name, code, file = '/project/page.js'] of readHere) {
  test(`read from its tokens, as Babel reads it: ${name}`, (t) => {
    const options = name === 'other globals' ? { globals: ['wx', 'qq'] } : name === 'allowed origins' ? { allowedOrigins: ['https://api.example.com:8443'] } : {};
    const comparison = compareWithBabel(code, file, options);
    t.true(comparison.read);
    if (comparison.read) t.deepEqual(comparison.differences, []);
  });
}

// ---- the rewrite: no column moves, so that no source map is needed ----

const options = resolveOptions({});

test('an ES module: the import goes on a line after the last, `wx` becomes `_w`, and there is no map', (t) => {
  const code = "import a from './a';\nexport const f = () => wx.request({ url: a.url });";
  const result = transformText(code, '/project/page.js', 'page.js', options);
  t.is(result?.output?.code, `import a from './a';\nexport const f = () => _w.request({ url: a.url });\nimport { wx as _w } from "babel-plugin-wx-request/runtime/lean"; `);
  t.is(result?.output?.map, null);
});

test('CommonJS: the require goes on a line with no code before the first statement, after the directives', (t) => {
  const code = "'use strict';\n/* the page */\nconst u = require('./u');\nwx.request({ url: u.url });\n";
  const result = transformText(code, '/project/page.js', 'page.js', options);
  t.is(result?.output?.code, `'use strict';\nvar _w = require("babel-plugin-wx-request/runtime/lean").wx; /* the page */\nconst u = require('./u');\n_w.request({ url: u.url });\n`);
  t.is(result?.output?.map, null);
});

test('CommonJS with no free line: the require goes before the first statement, with a source map of every token', (t) => {
  const code = "const u = require('./u'); wx.request({ url: u.url, success: (res) => u.show(res) });\n";
  const result = transformText(code, '/project/page.js', 'page.js', options);
  const output = result?.output;
  t.truthy(output?.map);
  if (!output?.map) return;
  t.true(output.code.startsWith('var _w = require("babel-plugin-wx-request/runtime/lean").wx; const u'), output.code);
  const map = new TraceMap(output.map as ConstructorParameters<typeof TraceMap>[0]);
  for (const word of ['const', 'require', 'u', 'request', 'url', 'success', 'res', 'show']) {
    const column = output.code.indexOf(word, output.code.indexOf('const u'));
    t.deepEqual(originalPositionFor(map, { line: 1, column }), { source: '/project/page.js', line: 1, column: code.indexOf(word), name: null }, word);
  }
});

test('a file that uses `_w` gets another name as long', (t) => {
  const code = "const _w = 1;\nwx.request({ url: 'https://a.com' });\nmodule.exports = _w;\n";
  t.true(transformText(code, '/project/page.js', 'page.js', options)?.output?.code.includes('$w.request('));
});

test('a rule error: no output, the diagnostics, and onDiagnostic hears each', (t) => {
  const heard: string[] = [];
  const result = transformText("wx.request({ url: 'https://a.com', method: 'get' });\n", '/project/page.js', 'page.js', resolveOptions({ onDiagnostic: (diagnostic: Diagnostic) => heard.push(diagnostic.ruleId) }));
  t.is(result?.output, undefined);
  t.deepEqual(result?.diagnostics.map((d) => [d.ruleId, d.line, d.column]), [['method-uppercase', 1, 44]]);
  t.deepEqual(heard, ['method-uppercase']);
});
