import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import path from 'node:path';
import wxRequest from '../../plugin/eslint/index.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { applyFixes as applyEdits } from '../../plugin/core/apply-edits.js';
import type { Edit } from '../../plugin/core/fixes.js';
import { checkCallSites } from '../../plugin/core/engine.js';
import { resolveOptions } from '../../plugin/core/options.js';
import { analyzeSourceFile } from '../../plugin/typescript/analyze.js';
import { fixesFor } from '../../plugin/typescript/fix-target.js';
import { LexicalResolver } from '../../plugin/typescript/scope.js';
import type { Ts } from '../../plugin/typescript/syntax.js';
import type { Fixture } from '../support/fixtures.js';

export const isTypeScript = (file: string) => /\.(c|m)?tsx?$/.test(file);

/** The language options ESLint users would set for the fixture's file. */
export function languageOptions(fixture: Fixture): Linter.LanguageOptions {
  if (isTypeScript(fixture.inputFile)) return { parser: tseslint.parser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: fixture.inputFile.endsWith('x') } } };
  const script = fixture.options.babel?.sourceType === 'script' || path.extname(fixture.inputFile) === '.cjs';
  return { ecmaVersion: 'latest', sourceType: script ? 'commonjs' : 'module', parserOptions: { ecmaFeatures: { jsx: fixture.inputFile.endsWith('.jsx') } } };
}

/** The plugin's options of a fixture as ESLint settings, rule options and severities. */
export function eslintConfig(fixture: Fixture): Linter.Config {
  const plugin = fixture.options.plugin ?? {};
  const severities = { ...Object.fromEntries(Object.entries(wxRequest.configs.recommended.rules ?? {})), ...Object.fromEntries(Object.entries((plugin['rules'] ?? {}) as Record<string, string>).map(([id, severity]) => [`wx-request/${id}`, severity])) };
  const rules: Linter.RulesRecord = {};
  for (const [id, severity] of Object.entries(severities)) {
    const origins = plugin['allowedOrigins'] as string[] | undefined;
    rules[id] = id === 'wx-request/url-no-port' && origins ? [severity as Linter.RuleSeverity, { allowedOrigins: origins }] : (severity as Linter.RuleSeverity);
  }
  const globals = plugin['globals'] as string[] | undefined;
  return { files: ['**/*.{js,jsx,cjs,mjs,ts,tsx,cts,mts}'], plugins: { 'wx-request': wxRequest }, languageOptions: languageOptions(fixture), settings: globals ? { 'wx-request': { globals } } : {}, rules };
}

/** The fixture's expected findings (the Babel plugin's) in ESLint's terms. */
export function expectedMessages(fixture: Fixture): { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[] {
  return ((fixture.diagnostics ?? []) as Diagnostic[]).map((diagnostic) => ({
    ruleId: `wx-request/${diagnostic.ruleId}`,
    severity: diagnostic.severity === 'error' ? 2 : 1,
    message: diagnostic.message,
    line: diagnostic.line,
    column: diagnostic.column,
    endLine: diagnostic.endLine,
    endColumn: diagnostic.endColumn,
  }));
}

/**
 * What `wx-request check --fix` makes of the fixture's text, with only `ruleId`'s fixes: the
 * TypeScript front end and checker/fix.ts's reading, independent of the ESLint (Babel) path.
 */
export function checkerFixOutput(fixture: Fixture, ruleId?: string): string {
  const api = ts as unknown as Ts;
  const sourceFile = ts.createSourceFile(fixture.inputFile, fixture.input, ts.ScriptTarget.Latest, true, fixture.inputFile.endsWith('x') ? ts.ScriptKind.TSX : isTypeScript(fixture.inputFile) ? ts.ScriptKind.TS : ts.ScriptKind.JS);
  const plugin = fixture.options.plugin ?? {};
  const options = resolveOptions({ globals: plugin['globals'], allowedOrigins: plugin['allowedOrigins'], rules: plugin['rules'] });
  const analysis = analyzeSourceFile({ ts: api, sourceFile, file: 'input', globals: options.globals, resolver: new LexicalResolver(api, sourceFile) });
  const diagnostics = checkCallSites(analysis.sites, options).filter((diagnostic) => ruleId === undefined || diagnostic.ruleId === ruleId);
  const edits: Edit[] = [...fixesFor(api, sourceFile, diagnostics, analysis.nodes).values()];
  return applyEdits(fixture.input, edits).text;
}
