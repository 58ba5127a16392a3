import type { FailResult } from './types.js';

/** errno values (our choice, documented in the README). */
export const ERRNO_INVALID = 1001; // invalid options: method, header, data, malformed url
export const ERRNO_TIMEOUT = 5; // WeChat's errno for a timed-out API call
export const ERRNO_NETWORK = 600001; // no response: refused, reset, DNS, CORS, body cut short
export const ERRNO_URL = 600002; // a url WeChat would refuse: port, scheme, credentials
export const ERRNO_ABORT = 600003; // abort()

/** A reason to fail before anything is sent: thrown by validate/serialize/header. */
export interface Failure {
  reason: string;
  errno: number;
}

export const failure = (reason: string, errno = ERRNO_INVALID): Failure => ({ reason, errno });

/**
 * A result with what the official typings' results also carry: there is no HttpDNS on the web,
 * so `useHttpDNS` is false and `exception` lists no reasons and no retries.
 */
export const result = <T extends object>(errMsg: string, fields: T) => ({ errMsg, exception: { reasons: [], retryCount: 0 }, useHttpDNS: false, ...fields });

export const failResult = (reason: string, errno: number): FailResult => result(`request:fail ${reason}`, { errno });

/** Why the transport failed, as precisely as it says: Node's fetch puts the socket error in `cause`. */
export function reason(error: any): string {
  const cause = error?.cause;
  return cause?.message || cause?.code || error?.message || String(error);
}

/** Calls a user callback; what it throws is re-thrown asynchronously, never swallowed, never in our way. */
export function call<A>(callback: ((argument: A) => void) | undefined, argument: A): void {
  // WeChat ignores a callback that is not a function (`complete: 5`); so do we.
  if (typeof callback == 'function') {
    try {
      callback(argument);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  }
}
