import type { Diagnostic } from './diagnostic.js';

/** Thrown once per file with errors; `diagnostics` carries them for tools that want data. */
export class WxRequestRuleError extends Error {
  override name = 'WxRequestRuleError';
  readonly code = 'WX_REQUEST_RULES';
  constructor(
    message: string,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(message);
  }
}
