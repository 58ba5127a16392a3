import { readPackageManifest } from '../config/package-manifest.js';
import type { SeveritySetting } from '../core/diagnostic.js';
import type { ResolvedOptions, WxRequestOptions } from '../core/options.js';

/** The installed package a file belongs to: what a finding in it names, since its user cannot edit it. */
export interface Dependency {
  name: string;
  version: string;
  /**
   * The app's folder: the one holding the outermost node_modules (pnpm's `.pnpm/…/node_modules` and
   * nested ones sit inside it). Its configuration is the one a dependency's file is read with.
   */
  app: string;
}

// The last node_modules folder in the path, then the package's folder: `name` or `@scope/name`.
const PACKAGE_FOLDER = /^(.*[\\/]node_modules[\\/])((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/;

const OUTERMOST = /[\\/]node_modules[\\/]/;

const packages = new Map<string, Dependency>();

/**
 * The npm package of a file under node_modules (its name and version from the package's own
 * package.json), or undefined for the app's own files. A package.json that cannot be read gives
 * the folder's name and version "?" rather than an error: the finding still names where it is.
 */
export function dependencyOf(file: string): Dependency | undefined {
  const match = PACKAGE_FOLDER.exec(file);
  if (!match) return undefined;
  const folder = match[1]! + match[2]!;
  let found = packages.get(folder);
  if (!found) {
    const manifest = readPackageManifest(folder) ?? {};
    found = {
      name: typeof manifest.name === 'string' ? manifest.name : match[2]!.replaceAll('\\', '/'),
      version: typeof manifest.version === 'string' ? manifest.version : '?',
      app: file.slice(0, OUTERMOST.exec(file)!.index),
    };
    packages.set(folder, found);
  }
  return found;
}

/** `name@version`, as npm writes it. */
export const dependencyLabel = (dependency: Dependency) => `${dependency.name}@${dependency.version}`;

/** A rule that fails the app's build only warns in a dependency; 'off' stays off. */
function asWarnings(rules: Record<string, SeveritySetting>): Record<string, SeveritySetting> {
  return Object.fromEntries(Object.entries(rules).map(([id, severity]) => [id, severity === 'error' ? 'warn' : severity]));
}

interface DependencyOptions {
  /** For the text front end, which takes resolved options. */
  resolved: ResolvedOptions;
  /**
   * For the Babel plugin, which would resolve them again from the file's own folder (and stop at the
   * package's root): the same options given whole, and no configuration file read.
   */
  babel: WxRequestOptions;
}

const downgraded = new WeakMap<ResolvedOptions, DependencyOptions>();

/**
 * The options a dependency's file is read with: the app's (`resolved`, from the app's folder), with
 * every error rule a warning, so the file is still rewritten (its calls reach the runtime like the
 * app's) and the build does not fail over code its user cannot change. One object per resolved
 * options, so Babel's cache keeps its plugin.
 */
export function dependencyOptions(resolved: ResolvedOptions): DependencyOptions {
  let found = downgraded.get(resolved);
  if (!found) {
    const rules = asWarnings(resolved.rules);
    const babel: WxRequestOptions = { rules, allowedOrigins: [...resolved.allowedOrigins], globals: [...resolved.globals], runtime: resolved.runtime, configFile: false };
    if (resolved.onDiagnostic) babel.onDiagnostic = resolved.onDiagnostic;
    found = { resolved: { ...resolved, rules }, babel };
    downgraded.set(resolved, found);
  }
  return found;
}
