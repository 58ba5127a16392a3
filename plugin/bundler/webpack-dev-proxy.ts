import path from 'node:path';
import type { IncomingMessage, ServerResponse, ClientRequest } from 'node:http';
import { devProxyPath } from '../../runtime/dev-proxy-path.js';
import { prepareResponse, prepareUpstream, proxyEntries, refuseOtherOrigins, requestedOrigin, type DevProxyOption } from './dev-proxy.js';
import { resolveRuntime } from './resolve-runtime.js';
import { DEV_PROXY_ENTRY } from './vite-dev-proxy.js';

/** What is read and set of a webpack or Rspack compiler (both have this shape). */
interface Compiler {
  context: string;
  options: { mode?: string | undefined; devServer?: DevServerOptions | false | undefined };
  webpack: { EntryPlugin: new (context: string, entry: string, options: { name: undefined }) => { apply(compiler: Compiler): void } };
  hooks: { watchRun: { tap(name: string, callback: () => void): void } };
  getInfrastructureLogger(name: string): { info(message: string): void };
}

type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

interface DevServerOptions {
  proxy?: unknown[];
  setupMiddlewares?: (middlewares: unknown[], server: unknown) => unknown[];
  [key: string]: unknown;
}

/**
 * webpack-dev-server's and Rspack's dev server's proxy entries: one per origin. Both forms of
 * http-proxy-middleware's options are given (`context`/`onProxyReq` for version 2, which
 * webpack-dev-server 5 uses; `pathFilter`/`on` for the later ones Rspack's dev server uses).
 */
function proxyConfig(origins: readonly string[]): unknown[] {
  return proxyEntries(origins).map(({ origin, path: prefix, strip }) => {
    const proxyReq = (upstream: ClientRequest, request: IncomingMessage, response: ServerResponse) => prepareUpstream(upstream, request, response, origin);
    const proxyRes = (response: IncomingMessage, request: IncomingMessage) => prepareResponse(response, request, origin);
    const inside = (pathname: string) => pathname.startsWith(prefix);
    return { context: inside, pathFilter: inside, target: origin, changeOrigin: true, pathRewrite: strip, onProxyReq: proxyReq, onProxyRes: proxyRes, on: { proxyReq, proxyRes } };
  });
}

/**
 * `devProxy` under webpack-dev-server or Rspack's dev server, in a `mode: 'development'` build
 * (never a production one): the proxy entries and the refusal of other origins go into the
 * compiler's `devServer` options, which `webpack serve` / `rspack serve` read after the plugins
 * are applied; the page's switch (the runtime's dev proxy) is an entry of every chunk, added when
 * the compiler starts watching, as the dev server adds its own client.
 */
export function webpackDevProxy(compiler: Compiler, option: DevProxyOption, originsAt: (root: string) => string[]): void {
  if (option === false || compiler.options.mode !== 'development' || compiler.options.devServer === false) return;
  const origins = originsAt(compiler.context);
  const devServer: DevServerOptions = compiler.options.devServer ?? {};
  compiler.options.devServer = devServer;
  devServer.proxy = [...proxyConfig(origins), ...(devServer.proxy ?? [])];
  const setup = devServer.setupMiddlewares;
  const refuse: Middleware = refuseOtherOrigins(origins);
  devServer.setupMiddlewares = (middlewares, server) => {
    middlewares.unshift({ name: 'wx-request-dev-proxy', middleware: refuse });
    // The dev server's compression would hold a streamed body (enableChunked) until it has enough
    // to compress: proxied answers go out as the upstream sends them.
    for (const [index, entry] of middlewares.entries()) {
      const named = entry as { name?: unknown; middleware?: unknown };
      if (typeof named.name !== 'string' || !/compress/i.test(named.name) || typeof named.middleware !== 'function') continue;
      const compress = named.middleware as Middleware;
      middlewares[index] = { ...named, middleware: ((request, response, next) => (requestedOrigin(request.url ?? '') === undefined ? compress(request, response, next) : next())) satisfies Middleware };
    }
    return setup ? setup(middlewares, server) : middlewares;
  };
  let added = false;
  compiler.hooks.watchRun.tap('wx-request:dev-proxy', () => {
    if (added) return;
    added = true;
    const entry = resolveRuntime(DEV_PROXY_ENTRY, path.join(compiler.context, 'package.json'));
    if (entry) new compiler.webpack.EntryPlugin(compiler.context, entry, { name: undefined }).apply(compiler);
    compiler.getInfrastructureLogger('wx-request').info(`dev proxy: ${origins.length > 0 ? origins.map((origin) => `${origin} → ${devProxyPath(origin)}`).join(', ') : 'no origin found in the code (name them in devProxy)'}`);
  });
}
