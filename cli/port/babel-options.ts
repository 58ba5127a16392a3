import * as babel from '@babel/core';
import path from 'node:path';
import plugin from '../../plugin/index.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { OptionsError, type WxRequestOptions } from '../../plugin/core/options.js';
import { loadProjectOptions, type ProjectOptions } from '../../plugin/core/project-config.js';
import { UsageError } from '../usage-error.js';

/** The globals of a mini-program whose Babel config does not name the plugin and whose configuration sets none. */
const DEFAULT_GLOBALS = ['wx', 'qq', 'tt', 'swan'];

/**
 * The project configuration (wx-request.config.*) of a file, read here first so that a mistake in
 * it is one usage error naming the file, not a Babel failure per file. The plugin reads the same.
 */
function projectOptionsFor(filename: string): ProjectOptions {
  try {
    return loadProjectOptions(filename);
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(`port: ${error.source === undefined ? '' : `${error.source}: `}${error.reason}`);
    throw error;
  }
}

function isOurPlugin(item: babel.ConfigItem): boolean {
  if (item.value === plugin) return true;
  const resolved = item.file?.resolved ?? '';
  return resolved.split(path.sep).includes('babel-plugin-wx-request');
}

/**
 * The Babel options for one file: the mini-program's own config (or the one given with
 * --config), with our plugin's `onDiagnostic` pointed at the port so every diagnostic is
 * collected, and the plugin added when the config lacks it.
 */
export function babelOptionsFor(filename: string, root: string, configFile: string | undefined, onDiagnostic: (diagnostic: Diagnostic) => void): babel.TransformOptions | undefined {
  let partial;
  try {
    partial = babel.loadPartialConfig({ filename, cwd: root, root, configFile: configFile ?? undefined, babelrc: false });
  } catch (error) {
    // A config that names a missing plugin or has bad options: the user's to fix, not a crash of ours.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new UsageError(`port: the Babel config for ${path.relative(root, filename) || filename} could not be loaded: ${reason}`);
  }
  if (!partial) return undefined; // the config ignores this file
  const options = partial.options;
  const plugins = [...((options.plugins ?? []) as babel.ConfigItem[])];
  const index = plugins.findIndex(isOurPlugin);
  const named = index === -1 ? undefined : (plugins[index]?.options as WxRequestOptions | undefined);
  // A plugin entry that names its own configFile (or none) is left to the plugin to read.
  const project = named?.configFile === undefined ? projectOptionsFor(filename) : undefined;
  // Without the plugin in the Babel config, the port's default globals sit under the configuration's.
  const own = index === -1 ? { globals: project?.options.globals ?? DEFAULT_GLOBALS } : named;
  const item = babel.createConfigItem([plugin, { ...own, onDiagnostic }], { type: 'plugin', dirname: root });
  if (index === -1) plugins.push(item);
  else plugins[index] = item;
  return {
    ...options,
    plugins,
    // Mini-program files are mostly CommonJS scripts; a config that says otherwise wins.
    sourceType: options.sourceType ?? 'unambiguous',
    configFile: false,
    babelrc: false,
  };
}
