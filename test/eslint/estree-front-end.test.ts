import test from 'ava';
import * as babel from '@babel/core';
import { Linter } from 'eslint';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import plugin from '../../plugin/index.js';
import { parserOptionsFor } from '../../plugin/babel/parser-options.js';
import wxRequest from '../../plugin/eslint/index.js';
import { realPackageFiles } from '../../bench/real-code.js';
import { randomProgram } from '../support/fuzz-programs.js';
import { loadFixtures, ROOT, type Fixture } from '../support/fixtures.js';
import { syntaxFor } from '../support/transform.js';
import { checkerFixOutput, eslintConfig, expectedMessages, isTypeScript } from './support.js';

// The differential test of the ESTree front end (plugin/estree/): on every fixture, ESLint's own
// tree and scope manager must give the Babel plugin's diagnostics (fixtures/*/diagnostics.json),
// and `--fix` the text `wx-request check --fix` writes. JavaScript with espree (JSX on, as the
// Babel front end parsed every JavaScript file), TypeScript with typescript-eslint's parser and no
// type information (with it, the type-aware TypeScript front end reads the file instead).

function sourceType(fixture: Fixture): 'module' | 'script' {
  const declared = fixture.options.babel?.sourceType ?? 'module';
  if (declared !== 'unambiguous') return declared;
  return /^\s*(import|export)\b/m.test(fixture.input) ? 'module' : 'script';
}

function eslintLanguage(fixture: Fixture): Linter.LanguageOptions {
  const jsx = !isTypeScript(fixture.inputFile) || fixture.inputFile.endsWith('x');
  const parser = isTypeScript(fixture.inputFile) ? { parser: tseslint.parser as Linter.Parser } : {};
  return { ...parser, ecmaVersion: 'latest', sourceType: sourceType(fixture), parserOptions: { ecmaFeatures: { jsx } } };
}

// Every rule on, at the severity the fixture's plugin options give it (a fixture that turns one off
// keeps it off: its diagnostics.json has none of it), with its globals and allowed origins.
const config = (fixture: Fixture): Linter.Config => ({ ...eslintConfig(fixture), languageOptions: eslintLanguage(fixture) });

type Finding = { ruleId: string | null; severity: number; message: string; line: number; column: number; endLine: number | undefined; endColumn: number | undefined };
const order = (a: Finding, b: Finding) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)) || a.message.localeCompare(b.message);

/** The Babel plugin's diagnostics in ESLint's terms (support.ts): LintMessage columns are 1-based, as ours are. */
const expected = (fixture: Fixture): Finding[] => expectedMessages(fixture);

const linter = new Linter();
const fixtures = loadFixtures();

test('the ESTree front end gives the Babel plugin’s diagnostics and the checker’s fixes on every fixture ESLint parses', (t) => {
  const skipped: string[] = [];
  const differences: string[] = [];
  let compared = 0;
  let withFindings = 0;
  let fixed = 0;
  for (const fixture of fixtures) {
    const messages = linter.verify(fixture.input, config(fixture), fixture.inputFile);
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      skipped.push(`${fixture.name} (${fatal.message})`);
      continue;
    }
    compared += 1;
    const found: Finding[] = messages.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn }));
    const want = expected(fixture);
    if (want.length > 0) withFindings += 1;
    if (JSON.stringify(found.sort(order)) !== JSON.stringify(want.sort(order))) {
      differences.push(fixture.name);
      t.deepEqual(found, want, fixture.name);
    }
    const result = linter.verifyAndFix(fixture.input, config(fixture), fixture.inputFile);
    if (result.output !== checkerFixOutput(fixture)) {
      differences.push(`${fixture.name} (--fix)`);
      t.is(result.output, checkerFixOutput(fixture), `${fixture.name} --fix`);
    }
    if (result.fixed) fixed += 1;
  }
  t.log(`${compared} of ${fixtures.length} fixtures compared (${withFindings} with findings, ${fixed} with fixes); ${skipped.length} skipped: ESLint cannot parse them${skipped.length ? `: ${skipped.join('; ')}` : ''}`);
  t.deepEqual(differences, []);
  t.true(compared >= fixtures.length - 5, 'nearly every fixture is compared');
  t.true(fixed > 5);
});

