import type { ESLint, Linter } from 'eslint';
import { PLUGIN_NAME, recommendedRules, rules } from './rules.js';

/**
 * babel-plugin-wx-request/eslint: the package's build-time rules as ESLint rules, for editors and
 * lint jobs. Flat config (ESLint 9 and 10):
 *
 *     import wxRequest from 'babel-plugin-wx-request/eslint';
 *     export default [wxRequest.configs.recommended];
 *
 * Each rule reads ESLint's own tree and scope manager the way the Babel plugin reads Babel's
 * (plugin/estree/, no second parse; or, with typescript-eslint's type information, the way
 * `wx-request check` does) and reports the same findings at the same places.
 */
interface WxRequestPlugin extends ESLint.Plugin {
  rules: typeof rules;
  configs: { recommended: Linter.Config };
}

const plugin: WxRequestPlugin = {
  meta: { name: 'babel-plugin-wx-request/eslint' },
  rules,
  configs: { recommended: { name: `${PLUGIN_NAME}/recommended`, rules: recommendedRules } },
};
// The config names the plugin it belongs to, so `[wxRequest.configs.recommended]` is the whole setup.
plugin.configs.recommended.plugins = { [PLUGIN_NAME]: plugin };

export default plugin;
export type { WxRequestSettings } from './rules.js';
