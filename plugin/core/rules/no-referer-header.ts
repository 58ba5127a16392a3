import { isUnknown } from '../call-site.js';
import { NETWORK_APIS } from '../network-apis.js';
import { refererMessage } from './messages.js';
import type { Rule } from './rule.js';

export const noRefererHeader: Rule = {
  id: 'no-referer-header',
  defaultSeverity: 'error',
  apis: NETWORK_APIS,
  description: 'The header object must not set Referer, in any letter case.',
  help: 'WeChat does not let a mini-program set Referer (it sends its own, naming the app), and browsers forbid it too. Remove the header; if the server needs to know the caller, send a custom header such as X-Client-Page.',
  example: "wx.request({ url: 'https://api.example.com/items', header: { Referer: 'https://example.com' } })",
  check(site) {
    if (isUnknown(site.options) || !site.options.header || isUnknown(site.options.header)) return [];
    return site.options.header.keys
      .filter((key) => key.name.toLowerCase() === 'referer')
      .map((key) => ({ span: key.span, message: refererMessage(key.name) }));
  },
};
