import test from 'ava';
import path from 'node:path';
import { allDiagnostics, check, type CheckResult } from '../../checker/check.js';
import { FIXTURES } from '../support/fixtures.js';

/**
 * The checker follows values across files where the Babel plugin cannot. One check per fixture
 * project (a ts-morph project is slow to build), shared by the tests of that project.
 */
const PROJECTS = path.join(FIXTURES, 'projects');
const cache = new Map<string, CheckResult>();

function checked(name: string, options: { project?: string } = {}): CheckResult {
  const key = `${name}:${options.project ?? ''}`;
  let result = cache.get(key);
  if (!result) {
    const cwd = path.join(PROJECTS, name);
    result = check({ paths: [], project: options.project, cwd });
    cache.set(key, result);
  }
  return result;
}

/** `file line:column rule-id` for the diagnostics of one file. */
function found(result: CheckResult, file: string): string[] {
  return allDiagnostics(result)
    .filter((diagnostic) => diagnostic.file === file)
    .map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.ruleId}`);
}

function messages(result: CheckResult, file: string): string[] {
  return allDiagnostics(result)
    .filter((diagnostic) => diagnostic.file === file)
    .map((diagnostic) => diagnostic.message);
}

// --- plain CommonJS JavaScript, no tsconfig ---------------------------------------------------

test('CommonJS: a required constant, destructured from module.exports = { … }', (t) => {
  const result = checked('js-commonjs');
  t.deepEqual(result.problems, []);
  t.true(found(result, 'pages/index/index.js').includes('8:23 url-no-port'));
  t.true(messages(result, 'pages/index/index.js').some((message) => message.includes('"https://api.example.com:8080" has port 8080')));
});

test('CommonJS: a property of a required module (config.METHOD)', (t) => {
  t.true(found(checked('js-commonjs'), 'pages/index/index.js').includes('8:48 method-uppercase'));
});

test('CommonJS: constants exported one by one (exports.X = …)', (t) => {
  const result = found(checked('js-commonjs'), 'pages/index/index.js');
  t.true(result.includes('9:23 url-no-port'));
  t.true(result.includes('9:54 timeout-range'));
});

test('CommonJS: an options object built in a helper of another file and passed in', (t) => {
  const result = found(checked('js-commonjs'), 'pages/index/index.js');
  // Reported at the call's argument: the values live in utils/options.js.
  t.true(result.includes('10:16 unknown-option'));
  t.true(result.includes('10:16 url-no-port'));
});

test('CommonJS: the exact diagnostics of the project, and its blind spots', (t) => {
  const result = checked('js-commonjs');
  t.deepEqual(found(result, 'pages/index/index.js'), ['8:23 url-no-port', '8:48 method-uppercase', '9:23 url-no-port', '9:54 timeout-range', '10:16 unknown-option', '10:16 url-no-port']);
  // detail.js and about.js are scripts, each with its own top-level BASE: they do not merge.
  t.deepEqual(found(result, 'pages/detail/detail.js'), []);
  t.deepEqual(found(result, 'pages/about/about.js'), ['6:23 url-no-port']);
  t.true(messages(result, 'pages/about/about.js')[0]?.includes('"https://about.example.com:8443"'));
  // A script's own `const wx` is local to it, and does not hide the global wx of the other files.
  t.deepEqual(found(result, 'utils/mock/wx-mock.js'), []);
  const unchecked = result.files.flatMap((file) => file.unchecked.map((site) => `${site.file}:${site.line} ${site.unknown.join(',')}`));
  t.deepEqual(unchecked, ['pages/detail/detail.js:7 method,url']);
});

// --- TypeScript ES modules with a tsconfig ------------------------------------------------------

test('TS: a base URL imported from another module', (t) => {
  t.deepEqual(found(checked('ts-esm'), 'src/cases/imported-const.ts'), ['3:19 url-no-port']);
});

test('TS: a re-export (export { X } from, export * from)', (t) => {
  const result = checked('ts-esm');
  t.deepEqual(found(result, 'src/cases/re-export.ts'), ['3:19 url-no-port']);
  t.true(messages(result, 'src/cases/re-export.ts')[0]?.includes('port 8443'));
});

test('TS: an enum member', (t) => {
  t.deepEqual(found(checked('ts-esm'), 'src/cases/enum-member.ts'), ['3:33 method-uppercase', '4:33 method-supported']);
});

test("TS: an `as const` object's property", (t) => {
  t.deepEqual(found(checked('ts-esm'), 'src/cases/as-const.ts'), ['3:19 url-no-port', '3:44 method-uppercase']);
});

test('TS: a default export', (t) => {
  const result = checked('ts-esm');
  t.deepEqual(found(result, 'src/cases/default-export.ts'), ['3:19 url-no-port']);
  t.true(messages(result, 'src/cases/default-export.ts')[0]?.includes('"https://b.example.com:9000"'));
});

test('TS: options returned by a helper function (function and arrow)', (t) => {
  t.deepEqual(found(checked('ts-esm'), 'src/cases/helper.ts'), ['3:12 method-uppercase', '3:12 no-referer-header', '4:12 url-no-port']);
});

test('TS: what cannot be known is not reported but listed', (t) => {
  const result = checked('ts-esm');
  t.deepEqual(found(result, 'src/cases/unknown.ts'), []);
  const unknown = result.files.find((file) => file.file === 'src/cases/unknown.ts')?.unchecked ?? [];
  t.deepEqual(unknown.map((site) => [site.line, site.unknown]), [[4, ['url', 'header']]]);
});

test('TS: the declarations themselves are not reported (no call there)', (t) => {
  const result = checked('ts-esm');
  for (const file of ['src/config.ts', 'src/api.ts', 'src/methods.ts', 'src/helpers.ts']) t.deepEqual(found(result, file), [], file);
});

// --- mixed: TypeScript importing CommonJS JavaScript, allowJs ---------------------------------

test('mixed: JS and TS files of one project share a CommonJS configuration', (t) => {
  const result = checked('mixed');
  t.deepEqual(result.problems, []);
  t.deepEqual(found(result, 'legacy/page.js'), ['3:19 url-no-port', '3:42 method-uppercase']);
  t.deepEqual(found(result, 'src/app.ts'), ['5:19 url-no-port']);
});

// --- WeChat's require: every path form resolves as on WeChat ------------------------------------

test('WeChat require: each path form reaches the constant of another file', (t) => {
  const result = checked('wechat-require');
  t.deepEqual(result.problems, []);
  const ports = (file: string) => messages(result, file).map((message) => /has port (\d+)/.exec(message)?.[1]);
  // require('utils/bsurl.js') from app.js: a path without "./" is relative to the requiring file.
  t.deepEqual(ports('miniprogram/app.js'), ['8001']);
  t.deepEqual(ports('miniprogram/pages/index/index.js'), [
    '8002', // require('/utils/root'): the mini-program root is project.config.json's miniprogramRoot; .js left out
    '8003', // require('local'): beside the page, no "./", no extension
    '8004', // require('wx-sdk'): miniprogram_npm/wx-sdk/index.js, found walking up
    '8005', // require('wx-sdk/endpoints'): a file of an npm package
    '8006', // require('@utils/alias.js'): app.json resolveAlias
    '8008', // require('config'): the file beside the page wins over miniprogram_npm/config
  ]);
  // ES import in mini-program code: the same rules.
  t.deepEqual(ports('miniprogram/pages/esm/esm.js'), ['8007', '8002']);
});

// --- JavaScript with TypeScript-only grammar, and a file that does not parse ------------------

test('a .js file with Flow-style annotations is checked; a broken file is one parse-error, the run goes on', (t) => {
  const result = checked('js-grammar');
  t.deepEqual(result.problems, []);
  t.deepEqual(found(result, 'store.js'), ['7:23 url-no-port', '7:76 method-uppercase']);
  t.deepEqual(found(result, 'good.js'), ['1:19 url-no-port']);
  t.deepEqual(found(result, 'broken.js'), ['1:50 parse-error']);
});
