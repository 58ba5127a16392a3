import { transformAsync, transformSync, type TransformOptions } from '@babel/core';
import wxRequestPlugin, { wxRequestMetadata } from '../babel/plugin.js';
import { parserOptionsFor } from '../babel/parser-options.js';
import { applyEditsWithMap, type SourceMapLike } from '../core/apply-edits.js';
import type { CallSite } from '../core/call-site.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { RULE_IDS } from '../core/rules/index.js';
import type { FileResult } from '../core/file-result.js';
import type { WxRequestOptions } from '../core/options.js';

/**
 * The caller the Babel plugin sees: every host bundler handles ES modules itself, so a file with
 * neither `import` nor `require` may get an `import` of the runtime (a CommonJS file still gets a
 * `require`, which each host bundles).
 */
const CALLER = { name: 'babel-plugin-wx-request/bundler', supportsStaticESM: true, supportsDynamicImport: true };

/** One plugin entry per options object, so Babel's config cache keeps the plugin (and its resolved options) across files. */
const pluginEntries = new WeakMap<WxRequestOptions, [typeof wxRequestPlugin, WxRequestOptions]>();

function pluginEntry(options: WxRequestOptions): [typeof wxRequestPlugin, WxRequestOptions] {
  let entry = pluginEntries.get(options);
  // Without a user's onDiagnostic, none that prints: the diagnostics are read from the result.
  if (!entry) pluginEntries.set(options, (entry = [wxRequestPlugin, { ...options, onDiagnostic: options.onDiagnostic ?? (() => {}) }]));
  return entry;
}

/** Only our plugin, no Babel configuration of the user's, the file parsed as its extension says. */
function babelOptionsFor(id: string, options: WxRequestOptions): TransformOptions {
  return { filename: id, configFile: false, babelrc: false, browserslistConfigFile: false, caller: CALLER, plugins: [pluginEntry(options)], ...parserOptionsFor(id) };
}

/** Every rule off: reading the call sites reports nothing and never throws for a finding. */
const quiet = new WeakMap<WxRequestOptions, WxRequestOptions>();

/**
 * The call sites of one file as the Babel plugin reads them, no rule applied (the dev proxy's
 * origins, dev-proxy-origins.ts). A syntax error throws Babel's error.
 */
export function callSitesOf(code: string, id: string, options: WxRequestOptions): CallSite[] {
  let silent = quiet.get(options);
  if (!silent) quiet.set(options, (silent = { ...options, rules: Object.fromEntries(RULE_IDS.map((rule) => [rule, 'off'])) as WxRequestOptions['rules'] }));
  // Synchronous: webpack's and Rspack's plugins set their dev server's proxy while being applied.
  const analysed = transformSync(code, { ...babelOptionsFor(id, silent), code: false, ast: false });
  return wxRequestMetadata(analysed).sites;
}

/**
 * Runs only our Babel plugin on one file, with no Babel configuration of the user's: parsed as its
 * extension says, and, when the plugin reports its text edits, rewritten by applying those edits to
 * the original code (no reprint: everything else stays byte for byte, and the map is exact).
 * Every diagnostic is returned, errors included (a file with errors has no output); anything else
 * that fails (a syntax error) throws Babel's error.
 */
export async function transformFile(code: string, id: string, options: WxRequestOptions): Promise<FileResult> {
  const babelOptions = babelOptionsFor(id, options);
  let analysed;
  try {
    // Without generating code first: the edits are all that is needed.
    analysed = await transformAsync(code, { ...babelOptions, code: false, ast: false });
  } catch (error) {
    // The plugin throws once for a file with rule errors; the error carries them.
    if ((error as { code?: unknown }).code === 'WX_REQUEST_RULES') return { output: undefined, diagnostics: [...(error as { diagnostics: Diagnostic[] }).diagnostics] };
    throw error;
  }
  const metadata = wxRequestMetadata(analysed);
  const diagnostics = metadata.diagnostics;
  if (metadata.rewritten === 0) return { output: undefined, diagnostics };
  // A mapping at every word boundary (not every character): exact for every token a position
  // names, at a fraction of the per-character map's cost; the file's own path, as hosts name modules.
  if (metadata.edits) return { output: applyEditsWithMap(code, metadata.edits, { source: id, hires: 'boundary' }), diagnostics };
  // A plugin that reports no edits: take Babel's reprint and its map.
  const printed = await transformAsync(code, { ...babelOptions, sourceMaps: true, sourceFileName: id });
  if (!printed?.code || !printed.map) return { output: undefined, diagnostics };
  return { output: { code: printed.code, map: printed.map as SourceMapLike }, diagnostics };
}
