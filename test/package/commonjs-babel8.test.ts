// The CommonJS build of the plugin, loaded with require() by Babel 8 (the test/babel8 leg, on its
// own Node.js 22), as Babel loads a plugin named in a CommonJS config.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/fixtures.js';

const leg = path.join(ROOT, 'test/babel8');
const node = path.join(leg, 'node_modules/.bin/node');

test('require() of dist/cjs gives Babel 8 a plugin: by object and by path', (t) => {
  t.true(existsSync(node), 'the Babel 8 leg is not installed: run `npm run pretest` (npm test does it first)');
  const script = `const { createRequire } = require('node:module');
const babel = createRequire(${JSON.stringify(path.join(leg, 'package.json'))})('@babel/core');
const entry = ${JSON.stringify(path.join(ROOT, 'dist/cjs/plugin/index.js'))};
const options = { babelrc: false, configFile: false, filename: 'a.js', sourceType: 'unambiguous' };
const source = "module.exports = () => wx.request({ url: 'https://a.example/x', method: 'POST' });";
const byObject = babel.transformSync(source, { ...options, plugins: [require(entry)] }).code;
const byPath = babel.transformSync(source, { ...options, plugins: [entry] }).code;
console.log(JSON.stringify({ version: babel.version, byObject, byPath }));`;
  const { version, byObject, byPath } = JSON.parse(execFileSync(node, ['--input-type=commonjs', '-e', script], { encoding: 'utf8' })) as Record<string, string>;
  t.regex(version!, /^8\./);
  t.regex(byObject!, /require\("babel-plugin-wx-request\/runtime"\)/);
  t.is(byPath, byObject);
});
