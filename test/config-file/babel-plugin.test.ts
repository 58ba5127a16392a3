import test from 'ava';
import * as babel from '@babel/core';
import path from 'node:path';
import plugin from '../../plugin/index.js';
import { ORIGIN, PAGE_WITH_PORT, tempProject, writeFiles } from './temp-project.js';

function diagnosticsOf(result: babel.BabelFileResult | null): unknown[] {
  return (result?.metadata as unknown as { wxRequest: { diagnostics: unknown[] } }).wxRequest.diagnostics;
}

function transform(root: string, file: string, code: string, options: object = {}) {
  return babel.transformSync(code, { babelrc: false, configFile: false, cwd: root, filename: path.join(root, file), plugins: [[plugin, options]] });
}

test('the Babel plugin reads the configuration of the file it transforms: an allowed port is no error', (t) => {
  const root = tempProject({ 'package.json': JSON.stringify({ name: 'app', wxRequest: { allowedOrigins: [ORIGIN] } }) });
  const result = transform(root, 'src/pages/index.js', PAGE_WITH_PORT);
  t.deepEqual(diagnosticsOf(result), []);
  // Babel (babel-loader, babel --watch) is told which file to watch.
  t.true((result as unknown as { externalDependencies: Set<string> }).externalDependencies.has(path.join(root, 'package.json')));
});

test('the Babel plugin honours the file\'s rules, globals and runtime', (t) => {
  const root = tempProject({
    'wx-request.config.json': JSON.stringify({ rules: { 'method-uppercase': 'off' }, globals: ['qq'], runtime: './web-request.js' }),
  });
  const result = transform(root, 'page.js', "export const task = qq.request({ url: 'https://a.com/', method: 'post' });");
  t.regex(result?.code ?? '', /^import \{ wx as _wx \} from "\.\/web-request\.js";/);
  t.deepEqual(diagnosticsOf(result), []);
});

test('explicit plugin options win over the file, key by key; rules rule by rule', (t) => {
  const root = tempProject({ 'wx-request.config.json': JSON.stringify({ allowedOrigins: [ORIGIN], rules: { 'url-no-port': 'warn', 'method-uppercase': 'off' } }) });
  const diagnostics: { ruleId: string; severity: string }[] = [];
  const code = "wx.request({ url: 'https://api.example.com:8443/items', method: 'post' });";
  // A file with an error still fails the build; onDiagnostic sees each diagnostic first.
  t.throws(() => transform(root, 'page.js', code, { allowedOrigins: ['https://other.example.com:8443'], rules: { 'url-no-port': 'error' }, onDiagnostic: (d: never) => diagnostics.push(d) }), { message: /has port 8443/ });
  // The plugin's allowedOrigins replace the file's; its url-no-port severity wins; the file's method-uppercase: off stays.
  t.deepEqual(diagnostics.map((d) => `${d.ruleId} ${d.severity}`), ['url-no-port error']);
});

test('configFile: false reads no configuration; configFile: a path reads that one', (t) => {
  const root = tempProject({ 'package.json': JSON.stringify({ wxRequest: { allowedOrigins: [ORIGIN] } }), 'ci/wx-request.ci.json': JSON.stringify({ rules: { 'url-no-port': 'off' } }) });
  t.throws(() => transform(root, 'page.js', PAGE_WITH_PORT, { configFile: false }), { message: /has port 8443/ });
  t.notThrows(() => transform(root, 'page.js', PAGE_WITH_PORT, { configFile: './ci/wx-request.ci.json' }));
  t.throws(() => transform(root, 'page.js', PAGE_WITH_PORT, { configFile: true }), {
    message: /option "configFile" must be false \(read no configuration file\) or the path of one, such as "\.\/wx-request\.config\.json"; got boolean true/,
  });
});

test('a mistake in the configuration fails the build with the file and the key named', (t) => {
  const root = tempProject({ 'package.json': '{}', 'src/wx-request.config.json': '{ "rules": { "url-port": "off" } }' });
  const error = t.throws(() => transform(root, 'src/page.js', PAGE_WITH_PORT));
  t.regex(error.message, /babel-plugin-wx-request: .*src\/wx-request\.config\.json: option "rules" names an unknown rule "url-port"\. Did you mean "url-no-port"\?/);
  t.notRegex(error.message, /\n\s+at /);
});

test('a configuration added between two runs of transforms is seen by the second (the disk is looked at once per batch, until the event loop turns)', async (t) => {
  const root = tempProject({ 'package.json': '{}' });
  t.throws(() => transform(root, 'src/pages/a.js', PAGE_WITH_PORT), { message: /has port 8443/ });
  // The same batch goes on with what it saw …
  writeFiles(root, { 'src/wx-request.config.json': JSON.stringify({ allowedOrigins: [ORIGIN] }) });
  t.throws(() => transform(root, 'src/pages/b.js', PAGE_WITH_PORT), { message: /has port 8443/ });
  // … the next one (a rebuild, the next async transform) reads the new configuration.
  await new Promise((resolve) => setImmediate(resolve));
  t.deepEqual(diagnosticsOf(transform(root, 'src/pages/b.js', PAGE_WITH_PORT)), []);
});
