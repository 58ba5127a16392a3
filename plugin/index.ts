import { declare } from '@babel/helper-plugin-utils';
import type { PluginObj } from '@babel/core';
import { transformProgram } from './babel/transform-program.js';
import { checkCallSites } from './core/engine.js';
import { resolveOptions, type WxRequestOptions } from './core/options.js';
import { displayPath } from './display-path.js';
import { reportDiagnostics } from './report.js';

/**
 * babel-plugin-wx-request: rewrites every global `wx.request` into the web runtime and checks
 * WeChat's request rules at build time.
 */
const plugin = declare((api, rawOptions): PluginObj => {
  api.assertVersion('^7.29.0 || ^8.0.0');
  const options = resolveOptions(rawOptions);
  return {
    name: 'wx-request',
    visitor: {
      Program(program, state) {
        const source = state.file.code;
        // A file that never says "request" cannot reach wx.request: skip it without a traversal.
        if (!source.includes('request')) return;
        const file = displayPath(state.filename, state.cwd);
        const { sites } = transformProgram(program, file, options, api.types);
        reportDiagnostics(checkCallSites(sites, options), file, source, options);
      },
    },
  };
});

export default plugin;
export type { WxRequestOptions };
export type { Diagnostic, Severity, SeveritySetting } from './core/diagnostic.js';
export { RULES } from './core/rules/index.js';
export { WxRequestRuleError } from './rule-error.js';
