import test from 'ava';
import { createRequire } from 'node:module';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../plugin/core/rules/index.js';
import { FIXTURES, ROOT } from '../support/fixtures.js';
import { runCli, type CliRun } from '../support/run-cli.js';

/** The CLI as users run it: the bin entry, built dist/, a child process. */
const PROJECTS = path.join(FIXTURES, 'projects');
const HERE = path.dirname(fileURLToPath(import.meta.url));

// ajv-draft-04 is CommonJS with a `default` export: load it the same way under tsx and plain Node.
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
const { default: Ajv } = createRequire(import.meta.url)('ajv-draft-04') as { default: new (options: Record<string, unknown>) => { compile(schema: object): Validator } };

type Run = CliRun;

function run(args: string[], cwd: string): Promise<Run> {
  return runCli(args, cwd);
}

function copyProject(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `wx-request-${name}-`));
  cpSync(path.join(PROJECTS, name), dir, { recursive: true });
  return dir;
}

test.before((t) => {
  if (!existsSync(path.join(ROOT, 'dist', 'checker', 'cli.js'))) t.fail('dist/checker/cli.js is missing: run `npm run build` first (npm test does).');
});

function noStackTrace(t: { false: (value: boolean, message?: string) => void }, output: Run): void {
  t.false(/\n\s+at .+:\d+:\d+/.test(output.stderr + output.stdout), 'no stack trace reaches the user');
}

test('text: ESLint-like lines, code frames, blind spots with --list-unchecked, the summary line; exit 1 on errors', async (t) => {
  const output = await run(['check', 'pages/**/*.js', 'utils', 'config.js', '--list-unchecked'], path.join(PROJECTS, 'js-commonjs'));
  t.is(output.code, 1);
  t.true(output.stdout.includes('pages/index/index.js:8:48  error  method "post" is not uppercase, as WeChat\'s documentation requires (its runtime would send it uppercased). Write "POST".  method-uppercase'));
  t.true(output.stdout.includes(">  8 |     wx.request({ url: BASE + '/items', method: config.METHOD });"));
  t.true(output.stdout.includes('pages/detail/detail.js:7:5  note  wx.request call not statically known (method, url): the rules could not check it.  unchecked-call'), output.stdout);
  t.true(output.stdout.trimEnd().endsWith('5 errors, 2 warnings, 1 call site not statically known'), output.stdout.slice(-200));
});

test('json: the diagnostic objects', async (t) => {
  const output = await run(['check', '--format', 'json', '--project', 'tsconfig.json'], path.join(PROJECTS, 'mixed'));
  t.is(output.code, 1);
  const entries = JSON.parse(output.stdout) as object[];
  t.deepEqual(entries, [
    {
      ruleId: 'url-no-port',
      severity: 'error',
      message: 'URL origin "http://legacy.example.com:8000" has port 8000: WeChat refuses URLs with a port, default ports included. Remove the port, or list the origin in allowedOrigins if the domain is registered with its port.',
      file: 'legacy/page.js',
      line: 3,
      column: 19,
      endLine: 3,
      endColumn: 32,
      fixable: false,
    },
    {
      ruleId: 'method-uppercase',
      severity: 'error',
      message: 'method "put" is not uppercase, as WeChat\'s documentation requires (its runtime would send it uppercased). Write "PUT".',
      file: 'legacy/page.js',
      line: 3,
      column: 42,
      endLine: 3,
      endColumn: 47,
      fixable: true,
    },
    {
      ruleId: 'url-no-port',
      severity: 'error',
      message: 'URL origin "http://legacy.example.com:8000" has port 8000: WeChat refuses URLs with a port, default ports included. Remove the port, or list the origin in allowedOrigins if the domain is registered with its port.',
      file: 'src/app.ts',
      line: 5,
      column: 19,
      endLine: 5,
      endColumn: 32,
      fixable: false,
    },
  ]);
});

