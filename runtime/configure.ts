import { normaliseOrigin } from './origin.js';
import { capTimeout, config, type Config } from './config.js';
import { pump } from './limiter.js';
import type { ConfigureOptions } from './types.js';

/**
 * Per option, the setting it stores, or a falsy value when the option is invalid (every valid
 * setting is truthy). One table, one loop, one message: the README's configure() section lists
 * what each option takes, so the bundle carries no message per option.
 */
const SETTINGS: { [Key in keyof ConfigureOptions]-?: (value: any) => Config[Key] | false | 0 } = {
  maxConcurrent: (count) => Number.isInteger(count) && count > 0 && count,
  timeout: (ms) => capTimeout(ms, 0),
  // The origins the build registered through allowOrigins() stay allowed.
  allowedOrigins: (origins) => Array.isArray(origins) && new Set([...config.builtOrigins, ...origins.map(normaliseOrigin)]),
  transport: (transport) => typeof transport == 'function' && transport,
  credentials: (credentials) => ['omit', 'same-origin', 'include'].includes(credentials) && credentials,
  // app.json's networkTimeout: its `request` is request's `timeout`; uploadFile's and downloadFile's
  // are read (and capped) by those APIs (transfer.ts), so a page without them carries none of it.
  networkTimeout: (timeouts) => timeouts && typeof timeouts == 'object' && ((config.timeout = capTimeout(timeouts.request, config.timeout)), timeouts),
};

/** App-wide settings; each given option replaces the current value, the others stay as they are. */
export function configure(options: ConfigureOptions): void {
  for (const key in SETTINGS) {
    const value = options[key as keyof ConfigureOptions];
    if (value === undefined) continue;
    const setting = SETTINGS[key as keyof ConfigureOptions](value);
    if (!setting) throw new TypeError(`configure: invalid ${key}`);
    (config as any)[key] = setting;
  }
  pump(); // a larger maxConcurrent lets queued requests start now
}

/**
 * Origins the build accepted (the plugin's `allowedOrigins`, from its options or the project
 * configuration): the plugin calls this once per rewritten file, so a page works without a
 * configure() call of its own. They stay allowed whatever configure() is given later.
 */
export function allowOrigins(origins: string[]): void {
  for (const origin of origins.map(normaliseOrigin)) {
    config.builtOrigins.add(origin);
    config.allowedOrigins.add(origin);
  }
}
