import type { CallSite, Span } from '../call-site.js';
import type { Severity } from '../diagnostic.js';
import type { GlobalUse } from '../global-use.js';
import type { NetworkApi } from '../network-apis.js';

/** Settings a rule may read; built once from the user's options. */
export interface RuleContext {
  /** Lower-cased `scheme://host:port` origins whose port is allowed. */
  allowedOrigins: ReadonlySet<string>;
}

export interface Report {
  span: Span;
  message: string;
}

/** One rule per file, carrying its own metadata: docs and SARIF output are generated from it. */
export interface Rule {
  id: string;
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** Why it matters and how to fix it (SARIF help text, README). */
  help: string;
  /** A call (or code) the rule reports, for the docs. */
  example: string;
  /** The APIs whose calls it checks (the README's rule tables list them). */
  apis: readonly NetworkApi[];
  /** Its messages name the API themselves; the others get `wx.<api>: ` before them for a call other than request's. */
  namesApi?: boolean;
  check(site: CallSite, context: RuleContext): Report[];
  /** Rules about the global object itself read its uses as a value (plugin/core/global-use.ts). */
  checkGlobalUse?(use: GlobalUse, context: RuleContext): Report[];
}
