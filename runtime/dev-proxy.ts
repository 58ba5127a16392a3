import { config } from './config.js';
import { DEV_PROXY_HEADER, devProxyPath } from './dev-proxy-path.js';
import type { Transport } from './types.js';

let installed = false;

/**
 * Dev servers only (the bundler plugins' `devProxy` option: their rewrite calls this in `vite` dev
 * and under webpack/Rspack's dev servers, never in a production build). A mini-program's API
 * server sends no CORS headers (WeChat has none), so every request to another origin goes to the
 * dev server's own origin under DEV_PROXY_PREFIX, and the dev server forwards it, to the origins it
 * was given only. Its refusal of any other origin (a 403, DEV_PROXY_HEADER `refused`) ends in
 * `fail`: the request never reached that origin. Wraps the transport in use when first called; a transport
 * given to configure() later is used as it is.
 */
export function devProxy(): void {
  if (installed || !globalThis.location) return;
  installed = true;
  const send = config.transport;
  const proxied: Transport = async (request) => {
    const url = new URL(request.url, location.href);
    if (url.origin == location.origin) return send(request);
    const response = await send({ ...request, url: `${devProxyPath(url.origin)}${url.pathname.slice(1)}${url.search}` });
    let answer: string | undefined;
    const headers: [string, string][] = [];
    // The proxy's mark is not the API's: res.header holds what the upstream sent.
    for (const [name, value] of response.headers) name.toLowerCase() == DEV_PROXY_HEADER ? (answer = value) : headers.push([name, value]);
    if (answer != 'forwarded') throw new Error(answer == 'refused' ? `origin "${url.origin}" not proxied by the dev server (add it to the plugin's devProxy, or restart the dev server after adding a URL; README "CORS")` : `no dev proxy answered for "${url.origin}" (devProxy works in the dev server only; README "CORS")`);
    return { ...response, headers };
  };
  config.transport = proxied;
}