test('sarif: valid SARIF 2.1.0 with every rule and physical locations', async (t) => {
  const output = await run(['check', '--format=sarif', '--list-unchecked'], path.join(PROJECTS, 'ts-esm'));
  t.is(output.code, 1);
  const log = JSON.parse(output.stdout) as {
    version: string;
    runs: { tool: { driver: { name: string; rules: { id: string; help: { text: string }; shortDescription: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
  };
  const schema = JSON.parse(readFileSync(path.join(HERE, 'sarif-2.1.0.schema.json'), 'utf8')) as object;
  // The schema is draft-04 and has a pattern that is not valid as a unicode regular expression.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, formats: { uri: /^[a-z][a-z0-9+.-]*:/i, 'uri-reference': true, 'date-time': true } });
  const validate = ajv.compile(schema);
  t.true(validate(log), JSON.stringify(validate.errors, null, 2));
  t.is(log.version, '2.1.0');
  const run0 = log.runs[0];
  t.is(run0?.tool.driver.name, 'wx-request');
  const ruleIds = run0?.tool.driver.rules.map((rule) => rule.id) ?? [];
  for (const rule of RULES) {
    t.true(ruleIds.includes(rule.id), rule.id);
    const described = run0?.tool.driver.rules.find((entry) => entry.id === rule.id);
    t.true(described?.help.text.startsWith(rule.help));
    t.is(described?.shortDescription.text, rule.description);
  }
  const result = run0?.results.find((entry) => entry.ruleId === 'method-supported');
  t.deepEqual(result?.locations[0]?.physicalLocation.artifactLocation.uri, 'src/cases/enum-member.ts');
  t.deepEqual(result?.locations[0]?.physicalLocation.region.startLine, 4);
  t.is(result?.level, 'error');
  t.true(run0?.results.some((entry) => entry.ruleId === 'unchecked-call' && entry.level === 'note'));
});

test('github: workflow annotations', async (t) => {
  const output = await run(['check', '--format', 'github', '--rule', 'method-uppercase=warn'], path.join(PROJECTS, 'mixed'));
  t.is(output.code, 1);
  const lines = output.stdout.trimEnd().split('\n');
  t.is(lines[0], '::error file=legacy/page.js,line=3,col=19,endLine=3,endColumn=32,title=wx-request url-no-port::URL origin "http://legacy.example.com:8000" has port 8000: WeChat refuses URLs with a port, default ports included. Remove the port, or list the origin in allowedOrigins if the domain is registered with its port.');
  t.true(lines[1]?.startsWith('::warning file=legacy/page.js,line=3,col=42,'));
  t.true(lines[2]?.startsWith('::error file=src/app.ts,line=5,col=19,'));
});

test('exit 0 when only warnings are left (--rule, --allowed-origin)', async (t) => {
  const output = await run(['check', '--rule', 'url-no-port=warn', '--rule=method-uppercase=off', '--allowed-origin', 'http://legacy.example.com:8000'], path.join(PROJECTS, 'mixed'));
  t.is(output.code, 0, output.stdout + output.stderr);
  t.true(output.stdout.trimEnd().endsWith('0 errors, 0 warnings, 0 call sites not statically known'), output.stdout);
});

test('exit 2 on bad usage: the message names the flag and the accepted values', async (t) => {
  const cwd = path.join(PROJECTS, 'mixed');
  const cases: [string[], RegExp][] = [
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, github; got "xml"/],
    [['check', '--rule', 'url-no-port=fatal'], /--rule url-no-port= accepts error, warn or off; got "fatal"/],
    [['check', '--rule', 'no-such-rule=off'], /--rule names an unknown rule "no-such-rule". Known rules: method-uppercase/],
    [['check', '--allowed-origin', 'https://a.com:8443/path'], /--allowed-origin: .*not an origin/],
    [['check', '--frobnicate'], /unknown option "--frobnicate"/],
    [['lint'], /unknown command "lint"/],
    [['check', '--format'], /--format needs a value: one of text, json, sarif, github/],
  ];
  const outputs = await Promise.all(cases.map(([args]) => run(args, cwd)));
  outputs.forEach((output, index) => {
    const [args, message] = cases[index] ?? [[], /./];
    t.is(output.code, 2, args.join(' '));
    t.regex(output.stderr, message, args.join(' '));
    t.is(output.stdout, '', args.join(' '));
    noStackTrace(t, output);
  });
});

test('a file that does not parse is one parse-error diagnostic (exit 1); the other files are still checked', async (t) => {
  const output = await run(['check', '.'], path.join(PROJECTS, 'syntax-error'));
  t.is(output.code, 1);
  t.true(output.stdout.includes('broken.js:1:45  error  syntax error: \',\' expected. The file does not parse, so its wx.request calls were not checked; fix the syntax and run the check again.  parse-error'), output.stdout);
  t.true(output.stdout.includes('good.js:1:19  error'));
  t.true(output.stdout.includes('also-good.js:1:54  error'));
  t.true(output.stdout.trimEnd().endsWith('3 errors, 0 warnings, 0 call sites not statically known (1 fixable with --fix)'), output.stdout);
  noStackTrace(t, output);
});

test('a parse error in every format: json, sarif (a described rule), github', async (t) => {
  const cwd = path.join(PROJECTS, 'js-grammar');
  const [json, sarif, github] = await Promise.all(['json', 'sarif', 'github'].map((format) => run(['check', '--format', format], cwd)));
  for (const output of [json, sarif, github]) t.is(output?.code, 1, output?.stdout);
  const entries = JSON.parse(json?.stdout ?? '[]') as { ruleId: string; file: string; line: number; column: number; message: string }[];
  const parseError = entries.find((entry) => entry.ruleId === 'parse-error');
  t.like(parseError, { file: 'broken.js', line: 1, column: 50 });
  t.regex(parseError?.message ?? '', /^syntax error: ',' expected\. .*fix the syntax/);
  // The Flow-annotated file is checked, not refused.
  t.deepEqual(entries.filter((entry) => entry.file === 'store.js').map((entry) => `${entry.line}:${entry.column} ${entry.ruleId}`), ['7:23 url-no-port', '7:76 method-uppercase']);
  const log = JSON.parse(sarif?.stdout ?? '{}') as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; ruleIndex: number; level: string }[] }[] };
  const run0 = log.runs[0];
  const result = run0?.results.find((entry) => entry.ruleId === 'parse-error');
  t.is(result?.level, 'error');
  t.is(run0?.tool.driver.rules[result?.ruleIndex ?? -1]?.id, 'parse-error');
  t.true(github?.stdout.includes('::error file=broken.js,line=1,col=50,'), github?.stdout);
  t.true(github?.stdout.includes('title=wx-request parse-error::syntax error%3A') || github?.stdout.includes('title=wx-request parse-error::syntax error:'), github?.stdout);
});

