import { ERRNO_URL, failResult } from './results.js';
import type { Method } from './types.js';

// The build-time rules, enforced on run-time values. The messages are short on purpose (every page
// carries them); the README's errMsg table and the rules' documentation say more.
// TRACE and CONNECT are WeChat's too, but fetch refuses to send them: they are unsupported here.
const METHOD = /^(OPTIONS|GET|HEAD|POST|PUT|DELETE)$/;

/**
 * The method to send, uppercase, or throws a fail result. WeChat sends a known method in any letter
 * case (`'post'` goes out as POST: SDKs rely on it); the docs' "uppercase" is the build-time rule's.
 */
export function checkMethod(value: unknown): Method {
  const method = String(value ?? 'GET');
  if (METHOD.test(method.toUpperCase())) return method.toUpperCase() as Method;
  throw failResult(`method "${method}" unsupported`);
}

// An explicit port after the host (`:8080`, the default `:443` too, which the URL parser drops):
// the authority is what follows `//` up to `/`, `?`, `#` or `\`; an IPv6 host ends with `]`.
const PORT = /^(?:[a-z][\w+.-]*:)?\/\/([^/?#\\]*?):(\d+)(?=[/?#\\]|$)/i;

/** http(s) only, no credentials, no port unless the origin is allowed. Relative URLs resolve against the page. */
export function checkUrl(url: unknown, allowedOrigins: ReadonlySet<string>): string {
  // Strings only (a URL object has no trim), and not blank: '' would resolve to the page itself.
  if (!(url as string)?.trim?.()) throw failResult('url must be a non-empty string');
  let parsed: URL;
  try {
    parsed = new URL(url as string, globalThis.location?.href);
  } catch {
    throw failResult(`url "${url}" invalid`);
  }
  const { protocol } = parsed;
  if (!/^https?:$/.test(protocol)) throw failResult(`url scheme "${protocol}" not allowed`, ERRNO_URL);
  if (parsed.username || parsed.password) throw failResult('url carries credentials', ERRNO_URL);
  const port = PORT.exec((url as string).trim());
  // Credentials are refused above, so the authority is the host and the port.
  const origin = port && `${protocol}//${port[1]}:${port[2]}`.toLowerCase();
  if (origin && !allowedOrigins.has(origin)) throw failResult(`port of "${origin}" not allowed (url-no-port)`, ERRNO_URL);
  return url as string;
}
