import { failResult } from './results.js';
import type { AnyObject, TransportRequest } from './types.js';

export type Body = string | ArrayBuffer | ArrayBufferView;

/**
 * `key=value` pairs joined by `&`, both sides through encodeURIComponent. Left out: `undefined`,
 * functions and symbols (as JSON.stringify does). Nested objects and arrays (and null) are written
 * as JSON: `{ a: { b: 1 }, c: [1, 2] }` → `a=%7B%22b%22%3A1%7D&c=%5B1%2C2%5D`.
 */
export const encodeForm = (data: AnyObject): string =>
  Object.entries(data)
    // `typeof` starting with f, u or sy: a function, undefined, a symbol.
    .flatMap(([key, value]) => (/^([fu]|sy)/.test(typeof value) ? [] : `${encodeURIComponent(key)}=${encodeURIComponent(typeof value == 'object' ? JSON.stringify(value) : String(value))}`))
    .join('&');

/** Appends a query before the `#fragment`: `?` first, then `&` (none after a trailing `?` or `&`). */
export const appendQuery = (url: string, query: string): string =>
  query ? url.replace(/^[^#]*/, (base) => base + (!base.includes('?') ? '?' : /[?&]$/.test(base) ? '' : '&') + query) : url;

/** How an object body is written for a content-type; the full runtime adds the form encoding. */
export type ObjectEncoder = (data: AnyObject, contentType: string | undefined) => string;

/** Object bodies as JSON, whatever the content-type: what a page that never posts a form needs. */
export const encodeJson: ObjectEncoder = (data) => JSON.stringify(data);

/**
 * Puts `data` where it goes: GET and HEAD append it to `request.url`, other methods send it as
 * `request.body` (objects through `encodeObject`, the content-type application/json unless the
 * headers name one). Strings and binary data are sent as they are; numbers and booleans as their
 * text; `null`/`undefined` mean no data. Binary data with GET or HEAD throws a fail result.
 */
export function serialize(request: Pick<TransportRequest, 'url' | 'method' | 'headers' | 'body'>, data: unknown, encodeObject: ObjectEncoder): void {
  const { method, headers } = request;
  const isObject = typeof data == 'object' && data;
  const isBinary = ArrayBuffer.isView(data) || data instanceof ArrayBuffer;
  if (method == 'GET' || method == 'HEAD') {
    if (isBinary) throw failResult(`${method} cannot send binary data`);
    request.url = appendQuery(request.url, isObject ? encodeForm(data) : data == null ? '' : String(data));
  } else if (data != null) {
    request.body = isBinary ? data : isObject ? encodeObject(data, headers['content-type']) : String(data);
    headers['content-type'] ??= 'application/json';
  }
}
