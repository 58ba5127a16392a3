import { apiOf, type CallSite } from './call-site.js';
import { compareDiagnostics, type Diagnostic } from './diagnostic.js';
import type { GlobalUse } from './global-use.js';
import type { ResolvedOptions } from './options.js';
import { RULES, type Report, type Rule } from './rules/index.js';

/** A rule's reports on a call of uploadFile or downloadFile say which API they are about. */
function named(rule: Rule, site: CallSite, reports: Report[]): Report[] {
  const api = apiOf(site);
  return api === 'request' || rule.namesApi ? reports : reports.map((report) => ({ ...report, message: `wx.${api}: ${report.message}` }));
}

/**
 * Runs every enabled rule over the call sites of one file. Knows nothing of any syntax tree:
 * Babel, TypeScript and the checker all come here with the same neutral description: the calls,
 * and the uses of the global object as a value (for rules such as global-escape).
 */
export function checkCallSites(sites: readonly CallSite[], options: ResolvedOptions, globalUses: readonly GlobalUse[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of RULES) {
    const severity = options.rules[rule.id];
    if (severity === undefined || severity === 'off') continue;
    const reports = [
      ...sites.map((site) => ({ site, reports: rule.apis.includes(apiOf(site)) ? named(rule, site, rule.check(site, options)) : [] })),
      ...globalUses.map((use) => ({ site: use, reports: rule.checkGlobalUse?.(use, options) ?? [] })),
    ];
    for (const { site, reports: found } of reports) {
      for (const report of found) {
        // One value can be reached from several calls (a shared const options object): report it once.
        const key = `${rule.id}:${site.file}:${report.span.line}:${report.span.column}:${report.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        diagnostics.push({ ruleId: rule.id, severity, message: report.message, file: site.file, ...report.span });
      }
    }
  }
  return diagnostics.sort(compareDiagnostics);
}
