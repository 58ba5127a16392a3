import test from 'ava';
import * as babel from '@babel/core';
import plugin from '../plugin/index.js';

function transformWith(options: unknown, code = "wx.request({ url: 'https://a.com/' })") {
  return babel.transformSync(code, { babelrc: false, configFile: false, filename: '/project/src/page.js', cwd: '/project', plugins: [[plugin, options]] });
}

const invalid: [string, unknown, RegExp][] = [
  ['an unknown option, with a suggestion', { rule: {} }, /unknown option "rule"\. Did you mean "rules"\? Accepted options: rules, allowedOrigins, globals, runtime, onDiagnostic/],
  ['rules that are not an object', { rules: ['url-no-port'] }, /option "rules" must be an object of rule id → 'error' \| 'warn' \| 'off'; got an array/],
  ['an unknown rule id', { rules: { 'url-port': 'off' } }, /option "rules" names an unknown rule "url-port"\. Did you mean "url-no-port"\? Known rules: method-uppercase, method-supported, url-no-port, no-referer-header, unknown-option, timeout-range/],
  ['an unknown severity', { rules: { 'url-no-port': 'warning' } }, /option "rules" gives rule "url-no-port" the severity "warning"; use 'error', 'warn' or 'off'/],
  ['a numeric severity', { rules: { 'url-no-port': 2 } }, /the severity number 2; use 'error', 'warn' or 'off'/],
  ['allowedOrigins that is a string', { allowedOrigins: 'https://a.com:8443' }, /option "allowedOrigins" must be an array of origins such as "https:\/\/api\.example\.com:8443"; got "https:\/\/a\.com:8443"/],
  ['an allowed origin with a path', { allowedOrigins: ['https://a.com:8443/api'] }, /option "allowedOrigins" has "https:\/\/a\.com:8443\/api", which is not an origin: write scheme:\/\/host:port/],
  ['an allowed origin without a scheme', { allowedOrigins: ['a.com:8443'] }, /option "allowedOrigins" has "a\.com:8443", which is not an origin/],
  ['a runtime that is not a string', { runtime: 42 }, /option "runtime" must be a module specifier string such as "babel-plugin-wx-request\/runtime"; got number 42/],
  ['an empty runtime', { runtime: '' }, /option "runtime" must be a module specifier string/],
  ['globals that is a string', { globals: 'wx' }, /option "globals" must be a non-empty array of identifiers such as \['wx', 'qq', 'tt', 'swan'\]; got "wx"/],
  ['a global that is not an identifier', { globals: ['wx', 'my-api'] }, /option "globals" must be a non-empty array of identifiers/],
  ['onDiagnostic that is not a function', { onDiagnostic: 'console.log' }, /option "onDiagnostic" must be a function \(diagnostic\) => void; got "console\.log"/],
];

for (const [title, options, message] of invalid) {
  test(`invalid options: ${title}`, (t) => {
    const error = t.throws(() => transformWith(options));
    t.regex(error.message, message);
    t.regex(error.message, /babel-plugin-wx-request: /);
    // The message is ours, not a crash from inside the plugin.
    t.notRegex(error.message, /TypeError|Cannot read properties/);
  });
}

test('valid options are accepted, including an allowed IPv6 origin and default ports', (t) => {
  t.notThrows(() =>
    transformWith({
      rules: { 'url-no-port': 'warn', 'unknown-option': 'off' },
      allowedOrigins: ['https://api.example.com:8443', 'http://[::1]:8080', 'https://a.com:443/'],
      globals: ['wx', 'qq'],
      runtime: './my-runtime.js',
      onDiagnostic() {},
    }),
  );
});

test('a file whose text never says "request" comes out as Babel alone would print it', (t) => {
  const code = 'wx.showToast({ title: "hi" });\nmodule.exports = wx;';
  const alone = babel.transformSync(code, { babelrc: false, configFile: false, filename: '/project/src/page.js' });
  t.is(transformWith({}, code)?.code, alone?.code);
});

test('warnings go to stderr by default, with position, rule id and code frame', (t) => {
  const written: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    transformWith({}, "wx.request({ url: 'https://a.com/', headers: {} })");
  } finally {
    process.stderr.write = original;
  }
  const output = written.join('');
  t.regex(output, /src\/page\.js:1:37 {2}warn {2}option "headers" is not a wx\.request option: did you mean "header"\? {2}unknown-option/);
  t.regex(output, /> 1 \| wx\.request/);
});

test('errors throw once per file, listing every error with file:line:column and rule id', (t) => {
  const seen: string[] = [];
  const error = t.throws(() =>
    transformWith(
      { onDiagnostic: (diagnostic: { ruleId: string }) => seen.push(diagnostic.ruleId) },
      "wx.request({ url: 'https://a.com:8080/', method: 'post' });\nwx.request({ url: 'https://b.com/', header: { Referer: 'x' }, timeOut: 1 });",
    ),
  );
  t.deepEqual(seen.sort(), ['method-uppercase', 'no-referer-header', 'unknown-option', 'url-no-port']);
  t.regex(error.message, /3 wx\.request errors to fix/);
  t.regex(error.message, /src\/page\.js:1:19 {2}error {2}URL origin "https:\/\/a\.com:8080" has port 8080/);
  t.regex(error.message, /src\/page\.js:1:50 {2}error {2}method "post" is not uppercase/);
  t.regex(error.message, /src\/page\.js:2:47 {2}error {2}header "Referer" cannot be set/);
  t.notRegex(error.message, /unknown-option/, 'warnings are not part of the error');
  t.is((error as unknown as { code: string }).code, 'WX_REQUEST_RULES');
});
