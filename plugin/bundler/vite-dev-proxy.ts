import type { HtmlTagDescriptor, ProxyOptions } from 'vite';
import { prepareResponse, prepareUpstream, proxyEntries } from './dev-proxy.js';

/** The runtime's switch: imported first by the page in dev (runtime/dev-proxy-on.ts). */
export const DEV_PROXY_ENTRY = 'babel-plugin-wx-request/runtime/dev-proxy';

/** Vite's `server.proxy`: one entry per origin, under its own path (dev-proxy.ts). */
export function viteProxy(origins: readonly string[]): Record<string, ProxyOptions> {
  return Object.fromEntries(
    proxyEntries(origins).map(({ origin, path, strip }) => [
      path,
      {
        target: origin,
        changeOrigin: true,
        rewrite: strip,
        configure(proxy) {
          proxy.on('proxyReq', (upstream, request, response) => prepareUpstream(upstream, request, response, origin));
          proxy.on('proxyRes', (response, request) => prepareResponse(response, request, origin));
        },
      } satisfies ProxyOptions,
    ]),
  );
}

/**
 * The page turns the runtime's dev proxy on before its own modules run: a module script at the
 * top of the head, importing the runtime's switch as Vite resolves it (the pre-bundled copy, the
 * one instance the app and its dependencies share).
 */
export const devProxyTag: HtmlTagDescriptor = { tag: 'script', attrs: { type: 'module' }, children: `import ${JSON.stringify(DEV_PROXY_ENTRY)};`, injectTo: 'head-prepend' };