test('exit 2 for a missing or unreadable file, with the others reported', async (t) => {
  const dir = copyProject('syntax-error');
  const locked = path.join(dir, 'locked.js');
  writeFileSync(locked, "wx.request({ url: '/x' });\n");
  chmodSync(locked, 0o000);
  const output = await run(['check', 'good.js', 'missing.js', 'locked.js', '--format', 'json'], dir);
  t.is(output.code, 2);
  t.true(output.stderr.includes('cannot read missing.js: no such file or directory'), output.stderr);
  // root reads anything: only check the permission case when it applies.
  if (process.getuid?.() !== 0) t.true(output.stderr.includes('cannot read locked.js: permission denied'), output.stderr);
  const entries = JSON.parse(output.stdout) as { ruleId: string; file: string }[];
  t.true(entries.some((entry) => entry.ruleId === 'url-no-port' && entry.file === 'good.js'));
  t.true(entries.some((entry) => entry.ruleId === 'unreadable-file' && entry.file === 'missing.js'));
  noStackTrace(t, output);
});

test('--fix: uppercase method, headers→header, delete Referer entries, formatting kept; a second run finds nothing fixable', async (t) => {
  const dir = copyProject('fixable');
  const before = await run(['check'], dir);
  t.is(before.code, 1);
  t.true(before.stdout.includes('(6 fixable with --fix)'), before.stdout);

  const fixed = await run(['check', '--fix'], dir);
  t.is(fixed.code, 1, 'method-supported (PATCH) cannot be fixed');
  t.true(fixed.stdout.includes('Fixed 6 problems.'));
  t.is(
    readFileSync(path.join(dir, 'api.js'), 'utf8'),
    `const common = { Accept: 'application/json' };

function load(id) {
  wx.request({
    url: 'https://api.example.com/items/' + id,
    method: 'POST',
    header: { 'X-Id': id },
  });
  wx.request({
    url: 'https://api.example.com/other',
    method: "DELETE", // keep this comment
    header: {
      ...common,
      'X-Trace': '1',
    },
  });
  wx.request({ url: '/inline', header: { Accept: '*/*' } });
  wx.request({ url: '/last', header: { Accept: '*/*' } });
  wx.request({ url: '/port:8080', method: 'PATCH' });
}

module.exports = { load };
`,
  );
  const again = await run(['check', '--fix', '--format', 'json'], dir);
  const entries = JSON.parse(again.stdout) as { ruleId: string; fixable: boolean }[];
  t.deepEqual(entries.map((entry) => [entry.ruleId, entry.fixable]), [['method-supported', false]]);
  t.false(again.stdout.includes('Fixed'));
});

test('check --help prints the usage with every flag', async (t) => {
  const output = await run(['check', '--help'], ROOT);
  t.is(output.code, 0);
  t.true(output.stdout.startsWith('Usage: wx-request check'));
  for (const flag of ['--project', '--format', '--rule', '--allowed-origin', '--list-unchecked', '--fix']) t.true(output.stdout.includes(flag), flag);
});