/** Forms the fixtures leave out, each read by the Babel plugin and by ESLint: the same findings. */
const SNIPPETS: { file: string; code: string; languageOptions?: Linter.LanguageOptions }[] = [
  { file: 'local.js', code: "function f(wx) { wx.request({ method: 'get' }); }" },
  { file: 'eslint-globals.js', code: "wx.request({ method: 'get' });", languageOptions: { globals: { wx: 'readonly' } } },
  { file: 'global-comment.js', code: "/* global wx */\nwx.request({ method: 'get' });" },
  { file: 'declared.ts', code: "declare const wx: any;\nwx.request({ method: 'get' });" },
  { file: 'declared-function.ts', code: "declare function wx(): void;\nwx.request({ method: 'get' });" },
  { file: 'enum.ts', code: "enum wx { request }\nwx.request({ method: 'get' });" },
  { file: 'const-local.js', code: "const wx = api;\nwx.request({ method: 'get' });" },
  { file: 'top-level-var.js', code: "var wx = api;\nwx.request({ method: 'get' });", languageOptions: { sourceType: 'script' } },
  // A direct eval leaves the scope manager's references unresolved: the parameter still binds wx.
  { file: 'eval.js', code: "function f(wx) { eval(''); wx.request({ method: 'get' }); }", languageOptions: { sourceType: 'script' } },
  { file: 'with.js', code: "function f(o) { with (o) { wx.request({ method: 'get' }); } }", languageOptions: { sourceType: 'script' } },
  { file: 'optional.js', code: "wx?.request?.({ method: 'get' });\nwx?.['request']({ method: 'get' });\n(wx?.request)({ method: 'get' });\nwx.request?.call(wx, { method: 'get' });" },
  { file: 'aliases.js', code: "const r = wx.request; r({ method: 'get' });\nconst s = r; s.apply(null, [{ method: 'get' }]);\nconst { request: t = f, ...others } = wx; t({ method: 'get' });" },
  { file: 'this.js', code: "wx.request.call(wx, { method: 'get' });\nReflect.apply(wx.request, wx, [{ method: 'get' }]);\nconst bound = wx.request.bind(wx);\nObject.defineProperty(wx, 'request', { value: f });" },
  { file: 'wrappers.ts', code: "(wx as any).request(({ method: 'get' }) as object);\nwx!.request({ method: 'get' } satisfies object);\n(<any>wx).request({ url: 'http://a.com:81/' });\nconst m = { method: 'get' } as const;\nwx.request(m);" },
  { file: 'writes.js', code: "const api = wx;\nfoo({ wx });\n[wx] = list;\n({ a: wx } = o);\nwx = other;\nfor (wx of list);\nfor (wx in o);\nwx++;\nx = wx ? wx : null;\nif (wx && wx.request) wx.request({ method: 'get' });" },
  { file: 'chains.js', code: "const o = { method: 'get' };\nconst p = { ...o, timeout: -1 };\nwx.request(p);\nwx.request({ ...(cond ? o : p) });\nwx.request({ url: `http://a.com:${port}/` });\nwx.request({ url: base?.url, method: o?.method });" },
  { file: 'types.ts', code: "let t: typeof wx;\ntype R = typeof wx.request;\ninterface I extends wx.Base {}\nclass C implements wx.Base {}\nwx.request({ method: 'get' });" },
  { file: 'jsx.jsx', code: "const el = <View onTap={() => wx.request({ method: 'get' })} api={wx} />;" },
  { file: 'headers.js', code: "wx.request({ headers: { Referer: 'x', 'referer': 'y' }, header: { Referer: 'z' }, method: 'post' });" },
];

test('the ESTree front end agrees with the Babel plugin on forms the fixtures leave out', (t) => {
  const counts: string[] = [];
  for (const { file, code, languageOptions: options } of SNIPPETS) {
    const babelFound: Diagnostic[] = [];
    try {
      babel.transformSync(code, { filename: file, configFile: false, babelrc: false, sourceType: options?.sourceType === 'script' ? 'script' : 'module', parserOpts: { plugins: syntaxFor(file) }, plugins: [[plugin, { onDiagnostic: (diagnostic: Diagnostic) => babelFound.push(diagnostic) }]] });
    } catch {
      // An error-severity finding throws after every diagnostic was reported.
    }
    const fixture = { name: file, inputFile: file, input: code, options: {}, diagnostics: babelFound } as unknown as Fixture;
    const languageOptions = { ...eslintLanguage(fixture), ...options };
    const found: Finding[] = linter
      .verify(code, { ...eslintConfig(fixture), languageOptions }, file)
      .map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn }));
    t.deepEqual(found.sort(order), expected(fixture).sort(order), file);
    counts.push(`${file}: ${found.length}`);
  }
  t.log(counts.join(', '));
});

/** The Babel plugin's diagnostics on a file read as the bundler integrations read it; undefined when Babel cannot parse it. */
function babelDiagnostics(code: string, file: string): Diagnostic[] | undefined {
  const diagnostics: Diagnostic[] = [];
  try {
    babel.transformSync(code, { filename: file, configFile: false, babelrc: false, browserslistConfigFile: false, code: false, plugins: [[plugin, { onDiagnostic: (diagnostic: Diagnostic) => diagnostics.push(diagnostic) }]], ...parserOptionsFor(file) });
  } catch (error) {
    if ((error as { code?: string }).code !== 'WX_REQUEST_RULES') return undefined;
  }
  return diagnostics;
}

