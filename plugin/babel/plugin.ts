import { declare } from '@babel/helper-plugin-utils';
import type { BabelFileResult, PluginObj } from '@babel/core';
import { transformProgram } from './transform-program.js';
import type { CallSite } from '../core/call-site.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { checkCallSites } from '../core/engine.js';
import { resolveOptions, type WxRequestOptions } from '../core/options.js';
import { createOptionsResolver, loadProjectOptions } from '../config/project-config.js';
import { displayPath } from '../core/display-path.js';
import { mayReferenceRequest } from '../core/quick-check.js';
import { reportDiagnostics } from '../core/report.js';
import type { TextEdit } from '../core/text-edits.js';

/**
 * What the plugin leaves in Babel's `result.metadata.wxRequest` for the tools that run it
 * (wx-request port, the bundler plugins, check --list-dependencies): the counts, every diagnostic,
 * and `edits`, the same changes as offsets into the original text, to apply to it as they are
 * (undefined when a node had no position: then only Babel's reprint is exact).
 */
export interface WxRequestMetadata {
  /** The references to `request` rewritten (calls, reads, destructurings, owners). */
  rewritten: number;
  callSites: number;
  /** The call sites themselves, as the rules read them (`wx-request origins`, the dev proxy's origins). */
  sites: CallSite[];
  diagnostics: Diagnostic[];
  edits: TextEdit[] | undefined;
}

/** A file the plugin had nothing to do in. */
const untouched = (): WxRequestMetadata => ({ rewritten: 0, callSites: 0, sites: [], diagnostics: [], edits: [] });

/** The plugin's metadata of a Babel result; a result it left no metadata in had nothing to rewrite. */
export function wxRequestMetadata(result: BabelFileResult | null | undefined): WxRequestMetadata {
  return (result?.metadata as { wxRequest?: WxRequestMetadata } | undefined)?.wxRequest ?? untouched();
}

/**
 * babel-plugin-wx-request: rewrites every global `wx.request` into the web runtime and checks
 * WeChat's request rules at build time.
 */
const plugin = declare((api, rawOptions, dirname): PluginObj => {
  api.assertVersion('^7.29.0 || ^8.0.0');
  // The plugin's own options win over the project configuration (wx-request.config.*) of each
  // file; they and a named `configFile` (relative to the Babel config that names the plugin) are
  // checked now, before any file.
  const explicit = rawOptions as WxRequestOptions;
  // Babel transforms batches without I/O in between (babel-jest, @babel/register, a build loop):
  // the folders above their files are looked at once per batch, not once per file.
  const optionsFor = createOptionsResolver(explicit, { cwd: dirname, reuseWithinRun: true });
  // Explicit globals win over every file's configuration (mergeOptions).
  const ownGlobals = explicit.globals === undefined ? undefined : resolveOptions({ globals: explicit.globals }).globals;
  watchProjectConfig(api as { addExternalDependency?: (file: string) => void }, explicit, dirname);
  // Bundlers that handle ES modules themselves say so; an `import` is then always safe to add.
  const callerSupportsEsm = api.caller((caller) => Boolean(caller && 'supportsStaticESM' in caller && caller.supportsStaticESM));
  return {
    name: 'wx-request',
    visitor: {
      Program(program, state) {
        const source = state.file.code;
        // A file whose globals are only read as `wx.<other API>` cannot reach wx.request: no traversal.
        // Globals named in the plugin's options hold for every file, so such a file needs no
        // configuration either.
        const skip = () => Object.assign(state.file.metadata, { wxRequest: untouched() });
        if (ownGlobals && !mayReferenceRequest(source, ownGlobals)) return void skip();
        // Babel's filename is a file; without one, the search starts from the working directory.
        const options = state.filename ? optionsFor(state.filename, true) : optionsFor(state.cwd);
        if (!ownGlobals && !mayReferenceRequest(source, options.globals)) return void skip();
        const file = displayPath(state.filename, state.cwd);
        const { sites, globalUses, rewritten, edits } = transformProgram(program, file, options, api.types, callerSupportsEsm);
        const diagnostics = checkCallSites(sites, options, globalUses);
        Object.assign(state.file.metadata, { wxRequest: { rewritten, callSites: sites.length, sites, diagnostics, edits } satisfies WxRequestMetadata });
        reportDiagnostics(diagnostics, source, options);
      },
    },
  };
});

/**
 * Tells Babel (and so babel-loader and `babel --watch`) which configuration file the plugin read,
 * so that a change to it rebuilds: the one named, or the one that applies to the Babel config's folder.
 */
function watchProjectConfig(api: { addExternalDependency?: (file: string) => void }, explicit: WxRequestOptions | undefined, dirname: string): void {
  if (typeof api.addExternalDependency !== 'function') return;
  const { source } = loadProjectOptions(dirname, { configFile: explicit?.configFile, cwd: dirname });
  if (source !== undefined) api.addExternalDependency(source);
}

export default plugin;
