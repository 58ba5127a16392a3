import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse, ClientRequest } from 'node:http';
import { OptionsError } from '../core/options.js';
import { normaliseOrigin } from '../../runtime/origin.js';
import { DEV_PROXY_HEADER, DEV_PROXY_PREFIX, devProxyPath } from '../../runtime/dev-proxy-path.js';

/**
 * The dev proxy (the bundler plugins' `devProxy` option, README "CORS"). A mini-program's API
 * server sends no CORS headers, so in a dev server the runtime sends every request for another
 * origin to the dev server's own origin (runtime/dev-proxy.ts), and the dev server's own proxy
 * (Vite's `server.proxy`, webpack-dev-server's and Rspack's `devServer.proxy`) forwards those of
 * the configured origins, one proxy entry per origin, so that nothing else can be reached through
 * it. What is here is shared by those hosts: the entries' paths, what crosses to the upstream
 * (the request's own headers and cookies, never the dev origin's), and the refusal of the rest.
 */

/** `true`: the origins the code calls (found when the dev server starts) and allowedOrigins; a list: those. */
export type DevProxyOption = boolean | string[];

const ORIGIN = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)(:\d{1,5})?\/?$/;

/** The option checked up front: false (off), true, or a list of http(s) origins. */
export function checkDevProxy(value: unknown): DevProxyOption {
  if (value === undefined || typeof value === 'boolean') return value ?? false;
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (typeof entry !== 'string' || !ORIGIN.test(entry)) {
        throw new OptionsError(`option "devProxy" has ${JSON.stringify(entry)}, which is not an origin: write scheme://host[:port] with nothing after it, such as "https://api.example.com".`);
      }
    }
    return [...new Set(value.map(normaliseOrigin))];
  }
  throw new OptionsError(`option "devProxy" must be true, false or a list of origins such as ["https://api.example.com"]; got ${typeof value}.`);
}

/** Cookies the upstream sets live on the dev origin under this name prefix, scoped to its proxy path. */
function jarPrefix(origin: string): string {
  return `__wxp_${createHash('sha256').update(origin).digest('hex').slice(0, 8)}_`;
}

/**
 * A Set-Cookie of the upstream, made to work on the dev origin: no Domain (a host-only cookie of
 * the dev server), a Path inside the origin's proxy path (so the browser sends it back to that
 * origin only), the name prefixed (so what goes up is told apart from the dev origin's own
 * cookies), and on a plain-http dev server no Secure (SameSite=None needs Secure: Lax then).
 */
export function devCookie(setCookie: string, origin: string, secure: boolean): string {
  const [pair = '', ...attributes] = setCookie.split(';');
  const base = devProxyPath(origin).slice(0, -1);
  const kept: string[] = [];
  let path = '/';
  for (const attribute of attributes) {
    const [name = '', ...value] = attribute.trim().split('=');
    const key = name.toLowerCase();
    if (key === 'domain') continue;
    if (key === 'path') {
      path = value.join('=') || '/';
      continue;
    }
    if (!secure && key === 'secure') continue;
    if (!secure && key === 'samesite' && value.join('=').toLowerCase() === 'none') {
      kept.push('SameSite=Lax');
      continue;
    }
    kept.push(attribute.trim());
  }
  return [`${jarPrefix(origin)}${pair.trim()}`, `Path=${base}${path.startsWith('/') ? path : `/${path}`}`, ...kept].join('; ');
}

/** The Cookie header for the upstream: only the cookies it set (devCookie), under their own names. */
export function upstreamCookies(header: string | undefined, origin: string): string | undefined {
  if (!header) return undefined;
  const prefix = jarPrefix(origin);
  const own = header
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => pair.startsWith(prefix))
    .map((pair) => pair.slice(prefix.length));
  return own.length > 0 ? own.join('; ') : undefined;
}

/**
 * What leaves for the upstream: the request's headers, not the dev page's Origin, Referer and
 * cookies. When the page goes away first (abort(), a timeout), the upstream request is closed too:
 * http-proxy 1 (webpack-dev-server's) would leave it open.
 */
export function prepareUpstream(proxyRequest: ClientRequest, request: IncomingMessage, response: ServerResponse, origin: string): void {
  response.once('close', () => {
    if (!response.writableFinished) proxyRequest.destroy();
  });
  proxyRequest.removeHeader('origin');
  proxyRequest.removeHeader('referer');
  const cookies = upstreamCookies(request.headers.cookie, origin);
  if (cookies === undefined) proxyRequest.removeHeader('cookie');
  else proxyRequest.setHeader('cookie', cookies);
}

/** What comes back: marked as the proxy's, the upstream's cookies made to work on the dev origin (devCookie). */
export function prepareResponse(proxyResponse: IncomingMessage, request: IncomingMessage, origin: string): void {
  proxyResponse.headers[DEV_PROXY_HEADER] = 'forwarded';
  const setCookie = proxyResponse.headers['set-cookie'];
  if (!setCookie) return;
  const secure = Boolean((request.socket as { encrypted?: boolean }).encrypted);
  proxyResponse.headers['set-cookie'] = setCookie.map((cookie) => devCookie(cookie, origin, secure));
}

/** The upstream origin a proxied path names (`/__wx-request-proxy/https/api.example.com/x` → `https://api.example.com`). */
export function requestedOrigin(url: string): string | undefined {
  if (!url.startsWith(DEV_PROXY_PREFIX)) return undefined;
  const [scheme, host] = url.slice(DEV_PROXY_PREFIX.length).split(/[/?#]/, 2);
  return scheme && host ? normaliseOrigin(`${scheme}://${host}`) : '';
}

/**
 * A connect middleware placed before the dev server's proxy: a request under the proxy's prefix
 * for an origin it was not given gets a 403 naming the fix (and the header the runtime turns into
 * `fail`), so that the dev server never becomes an open relay.
 */
export function refuseOtherOrigins(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const origin = requestedOrigin(request.url ?? '');
    if (origin === undefined || allowed.has(origin)) return next();
    response.statusCode = 403;
    response.setHeader(DEV_PROXY_HEADER, 'refused');
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.end(`wx-request dev proxy: ${origin ? `"${origin}"` : 'this path'} is not one of the origins it forwards to (${origins.join(', ') || 'none'}). Add it to the plugin's devProxy option, or restart the dev server after adding a URL to the code.\n`);
  };
}

/** Where each origin's proxy entry matches, and how its path is rewritten for the upstream. */
export function proxyEntries(origins: readonly string[]): { origin: string; path: string; strip: (url: string) => string }[] {
  return origins.map((origin) => {
    const path = devProxyPath(origin);
    return { origin, path, strip: (url: string) => url.slice(path.length - 1) };
  });
}
