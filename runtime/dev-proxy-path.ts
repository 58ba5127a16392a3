/**
 * How the dev proxy names an upstream origin on the dev server's own origin: the runtime writes
 * these paths (dev-proxy.ts) and the plugin's dev servers map them (plugin/bundler/dev-proxy.ts).
 * `https://api.example.com:8443/items?x=1` is sent to `/__wx-request-proxy/https/api.example.com:8443/items?x=1`.
 * Free of imports, like origin.ts: the plugin reads it, the runtime depends on nothing of the plugin.
 */
export const DEV_PROXY_PREFIX = '/__wx-request-proxy/';

/**
 * The header the dev server's proxy puts on its answers: `forwarded` (the upstream's response) or
 * `refused` (a 403 for an origin it does not forward to). Without it, no dev proxy answered (a
 * development build served by something else): the runtime fails rather than hand back that
 * server's 404 as the API's answer.
 */
export const DEV_PROXY_HEADER = 'x-wx-request-proxy';

/** The path prefix of one origin (`https://api.example.com` → `/__wx-request-proxy/https/api.example.com/`). */
export function devProxyPath(origin: string): string {
  const url = new URL(origin);
  return `${DEV_PROXY_PREFIX}${url.protocol.slice(0, -1)}/${url.host}/`;
}
