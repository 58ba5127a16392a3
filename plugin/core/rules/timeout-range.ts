import { isUnknown } from '../call-site.js';
import type { Rule } from './rule.js';

export const MAX_TIMEOUT = 60000;

export function timeoutRangeMessage(timeout: number): string {
  return timeout > MAX_TIMEOUT
    ? `timeout ${timeout} is above WeChat's maximum of ${MAX_TIMEOUT} ms: it is capped at ${MAX_TIMEOUT}. Use at most ${MAX_TIMEOUT}.`
    : `timeout ${timeout} is not a positive number of milliseconds: use a value from 1 to ${MAX_TIMEOUT}.`;
}

export const timeoutRange: Rule = {
  id: 'timeout-range',
  defaultSeverity: 'warn',
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
