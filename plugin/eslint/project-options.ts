import type { FileOptions } from '../core/options.js';
import { loadProjectOptions } from '../config/project-config.js';

/**
 * The project configuration file (wx-request.config.* or package.json's "wxRequest") that applies
 * to the linted file, as the Babel plugin, the transformer and `wx-request check` read it: its
 * `globals`, `allowedOrigins` and `rules: { id: 'off' }` count for the ESLint rules too.
 * `configFile` (from `settings['wx-request']`) is `false` for none, or a path from ESLint's cwd.
 */
export function projectOptions(filename: string, cwd: string, configFile: false | string | undefined): Readonly<FileOptions> {
  return loadProjectOptions(filename, { cwd, configFile }).options;
}
