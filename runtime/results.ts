import type { FailResult } from './types.js';

/** errno values (our choice, documented in the README). */
export const ERRNO_INVALID = 1001; // invalid options: method, header, data, malformed url
export const ERRNO_TIMEOUT = 5; // WeChat's errno for a timed-out API call
export const ERRNO_NETWORK = 600001; // no response: refused, reset, DNS, CORS, body cut short
export const ERRNO_URL = 600002; // a url WeChat would refuse: port, scheme, credentials
export const ERRNO_ABORT = 600003; // abort()

/**
 * A result with what the official typings' results also carry: there is no HttpDNS on the web,
 * so `useHttpDNS` is false and `exception` lists no reasons and no retries.
 */
export const result = <T extends object>(errMsg: string, fields: T) => ({ errMsg, exception: { reasons: [], retryCount: 0 }, useHttpDNS: false, ...fields });

/**
 * A fail result. The checks that run before anything is sent (validate, header, serialize) throw
 * one: the request catches it and ends with it as it is.
 */
export const failResult = (reason: string, errno = ERRNO_INVALID): FailResult => result(`request:fail ${reason}`, { errno });

/**
 * What the request ends with when preparing it threw: our own fail result (its errno is positive;
 * Node's system errors have negative ones), else the error's message (a getter of the caller's
 * options threw, JSON.stringify refused the data).
 */
export const thrownResult = (error: any): FailResult => (error?.errno > 0 ? error : failResult(String(error?.message ?? error)));

/** Why the transport failed, as precisely as it says: Node's fetch puts the socket error in `cause`. */
export const reason = (error: any): string => error?.cause?.message || error?.cause?.code || error?.message || String(error);

/**
 * Calls a user callback on a microtask of its own, never inside our code: what it throws is
 * reported as any uncaught error (window.onerror, uncaughtException), never swallowed, and cannot
 * stop the callbacks after it. WeChat ignores a callback that is not a function (`complete: 5`); so do we.
 */
export const call = <A>(callback: ((argument: A) => void) | undefined, argument: A): void =>
  queueMicrotask(() => typeof callback == 'function' && callback(argument));
