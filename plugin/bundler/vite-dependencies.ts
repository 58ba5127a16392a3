import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin as RolldownPlugin } from 'rolldown';
import type { UnpluginMessage } from 'unplugin';
import type { Plugin as VitePlugin, UserConfig } from 'vite';
import { loadProjectOptions } from '../config/project-config.js';
import type { BundlerOptions } from './options.js';
import { refuseOtherOrigins } from './dev-proxy.js';
import { devProxyPath } from '../../runtime/dev-proxy-path.js';
import { DEV_PROXY_ENTRY, devProxyTag, viteProxy } from './vite-dev-proxy.js';

/**
 * Vite's dev server pre-bundles dependencies with its optimizer (Rolldown, in Vite 8) before any
 * plugin's transform sees them. So that `vite` serves what `vite build` builds, the optimizer gets
 * the same rewrite as a Rolldown plugin of its own, and pre-bundles the runtime entries too: the
 * app's files then import the optimized runtime (Vite resolves it), the one module instance that
 * the pre-bundled dependencies share, so a wrapper the app installs also sees their calls.
 */

/** The runtime entries the rewrite imports. */
export const RUNTIME_ENTRIES = ['babel-plugin-wx-request/runtime', 'babel-plugin-wx-request/runtime/lean', 'babel-plugin-wx-request/runtime/upload-file', 'babel-plugin-wx-request/runtime/download-file'];

// Types only (erased): unplugin's own types already name vite's and rolldown's.

/** JSON of the options, functions and regular expressions by their text (as Vite hashes its own). */
const textOf = (value: unknown) => JSON.stringify(value ?? {}, (_, item: unknown) => (typeof item === 'function' || item instanceof RegExp ? String(item) : item));

/**
 * What the optimizer's result depends on, in the optimizer plugin's name: Vite hashes the names of
 * its optimizer's plugins into the cache key, so a change of the plugin's options or of the
 * project configuration re-optimizes the dependencies (and nothing else does).
 */
export function optimizerKey(input: BundlerOptions | undefined, root: string): string {
  let configuration: string;
  try {
    configuration = textOf(loadProjectOptions(root, { configFile: input?.configFile }).options);
  } catch (error) {
    // A broken configuration: the first file it applies to reports it, with its position.
    configuration = String(error);
  }
  return createHash('sha256').update(textOf(input)).update('\0').update(configuration).digest('hex').slice(0, 12);
}

/** Whether our package can be found from the project root, as the optimizer will look for it. */
function installedAt(root: string): boolean {
  try {
    createRequire(path.join(root, 'noop.js')).resolve('babel-plugin-wx-request/package.json');
    return true;
  } catch {
    return false;
  }
}

/** The configuration that `vite` (serve) merges in: the runtime pre-bundled, and the rewrite inside the optimizer. */
function optimizerConfig(config: UserConfig, input: BundlerOptions | undefined, plugin: RolldownPlugin): UserConfig {
  const root = path.resolve(config.root ?? process.cwd());
  const named = { ...plugin, name: `wx-request:dependencies:${optimizerKey(input, root)}` };
  return { optimizeDeps: { include: installedAt(root) ? RUNTIME_ENTRIES : [], rolldownOptions: { plugins: [named] } } };
}

/** The project configuration that applies at the root, whose change must restart the dev server (and so re-optimize). */
function rootConfiguration(root: string, input: BundlerOptions | undefined): string | undefined {
  try {
    return loadProjectOptions(path.resolve(root), { configFile: input?.configFile }).source;
  } catch {
    return undefined;
  }
}

/** Where a plugin whose host does not print its warnings sends them. */
export type WarningSink = (message: UnpluginMessage) => void;

/**
 * The Vite plugin's own hooks. `state.serving` tells the shared resolveId to leave the runtime to
 * Vite in dev. Vite runs its optimizer's plugins silenced (logLevel 'silent'), so the optimizer's
 * plugin is made with a sink that prints its warnings (a dependency's findings) through Vite's logger.
 */
export function viteDevHooks(input: BundlerOptions | undefined, state: { serving: boolean }, optimizerPlugin: (sink: WarningSink) => RolldownPlugin, proxyOrigins: (root: string) => string[] | undefined): Partial<VitePlugin> {
  let logger: { warn(message: string): void } | undefined;
  let proxied: string[] | undefined;
  const sink: WarningSink = (message) => {
    const frame = (message as { frame?: string }).frame;
    logger?.warn(`[plugin wx-request] (pre-bundling dependencies) ${message.message}${frame ? `\n${frame}` : ''}`);
  };
  return {
    config(config, env) {
      if (env.command !== 'serve') return undefined;
      state.serving = true;
      const optimizer = optimizerConfig(config, input, optimizerPlugin(sink));
      // devProxy: its origins are fixed when the server starts (Vite's proxy entries are).
      proxied = proxyOrigins(path.resolve(config.root ?? process.cwd()));
      if (!proxied) return optimizer;
      const include = optimizer.optimizeDeps?.include ?? [];
      return { optimizeDeps: { ...optimizer.optimizeDeps, include: include.length > 0 ? [...include, DEV_PROXY_ENTRY] : [] }, server: { proxy: viteProxy(proxied) } };
    },
    transformIndexHtml: {
      order: 'pre' as const,
      handler: () => (proxied ? [devProxyTag] : undefined),
    },
    configResolved(config) {
      logger = config.logger;
    },
    configureServer(server) {
      // Before Vite's own middlewares (its proxy among them): the other origins get a 403.
      if (proxied) {
        server.middlewares.use(refuseOtherOrigins(proxied));
        server.config.logger.info(`[plugin wx-request] dev proxy: ${proxied.length > 0 ? proxied.map((origin) => `${origin} → ${devProxyPath(origin)}`).join(', ') : 'no origin found in the code (name them in devProxy)'}`);
      }
      // A change of the project configuration restarts the server: its config hook runs again, and
      // the optimizer's key, which holds the configuration, re-optimizes the dependencies.
      const configuration = rootConfiguration(server.config.root, input);
      if (!configuration) return;
      server.watcher.add(configuration);
      server.watcher.on('change', (changed) => {
        if (changed === configuration) void server.restart();
      });
    },
  };
}
