import { codeFrameColumns } from '@babel/code-frame';
import type { Diagnostic } from './diagnostic.js';

/** The source lines around a diagnostic, with its range underlined. */
export function codeFrame(source: string, diagnostic: Diagnostic): string {
  return codeFrameColumns(
    source,
    {
      start: { line: diagnostic.line, column: diagnostic.column },
      end: { line: diagnostic.endLine, column: diagnostic.endColumn },
    },
    { highlightCode: false },
  );
}

/** `file:line:column  severity  message  rule-id`, then the code frame when the source is at hand. */
export function formatDiagnostic(diagnostic: Diagnostic, source?: string): string {
  const head = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.ruleId}`;
  return source === undefined ? head : `${head}\n${codeFrame(source, diagnostic)}`;
}

/**
 * The message of the one error thrown for a file: every error, so all are fixed in one round.
 * Babel puts the file's path in front of it; each line names the file again for editors.
 */
export function formatErrors(errors: readonly Diagnostic[], source: string): string {
  const count = errors.length === 1 ? '1 wx.request error' : `${errors.length} wx.request errors`;
  const body = errors.map((error) => formatDiagnostic(error, source)).join('\n\n');
  return `${count} to fix (file:line:column, severity, message, rule id; the rules are in the README of babel-plugin-wx-request):\n\n${body}\n`;
}
