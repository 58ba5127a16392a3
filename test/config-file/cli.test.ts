import test from 'ava';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../support/fixtures.js';
import { slots } from '../support/slots.js';
import { ORIGIN, PAGE_WITH_PORT, tempProject } from './temp-project.js';

/** The CLI as users run it: the bin entry, built dist/, a child process; two at a time on two cores. */
const BIN = path.join(ROOT, 'bin', 'wx-request.js');
const slot = slots(2);

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return slot(
    () =>
      new Promise((resolve) => {
        execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
        });
      }),
  );
}

test.before((t) => {
  if (!existsSync(path.join(ROOT, 'dist', 'checker', 'cli.js'))) t.fail('dist/ is missing: run `npm run build` first (npm test does).');
});

const project = () =>
  tempProject({
    'package.json': JSON.stringify({ name: 'app', wxRequest: { allowedOrigins: [ORIGIN], rules: { 'method-uppercase': 'warn' } } }),
    'pages/index.js': PAGE_WITH_PORT,
    'pages/list.js': "wx.request({ url: 'https://api.example.com/list', method: 'post' });\n",
  });

test('check reads the configuration: the allowed port passes, the rule is a warning; --allowed-origin adds, --no-config reads none', async (t) => {
  const root = project();
  writeFileSync(path.join(root, 'ci.json'), JSON.stringify({ allowedOrigins: ['https://other.example.com:9443'] }));
  const [withFile, noFile, added, missing] = await Promise.all([
    cli(['check', '--format', 'json'], root),
    cli(['check', '--no-config', '--format', 'json'], root),
    cli(['check', 'pages', '--config', 'ci.json', '--allowed-origin', ORIGIN, '--format', 'json'], root),
    cli(['check', 'pages', '--config', 'other.json', '--format', 'json'], root),
  ]);
  t.is(withFile.code, 0, withFile.stderr);
  t.deepEqual((JSON.parse(withFile.stdout) as { ruleId: string; severity: string }[]).map((d) => `${d.ruleId} ${d.severity}`), ['method-uppercase warn']);
  t.is(noFile.code, 1);
  t.deepEqual((JSON.parse(noFile.stdout) as { ruleId: string }[]).map((d) => d.ruleId).sort(), ['method-uppercase', 'url-no-port']);
  // ci.json instead of package.json: method-uppercase is an error again; the flag's origin is added to ci.json's.
  t.deepEqual((JSON.parse(added.stdout) as { ruleId: string }[]).map((d) => d.ruleId), ['method-uppercase']);
  t.is(missing.code, 2);
  t.is(missing.stderr, `wx-request: --config names "other.json", which does not exist (${path.join(root, 'other.json')}).\n`);
});

test('check: a mistake in the configuration is exit 2 with the file and the key, no stack trace', async (t) => {
  const root = tempProject({ 'package.json': '{}', 'wx-request.config.json': '{\n  "allowedOrigins": "https://a.com:8443"\n}\n', 'page.js': PAGE_WITH_PORT });
  const output = await cli(['check', 'page.js'], root);
  t.is(output.code, 2);
  t.is(output.stderr, 'wx-request: wx-request.config.json: option "allowedOrigins" must be an array of origins such as "https://api.example.com:8443"; got "https://a.com:8443".\n');
});

test('port reads the configuration of the mini-program: allowed origins and globals', async (t) => {
  const root = tempProject({
    'app/wx-request.config.json': JSON.stringify({ allowedOrigins: [ORIGIN], globals: ['qq'] }),
    'app/pages/index.js': PAGE_WITH_PORT.replace('wx.', 'qq.'),
    'app/pages/other.js': 'wx.request({ url: "https://a.com/" });\n',
  });
  const output = await cli(['port', 'app', '--out-dir', 'web'], root);
  t.is(output.code, 0, output.stdout + output.stderr);
  t.regex(readFileSync(path.join(root, 'web/pages/index.js'), 'utf8'), /_wx\.request\(\{/);
  // The file's globals replace the port's defaults: wx is not among them.
  t.regex(readFileSync(path.join(root, 'web/pages/other.js'), 'utf8'), /wx\.request/);
});

test('port: a mistake in the configuration is one usage error naming the file', async (t) => {
  const root = tempProject({ 'app/package.json': '{"wxRequest": {"globals": "wx"}}', 'app/page.js': PAGE_WITH_PORT });
  const output = await cli(['port', 'app', '--out-dir', 'web'], root);
  t.is(output.code, 2);
  t.is(output.stderr, `wx-request: port: app/package.json "wxRequest": option "globals" must be a non-empty array of identifiers such as ['wx', 'qq', 'tt', 'swan']; got "wx".\n`);
});
