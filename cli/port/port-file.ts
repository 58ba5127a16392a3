import * as babel from '@babel/core';
import path from 'node:path';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { UsageError } from '../usage-error.js';
import { babelOptionsFor } from './babel-options.js';

export type ParserPlugin = NonNullable<NonNullable<babel.TransformOptions['parserOpts']>['plugins']>[number];

export interface PortedFile {
  /** The rewritten code and its source map; undefined when the file is copied unchanged. */
  code: string | undefined;
  map: object | undefined;
  rewritten: number;
  diagnostics: Diagnostic[];
}

/**
 * Syntax that real mini-program trees contain without declaring it: JSX, decorators in .js
 * files, Flow annotations. Tried in order only after the file's own config failed to parse it.
 */
function fallbackSyntaxes(extension: string): ParserPlugin[][] {
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') return [['typescript', 'decorators-legacy']];
  if (extension === '.tsx') return [['typescript', 'jsx', 'decorators-legacy']];
  return [['jsx', 'decorators-legacy'], ['flow', 'jsx', 'decorators-legacy']];
}

interface BabelSyntaxError extends Error {
  code?: string;
  loc?: { line: number; column: number };
  reasonCode?: string;
}

function isParseError(error: unknown): error is BabelSyntaxError {
  return error instanceof Error && (error as BabelSyntaxError).code === 'BABEL_PARSE_ERROR';
}

function position(error: BabelSyntaxError): number {
  return (error.loc?.line ?? 0) * 1e6 + (error.loc?.column ?? 0);
}

function parseDiagnostic(error: BabelSyntaxError, file: string, filename: string): Diagnostic {
  const line = error.loc?.line ?? 1;
  const column = (error.loc?.column ?? 0) + 1;
  // Babel's message is "<file>: <reason> (line:column)" followed by a frame; keep the reason.
  const reason = (error.message.split('\n')[0] ?? '').replace(`${filename}: `, '').replace(/ \(\d+:\d+\)$/, '');
  return { ruleId: 'parse-error', severity: 'error', message: `${reason}: the file does not parse, so it was copied unchanged. Fix the syntax, or add the parser plugin it needs to your Babel config.`, file, line, column, endLine: line, endColumn: column + 1 };
}

export async function portFile(source: string, filename: string, root: string, outFile: string, configFile: string | undefined, display: string): Promise<PortedFile> {
  const diagnostics: Diagnostic[] = [];
  const onDiagnostic = (diagnostic: Diagnostic) => diagnostics.push({ ...diagnostic, file: display });
  const options = babelOptionsFor(filename, root, configFile, onDiagnostic);
  if (!options) return { code: undefined, map: undefined, rewritten: 0, diagnostics };
  const base: babel.TransformOptions = {
    ...options,
    filename,
    sourceMaps: true,
    sourceFileName: path.relative(path.dirname(outFile), filename).split(path.sep).join('/'),
    // Babel prints a note for big (minified) files in "auto" mode; they are compact anyway.
    compact: source.length > 500_000 ? true : options.compact ?? 'auto',
  };
  const attempts: (ParserPlugin[] | undefined)[] = [undefined, ...fallbackSyntaxes(path.extname(filename))];
  let firstError: BabelSyntaxError | undefined;
  for (const extra of attempts) {
    diagnostics.length = 0;
    const parserOpts = extra ? { ...base.parserOpts, plugins: [...(base.parserOpts?.plugins ?? []), ...extra] } : base.parserOpts;
    try {
      const result = await babel.transformAsync(source, { ...base, parserOpts });
      const metadata = (result?.metadata as { wxRequest?: { rewritten: number } } | undefined)?.wxRequest;
      return { code: result?.code ?? '', map: result?.map ?? undefined, rewritten: metadata?.rewritten ?? 0, diagnostics };
    } catch (error) {
      if (isParseError(error)) {
        // Report the attempt that read furthest: its syntax fits the file best (the TypeScript
        // parse of a .ts file, not the first, plain one).
        if (!firstError || position(error) > position(firstError)) firstError = error;
        continue;
      }
      if (error instanceof Error && error.message.includes('babel-plugin-wx-request: ')) {
        // Invalid plugin options in the config: one clear usage error, not a failure per file.
        throw new UsageError(`port: the Babel config has invalid options for babel-plugin-wx-request: ${error.message.slice(error.message.indexOf('babel-plugin-wx-request: ') + 'babel-plugin-wx-request: '.length).split('\n')[0]}`);
      }
      if ((error as { code?: string }).code === 'WX_REQUEST_RULES' || diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
        return { code: undefined, map: undefined, rewritten: 0, diagnostics };
      }
      const message = (error instanceof Error ? error.message : String(error)).replace(`${filename}: `, '').split('\n')[0] ?? '';
      diagnostics.push({ ruleId: 'transform-error', severity: 'error', message: `Babel failed on this file (${message}); it was copied unchanged.`, file: display, line: 1, column: 1, endLine: 1, endColumn: 1 });
      return { code: undefined, map: undefined, rewritten: 0, diagnostics };
    }
  }
  return { code: undefined, map: undefined, rewritten: 0, diagnostics: [parseDiagnostic(firstError as BabelSyntaxError, display, filename)] };
}
