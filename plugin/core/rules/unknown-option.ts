import { apiOf, isUnknown } from '../call-site.js';
import { NETWORK_APIS, type NetworkApi } from '../network-apis.js';
import type { Rule } from './rule.js';

/** Every option wx.request documents; those without an effect on the web are accepted too. */
export const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'url', 'data', 'header', 'method', 'dataType', 'responseType', 'timeout', 'enableChunked', 'redirect',
  'success', 'fail', 'complete',
  'enableHttp2', 'enableQuic', 'enableCache', 'enableHttpDNS', 'httpDNSServiceId', 'httpDNSTimeout',
  'forceCellularNetwork', 'useHighPerformanceMode', 'enableProfile',
]);

/** The options of each API, from WeChat's reference pages (SPEC.md). */
const OPTIONS_OF: Readonly<Record<NetworkApi, ReadonlySet<string>>> = {
  request: KNOWN_OPTIONS,
  uploadFile: new Set(['url', 'filePath', 'name', 'header', 'formData', 'timeout', 'success', 'fail', 'complete', 'enableHttp2', 'enableQuic', 'enableProfile', 'useHighPerformanceMode']),
  downloadFile: new Set(['url', 'header', 'timeout', 'filePath', 'success', 'fail', 'complete', 'enableHttp2', 'enableQuic', 'enableProfile', 'useHighPerformanceMode']),
};

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

function suggestionFor(name: string, api: NetworkApi): string | undefined {
  const known = OPTIONS_OF[api];
  if (Object.hasOwn(SUGGESTIONS, name) && known.has(SUGGESTIONS[name]!)) return SUGGESTIONS[name];
  // A known option in another letter case (`URL`, `Method`, `filepath`).
  return [...known].find((option) => option.toLowerCase() === name.toLowerCase());
}

export function unknownOptionMessage(name: string, api: NetworkApi = 'request'): string {
  const suggestion = suggestionFor(name, api);
  return suggestion
    ? `option "${name}" is not a wx.${api} option: did you mean "${suggestion}"?`
    : `option "${name}" is not a wx.${api} option: WeChat ignores it.`;
}

export const unknownOption: Rule = {
  id: 'unknown-option',
  defaultSeverity: 'warn',
  apis: NETWORK_APIS,
  namesApi: true,
  description: "An options key that is not in WeChat's option list.",
  help: `wx.request silently ignores keys it does not know, so a misspelt option (headers, body, params, methods, timeOut) is lost without a sign. Rename it: headers→header, body or params→data, methods→method, timeOut→timeout.`,
  example: "wx.request({ url: 'https://api.example.com/items', headers: { Accept: 'application/json' } })",
  check(site) {
    if (isUnknown(site.options)) return [];
    const api = apiOf(site);
    return site.options.keys
      .filter((key) => !OPTIONS_OF[api].has(key.name))
      .map((key) => ({ span: key.span, message: unknownOptionMessage(key.name, api) }));
  },
};
