import type { WxRequestOptions } from '../core/options.js';

/**
 * SEAM (issue 10, helper "config"): the project configuration file that the Babel plugin, the
 * transformer and `wx-request check` read. Once plugin/core/project-config.ts exports
 * `loadProjectOptions(fromPath)`, return its options for `filename` here; the ESLint rules then
 * honour its `globals`, `allowedOrigins` and `rules: { id: 'off' }` like the other front ends.
 */
export function projectOptions(filename: string): Pick<WxRequestOptions, 'globals' | 'allowedOrigins' | 'rules'> {
  void filename;
  return {};
}
