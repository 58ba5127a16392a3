/**
 * The project configuration: `wx-request.config.{js,mjs,cjs,json}` or a "wxRequest" key in
 * package.json, read by every front end (Babel plugin, TypeScript transformer, `wx-request check`,
 * `wx-request port`, bundler and ESLint plugins) through the two functions below:
 *
 * - `loadProjectOptions(from, settings?)`: the options of the configuration that applies to the file
 *   (or folder) `from`, validated with the plugin's own messages, read once per version of the file.
 * - `createOptionsResolver(explicit, settings)`: for a front end with options of its own; validates
 *   them at once and returns `(file) => ResolvedOptions`, the file's configuration under them.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { OptionsError, resolveOptions, type FileOptions, type ResolvedOptions, type WxRequestOptions } from '../core/options.js';
import { findProjectConfig } from './project-config-find.js';
import { labelOf, readProjectConfig, versionOf, versionOfThisRun, type ProjectOptions, type VersionOf } from './project-config-read.js';

export { CONFIG_FILE_NAMES } from './project-config-find.js';
export { PACKAGE_KEY, type ProjectOptions } from './project-config-read.js';

export interface ProjectConfigSettings {
  /** `false`: read no configuration; a path (relative to `cwd`): read that one, wherever `from` is. */
  configFile?: false | string | undefined;
  /** Where a relative `configFile` starts. Default: `process.cwd()`. */
  cwd?: string | undefined;
  /** Receives the warning for a folder with two configurations. Default: printed to stderr. */
  onWarning?: ((message: string) => void) | undefined;
  /** `from` is known to be a file, not a folder (so it need not be looked at on disk). */
  fromFile?: boolean | undefined;
  /**
   * Reuse what the disk said earlier in the same batch, until the event loop turns (versionOfThisRun
   * says what that does and does not see): for a front end called once per file, the Babel plugin.
   */
  reuseWithinRun?: boolean | undefined;
  /** How a path's version is learnt, in place of a stat each time or `reuseWithinRun` (the bundler plugins: once per build). */
  versionOf?: VersionOf | undefined;
}

const NONE: ProjectOptions = Object.freeze({ options: Object.freeze({}) });
const warned = new Set<string>();

function printWarning(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * The folder a search starts from: `from` itself when it is a folder, else the folder it is in. A
 * caller that knows `from` is a file (Babel's `filename`) saves the stat: a build asks once per file.
 */
function startFolder(from: string, isFile: boolean): string {
  const absolute = path.resolve(from);
  if (isFile) return path.dirname(absolute);
  return statSync(absolute, { throwIfNoEntry: false })?.isDirectory() ? absolute : path.dirname(absolute);
}

/**
 * The options of the configuration that applies to `from` (the file being processed, or a folder):
 * the nearest one from its folder up to the package root. Throws an `OptionsError` naming the file
 * (and line:column for JSON syntax) when the configuration has a mistake.
 */
export function loadProjectOptions(from: string, settings: ProjectConfigSettings = {}): ProjectOptions {
  const { configFile } = settings;
  if (configFile === false) return NONE;
  const versionOfPath = settings.versionOf ?? (settings.reuseWithinRun ? versionOfThisRun : versionOf);
  if (typeof configFile === 'string') {
    const file = path.resolve(settings.cwd ?? process.cwd(), configFile);
    if (!existsSync(file)) throw new OptionsError(`option "configFile" names ${JSON.stringify(configFile)}, which does not exist (${file}).`);
    return readProjectConfig(file, versionOfPath);
  }
  const found = findProjectConfig(startFolder(from, settings.fromFile === true), versionOfPath);
  if (!found) return NONE;
  if (found.ignored.length > 0) {
    const key = [found.used, ...found.ignored].join('\0');
    if (!warned.has(key)) {
      warned.add(key);
      const ignored = found.ignored.map(labelOf).join(' and ');
      const verb = found.ignored.length === 1 ? 'is' : 'are';
      (settings.onWarning ?? printWarning)(`babel-plugin-wx-request: ${found.ignored.length + 1} configurations in one folder: ${labelOf(found.used)} is used, ${ignored} ${verb} ignored. Keep one.`);
    }
  }
  return readProjectConfig(found.used, versionOfPath);
}

/**
 * A configuration file's options under explicit ones: a key given explicitly replaces the file's,
 * except `rules`, merged rule by rule (an explicit rule's severity wins). Undefined keys do not count.
 */
export function mergeOptions(fileOptions: Readonly<FileOptions>, explicit: Readonly<WxRequestOptions>): WxRequestOptions {
  const merged: WxRequestOptions = { ...fileOptions };
  for (const [key, value] of Object.entries(explicit) as [keyof WxRequestOptions, unknown][]) {
    if (value !== undefined && key !== 'configFile') (merged as Record<string, unknown>)[key] = value;
  }
  if (fileOptions.rules && explicit.rules) merged.rules = { ...fileOptions.rules, ...explicit.rules };
  return merged;
}

export interface ResolverSettings extends Omit<ProjectConfigSettings, 'configFile' | 'fromFile'> {
  /** Origins allowed on top of the file's and the explicit ones (`wx-request check --allowed-origin`). */
  addAllowedOrigins?: readonly string[] | undefined;
}

/**
 * For a front end with options of its own (the `configFile` among them): validates them now, so
 * a mistake is reported before any file, reads a named `configFile` now too, and returns the
 * resolved options for each file, computed once per version of its configuration. Pass
 * `fromFile` when `from` is known to be a file (a stat less per file).
 */
export function createOptionsResolver(explicit: WxRequestOptions | undefined, settings: ResolverSettings = {}): (from: string, fromFile?: boolean) => ResolvedOptions {
  const own = resolveOptions(explicit);
  const given = explicit ?? {};
  const lookup: ProjectConfigSettings = { ...settings, configFile: given.configFile };
  const lookupOfFile: ProjectConfigSettings = { ...lookup, fromFile: true };
  if (typeof given.configFile === 'string') loadProjectOptions(settings.cwd ?? process.cwd(), lookup);
  const added = settings.addAllowedOrigins ?? [];
  if (added.length > 0) resolveOptions({ allowedOrigins: [...added] });
  const resolved = new WeakMap<ProjectOptions, ResolvedOptions>();
  return (from, fromFile = false) => {
    const project = loadProjectOptions(from, fromFile ? lookupOfFile : lookup);
    if (project === NONE && added.length === 0) return own;
    let options = resolved.get(project);
    if (!options) {
      const merged = mergeOptions(project.options, given);
      if (added.length > 0) merged.allowedOrigins = [...(merged.allowedOrigins ?? []), ...added];
      options = resolveOptions(merged);
      resolved.set(project, options);
    }
    return options;
  };
}
