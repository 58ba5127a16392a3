import { isUnknown, knownText } from '../call-site.js';
import { methodSupportedMessage } from './messages.js';
import { SUPPORTED_METHODS, isSupportedMethod } from './methods.js';
import type { Rule } from './rule.js';

export const methodSupported: Rule = {
  id: 'method-supported',
  defaultSeverity: 'error',
  // uploadFile and downloadFile take no method.
  apis: ['request'],
  description: 'A method known at build time must be one of the eight that wx.request accepts.',
  help: `wx.request accepts only ${SUPPORTED_METHODS.join(', ')}. Another method (for example "PATCH") fails on the device; send it as one of these (many servers accept POST with an X-HTTP-Method-Override header).`,
  example: "wx.request({ url: 'https://api.example.com/items/1', method: 'PATCH' })",
  check(site) {
    if (isUnknown(site.options) || !site.options.method) return [];
    const method = knownText(site.options.method);
    if (method === undefined || isSupportedMethod(method.toUpperCase())) return [];
    return [{ span: site.options.method.span, message: methodSupportedMessage(method) }];
  },
};
