import { failure } from './results.js';
import type { AnyObject, Method } from './types.js';

export type Body = string | ArrayBuffer | ArrayBufferView;

export interface Serialized {
  url: string;
  body: Body | undefined;
  /** The content-type to send: the caller's, else application/json when there is a body. */
  contentType: string | undefined;
}

/**
 * `key=value` pairs joined by `&`, both sides through encodeURIComponent. Left out: `undefined`,
 * functions and symbols (as JSON.stringify does). Nested objects and arrays (and null) are written
 * as JSON: `{ a: { b: 1 }, c: [1, 2] }` → `a=%7B%22b%22%3A1%7D&c=%5B1%2C2%5D`.
 */
export const encodeForm = (data: AnyObject): string =>
  Object.keys(data)
    .flatMap((key) => {
      const value: unknown = data[key];
      return value === undefined || typeof value == 'function' || typeof value == 'symbol'
        ? []
        : `${encodeURIComponent(key)}=${encodeURIComponent(typeof value == 'object' ? JSON.stringify(value) : String(value))}`;
    })
    .join('&');

/** Appends a query before the `#fragment`: `?` first, then `&` (none after a trailing `?` or `&`). */
export function appendQuery(url: string, query: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  return query ? base + (!base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&') + query + url.slice(base.length) : url;
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
  const isBinary = ArrayBuffer.isView(data) || data instanceof ArrayBuffer;
  let body: Body | undefined;
  if (method == 'GET' || method == 'HEAD') {
    if (isBinary) throw failure(`${method} cannot send binary data`);
    url = appendQuery(url, isObject ? encodeForm(data) : data == null ? '' : String(data));
  } else if (data != null) {
    body = isBinary ? data : isObject ? encodeObject(data, contentType) : String(data);
    contentType ??= 'application/json';
  }
  return { url, body, contentType };
}
