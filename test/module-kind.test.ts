import test from 'ava';
import * as babel from '@babel/core';
import plugin from '../plugin/index.js';

const transform = (code: string, sourceType: 'module' | 'script' | 'unambiguous', caller?: babel.TransformCaller) =>
  babel.transformSync(code, { babelrc: false, configFile: false, filename: 'page.js', sourceType, plugins: [plugin], ...(caller ? { caller } : {}) })?.code ?? '';

// A plain GET: the plugin imports the runtime's lean entry (test/runtime-entry.test.ts).
const PAGE = "Page({ onLoad() { wx.request({ url: 'https://a.com/' }); } });";
const IMPORT = /^import \{ wx as _wx \} from "babel-plugin-wx-request\/runtime\/lean";/;
const REQUIRE = /^var _wx = require\("babel-plugin-wx-request\/runtime\/lean"\)\.wx;/;

test('a CommonJS file gets a require, even when parsed as a module', (t) => {
  t.regex(transform(`${PAGE}\nmodule.exports = {};`, 'module'), REQUIRE);
  t.regex(transform(`const util = require('./util');\n${PAGE}`, 'unambiguous'), REQUIRE);
});

test('an ES module gets an import, even when it also calls require', (t) => {
  t.regex(transform(`import './a.js';\nconst b = require('./b');\n${PAGE}`, 'module'), IMPORT);
});

test('a file with neither syntax follows how it was parsed', (t) => {
  t.regex(transform(PAGE, 'module'), IMPORT);
  t.regex(transform(PAGE, 'script'), REQUIRE);
  t.regex(transform(PAGE, 'unambiguous'), REQUIRE);
});

test('a bundler that handles ES modules (supportsStaticESM) gets an import for such a file', (t) => {
  t.regex(transform(PAGE, 'unambiguous', { name: '@rollup/plugin-babel', supportsStaticESM: true }), IMPORT);
  t.regex(transform(PAGE, 'unambiguous', { name: 'babel-jest', supportsStaticESM: false }), REQUIRE);
  // CommonJS stays CommonJS whatever the caller: its module.exports must keep working.
  t.regex(transform(`${PAGE}\nmodule.exports = {};`, 'unambiguous', { name: 'babel-loader', supportsStaticESM: true }), REQUIRE);
});
