import type { Diagnostic } from './diagnostic.js';
import { formatDiagnostic, formatErrors } from './format.js';
import type { ResolvedOptions } from './options.js';
import { WxRequestRuleError } from './rule-error.js';

/**
 * Hands every diagnostic to `onDiagnostic` (by default, prints warnings to stderr), then throws
 * one error listing every error of the file, so a user fixes them all in one round.
 */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], source: string, options: ResolvedOptions): void {
  for (const diagnostic of diagnostics) {
    if (options.onDiagnostic) options.onDiagnostic(diagnostic);
    else if (diagnostic.severity === 'warn') process.stderr.write(`${formatDiagnostic(diagnostic, source)}\n\n`);
  }
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) throw new WxRequestRuleError(formatErrors(errors, source), errors);
}
