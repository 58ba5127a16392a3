import * as babel from '@babel/core';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import plugin from '../../plugin/index.js';
import { OptionsError, type ResolvedOptions, type WxRequestOptions } from '../../plugin/core/options.js';
import { createOptionsResolver, loadProjectOptions } from '../../plugin/config/project-config.js';
import type { ParserPlugin } from '../../plugin/babel/parser-options.js';
import { UsageError } from '../usage-error.js';

/** The globals of a mini-program whose Babel config does not name the plugin and whose configuration sets none. */
const DEFAULT_GLOBALS = ['wx', 'qq', 'tt', 'swan'];

/** A mistake in the plugin's options or in a project configuration: one usage error naming where it is. */
function usageError(error: unknown): unknown {
  if (!(error instanceof OptionsError)) return error;
  if (error.source !== undefined) return new UsageError(`port: ${error.source}: ${error.reason}`);
  return new UsageError(`port: the Babel config has invalid options for babel-plugin-wx-request: ${error.message.replace(/^babel-plugin-wx-request: /, '')}`);
}

/**
 * The name in the nearest package.json above a file that has one: a plugin given by path is still
 * ours. A nameless package.json (our dist/cjs/package.json only says "type") is passed over.
 */
function packageNameOf(file: string): string | undefined {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
        if (typeof name === 'string') return name;
      } catch {
        return undefined;
      }
    }
    if (path.dirname(directory) === directory) return undefined;
  }
}

function isOurPlugin(item: babel.ConfigItem): boolean {
  if (item.value === plugin) return true;
  const resolved = item.file?.resolved;
  return resolved !== undefined && (resolved.split(path.sep).includes('babel-plugin-wx-request') || packageNameOf(resolved) === 'babel-plugin-wx-request');
}

/**
 * What the port takes from the mini-program's Babel config (or --config): our plugin's options
 * and how to parse. Nothing else runs: the port applies the plugin's own text edits to the file,
 * so presets and other plugins would only cost time (their output is never printed).
 */
export interface PortSetup {
  pluginOptions: WxRequestOptions;
  /** The same options resolved: the severities the user asked for. */
  resolved: ResolvedOptions;
  parserPlugins: ParserPlugin[];
  sourceType: 'script' | 'module' | 'unambiguous';
}

export function portSetupFor(filename: string, root: string, configFile: string | undefined): PortSetup | undefined {
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
  const own = ((options.plugins ?? []) as babel.ConfigItem[]).find(isOurPlugin);
  let pluginOptions: WxRequestOptions;
  let resolved: ResolvedOptions;
  try {
    // Without the plugin in the Babel config, the port's default globals sit under the project configuration's.
    const { onDiagnostic: _ignored, ...named } = own ? ((own.options ?? {}) as WxRequestOptions) : { globals: loadProjectOptions(filename).options.globals ?? DEFAULT_GLOBALS };
    pluginOptions = named;
    // The project configuration (wx-request.config.*) is merged as the plugin merges it: explicit options win.
    resolved = createOptionsResolver(pluginOptions, { cwd: root })(filename);
  } catch (error) {
    throw usageError(error);
  }
  const sourceType = options.sourceType === 'script' || options.sourceType === 'module' ? options.sourceType : 'unambiguous';
  return { pluginOptions, resolved, parserPlugins: [...((options.parserOpts?.plugins ?? []) as ParserPlugin[])], sourceType };
}

/**
 * The plugin's options for the port's run: every rule that is on reports as a warning, so the
 * plugin never throws and always hands over its edits and counts; the port puts the user's
 * severities back (restoreSeverity) and decides itself whether the file is ported.
 */
export function reportingOptions(setup: PortSetup): WxRequestOptions {
  const rules = Object.fromEntries(Object.entries(setup.resolved.rules).map(([id, severity]) => [id, severity === 'off' ? 'off' : 'warn'] as const));
  return { ...setup.pluginOptions, rules };
}

/** Babel options that only parse and run our plugin: no presets, no other plugins, no code printed. */
export function transformOptions(setup: PortSetup, filename: string, parserPlugins: readonly ParserPlugin[], onDiagnostic: WxRequestOptions['onDiagnostic']): babel.TransformOptions {
  return {
    filename,
    cwd: path.dirname(filename),
    configFile: false,
    babelrc: false,
    presets: [],
    plugins: [[plugin, { ...reportingOptions(setup), onDiagnostic }]],
    parserOpts: { plugins: [...parserPlugins] },
    sourceType: setup.sourceType,
    code: false,
    ast: false,
    sourceMaps: false,
  };
}
