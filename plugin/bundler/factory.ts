import path from 'node:path';
import { createRolldownPlugin, createUnplugin, type RolldownPlugin, type UnpluginFactory, type UnpluginMessage } from 'unplugin';
import { resolveOptions, type WxRequestOptions } from '../core/options.js';
import { createOptionsResolver, loadProjectOptions } from '../config/project-config.js';
import { versionOf, type VersionOf } from '../config/project-config-read.js';
import { mayReferenceRequest } from '../core/quick-check.js';
import { requestCodeFilter } from './code-filter.js';
import { dependencyOf, dependencyOptions } from './dependency.js';
import { passesCodeFilter } from './loader-gate.js';
import { displayPath } from '../core/display-path.js';
import { ruleErrorMessage, warningMessage } from './messages.js';
import { DEFAULT_INCLUDE, splitOptions, type BundlerOptions } from './options.js';
import { isBabelParseError } from '../babel/babel-error.js';
import { parseErrorMessage } from './parse-error.js';
import { isRuntimeFile, RUNTIME_SPECIFIER, resolveRuntime } from './resolve-runtime.js';
import { transformText } from '../scan/transform-text.js';
import { transformFile } from './transform-file.js';
import { viteDevHooks, type WarningSink } from './vite-dependencies.js';
import { devProxyOrigins } from './dev-proxy-origins.js';
import { webpackDevProxy } from './webpack-dev-proxy.js';

/** Hosts that print a message's `frame` under it; the others get the frames in the message. */
const FRAME_SHOWN = new Set(['rollup', 'rolldown', 'vite']);

