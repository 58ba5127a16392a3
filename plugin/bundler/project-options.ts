import type { WxRequestOptions } from '../core/options.js';

/**
 * The options of the project's configuration file, for a build rooted at `root`.
 *
 * SEAM (helper "config", issue 10 §3): once `loadProjectOptions` lands, this returns what it reads
 * (wx-request.config.* or package.json "wxRequest"); the plugin's own options win over it. Until
 * then a project has no configuration file and this returns nothing.
 */
export async function projectOptions(root: string): Promise<WxRequestOptions> {
  void root;
  return {};
}
