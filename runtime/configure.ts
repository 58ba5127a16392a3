import { normaliseOrigin } from '../plugin/core/url-port.js';
import { capTimeout, config } from './config.js';
import { pump } from './limiter.js';
import type { ConfigureOptions } from './types.js';

// Short on purpose (the bundle carries it); the README's configure() section says more.
function invalid(name: string, expected: string): never {
  throw new TypeError(`configure: ${name} must be ${expected}`);
}

/** App-wide settings; each given option replaces the current value, the others stay as they are. */
export function configure(options: ConfigureOptions): void {
  const { maxConcurrent, timeout, allowedOrigins, transport, credentials } = options;
  if (maxConcurrent !== undefined) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) invalid('maxConcurrent', 'an integer ≥ 1');
    config.maxConcurrent = maxConcurrent;
  }
  if (timeout !== undefined) config.timeout = capTimeout(timeout, 0) || invalid('timeout', 'a positive number of ms');
  if (allowedOrigins !== undefined) {
    if (!Array.isArray(allowedOrigins)) invalid('allowedOrigins', 'an array of origins');
    config.allowedOrigins = new Set([...config.builtOrigins, ...allowedOrigins.map(normaliseOrigin)]);
  }
  if (transport !== undefined) {
    if (typeof transport != 'function') invalid('transport', 'a function');
    config.transport = transport;
  }
  if (credentials !== undefined) {
    if (!/^(omit|same-origin|include)$/.test(credentials)) invalid('credentials', "'omit', 'same-origin' or 'include'");
    config.credentials = credentials;
  }
  pump(); // a larger maxConcurrent lets queued requests start now
}

/**
 * Origins the build accepted (the plugin's `allowedOrigins`, from its options or the project
 * configuration): the plugin calls this once per rewritten file, so a page works without a
 * configure() call of its own. They stay allowed whatever configure() is given later.
 */
export function allowOrigins(origins: string[]): void {
  for (const origin of origins) {
    const normalised = normaliseOrigin(origin);
    config.builtOrigins.add(normalised);
    config.allowedOrigins.add(normalised);
  }
}
