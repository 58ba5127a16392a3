import type { Span } from './call-site.js';

export type Severity = 'error' | 'warn';
export type SeveritySetting = Severity | 'off';

/** What a user sees for one broken rule; plain data so it serialises to JSON as is. */
export interface Diagnostic extends Span {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
}

/** Sort by position, then rule id, so output order never depends on traversal order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
