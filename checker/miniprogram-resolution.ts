import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as TS from 'typescript';
import type { Ts } from '../plugin/typescript/syntax.js';

/**
 * Module resolution as WeChat's `require` does it (developers.weixin.qq.com, "require" and
 * "npm 支持"), so the checker follows constants across a mini-program's files:
 *
 * - `./x` and `../x` are relative to the requiring file;
 * - a path without `./` (`require('utils/bsurl.js')` in app.js, `require('common.js')` in the
 *   docs' own example) is relative to the requiring file too;
 * - a leading `/` is the mini-program root: project.config.json's `miniprogramRoot` when it has
 *   one, else the folder holding project.config.json, or app.json;
 * - app.json's `resolveAlias` (`"@utils/*": "utils/*"`) maps a prefix, the longest match winning;
 * - the `.js` extension may be left out (`.ts` too, for TypeScript mini-programs);
 * - a name that is no file there is an npm package built into `miniprogram_npm/`: looked up in the
 *   `miniprogram_npm` folders of the requiring file's folder and of each parent up to the
 *   mini-program root; a package name alone means its `index.js`.
 *
 * What WeChat cannot resolve falls back to TypeScript's own resolution (tsconfig `paths`,
 * node_modules), so a TypeScript project resolves as before.
 */

const EXTENSIONS = ['', '.js', '.ts'];
const NPM_FOLDER = 'miniprogram_npm';

interface MiniProgram {
  root: string;
  aliases: [from: string, to: string][];
}

function isFile(file: string): boolean {
  return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `resolveAlias` keys and values end in `/*`; kept without it, longest key first. */
function aliasesOf(appJson: Record<string, unknown> | undefined): [string, string][] {
  const aliases = appJson?.['resolveAlias'];
  if (aliases === null || typeof aliases !== 'object') return [];
  return Object.entries(aliases as Record<string, unknown>)
    .filter((entry): entry is [string, string] => entry[0].endsWith('/*') && typeof entry[1] === 'string' && entry[1].endsWith('/*'))
    .map(([from, to]): [string, string] => [from.slice(0, -1), to.slice(0, -1)])
    .sort((a, b) => b[0].length - a[0].length);
}

/** Finds the mini-program a folder belongs to; one look-up per folder. */
export class MiniProgramRoots {
  private readonly cache = new Map<string, MiniProgram | undefined>();

  of(directory: string): MiniProgram | undefined {
    if (this.cache.has(directory)) return this.cache.get(directory);
    let found: MiniProgram | undefined;
    const config = path.join(directory, 'project.config.json');
    const appJson = path.join(directory, 'app.json');
    if (isFile(config)) {
      const configured = readJson(config)?.['miniprogramRoot'];
      const root = typeof configured === 'string' && configured !== '' ? path.resolve(directory, configured) : directory;
      found = { root, aliases: aliasesOf(readJson(path.join(root, 'app.json'))) };
    } else if (isFile(appJson)) {
      found = { root: directory, aliases: aliasesOf(readJson(appJson)) };
    } else {
      const parent = path.dirname(directory);
      found = parent === directory ? undefined : this.of(parent);
    }
    this.cache.set(directory, found);
    return found;
  }
}

function withExtension(base: string, extensions: readonly string[]): string | undefined {
  for (const extension of extensions) if (isFile(base + extension)) return base + extension;
  return undefined;
}

function inNpmFolders(name: string, from: string, root: string | undefined): string | undefined {
  let directory = from;
  for (;;) {
    const base = path.join(directory, NPM_FOLDER, name);
    const found = withExtension(base, EXTENSIONS.slice(1)) ?? withExtension(path.join(base, 'index'), EXTENSIONS.slice(1));
    if (found) return found;
    const parent = path.dirname(directory);
    if (directory === root || parent === directory) return undefined;
    directory = parent;
  }
}

/** The file a mini-program `require`/`import` path names, or undefined when WeChat would not find one. */
export function resolveMiniProgramPath(specifier: string, containingFile: string, roots: MiniProgramRoots): string | undefined {
  const from = path.dirname(containingFile);
  const program = roots.of(from);
  let target = specifier;
  const alias = program?.aliases.find(([prefix]) => specifier.startsWith(prefix));
  if (program && alias) target = path.posix.join('/', alias[1], specifier.slice(alias[0].length));
  if (target.startsWith('/')) {
    if (!program) return undefined;
    return withExtension(path.join(program.root, target), EXTENSIONS);
  }
  const relative = withExtension(path.resolve(from, target), EXTENSIONS);
  if (relative || target.startsWith('./') || target.startsWith('../')) return relative;
  return inNpmFolders(target, from, program?.root);
}

function extensionOf(ts: Ts, file: string): TS.Extension {
  const extension = path.extname(file);
  if (extension === '.ts') return file.endsWith('.d.ts') ? ts.Extension.Dts : ts.Extension.Ts;
  if (extension === '.tsx') return ts.Extension.Tsx;
  if (extension === '.jsx') return ts.Extension.Jsx;
  if (extension === '.json') return ts.Extension.Json;
  return ts.Extension.Js;
}

/** A ts-morph `resolutionHost`: WeChat's rules first, TypeScript's for the rest. */
export function miniProgramResolutionHost(ts: Ts) {
  const roots = new MiniProgramRoots();
  return (host: TS.ModuleResolutionHost, getCompilerOptions: () => TS.CompilerOptions) => ({
    resolveModuleNames(moduleNames: string[], containingFile: string): (TS.ResolvedModuleFull | undefined)[] {
      return moduleNames.map((name) => {
        const found = resolveMiniProgramPath(name, containingFile, roots);
        // Own code, never an "external library": TypeScript would skip its JavaScript.
        if (found) return { resolvedFileName: found, extension: extensionOf(ts, found), isExternalLibraryImport: false };
        return ts.resolveModuleName(name, containingFile, getCompilerOptions(), host).resolvedModule;
      });
    },
  });
}
