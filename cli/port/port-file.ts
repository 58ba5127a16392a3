import * as babel from '@babel/core';
import path from 'node:path';
import { babelErrorReason, isBabelParseError, type BabelError } from '../../plugin/babel/babel-error.js';
import { parserAttempts, type ParserPlugin } from '../../plugin/babel/parser-options.js';
import { wxRequestMetadata, type WxRequestMetadata } from '../../plugin/babel/plugin.js';
import type { Diagnostic, Severity } from '../../plugin/core/diagnostic.js';
import { FIXABLE_RULES } from '../../plugin/core/fixes.js';
import { UsageError } from '../usage-error.js';
import { portSetupFor, transformOptions, type PortSetup } from './babel-options.js';
import { applyTextEdits, checkedEdits, distinctEdits, EditError, editsOnOriginal, type Applied, type TextEdit } from './edits.js';
import { diagnosticKey, safeFixes } from './fixes.js';
import { plural } from './summary.js';

/** What became of one source file. */
export type PortOutcome =
  /** Nothing to rewrite: the file is copied byte for byte. */
  | { kind: 'unchanged'; diagnostics: Diagnostic[] }
  | { kind: 'ported'; code: string; map: Applied['map']; rewritten: number; fixed: number; diagnostics: Diagnostic[] }
  /** Copied unchanged, with the reason and the `wx.request` references it still holds. */
  | { kind: 'not-ported'; reason: string; references: number | undefined; diagnostics: Diagnostic[] };

export interface PortFileInput {
  source: string;
  filename: string;
  root: string;
  outFile: string;
  configFile: string | undefined;
  /** The file as the user sees it, for diagnostics. */
  display: string;
  fix: boolean;
}

function position(error: BabelError): number {
  return (error.loc?.line ?? 0) * 1e6 + (error.loc?.column ?? 0);
}

function parseDiagnostic(error: BabelError, file: string, filename: string): Diagnostic {
  const line = error.loc?.line ?? 1;
  const column = (error.loc?.column ?? 0) + 1;
  return { ruleId: 'parse-error', severity: 'error', message: `${babelErrorReason(error, filename)}: the file does not parse, so it was copied unchanged. Fix the syntax, or add the parser plugin it needs to your Babel config.`, file, line, column, endLine: line, endColumn: column + 1 };
}

