import type { CallSite, Span } from '../core/call-site.js';
import type { Edit } from '../core/fixes.js';
import type { GlobalUse } from '../core/global-use.js';

/**
 * What one front end read from one file, shared by every ESLint rule of the plugin: the call
 * sites (the rules run over them with their own options) and, for a reported span, the fix that
 * `wx-request check --fix` would make there.
 */
export interface FileFindings {
  sites: CallSite[];
  /** The uses of the global object as a value (rule global-escape). */
  globalUses: GlobalUse[];
  fixFor(ruleId: string, span: Span): Edit | undefined;
}
