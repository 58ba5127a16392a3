import test from 'ava';
import { Linter } from 'eslint';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import wxRequest from '../../plugin/eslint/index.js';

const linter = new Linter();
const code = "wx.request({ url: 'https://api.example.com:8443/items' });\nqq.request({ url: 'http://localhost:3000/x' });\n";
const lint = (config: Linter.Config) => linter.verify(code, [wxRequest.configs.recommended, { files: ['**/*.js'], ...config }], 'pages/a.js').map((message) => `${message.line}:${message.column} ${message.ruleId}`);

test('every rule has full meta: type, description, README anchor, messages, schema', (t) => {
  for (const [id, rule] of Object.entries(wxRequest.rules)) {
    t.truthy(rule.meta?.type, id);
    t.truthy(rule.meta?.docs?.description, id);
    t.is(rule.meta?.docs?.url, `https://www.npmjs.com/package/babel-plugin-wx-request#${id}`);
    t.truthy(rule.meta?.messages?.['finding'], id);
    t.true(Array.isArray(rule.meta?.schema), id);
  }
  t.deepEqual(Object.keys(wxRequest.configs.recommended.rules ?? {}), Object.keys(wxRequest.rules).map((id) => `wx-request/${id}`));
  t.is(wxRequest.rules['method-uppercase']?.meta?.fixable, 'code');
  t.is(wxRequest.rules['url-no-port']?.meta?.fixable, undefined);
});

test('allowedOrigins as a url-no-port option or in shared settings; globals in shared settings', (t) => {
  t.deepEqual(lint({}), ['1:19 wx-request/url-no-port']);
  t.deepEqual(lint({ rules: { 'wx-request/url-no-port': ['error', { allowedOrigins: ['https://api.example.com:8443'] }] } }), []);
  t.deepEqual(lint({ settings: { 'wx-request': { allowedOrigins: ['https://api.example.com:8443'] } } }), []);
  t.deepEqual(lint({ settings: { 'wx-request': { globals: ['wx', 'qq'] } } }), ['1:19 wx-request/url-no-port', '2:19 wx-request/url-no-port']);
});

test('bad options are reported with the option name and what it accepts', (t) => {
  t.throws(() => lint({ settings: { 'wx-request': { globals: 'wx' } } }), { message: /option "globals" must be a non-empty array of identifiers/ });
  t.throws(() => lint({ settings: { 'wx-request': { allowedOrigins: ['api.example.com'] } } }), { message: /not an origin: write scheme:\/\/host:port/ });
  t.throws(() => lint({ rules: { 'wx-request/url-no-port': ['error', { allowOrigins: [] }] } }), { message: /should NOT have additional properties/ });
});

test('the project configuration file is honoured: its allowedOrigins, globals and rules turned off', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wx-eslint-config-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'package.json'), '{}');
  writeFileSync(path.join(dir, 'wx-request.config.json'), JSON.stringify({ allowedOrigins: ['https://api.example.com:8443'], globals: ['wx', 'qq'], rules: { 'timeout-range': 'off' } }));
  const inProject = new Linter({ cwd: dir });
  const source = `${code}wx.request({ url: 'https://a.com/', timeout: 0 });\n`;
  const found = inProject.verify(source, [wxRequest.configs.recommended, { files: ['**/*.js'] }], path.join(dir, 'pages/a.js')).map((message) => `${message.line}:${message.column} ${message.ruleId}`);
  t.deepEqual(found, ['2:19 wx-request/url-no-port']);
  const ignored = inProject.verify(source, [wxRequest.configs.recommended, { files: ['**/*.js'], settings: { 'wx-request': { configFile: false } } }], path.join(dir, 'pages/a.js')).map((message) => message.ruleId);
  t.deepEqual(ignored, ['wx-request/url-no-port', 'wx-request/timeout-range']);
});
