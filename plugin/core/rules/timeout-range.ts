import { isUnknown } from '../call-site.js';
import { NETWORK_APIS } from '../network-apis.js';
import { MAX_TIMEOUT, timeoutRangeMessage } from './messages.js';
import type { Rule } from './rule.js';

export const timeoutRange: Rule = {
  id: 'timeout-range',
  defaultSeverity: 'warn',
  apis: NETWORK_APIS,
  description: 'A timeout known at build time must be positive and at most 60000 ms.',
  help: `WeChat caps timeout at ${MAX_TIMEOUT} ms, so a larger value silently does not do what it says; zero or a negative value is a mistake. Use a value from 1 to ${MAX_TIMEOUT}.`,
  example: "wx.request({ url: 'https://api.example.com/report', timeout: 120000 })",
  check(site) {
    if (isUnknown(site.options) || site.options.timeout?.kind !== 'number') return [];
    const { value, span } = site.options.timeout;
    if (value > 0 && value <= MAX_TIMEOUT) return [];
    return [{ span, message: timeoutRangeMessage(value) }];
  },
};
