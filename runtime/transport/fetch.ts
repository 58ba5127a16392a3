import type { Transport } from './types.js';

/**
 * The default transport: `fetch`. Cookies come from `headers.getSetCookie()` where it exists
 * (Node); browsers hide Set-Cookie, so there they are []. Errors are fetch's own: the runtime reads
 * their `cause` (where Node puts the socket error) for the errMsg. A browser gives one message for
 * every network failure, a CORS refusal included (the reason is only in the console): that
 * message gets a hint saying so, and naming the dev proxy (an API server written for WeChat sends
 * no CORS headers). Node's errors carry a `cause` and stay as they are.
 */
// The request is fetch's init as it is (method, headers, body, redirect, signal, credentials;
// fetch ignores `url` there): no copy per request, and no bytes spent on one.
export const fetchTransport: Transport = async (request) => {
  const response = await fetch(request.url, request as RequestInit).catch((error) => {
    if (globalThis.document && error instanceof TypeError && !error.cause) error.message += ' (network or CORS error: see the console; API without CORS: devProxy, README "CORS")';
    throw error;
  });
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  return {
    statusCode: response.status,
    headers: response.headers,
    cookies: response.headers.getSetCookie?.() ?? [],
    // The reader is taken on the first read only: `all` reads the body whole without one.
    body: response.body && { read: () => (reader ??= response.body!.getReader()).read(), all: () => response.arrayBuffer() },
  };
};
