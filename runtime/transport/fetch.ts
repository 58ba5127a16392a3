import type { Transport } from './types.js';

/**
 * The default transport: `fetch`. Cookies come from `headers.getSetCookie()` where it exists
 * (Node); browsers hide Set-Cookie, so there they are []. Errors are fetch's own: the runtime reads
 * their `cause` (where Node puts the socket error) for the errMsg.
 */
export const fetchTransport: Transport = async ({ url, method, headers, body, redirect, signal }) => {
  const response = await fetch(url, { method, headers, body: body as BodyInit | undefined, redirect, signal });
  return {
    statusCode: response.status,
    headers: response.headers,
    cookies: response.headers.getSetCookie?.() ?? [],
    body: response.body?.getReader() ?? null,
  };
};
