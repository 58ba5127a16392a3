import { ERRNO_URL, failure } from './results.js';
import type { Method } from './types.js';

// The build-time rules, enforced on run-time values. The messages are short on purpose (every page
// carries them); the rule id in parentheses leads to the full explanation in the README.
// Group 2: WeChat's methods that fetch refuses to send.
const METHOD = /^(OPTIONS|GET|HEAD|POST|PUT|DELETE|(TRACE|CONNECT))$/i;

/** The method to send, or throws a Failure. */
export function checkMethod(value: unknown): Method {
  const method = String(value ?? 'GET');
  const upper = method.toUpperCase();
  const known = METHOD.exec(method);
  if (known && method == upper && !known[2]) return method as Method;
  throw failure(
    `method "${method}" ` +
      (!known ? 'unsupported (method-supported)' : method != upper ? `must be "${upper}" (method-uppercase)` : 'unsupported on the web'),
  );
}

// An explicit port after the host (`:8080`, the default `:443` too, which the URL parser drops):
// the authority is what follows `//` up to `/`, `?`, `#` or `\`; an IPv6 host ends with `]`.
const PORT = /^(?:[a-z][\w+.-]*:)?\/\/([^/?#\\]*?):(\d+)(?=[/?#\\]|$)/i;

/** http(s) only, no credentials, no port unless the origin is allowed. Relative URLs resolve against the page. */
export function checkUrl(url: unknown, allowedOrigins: ReadonlySet<string>): string {
  if (typeof url != 'string' || !url) throw failure('url must be a non-empty string');
  let parsed: URL;
  try {
    parsed = new URL(url, globalThis.location?.href);
  } catch {
    throw failure(`url "${url}" invalid`);
  }
  const { protocol } = parsed;
  if (!/^https?:$/.test(protocol)) throw failure(`url scheme "${protocol}" not allowed`, ERRNO_URL);
  if (parsed.username || parsed.password) throw failure('url carries credentials', ERRNO_URL);
  const port = PORT.exec(url.trim());
  // Credentials are refused above, so the authority is the host and the port.
  const origin = port && `${protocol}//${port[1]}:${port[2]}`.toLowerCase();
  if (origin && !allowedOrigins.has(origin)) throw failure(`port of "${origin}" not allowed (url-no-port)`, ERRNO_URL);
  return url;
}
