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

export function failure(reason: string, errno = ERRNO_INVALID): Failure {
  return { reason, errno };
}

export function failResult(reason: string, errno: number): FailResult {
  return { errMsg: `request:fail ${reason}`, errno };
}

/** Why the transport failed, as precisely as it says: Node's fetch puts the socket error in `cause`. */
export function reason(error: unknown): string {
  const { message, cause } = (error ?? {}) as { message?: string; cause?: { message?: string; code?: string } };
  return cause?.message || cause?.code || message || String(error);
}

/** Calls a user callback; what it throws is re-thrown asynchronously, never swallowed, never in our way. */
export function call<A>(callback: ((argument: A) => void) | undefined, argument: A): void {
  // WeChat ignores a callback that is not a function (`complete: 5`); so do we.
  if (typeof callback != 'function') return;
  try {
    callback(argument);
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}
