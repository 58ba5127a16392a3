import { failResult } from './results.js';
import type { AnyObject } from './types.js';

// RFC 9110 token: the characters a header name may use.
const TOKEN = /^[!#$%&'*+.^`|~\w-]+$/;

/**
 * The request headers to send: lower-case names (HTTP names are case-insensitive; when the caller
 * writes one name in two cases the last wins), values as strings (each read once), `undefined`/`null`
 * values left out, Referer dropped in any case. A name that is not a token or a CR/LF/NUL in a value
 * throws a fail result: nothing is sent.
 */
export function requestHeaders(header: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (header && typeof header == 'object') {
    for (let [name, value] of Object.entries(header)) {
      if (value == null) continue;
      value = String(value);
      if (!TOKEN.test(name) || /[\r\n\0]/.test(value)) throw failResult(`header "${name}" invalid`);
      name = name.toLowerCase();
      if (name != 'referer') headers[name] = value;
    }
  }
  return headers;
}

// The key of the header object that `name` stands for: its lower-case form when that exists.
const own = (target: AnyObject, name: string | symbol) => (typeof name == 'string' && Object.hasOwn(target, name.toLowerCase()) ? name.toLowerCase() : name);

// Every trap that takes a key maps it through `own`, the rest stay the target's: `Object.keys`
// and JSON see the lower-case keys once each.
const caseInsensitive: ProxyHandler<AnyObject> = {};
for (const trap of 'get has set deleteProperty getOwnPropertyDescriptor'.split(' ')) {
  (caseInsensitive as Record<string, unknown>)[trap] = (target: AnyObject, name: string | symbol, ...rest: unknown[]) =>
    (Reflect[trap as 'get'] as (...args: unknown[]) => unknown)(target, own(target, name), ...rest);
}

/**
 * The response header object: one lower-case key per header (repeated headers joined with ", "),
 * read, written, tested (`in`, `Object.hasOwn`) and deleted in any letter case.
 */
export function responseHeader(entries: Iterable<[string, string]>): AnyObject {
  const target: AnyObject = {};
  for (let [name, value] of entries) {
    name = name.toLowerCase();
    target[name] = Object.hasOwn(target, name) ? `${target[name]}, ${value}` : value;
  }
  return new Proxy(target, caseInsensitive);
}
