import { isUnknown, type CallSite } from '../plugin/core/call-site.js';
import { originOf } from '../plugin/core/url-origin.js';
import { check, type CheckInput, type FileProblem } from './check.js';
import { PARSE_ERROR_RULE } from './parse-error.js';

/**
 * `wx-request origins`: every origin the code calls, read with the checker's evaluator (literals,
 * templates, `const`s, imports across files with --project), so what is listed is what the rules
 * check. It is also the list WeChat's admin console asks for (its request domain allow-list).
 */

/** The network APIs the runtime serves, each with its admin console list. */
export const NETWORK_APIS = ['request'] as const;
export type NetworkApi = (typeof NETWORK_APIS)[number];

export interface SiteRef {
  file: string;
  line: number;
  column: number;
}

export interface UnknownSite extends SiteRef {
  why: string;
  /** The origin as far as the code writes it, before a value the build cannot know. */
  likely?: string;
}

export interface ApiOrigins {
  api: NetworkApi;
  /** Each origin (lower case, as allowedOrigins compares them), sorted, with its call sites. */
  origins: { origin: string; sites: SiteRef[] }[];
  /** Calls to a path on the page's own origin. */
  relative: SiteRef[];
  /** Calls whose origin cannot be known at build time: listed, not guessed. */
  unknown: UnknownSite[];
}

export interface OriginsResult {
  apis: ApiOrigins[];
  /** Files that do not parse: their calls could not be read. */
  unparsed: SiteRef[];
  problems: FileProblem[];
  checkedFiles: number;
}

/** Where a call's URL is: the url value's span when there is one, else the call's. */
function siteRef(site: CallSite): SiteRef {
  const span = !isUnknown(site.options) && site.options.url ? site.options.url.span : site.span;
  return { file: site.file, line: span.line, column: span.column };
}

export function findOrigins(input: Omit<CheckInput, 'fix' | 'rules' | 'allowedOrigins'>): OriginsResult {
  const result = check({ ...input, rules: {}, fix: false });
  const byOrigin = new Map<string, SiteRef[]>();
  const relative: SiteRef[] = [];
  const unknown: UnknownSite[] = [];
  const unparsed: SiteRef[] = [];
  for (const report of result.files) {
    const parseError = report.diagnostics.find((diagnostic) => diagnostic.ruleId === PARSE_ERROR_RULE);
    if (parseError) unparsed.push({ file: report.file, line: parseError.line, column: parseError.column });
    for (const site of report.sites) {
      const ref = siteRef(site);
      if (isUnknown(site.options)) {
        unknown.push({ ...ref, why: 'options not known at build time' });
        continue;
      }
      const found = originOf(site.options.url);
      if (found.kind === 'origin') byOrigin.set(found.origin, [...(byOrigin.get(found.origin) ?? []), ref]);
      else if (found.kind === 'relative') relative.push(ref);
      else unknown.push({ ...ref, why: found.why, ...(found.likely ? { likely: found.likely } : {}) });
    }
  }
  const origins = [...byOrigin].sort(([a], [b]) => a.localeCompare(b)).map(([origin, sites]) => ({ origin, sites }));
  return { apis: [{ api: 'request', origins, relative, unknown }], unparsed, problems: result.problems, checkedFiles: result.checkedFiles };
}
