import { isUnknown } from '../call-site.js';
import { NETWORK_APIS } from '../network-apis.js';
import { normaliseOrigin } from '../../../runtime/origin.js';
import { findPort } from '../url-port.js';
import { urlNoPortMessage } from './messages.js';
import type { Rule } from './rule.js';

export const urlNoPort: Rule = {
  id: 'url-no-port',
  defaultSeverity: 'error',
  apis: NETWORK_APIS,
  description: 'A URL whose port is known at build time must not have one.',
  help: 'WeChat refuses request URLs that carry an explicit port, ":443" and ":80" included. Serve the API on the default port, or, when the domain is registered with its port in the WeChat console, list its origin (for example "https://api.example.com:8443") in the allowedOrigins option.',
  example: "wx.request({ url: 'https://api.example.com:8080/items' })",
  check(site, context) {
    if (isUnknown(site.options) || site.options.url?.kind !== 'string') return [];
    const finding = findPort(site.options.url.parts);
    if (!finding) return [];
    if (finding.port !== undefined && context.allowedOrigins.has(normaliseOrigin(finding.origin))) return [];
    return [{ span: site.options.url.span, message: urlNoPortMessage(finding) }];
  },
};
