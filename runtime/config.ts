import { fetchTransport } from './transport/fetch.js';
import type { Transport } from './types.js';

/** WeChat's maximum (and default) timeout, in ms. */
export const MAX_TIMEOUT = 60000;

/** The app-wide settings, changed through configure(). */
export interface Config {
  maxConcurrent: number;
  /** Default timeout in ms, at most MAX_TIMEOUT. */
  timeout: number;
  /** Normalised origins whose port is allowed. */
  allowedOrigins: Set<string>;
  /** The origins the build registered through allowOrigins(); configure() keeps them. */
  builtOrigins: Set<string>;
  transport: Transport;
  /** fetch's `credentials`; undefined leaves fetch's default (same-origin). */
  credentials?: RequestCredentials | undefined;
  /** configure({ networkTimeout }) as given: uploadFile and downloadFile read their defaults from it (transfer.ts). */
  networkTimeout?: { uploadFile?: unknown; downloadFile?: unknown };
}

export const config: Config = {
  maxConcurrent: 10,
  timeout: MAX_TIMEOUT,
  allowedOrigins: new Set(),
  builtOrigins: new Set(),
  transport: fetchTransport,
};

/** A positive timeout capped at MAX_TIMEOUT; anything else (0, negative, NaN, not a number) gives `fallback`. */
export function capTimeout(timeout: unknown, fallback: number): number {
  return typeof timeout == 'number' && timeout > 0 ? Math.min(timeout, MAX_TIMEOUT) : fallback;
}