/** Host ids may carry a query (`?v=…`, `?import`); the file is what comes before it. */
const fileOf = (id: string) => id.replace(/[?#].*$/, '');

/**
 * The globals the code filter looks for, known when the plugin is made: the `globals` option
 * (then every file's), else the defaults and those of the configuration that applies at the
 * working directory. A configuration further down that names other globals is the one case
 * this misses: the README says to name them in the option.
 */
function knownGlobals(options: WxRequestOptions, optionsFor: (from: string) => { globals: readonly string[] }): string[] {
  if (options.globals) return [...options.globals];
  try {
    return [...new Set([...resolveOptions({}).globals, ...optionsFor(process.cwd()).globals])];
  } catch {
    // A broken configuration: the first file it applies to reports it, with its position.
    return [...resolveOptions({}).globals];
  }
}

/**
 * One implementation for every bundler: resolve our runtime's import with no help from the host,
 * and read each file that may reference wx.request, from its tokens where that is certain
 * (plugin/scan), else with the Babel plugin alone, as a transform that runs before the host's own
 * TypeScript and JSX handling (`enforce: 'pre'`).
 */
function createFactory(sink?: WarningSink): UnpluginFactory<BundlerOptions | undefined, false> {
  return (input, meta) => {
    const { include, exclude, devProxy, babel: options } = splitOptions(input);
    const frameShown = FRAME_SHOWN.has(meta.framework);
    // Each file's options: its project configuration file (wx-request.config.* or package.json
    // "wxRequest"), under the plugin's own options. The Babel plugin reads the same; here they
    // decide which globals the quick check looks for.
    // A build reads each folder's configuration once (not once per file); the next build, a rebuild
    // in watch and dev modes, or a change the host reports, reads the disk again.
    const versions = new Map<string, string | undefined>();
    const versionOfThisBuild: VersionOf = (file) => {
      if (!versions.has(file)) versions.set(file, versionOf(file));
      return versions.get(file);
    };
    const optionsFor = createOptionsResolver(options, { versionOf: versionOfThisBuild });
    // Evaluated by Rolldown and Vite 8 on their side (no call into JavaScript for the files that
    // cannot reach wx.request: most of a mini-program), by the others before the handler.
    const filterGlobals = knownGlobals(options, optionsFor);
    const codeFilter = requestCodeFilter(filterGlobals);
    // Vite's dev server: the runtime is left to Vite's resolver, which serves the copy its optimizer
    // pre-bundled, the one the pre-bundled dependencies import (vite-dependencies.ts).
    const vite = { serving: false };

    return {
      name: 'wx-request',
      enforce: 'pre',
      buildStart() {
        versions.clear();
      },
      watchChange() {
        versions.clear();
      },
      // esbuild: answered in its own file namespace (unplugin's would put the runtime in a namespace of ours).
      ...(meta.framework === 'esbuild' ? {} : { resolveId: { filter: { id: RUNTIME_SPECIFIER }, handler: (id: string, importer: string | undefined) => (vite.serving ? null : resolveRuntime(id, importer)) } }),
      // `vite` (serve): the dependency optimizer gets the same rewrite (vite-dependencies.ts).
      vite: viteDevHooks(input, vite, (sink) => createRolldownPlugin(createFactory(sink))(input) as RolldownPlugin, (root) => (devProxy === false ? undefined : devProxyOrigins(devProxy, root, options, optionsFor))),
      // webpack-dev-server and Rspack's: the proxy in their devServer options (webpack-dev-proxy.ts).
      webpack: (compiler) => webpackDevProxy(compiler, devProxy, (root) => devProxyOrigins(devProxy, root, options, optionsFor)),
      rspack: (compiler) => webpackDevProxy(compiler as never, devProxy, (root) => devProxyOrigins(devProxy, root, options, optionsFor)),
      // webpack, Rspack and esbuild: no loader (esbuild: no onLoad work) for the files whose text
      // cannot reference wx.request (loader-gate.ts); with the default include, only the
      // extensions it names are read for that.
      ...(meta.framework === 'webpack' || meta.framework === 'rspack' || meta.framework === 'esbuild' ? { transformInclude: (id: string) => include !== DEFAULT_INCLUDE || !DEFAULT_INCLUDE.test(id) || passesCodeFilter(id, codeFilter, filterGlobals) } : {}),
      transform: {
        filter: { id: { include, exclude }, code: codeFilter },
        async handler(code, id) {
          if (id.startsWith('\0')) return null;
          const file = fileOf(id);
          if (isRuntimeFile(file)) return null;
          // A file of an npm package is read with the app's configuration (the one at the folder
          // holding node_modules), and rewritten like the app's files, its rule errors only warnings.
          const dependency = dependencyOf(file);
          const configured = dependency ? path.join(dependency.app, 'package.json') : file;
          // A change to the configuration file rebuilds in watch and dev modes.
          const configuration = loadProjectOptions(configured, { configFile: options.configFile, fromFile: true, versionOf: versionOfThisBuild }).source;
          if (configuration) this.addWatchFile(configuration);
          // Most files use other wx APIs and cannot reach wx.request: no parse for them.
          const ownOptions = optionsFor(configured, true);
          if (!mayReferenceRequest(code, ownOptions.globals)) return null;
          const { resolved: fileOptions, babel: babelOptions } = dependency ? dependencyOptions(ownOptions) : { resolved: ownOptions, babel: options };
          const warn = (message: UnpluginMessage) => (sink ? sink(message) : this.warn(message));
          let result;
          try {
            // Most files that call wx.request can be read from their tokens; the others go to Babel.
            result = transformText(code, file, displayPath(file, process.cwd()), fileOptions) ?? (await transformFile(code, file, babelOptions));
          } catch (error) {
            if (!isBabelParseError(error)) throw error;
            const message = parseErrorMessage(error, file, displayPath(file, process.cwd()), frameShown, dependency);
            // A dependency's file goes on as it is (the host parses it its own way): a warning.
            if (dependency) warn(message);
            else this.error(message);
            return null;
          }
          const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
          // A user's onDiagnostic takes the place of the default reporting, as in the Babel plugin.
          if (!options.onDiagnostic) {
            for (const warning of result.diagnostics.filter((diagnostic) => diagnostic.severity === 'warn')) warn(warningMessage(warning, code, file, frameShown, dependency));
          }
          if (errors.length > 0) {
            // Rollup-like hosts throw here; webpack-like ones record the error and fail the build after.
            this.error(ruleErrorMessage(errors, code, file, frameShown) satisfies UnpluginMessage);
            return null;
          }
          return result.output ?? null;
        },
      },
      esbuild: {
        // esbuild calls into JavaScript for every file an onLoad filter (a Go regular expression on
        // the path) matches: with the default include, only the extensions we handle.
        onLoadFilter: include === DEFAULT_INCLUDE ? DEFAULT_INCLUDE : /.*/,
        setup(build) {
          build.onResolve({ filter: RUNTIME_SPECIFIER }, (args) => {
            const file = resolveRuntime(args.path, args.importer || undefined);
            return file ? { path: file } : undefined;
          });
        },
      },
    };
  };
}

export const wxRequestFactory = createFactory();
export const wxRequestUnplugin = createUnplugin(wxRequestFactory);
export type { BundlerOptions };