/** Our rules' findings on a file, ESLint's parser for its kind; undefined when ESLint cannot parse it as a module or a script. */
function eslintFindings(code: string, file: string): string[] | undefined {
  const lint = (sourceType: 'module' | 'script') =>
    linter.verify(code, [wxRequest.configs.recommended, { files: ['**/*.{js,ts}'], languageOptions: { ...(isTypeScript(file) ? { parser: tseslint.parser as Linter.Parser } : {}), ecmaVersion: 'latest', sourceType } }], file);
  const first = /\b(import|export)\b/.test(code) ? 'module' : 'script';
  let messages = lint(first);
  if (messages.some((message) => message.fatal)) messages = lint(first === 'module' ? 'script' : 'module');
  if (messages.some((message) => message.fatal)) return undefined;
  return messages.filter((message) => message.ruleId?.startsWith('wx-request/')).map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${message.ruleId} ${message.message}`).sort();
}

const babelFindings = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} wx-request/${d.ruleId} ${d.message}`).sort();

// TypeScript declarations Babel's scope does not record as bindings: an `enum` or `namespace` that
// shadows a `const` (Babel still follows the const; ESLint's scope manager, like the type checker,
// sees the enum), and `declare` forms TypeScript rejects where the generator puts them (in a block,
// or beside a `const` of the same name). The ESTree front end reads those as TypeScript does.
const BABEL_SCOPE_GAPS = /\b(enum|namespace|declare)\b/;

test('the ESTree front end agrees with the Babel plugin on 2,000 generated programs and the real packages’ files', (t) => {
  const differences: string[] = [];
  const counts = { programs: 0, compared: 0, invalid: 0, unparsed: 0, gaps: 0, findings: 0, files: 0 };
  const compare = (code: string, file: string) => {
    const expected = babelDiagnostics(code, file);
    if (!expected) return void counts.invalid++;
    if (isTypeScript(file) && BABEL_SCOPE_GAPS.test(code)) return void counts.gaps++;
    const found = eslintFindings(code, file);
    if (!found) return void counts.unparsed++;
    counts.compared++;
    counts.findings += found.length;
    if (JSON.stringify(found) !== JSON.stringify(babelFindings(expected))) differences.push(`${file}\n${code}\nESLint: ${found.join('\n')}\nBabel: ${babelFindings(expected).join('\n')}`);
  };
  for (let seed = 1; seed <= 2000; seed++) {
    const { code, file } = randomProgram(seed);
    counts.programs++;
    compare(code, file.replace(/^\//, ''));
  }
  for (const file of realPackageFiles().all) {
    counts.files++;
    compare(readFileSync(file, 'utf8'), path.relative(ROOT, file).replace('node_modules/', 'packages/'));
  }
  t.log(`${counts.programs} programs and ${counts.files} real files: ${counts.compared} compared (${counts.findings} findings), ${counts.invalid} invalid for Babel, ${counts.gaps} TypeScript files with enum/namespace/declare left out, ${counts.unparsed} ESLint cannot parse; ${differences.length} differences`);
  t.deepEqual(differences, []);
  t.true(counts.compared > 1500);
});

test('plain ESLint runs never load @babel/core: the rules read ESLint’s tree', (t) => {
  // A fresh Node: lint JavaScript and TypeScript (no type information) with every rule, then look
  // for @babel/core in the module cache (CommonJS packages imported from ES modules land there too).
  const script = `
    import { createRequire } from 'node:module';
    import { Linter } from 'eslint';
    import tseslint from 'typescript-eslint';
    import wxRequest from './plugin/eslint/index.ts';
    const require = createRequire(import.meta.url);
    const linter = new Linter();
    const code = "const o = { method: 'post', headers: {} };\\nwx.request(o);\\nwx.request({ url: 'http://a.com:8080/' });\\n";
    const js = linter.verify(code, [wxRequest.configs.recommended, { files: ['**/*.js'] }], 'a.js');
    const ts = linter.verify(code, [wxRequest.configs.recommended, { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }], 'a.ts');
    const loaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/@babel/core/'));
    const before = loaded();
    await import('@babel/core');
    console.log(JSON.stringify({ js: js.length, ts: ts.length, before, after: loaded() }));
  `;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const result = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { js: number; ts: number; before: boolean; after: boolean };
  t.is(result.js, 3, 'the rules ran on JavaScript');
  t.is(result.ts, 3, 'the rules ran on TypeScript');
  t.false(result.before, '@babel/core was loaded by the ESLint plugin');
  t.true(result.after, 'the check sees @babel/core once it is loaded');
});
