import test from 'ava';
import { utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OptionsError } from '../../plugin/core/options.js';
import { createOptionsResolver, loadProjectOptions, mergeOptions } from '../../plugin/config/project-config.js';
import { ORIGIN, tempProject, writeFiles } from './temp-project.js';

const OPTIONS = { allowedOrigins: [ORIGIN], rules: { 'unknown-option': 'off' } };
const AS_MODULE = `export default ${JSON.stringify(OPTIONS)};\n`;
const AS_COMMONJS = `module.exports = ${JSON.stringify(OPTIONS)};\n`;

const formats: [string, Record<string, string>][] = [
  ['wx-request.config.json', { 'package.json': '{}', 'wx-request.config.json': JSON.stringify(OPTIONS) }],
  ['wx-request.config.cjs', { 'package.json': '{}', 'wx-request.config.cjs': AS_COMMONJS }],
  ['wx-request.config.mjs', { 'package.json': '{}', 'wx-request.config.mjs': AS_MODULE }],
  ['wx-request.config.js in a "type": "module" package', { 'package.json': '{"type":"module"}', 'wx-request.config.js': AS_MODULE }],
  ['wx-request.config.js in a CommonJS package', { 'package.json': '{}', 'wx-request.config.js': AS_COMMONJS }],
  ['package.json "wxRequest"', { 'package.json': JSON.stringify({ name: 'app', wxRequest: OPTIONS }) }],
];

for (const [title, files] of formats) {
  test(`reads ${title}, from a file in a nested folder`, (t) => {
    const root = tempProject({ ...files, 'src/pages/index/index.js': '' });
    const loaded = loadProjectOptions(path.join(root, 'src/pages/index/index.js'));
    t.deepEqual(loaded.options, OPTIONS);
    t.is(path.dirname(loaded.source ?? ''), root);
  });
}

test('JSON files are read as JSON5, as Babel reads babel.config.json: comments and trailing commas', (t) => {
  const root = tempProject({ 'wx-request.config.json': `{\n  // the staging API\n  "allowedOrigins": ["${ORIGIN}",],\n}\n` });
  t.deepEqual(loadProjectOptions(root).options, { allowedOrigins: [ORIGIN] });
});

test('the nearest configuration wins; the search stops at the package root', (t) => {
  const root = tempProject({
    'wx-request.config.json': '{"globals": ["qq"]}',
    'app/package.json': '{}',
    'app/src/a.js': '',
    'app/sub/wx-request.config.json': '{"globals": ["tt"]}',
    'app/sub/deep/b.js': '',
    'loose/c.js': '',
  });
  // app/ is a package without a configuration: the one above it is not taken.
  t.is(loadProjectOptions(path.join(root, 'app/src/a.js')).source, undefined);
  t.deepEqual(loadProjectOptions(path.join(root, 'app/sub/deep/b.js')).options, { globals: ['tt'] });
  // No package.json on the way: the search goes up to the folder that has one.
  t.deepEqual(loadProjectOptions(path.join(root, 'loose/c.js')).options, { globals: ['qq'] });
  // A folder is searched from itself (the working directory of a build).
  t.deepEqual(loadProjectOptions(path.join(root, 'app/sub')).options, { globals: ['tt'] });
});

test('configFile: false reads none; a path reads that one, relative to cwd', (t) => {
  const root = tempProject({ 'wx-request.config.json': '{"globals": ["qq"]}', 'configs/ci.json': '{"globals": ["tt"]}' });
  t.deepEqual(loadProjectOptions(root, { configFile: false }).options, {});
  t.deepEqual(loadProjectOptions(path.join(root, 'x.js'), { configFile: 'configs/ci.json', cwd: root }).options, { globals: ['tt'] });
  const error = t.throws(() => loadProjectOptions(root, { configFile: 'missing.json', cwd: root }), { instanceOf: OptionsError });
  t.is(error.message, `babel-plugin-wx-request: option "configFile" names "missing.json", which does not exist (${path.join(root, 'missing.json')}).`);
});

test('a file is read once per version: unchanged, the same object; changed, read again', (t) => {
  const root = tempProject({ 'package.json': '{}', 'wx-request.config.cjs': 'module.exports = { globals: ["qq"] };' });
  const first = loadProjectOptions(path.join(root, 'a.js'));
  t.is(loadProjectOptions(path.join(root, 'b.js')), first);
  writeFileSync(path.join(root, 'wx-request.config.cjs'), 'module.exports = { globals: ["tt", "qq"] };');
  const later = new Date(Date.now() + 5000);
  utimesSync(path.join(root, 'wx-request.config.cjs'), later, later);
  t.deepEqual(loadProjectOptions(path.join(root, 'a.js')).options, { globals: ['tt', 'qq'] });
  // A configuration added later is found (the folder changed).
  writeFiles(root, { 'sub/wx-request.config.json': '{"globals": ["swan"]}' });
  t.deepEqual(loadProjectOptions(path.join(root, 'sub/c.js')).options, { globals: ['swan'] });
});

