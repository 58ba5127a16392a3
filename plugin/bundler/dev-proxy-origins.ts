import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ResolvedOptions, WxRequestOptions } from '../core/options.js';
import { mayReferenceRequest } from '../core/quick-check.js';
import { originOf } from '../core/url-origin.js';
import { readPackageManifest } from '../config/package-manifest.js';
import { DEFAULT_INCLUDE } from './options.js';
import { callSitesOf } from './transform-file.js';

/**
 * `devProxy: true`: the origins the code calls, found when the dev server starts (its proxy
 * entries are fixed then), with the same reading as the build's: the app's own files under the
 * root, and the packages of its package.json `dependencies` (what WeChat's "build npm" ships,
 * where an SDK that calls wx.request lives). An origin written before a value the build cannot
 * know (`BASE + path`) counts too: the code names it. Files that do not parse are skipped (the
 * build reports them).
 */

/** Folders that hold no app source: installed packages, tool caches and version control (dot folders). */
const SKIPPED = new Set(['node_modules', 'miniprogram_npm']);

function sourceFiles(folder: string, found: string[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) sourceFiles(file, found);
    else if (entry.isFile() && DEFAULT_INCLUDE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) found.push(file);
  }
}

/** The folders of the root package's `dependencies`, as installed beside it. */
function dependencyFolders(root: string): string[] {
  const dependencies = readPackageManifest(root)?.dependencies;
  const names = dependencies !== null && typeof dependencies === 'object' ? Object.keys(dependencies) : [];
  // Our own package calls no API of the app's.
  return names.filter((name) => name !== 'babel-plugin-wx-request').map((name) => path.join(root, 'node_modules', name));
}

export function codeOrigins(root: string, babel: WxRequestOptions, optionsFor: (file: string) => ResolvedOptions): string[] {
  const files: string[] = [];
  sourceFiles(root, files);
  for (const folder of dependencyFolders(root)) sourceFiles(folder, files);
  const origins = new Set<string>();
  for (const file of files) {
    let code;
    try {
      code = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!mayReferenceRequest(code, optionsFor(file).globals)) continue;
    let sites;
    try {
      sites = callSitesOf(code, file, babel);
    } catch {
      continue;
    }
    for (const site of sites) {
      if ('unknown' in site.options) continue;
      const found = originOf(site.options.url);
      if (found.kind === 'origin') origins.add(found.origin);
      else if (found.kind === 'unknown' && found.likely) origins.add(found.likely);
    }
  }
  return [...origins].sort();
}

/** The origins the dev server forwards to: those of the option, or (true) the code's and the root's allowedOrigins; none when off. */
export function devProxyOrigins(option: boolean | readonly string[], root: string, babel: WxRequestOptions, optionsFor: (from: string) => ResolvedOptions): string[] {
  if (option === false) return [];
  if (option !== true) return [...option];
  return [...new Set([...codeOrigins(root, babel, optionsFor), ...optionsFor(root).allowedOrigins])].sort();
}
