import { isUnknown, knownText } from '../call-site.js';
import { methodUppercaseMessage } from './messages.js';
import { isSupportedMethod } from './methods.js';
import type { Rule } from './rule.js';

export const methodUppercase: Rule = {
  id: 'method-uppercase',
  defaultSeverity: 'error',
  // uploadFile and downloadFile take no method.
  apis: ['request'],
  description: 'A method known at build time must be written in uppercase.',
  help: 'WeChat\'s documentation gives the method in uppercase. Its runtime sends a known method in any letter case uppercased ("post" goes out as POST, and so does the web runtime), so the call works, but code that follows the documentation is what other tools and platforms read alike. Write the method in capitals: "POST".',
  example: "wx.request({ url: 'https://api.example.com/items', method: 'post' })",
  check(site) {
    if (isUnknown(site.options) || !site.options.method) return [];
    const method = knownText(site.options.method);
    // Only methods that become valid once uppercased; anything else is method-supported's.
    if (method === undefined || method === method.toUpperCase() || !isSupportedMethod(method.toUpperCase())) return [];
    return [{ span: site.options.method.span, message: methodUppercaseMessage(method) }];
  },
};
