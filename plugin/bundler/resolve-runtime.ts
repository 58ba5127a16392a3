import { createRequire } from 'node:module';
import path from 'node:path';
import { DEFAULT_RUNTIME } from '../core/options.js';

const PACKAGE = 'babel-plugin-wx-request';

/** The runtime entries the rewritten code imports, and each one's file in the package's ES module build. */
const ENTRIES: Record<string, string> = {
  [DEFAULT_RUNTIME]: 'dist/runtime/index.js',
  [`${DEFAULT_RUNTIME}/lean`]: 'dist/runtime/lean.js',
  // The entries of uploadFile and downloadFile, which a file that references them installs (core/runtime-import.ts).
  [`${DEFAULT_RUNTIME}/upload-file`]: 'dist/runtime/upload-file.js',
  [`${DEFAULT_RUNTIME}/download-file`]: 'dist/runtime/download-file.js',
  // The dev proxy's switch, imported in dev servers only (dev-proxy.ts).
  [`${DEFAULT_RUNTIME}/dev-proxy`]: 'dist/runtime/dev-proxy-on.js',
};

/** Matches the specifiers resolved here, for the bundlers' own hook filters. */
export const RUNTIME_SPECIFIER = /^babel-plugin-wx-request\/runtime(?:\/lean|\/upload-file|\/download-file|\/dev-proxy)?$/;

const packageRoots = new Map<string, string | null>();

/** The installed package as Node finds it from `from` (a directory), or null when it is not found. */
function packageRoot(from: string): string | null {
  let root = packageRoots.get(from);
  if (root === undefined) {
    try {
      root = path.dirname(createRequire(path.join(from, 'noop.js')).resolve(`${PACKAGE}/package.json`));
    } catch {
      root = null;
    }
    packageRoots.set(from, root);
  }
  return root;
}

/**
 * The file of a runtime entry, found as Node would find the package from the importing file (so
 * the copy the project installed, with no node-resolve plugin needed), falling back to the working
 * directory for a virtual importer. Always the ES module build: every host bundles ES modules, and
 * one build means one module instance, whether the code reached it by `import` or `require`.
 */
export function resolveRuntime(specifier: string, importer: string | undefined): string | null {
  const entry = ENTRIES[specifier];
  if (!entry) return null;
  const from = importer && path.isAbsolute(importer) ? path.dirname(importer) : process.cwd();
  const root = packageRoot(from) ?? packageRoot(process.cwd());
  if (!root) return null;
  runtimeFolders.add(path.join(root, 'dist', 'runtime') + path.sep);
  return path.join(root, entry);
}

/** The runtime builds handed out, whose files are never rewritten (they hold the runtime's `wx`). */
const runtimeFolders = new Set<string>();

/** Our package as installed, whoever resolved its runtime (Vite's resolver does in dev); also the bundlers' default `exclude`. */
export const INSTALLED = /[\\/]node_modules[\\/]babel-plugin-wx-request[\\/]/;

/** Whether a file is part of our package: installed, or a runtime this plugin resolved (outside node_modules in a workspace or a link). */
export function isRuntimeFile(file: string): boolean {
  if (INSTALLED.test(file)) return true;
  for (const folder of runtimeFolders) if (file.startsWith(folder)) return true;
  return false;
}