function failure(files: Record<string, string>, from = 'src/page.js'): string {
  const root = tempProject(files);
  const cwd = process.cwd();
  // Messages name the file relative to the working directory, as users see it.
  process.chdir(root);
  try {
    const error = (() => {
      try {
        loadProjectOptions(path.join(root, from));
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    if (!(error instanceof OptionsError)) throw new Error(`expected an OptionsError, got ${String(error)}`);
    return error.message;
  } finally {
    process.chdir(cwd);
  }
}

const mistakes: [string, Record<string, string>, string][] = [
  [
    'an unknown key, with a suggestion',
    { 'wx-request.config.json': '{"allowedOrigin": []}' },
    'babel-plugin-wx-request: wx-request.config.json: unknown option "allowedOrigin". Did you mean "allowedOrigins"? Accepted options: rules, allowedOrigins, globals, runtime.',
  ],
  [
    'a bad value, with what it accepts',
    { 'wx-request.config.json': '{"allowedOrigins": ["api.example.com:8443"]}' },
    'babel-plugin-wx-request: wx-request.config.json: option "allowedOrigins" has "api.example.com:8443", which is not an origin: write scheme://host:port with nothing after it, such as "https://api.example.com:8443".',
  ],
  [
    'a bad severity in package.json "wxRequest"',
    { 'package.json': '{"wxRequest": {"rules": {"url-no-port": "warning"}}}' },
    `babel-plugin-wx-request: package.json "wxRequest": option "rules" gives rule "url-no-port" the severity "warning"; use 'error', 'warn' or 'off'.`,
  ],
  [
    'an option that belongs to the plugin',
    { 'wx-request.config.cjs': 'module.exports = { onDiagnostic() {} };' },
    'babel-plugin-wx-request: wx-request.config.cjs: option "onDiagnostic" is given to the plugin itself, not in a configuration file. Accepted here: rules, allowedOrigins, globals, runtime.',
  ],
  [
    'a JSON syntax error, with line and column',
    { 'wx-request.config.json': '{\n  "globals": ["wx"]\n  "runtime": "x"\n}\n' },
    `babel-plugin-wx-request: wx-request.config.json:3:3: invalid character '"': the file is not valid JSON. Fix the syntax there (comments and trailing commas are allowed).`,
  ],
  [
    'a package.json that does not parse',
    { 'package.json': '{"name": "app",,}' },
    `babel-plugin-wx-request: package.json:1:16: invalid character ',': the file is not valid JSON. Fix the syntax there (comments and trailing commas are allowed).`,
  ],
  [
    'a configuration that is not an object',
    { 'wx-request.config.json': '["https://a.com:1"]' },
    'babel-plugin-wx-request: wx-request.config.json: options must be an object; got an array.',
  ],
  [
    'an ES module without a default export',
    { 'wx-request.config.mjs': 'export const globals = ["wx"];' },
    'babel-plugin-wx-request: wx-request.config.mjs: has no default export: write `export default { … }` (or `module.exports = { … }` in CommonJS).',
  ],
  [
    'a function instead of options',
    { 'wx-request.config.cjs': 'module.exports = (api) => ({ globals: ["wx"] });' },
    'babel-plugin-wx-request: wx-request.config.cjs: exports a function: export the options object itself, such as `export default { allowedOrigins: [...] }`.',
  ],
  [
    'an ES module with top-level await',
    { 'wx-request.config.mjs': 'const origins = await Promise.resolve([]);\nexport default { allowedOrigins: origins };' },
    'babel-plugin-wx-request: wx-request.config.mjs: uses top-level await: a configuration is read synchronously (Babel plugins are), so it cannot wait. Compute the values without await.',
  ],
  [
    'a CommonJS file that throws, with its line',
    { 'wx-request.config.cjs': '\nmodule.exports = { globals: ;' },
    'babel-plugin-wx-request: wx-request.config.cjs:2: could not be loaded: SyntaxError: Unexpected token \';\'',
  ],
];

for (const [title, files, message] of mistakes) {
  test(`a mistake in the configuration names the file: ${title}`, (t) => {
    t.is(failure(files), message);
  });
}

test('two configurations in one folder: a warning, once, says which one is used', (t) => {
  const root = tempProject({ 'package.json': '{"wxRequest": {"globals": ["tt"]}}', 'wx-request.config.json': '{"globals": ["qq"]}' });
  const warnings: string[] = [];
  const onWarning = (message: string) => warnings.push(message);
  t.deepEqual(loadProjectOptions(path.join(root, 'a.js'), { onWarning }).options, { globals: ['qq'] });
  loadProjectOptions(path.join(root, 'b.js'), { onWarning });
  t.is(warnings.length, 1);
  const shown = (name: string) => path.join(root, name);
  t.is(warnings[0], `babel-plugin-wx-request: 2 configurations in one folder: ${shown('wx-request.config.json')} is used, ${shown('package.json')} "wxRequest" is ignored. Keep one.`);
});

test('mergeOptions: an explicit key replaces the file\'s; rules merge rule by rule', (t) => {
  const merged = mergeOptions(
    { rules: { 'url-no-port': 'warn', 'unknown-option': 'off' }, allowedOrigins: ['https://a.com:1'], globals: ['qq'] },
    { rules: { 'url-no-port': 'error' }, allowedOrigins: ['https://b.com:2'], runtime: undefined, configFile: false },
  );
  t.deepEqual(merged, { rules: { 'url-no-port': 'error', 'unknown-option': 'off' }, allowedOrigins: ['https://b.com:2'], globals: ['qq'] });
});

test('createOptionsResolver: explicit options are checked at once; each file gets its configuration under them', (t) => {
  t.throws(() => createOptionsResolver({ globals: 'wx' } as never), { message: /^babel-plugin-wx-request: option "globals" must be/ });
  const root = tempProject({ 'package.json': JSON.stringify({ wxRequest: { allowedOrigins: [ORIGIN], globals: ['qq'] } }) });
  const optionsFor = createOptionsResolver({ globals: ['wx', 'tt'] }, { addAllowedOrigins: ['https://b.com:2'] });
  const options = optionsFor(path.join(root, 'a.js'));
  t.deepEqual([...options.allowedOrigins], [ORIGIN, 'https://b.com:2']);
  t.deepEqual(options.globals, ['wx', 'tt']);
  t.is(optionsFor(path.join(root, 'b.js')), options, 'resolved once per version of the configuration');
});
