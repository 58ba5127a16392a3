/**
 * babel-plugin-wx-request (the package's main entry): the Babel plugin, whose implementation is
 * the Babel front end's (plugin/babel/plugin.ts), and the types and rule list its users name.
 * Nothing in plugin/ imports this file: the other entries take the plugin from plugin/babel/.
 */
import plugin from './babel/plugin.js';

export default plugin;
export type { WxRequestOptions } from './core/options.js';
export type { Diagnostic, Severity, SeveritySetting } from './core/diagnostic.js';
export type { TextEdit } from './core/text-edits.js';
export { RULES } from './core/rules/index.js';
export { WxRequestRuleError } from './core/rule-error.js';
