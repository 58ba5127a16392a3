import { existsSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_KEY, readPackageJson, versionOf, type VersionOf } from './project-config-read.js';

/** The configuration files, in the order that decides which one is used when a folder has several. */
export const CONFIG_FILE_NAMES = ['wx-request.config.js', 'wx-request.config.mjs', 'wx-request.config.cjs', 'wx-request.config.json'] as const;

/** The nearest configuration of a file: the one used, and the others of the same folder, ignored. */
export interface FoundConfig {
  used: string;
  ignored: string[];
}

const CANDIDATES = [...CONFIG_FILE_NAMES, 'package.json'];
/** Per folder, which candidates exist; a folder's version changes when an entry is added or removed. */
const folders = new Map<string, { version: string | undefined; present: string[] }>();
const manifests = new Map<string, { version: string | undefined; hasKey: boolean }>();

function presentIn(folder: string, versionOfPath: VersionOf): string[] {
  const version = versionOfPath(folder);
  const cached = folders.get(folder);
  if (cached && cached.version === version) return cached.present;
  const present = version === undefined ? [] : CANDIDATES.filter((name) => existsSync(path.join(folder, name)));
  folders.set(folder, { version, present });
  return present;
}

/** Whether a package.json has a "wxRequest" key: an edit of package.json does not touch its folder. */
function hasPackageKey(file: string, versionOfPath: VersionOf): boolean {
  const version = versionOfPath(file);
  const cached = manifests.get(file);
  if (cached && cached.version === version) return cached.hasKey;
  const hasKey = version !== undefined && PACKAGE_KEY in (readPackageJson(file) ?? {});
  manifests.set(file, { version, hasKey });
  return hasKey;
}

/**
 * The nearest configuration above a folder: each folder from `start` up is searched for the
 * configuration files and a package.json "wxRequest" key. The search ends at the package root, the
 * first folder with a package.json (so a package never takes its parent's configuration), or at
 * the file system's root.
 */
export function findProjectConfig(start: string, versionOfPath: VersionOf = versionOf): FoundConfig | undefined {
  for (let folder = path.resolve(start); ; ) {
    const present = presentIn(folder, versionOfPath);
    const found = present.filter((name) => name !== 'package.json').map((name) => path.join(folder, name));
    const manifest = present.includes('package.json') ? path.join(folder, 'package.json') : undefined;
    if (manifest !== undefined && hasPackageKey(manifest, versionOfPath)) found.push(manifest);
    const [used, ...ignored] = found;
    if (used !== undefined) return { used, ignored };
    const parent = path.dirname(folder);
    if (manifest !== undefined || parent === folder) return undefined;
    folder = parent;
  }
}
