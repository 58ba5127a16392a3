import { methodSupportedMessage, methodUppercaseMessage, urlNoPortMessage } from '../plugin/core/rules/messages.js';
import { isSupportedMethod } from '../plugin/core/rules/methods.js';
import { findPort, normaliseOrigin } from '../plugin/core/url-port.js';
import { ERRNO_URL, failure } from './results.js';
import type { Method } from './types.js';

/**
 * The build-time rules, enforced on run-time values with the same messages, followed by the rule
 * id in parentheses. Returns the method to send, or throws a Failure.
 */
export function checkMethod(value: unknown): Method {
  const method = String(value ?? 'GET');
  if (method != method.toUpperCase() && isSupportedMethod(method.toUpperCase())) {
    throw failure(`${methodUppercaseMessage(method)} (method-uppercase)`);
  }
  if (!isSupportedMethod(method)) throw failure(`${methodSupportedMessage(method)} (method-supported)`);
  if (method == 'TRACE' || method == 'CONNECT') {
    throw failure(`method "${method}" cannot be sent from the web: browsers and fetch refuse it`);
  }
  return method;
}

/** http(s) only, no credentials, no port unless the origin is allowed. Relative URLs resolve against the page. */
export function checkUrl(url: unknown, allowedOrigins: ReadonlySet<string>): string {
  if (typeof url != 'string' || !url) throw failure('url must be a non-empty string');
  let parsed: URL;
  try {
    parsed = new URL(url, globalThis.location?.href);
  } catch {
    throw failure(`url "${url}" is not a valid URL`);
  }
  if (!/^https?:$/.test(parsed.protocol)) {
    throw failure(`url scheme "${parsed.protocol}" is not allowed: only http: and https: can be requested`, ERRNO_URL);
  }
  if (parsed.username || parsed.password) {
    throw failure('url carries credentials (user:password@): remove them and send an Authorization header', ERRNO_URL);
  }
  const finding = findPort([url]);
  if (finding && !(finding.port !== undefined && allowedOrigins.has(normaliseOrigin(finding.origin)))) {
    throw failure(`${urlNoPortMessage(finding)} (url-no-port)`, ERRNO_URL);
  }
  return url;
}
