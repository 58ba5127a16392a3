import { failure } from './results.js';
import type { AnyObject, Method } from './types.js';

export type Body = string | ArrayBuffer | ArrayBufferView;

export interface Serialized {
  url: string;
  body: Body | undefined;
  /** The content-type to send: the caller's, else application/json when there is a body. */
  contentType: string | undefined;
}

const isBinary = (data: unknown): data is ArrayBuffer | ArrayBufferView =>
  ArrayBuffer.isView(data) || data instanceof ArrayBuffer;

/**
 * `key=value` pairs joined by `&`, both sides through encodeURIComponent. Left out: `undefined`,
 * functions and symbols (as JSON.stringify does). Nested objects and arrays (and null) are written
 * as JSON: `{ a: { b: 1 }, c: [1, 2] }` → `a=%7B%22b%22%3A1%7D&c=%5B1%2C2%5D`.
 */
export function encodeForm(data: AnyObject): string {
  const pairs: string[] = [];
  for (const key of Object.keys(data)) {
    const value: unknown = data[key];
    if (value === undefined || typeof value == 'function' || typeof value == 'symbol') continue;
    pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(typeof value == 'object' ? JSON.stringify(value) : String(value))}`);
  }
  return pairs.join('&');
}

/** Appends a query before the `#fragment`: `?` first, then `&` (none after a trailing `?` or `&`). */
export function appendQuery(url: string, query: string): string {
  if (!query) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const separator = !base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&';
  return base + separator + query + (hash < 0 ? '' : url.slice(hash));
}

/** How an object body is written for a content-type; the full runtime adds the form encoding. */
export type ObjectEncoder = (data: AnyObject, contentType: string | undefined) => string;

/** Object bodies as JSON, whatever the content-type: what a page that never posts a form needs. */
export const encodeJson: ObjectEncoder = (data) => JSON.stringify(data);

/**
 * Where `data` goes: GET and HEAD put it in the URL, other methods send it as the body (objects
 * through `encodeObject`). Strings and binary data are sent as they are; numbers and booleans as
 * their text; `null`/`undefined` mean no data.
 */
export function serialize(method: Method, url: string, data: unknown, contentType: string | undefined, encodeObject: ObjectEncoder): Serialized {
  const isObject = data != null && typeof data == 'object';
  if (method == 'GET' || method == 'HEAD') {
    if (isBinary(data)) throw failure(`${method} cannot send binary data on the web: use POST or PUT`);
    const query = isObject ? encodeForm(data) : data == null ? '' : String(data);
    return { url: appendQuery(url, query), body: undefined, contentType };
  }
  if (data == null) return { url, body: undefined, contentType };
  const body = !isObject ? String(data) : isBinary(data) ? data : encodeObject(data, contentType);
  return { url, body, contentType: contentType ?? 'application/json' };
}
