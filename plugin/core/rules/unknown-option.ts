import { isUnknown } from '../call-site.js';
import type { Rule } from './rule.js';

/** Every option wx.request documents; those without an effect on the web are accepted too. */
export const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'url', 'data', 'header', 'method', 'dataType', 'responseType', 'timeout', 'enableChunked', 'redirect',
  'success', 'fail', 'complete',
  'enableHttp2', 'enableQuic', 'enableCache', 'enableHttpDNS', 'httpDNSServiceId', 'httpDNSTimeout',
  'forceCellularNetwork', 'useHighPerformanceMode', 'enableProfile',
]);

/** The usual mistakes of code ported from axios, fetch or jQuery. */
const SUGGESTIONS: Readonly<Record<string, string>> = {
  headers: 'header',
  body: 'data',
  params: 'data',
  methods: 'method',
  timeOut: 'timeout',
  responsetype: 'responseType',
  datatype: 'dataType',
};

function suggestionFor(name: string): string | undefined {
  if (Object.hasOwn(SUGGESTIONS, name)) return SUGGESTIONS[name];
  // A known option in another letter case (`URL`, `Method`).
  return [...KNOWN_OPTIONS].find((known) => known.toLowerCase() === name.toLowerCase());
}

export function unknownOptionMessage(name: string): string {
  const suggestion = suggestionFor(name);
  return suggestion
    ? `option "${name}" is not a wx.request option: did you mean "${suggestion}"?`
    : `option "${name}" is not a wx.request option: WeChat ignores it.`;
}

export const unknownOption: Rule = {
  id: 'unknown-option',
  defaultSeverity: 'warn',
  description: "An options key that is not in WeChat's option list.",
  help: `wx.request silently ignores keys it does not know, so a misspelt option (headers, body, params, methods, timeOut) is lost without a sign. Rename it: headers→header, body or params→data, methods→method, timeOut→timeout.`,
  example: "wx.request({ url: 'https://api.example.com/items', headers: { Accept: 'application/json' } })",
  check(site) {
    if (isUnknown(site.options)) return [];
    return site.options.keys
      .filter((key) => !KNOWN_OPTIONS.has(key.name))
      .map((key) => ({ span: key.span, message: unknownOptionMessage(key.name) }));
  },
};
