import { failure } from './results.js';
import type { AnyObject } from './types.js';

// RFC 9110 token: the characters a header name may use.
const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;

/**
 * The request headers to send: lower-case names (HTTP names are case-insensitive; when the caller
 * writes one name in two cases the last wins), values as strings, `undefined`/`null` values left
 * out, Referer dropped in any case. An invalid name or a CR/LF/NUL in a value throws a Failure:
 * nothing is sent.
 */
export function requestHeaders(header: AnyObject | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  if (header && typeof header == 'object') {
    for (const name of Object.keys(header)) {
      const value: unknown = header[name];
      if (value == null) continue;
      if (!TOKEN.test(name)) throw failure(`header name "${name}" invalid`);
      const text = String(value);
      if (/[\r\n\0]/.test(text)) throw failure(`header "${name}" value has CR/LF/NUL`);
      const key = name.toLowerCase();
      if (key != 'referer') headers[key] = text;
    }
  }
  return headers;
}

// The key of the header object that `name` stands for: its lower-case form when that exists.
const own = (target: AnyObject, name: string | symbol) => (typeof name == 'string' && Object.hasOwn(target, name.toLowerCase()) ? name.toLowerCase() : name);

// Every trap that takes a key maps it through `own`, the rest stay the target's: `Object.keys`
// and JSON see the lower-case keys once each.
const caseInsensitive: ProxyHandler<AnyObject> = {};
for (const trap of ['get', 'has', 'set', 'deleteProperty', 'getOwnPropertyDescriptor'] as const) {
  (caseInsensitive as Record<string, unknown>)[trap] = (target: AnyObject, name: string | symbol, ...rest: unknown[]) =>
    (Reflect[trap] as (...args: unknown[]) => unknown)(target, own(target, name), ...rest);
}

/**
 * The response header object: one lower-case key per header (repeated headers joined with ", "),
 * read, written, tested (`in`, `Object.hasOwn`) and deleted in any letter case.
 */
export function responseHeader(entries: Iterable<[string, string]>): AnyObject {
  const target: AnyObject = {};
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    target[key] = Object.hasOwn(target, key) ? `${target[key]}, ${value}` : value;
  }
  return new Proxy(target, caseInsensitive);
}
