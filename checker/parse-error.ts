import type * as TS from 'typescript';
import type { Diagnostic } from '../plugin/core/diagnostic.js';
import type { Ts } from '../plugin/typescript/syntax.js';

/** The rule-like id of a file that does not parse, in every output format. */
export const PARSE_ERROR_RULE = 'parse-error';

/**
 * TypeScript's "… can only be used in TypeScript files" (codes 8002–8038: type annotations,
 * type aliases, `implements`, modifiers… in a .js file) are grammar diagnostics: the file has a
 * full syntax tree and is checked like any other. Flow-typed mini-program code is full of them.
 */
function isJavaScriptOnlyGrammar(diagnostic: TS.Diagnostic): boolean {
  return diagnostic.code >= 8000 && diagnostic.code < 9000;
}

/**
 * The first real syntax error of a file as a diagnostic (file, line, column, message, rule id),
 * or undefined when the file parses. The file is then not checked; the run goes on.
 */
export function parseErrorOf(ts: Ts, program: TS.Program, sourceFile: TS.SourceFile, file: string): Diagnostic | undefined {
  const first = program.getSyntacticDiagnostics(sourceFile).find((diagnostic) => !isJavaScriptOnlyGrammar(diagnostic));
  if (!first) return undefined;
  const start = first.start ?? 0;
  const from = sourceFile.getLineAndCharacterOfPosition(start);
  const to = sourceFile.getLineAndCharacterOfPosition(Math.min(sourceFile.text.length, start + Math.max(1, first.length ?? 1)));
  const reason = ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '');
  return {
    ruleId: PARSE_ERROR_RULE,
    severity: 'error',
    message: `syntax error: ${reason}. The file does not parse, so its wx.request calls were not checked; fix the syntax and run the check again.`,
    file,
    line: from.line + 1,
    column: from.character + 1,
    endLine: to.line + 1,
    endColumn: to.character + 1,
  };
}
