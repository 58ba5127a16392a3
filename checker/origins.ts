import { apiOf, isUnknown, type CallSite } from '../plugin/core/call-site.js';
import { NETWORK_APIS, type NetworkApi } from '../plugin/core/network-apis.js';
import { originOf } from '../plugin/core/url-origin.js';
import { check, type CheckInput, type FileProblem } from './check.js';
import { PARSE_ERROR_RULE } from './parse-error.js';

/**
 * `wx-request origins`: every origin the code calls, read with the checker's evaluator (literals,
 * templates, `const`s, imports across files with --project), so what is listed is what the rules
 * check. It is also the list WeChat's admin console asks for (its request domain allow-list).
 */


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
  const byApi = new Map<NetworkApi, ApiOrigins>(NETWORK_APIS.map((api) => [api, { api, origins: [], relative: [], unknown: [] }]));
  const byOrigin = new Map<string, SiteRef[]>();
  const unparsed: SiteRef[] = [];
  for (const report of result.files) {
    const parseError = report.diagnostics.find((diagnostic) => diagnostic.ruleId === PARSE_ERROR_RULE);
    if (parseError) unparsed.push({ file: report.file, line: parseError.line, column: parseError.column });
    for (const site of report.sites) {
      const ref = siteRef(site);
      const api = apiOf(site);
      const listing = byApi.get(api)!;
      if (isUnknown(site.options)) {
        listing.unknown.push({ ...ref, why: 'options not known at build time' });
        continue;
      }
      const found = originOf(site.options.url);
      if (found.kind === 'origin') {
        const key = `${api} ${found.origin}`;
        if (!byOrigin.has(key)) {
          const sites: SiteRef[] = [];
          byOrigin.set(key, sites);
          listing.origins.push({ origin: found.origin, sites });
        }
        byOrigin.get(key)!.push(ref);
      } else if (found.kind === 'relative') listing.relative.push(ref);
      else listing.unknown.push({ ...ref, why: found.why, ...(found.likely ? { likely: found.likely } : {}) });
    }
  }
  // request always; uploadFile and downloadFile when the code calls them.
  const apis = [...byApi.values()].filter((listing) => listing.api === 'request' || listing.origins.length + listing.relative.length + listing.unknown.length > 0);
  for (const listing of apis) listing.origins.sort((a, b) => a.origin.localeCompare(b.origin));
  return { apis, unparsed, problems: result.problems, checkedFiles: result.checkedFiles };
}
