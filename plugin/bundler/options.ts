import type { FilterPattern } from 'unplugin';
import { OptionsError, type WxRequestOptions } from '../core/options.js';
import { INSTALLED } from './resolve-runtime.js';
import { checkDevProxy, type DevProxyOption } from './dev-proxy.js';

/** The bundler plugins' options: the Babel plugin's, plus which files to handle. */
export interface BundlerOptions extends WxRequestOptions {
  /**
   * Files to handle: picomatch globs (relative ones are resolved against the working directory)
   * or regular expressions tested on the absolute path. Default: every .js .cjs .mjs .jsx .ts
   * .tsx .mts .cts file.
   */
  include?: FilterPattern;
  /**
   * Files never to handle, in the same forms. Default: this package's own files only. Dependencies
   * under node_modules are handled (an SDK that calls wx.request is ported with the app, its
   * findings as warnings); the code filter keeps the cost to the few files that mention a global.
   */
  exclude?: FilterPattern;
  /**
   * Dev servers only (`vite`, webpack-dev-server, Rspack's): forward the requests for API origins
   * that send no CORS headers through the dev server's own proxy (README "CORS"). `true`: the
   * origins the code calls (found when the server starts) and allowedOrigins; a list: those
   * origins. Default false. Never in a production build.
   */
  devProxy?: boolean | string[];
}

export const DEFAULT_INCLUDE = /\.[cm]?[jt]sx?$/;
/** Our own package as installed: the runtime holds the `wx` stand-in and must stay as it is. */
export const DEFAULT_EXCLUDE = INSTALLED;

export interface SplitOptions {
  include: FilterPattern;
  exclude: FilterPattern;
  devProxy: DevProxyOption;
  /** What goes to the Babel plugin, untouched (it validates and resolves them itself). */
  babel: WxRequestOptions;
}

function isPattern(value: unknown): boolean {
  const one = (item: unknown) => typeof item === 'string' || item instanceof RegExp;
  return one(value) || (Array.isArray(value) && value.every(one));
}

/**
 * Splits the file filter off the Babel plugin's options and checks it; the rest is checked by
 * the options resolver, also when the bundler loads its configuration, before any file is read,
 * with the same messages the Babel plugin gives.
 */
export function splitOptions(input: BundlerOptions | undefined): SplitOptions {
  const { include = DEFAULT_INCLUDE, exclude = DEFAULT_EXCLUDE, devProxy, ...babel } = input ?? {};
  for (const [name, value] of [['include', include], ['exclude', exclude]] as const) {
    if (!isPattern(value)) {
      throw new OptionsError(`babel-plugin-wx-request: option "${name}" must be a glob string, a RegExp or an array of them, such as ['src/**/*.ts', /pages\\//]; got ${typeof value}.`);
    }
  }
  return { include, exclude, devProxy: checkDevProxy(devProxy), babel };
}