/** Our own failure on a file: reported as an error, the file copied unchanged and listed. */
function internalFailure(file: string, what: string, references: number, diagnostics: readonly Diagnostic[]): PortOutcome {
  const diagnostic: Diagnostic = { ruleId: 'port-internal-error', severity: 'error', message: `internal error of wx-request port: ${what}. The file was copied unchanged; please report this with the file.`, file, line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { kind: 'not-ported', reason: `internal error: ${what}`, references, diagnostics: [...diagnostics, diagnostic] };
}

/** References to `<global>.request` in text the parser could not read: an estimate, said as such. */
function textualReferences(source: string, globals: readonly string[]): number {
  const names = globals.map((name) => name.replace(/[$]/g, '\\$')).join('|');
  return source.match(new RegExp(`\\b(?:${names})\\s*(?:\\?\\.|\\.)\\s*request\\b|\\b(?:${names})\\s*\\[\\s*['"\`]request['"\`]`, 'g'))?.length ?? 0;
}

type Pass = { kind: 'done'; metadata: WxRequestMetadata; diagnostics: Diagnostic[]; parserPlugins: ParserPlugin[] } | { kind: 'parse-error'; error: BabelError } | { kind: 'failed'; message: string };

/** One run of the plugin alone over `text`, with the first parser plugins that read it. */
export async function runPlugin(text: string, input: Pick<PortFileInput, 'filename' | 'display'>, setup: PortSetup, attempts: readonly ParserPlugin[][]): Promise<Pass> {
  let furthest: BabelError | undefined;
  for (const parserPlugins of attempts) {
    const diagnostics: Diagnostic[] = [];
    // Severities are the user's again: the plugin ran with every rule as a warning (reportingOptions).
    const onDiagnostic = (diagnostic: Diagnostic) => diagnostics.push({ ...diagnostic, file: input.display, severity: setup.resolved.rules[diagnostic.ruleId] as Severity });
    try {
      const result = await babel.transformAsync(text, transformOptions(setup, input.filename, parserPlugins, onDiagnostic));
      return { kind: 'done', metadata: wxRequestMetadata(result), diagnostics, parserPlugins };
    } catch (error) {
      if (isBabelParseError(error)) {
        // Report the attempt that read furthest: its syntax fits the file best.
        if (!furthest || position(error) > position(furthest)) furthest = error;
        continue;
      }
      if (error instanceof Error && error.message.includes('babel-plugin-wx-request: ')) {
        throw new UsageError(`port: the Babel config has invalid options for babel-plugin-wx-request: ${error.message.slice(error.message.indexOf('babel-plugin-wx-request: ') + 'babel-plugin-wx-request: '.length).split('\n')[0]}`);
      }
      return { kind: 'failed', message: error instanceof Error ? babelErrorReason(error, input.filename) : String(error) };
    }
  }
  return { kind: 'parse-error', error: furthest as BabelError };
}

/** The parse that checks the result: the options that read the original. */
export function parses(code: string, filename: string, setup: Pick<PortSetup, 'sourceType'>, parserPlugins: readonly ParserPlugin[]): string | undefined {
  try {
    babel.parseSync(code, { filename, configFile: false, babelrc: false, sourceType: setup.sourceType, parserOpts: { plugins: [...parserPlugins] } });
    return undefined;
  } catch (error) {
    return error instanceof Error ? babelErrorReason(error, filename) : String(error);
  }
}

/**
 * The edits applied, or why they cannot be: they overlap or leave the file, or the result does not
 * parse (`verify` says why). Output that does not parse is never returned, so never written.
 */
export function portText(source: string, edits: readonly TextEdit[], sourceFileName: string, verify: (code: string) => string | undefined): Applied | string {
  let applied: Applied;
  try {
    applied = applyTextEdits(source, edits, sourceFileName);
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return `the edits cannot be applied (${error.message})`;
  }
  const invalid = verify(applied.code);
  return invalid === undefined ? applied : `the ported text would not parse (${invalid})`;
}

/**
 * Ports one file as precise text edits: the plugin's own edits (and, with --fix, the checker's
 * safe fixes) applied to the text as read, every other byte kept.
 */
export async function portFile(input: PortFileInput): Promise<PortOutcome> {
  const setup = portSetupFor(input.filename, input.root, input.configFile);
  if (!setup) return { kind: 'unchanged', diagnostics: [] }; // the config ignores this file
  const attempts = parserAttempts(path.extname(input.filename), setup.parserPlugins);
  const first = await runPlugin(input.source, input, setup, attempts);
  if (first.kind === 'parse-error') {
    const diagnostic = parseDiagnostic(first.error, input.display, input.filename);
    return { kind: 'not-ported', reason: `does not parse (${diagnostic.line}:${diagnostic.column} ${babelErrorReason(first.error, input.filename)})`, references: textualReferences(input.source, setup.resolved.globals), diagnostics: [diagnostic] };
  }
  if (first.kind === 'failed') {
    const diagnostic: Diagnostic = { ruleId: 'transform-error', severity: 'error', message: `Babel failed on this file (${first.message}); it was copied unchanged.`, file: input.display, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { kind: 'not-ported', reason: `Babel failed (${first.message})`, references: textualReferences(input.source, setup.resolved.globals), diagnostics: [diagnostic] };
  }

  let { metadata, diagnostics } = first;
  let fixEdits: TextEdit[] = [];
  let reported = first.diagnostics;
  let fixed = 0;
  if (input.fix && diagnostics.some((diagnostic) => FIXABLE_RULES.has(diagnostic.ruleId))) {
    const fixes = await safeFixes(input.source, input.filename, input.display, setup.resolved);
    if (fixes.edits.length > 0) {
      let fixedSource: string;
      try {
        fixEdits = checkedEdits(distinctEdits(fixes.edits), input.source.length);
        fixedSource = applyTextEdits(input.source, fixEdits, input.filename).code;
      } catch (error) {
        if (!(error instanceof EditError)) throw error;
        return internalFailure(input.display, `the fixes cannot be applied (${error.message})`, metadata.rewritten, diagnostics);
      }
      const second = await runPlugin(fixedSource, input, setup, [first.parserPlugins]);
      if (second.kind !== 'done') {
        return internalFailure(input.display, 'the fixed file no longer parses', metadata.rewritten, diagnostics);
      }
      // The user's positions: what is reported is the first reading without what was fixed.
      reported = first.diagnostics.filter((diagnostic) => !fixes.fixed.has(diagnosticKey(diagnostic)));
      fixed = first.diagnostics.length - reported.length;
      ({ metadata, diagnostics } = second);
    }
  }

  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    const canFix = !input.fix && errors.filter((diagnostic) => FIXABLE_RULES.has(diagnostic.ruleId)).length;
    const rules = [...new Set(errors.map((diagnostic) => diagnostic.ruleId))].join(', ');
    const reason = `${plural(errors.length, 'rule error')} (${rules})${canFix ? `, ${canFix} fixable with --fix` : ''}`;
    // Not written, so nothing was fixed: every finding of the file as it is stays reported.
    return { kind: 'not-ported', reason, references: metadata.rewritten, diagnostics: first.diagnostics };
  }
  if (metadata.rewritten === 0 && fixEdits.length === 0) return { kind: 'unchanged', diagnostics: reported };
  if (metadata.edits === undefined) {
    return internalFailure(input.display, 'the plugin could not say exactly what it changed', metadata.rewritten, reported);
  }

  const sourceFileName = path.relative(path.dirname(input.outFile), input.filename).split(path.sep).join('/');
  let edits: TextEdit[];
  try {
    edits = [...fixEdits, ...editsOnOriginal(metadata.edits, fixEdits)];
  } catch (error) {
    if (!(error instanceof EditError)) throw error;
    return internalFailure(input.display, `the edits cannot be applied (${error.message})`, metadata.rewritten, reported);
  }
  const parserPlugins = first.parserPlugins;
  const applied = portText(input.source, edits, sourceFileName, (code) => parses(code, input.filename, setup, parserPlugins));
  if (typeof applied === 'string') {
    return internalFailure(input.display, applied, metadata.rewritten, reported);
  }
  return { kind: 'ported', code: applied.code, map: applied.map, rewritten: metadata.rewritten, fixed, diagnostics: reported };
}
