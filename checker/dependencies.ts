/**
 * `wx-request check --list-dependencies`: the installed packages whose code references
 * `wx.request` (or the `request` of another configured global), so that a Babel or TypeScript
 * build that skips node_modules can include just those.
 *
 * Where: the `node_modules` folder of the project root (the folder of --project's tsconfig, else the
 * current directory) and of each directory named on the command line, or when one has none, that of
 * the nearest folder above it that has one (as Node's resolution would find), with every package in it
 * (`@scope/name` too, nested `node_modules` inside packages, pnpm's `.pnpm` store), and WeChat's
 * `miniprogram_npm` folders anywhere below those roots (outside node_modules).
 *
 * How: every `.js .cjs .mjs .jsx .ts .mts .cts .tsx` file (not `.d.ts`) goes through the quick check
 * (`mayReferenceRequest`), then the Babel plugin itself, run as `wx-request port` runs it: a file is
 * listed when the plugin rewrites at least one reference, so a mention in a comment or a string is
 * not. A file that does not parse is skipped with a note.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { ResolvedOptions } from '../plugin/core/options.js';
import { mayReferenceRequest } from '../plugin/core/quick-check.js';
import { displayPath } from '../plugin/core/display-path.js';
import { babelErrorReason } from '../plugin/babel/babel-error.js';
import { parserAttempts } from '../plugin/babel/parser-options.js';
import type { PortSetup } from '../cli/port/babel-options.js';
import { runPlugin } from '../cli/port/port-file.js';
import { isInside } from '../cli/paths.js';
import type { FileProblem } from './check.js';
import { readPackageManifest } from '../plugin/config/package-manifest.js';

export type Container = 'node_modules' | 'miniprogram_npm';

export interface DependencyPackage {
  name: string;
  /** From the package's package.json; for a miniprogram_npm package without one, that of node_modules/<name>; null when unknown. */
  version: string | null;
  /** The package's folder, relative to the working directory when inside it, with `/`. */
  folder: string;
  /** The files that reference wx.request, relative to the package folder, with `/`, sorted. */
  files: string[];
  /** Where it is installed. */
  container: Container;
}

export interface DependencyResult {
  /** The packages with at least one file that references wx.request, by name, then folder. */
  packages: DependencyPackage[];
  /** How many packages were read. */
  scannedPackages: number;
  /** The node_modules and miniprogram_npm folders looked in (as shown to the user). */
  searched: string[];
  /** Files skipped: they do not parse, or could not be read. */
  notes: string[];
  /** The project roots (as shown), for the message when nothing was found. */
  roots: string[];
  problems: FileProblem[];
  globals: readonly string[];
}

export interface DependencyInput {
  paths: readonly string[];
  project?: string | undefined;
  cwd: string;
  /** The options of the project root (its configuration under the command line's): the globals. */
  optionsFor: (from: string) => ResolvedOptions;
}

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const DECLARATION = /\.d\.[cm]?ts$/;
const GLOB_CHARACTERS = /[*?[\]{}!]/;
const OWN_PACKAGE = 'babel-plugin-wx-request';

function errorMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
}

function statOf(file: string, follow: boolean): Stats | undefined {
  try {
    return follow ? statSync(file) : lstatSync(file);
  } catch {
    return undefined;
  }
}

function entriesOf(directory: string): string[] {
  try {
    return readdirSync(directory).sort();
  } catch {
    return [];
  }
}

/** The project root and the other directories named on the command line; problems for paths that do not exist. */
function rootsOf(input: DependencyInput, problems: FileProblem[]): string[] {
  const { cwd } = input;
  const roots: string[] = [];
  if (input.project !== undefined) {
    const tsconfig = path.resolve(cwd, input.project);
    const shown = displayPath(tsconfig, cwd);
    try {
      readFileSync(tsconfig, 'utf8');
      roots.push(path.dirname(tsconfig));
    } catch (error) {
      problems.push({ kind: 'unreadable', file: shown, line: 0, column: 0, message: `cannot read ${shown}: ${errorMessage(error)}` });
    }
  } else {
    roots.push(cwd);
  }
  for (const given of input.paths) {
    const absolute = path.resolve(cwd, given);
    const stats = statOf(absolute, true);
    if (stats?.isDirectory()) roots.push(absolute);
    else if (!stats && !GLOB_CHARACTERS.test(given)) {
      const shown = displayPath(absolute, cwd);
      problems.push({ kind: 'unreadable', file: shown, line: 0, column: 0, message: `cannot read ${shown}: no such file or directory` });
    }
  }
  return roots;
}

/** The miniprogram_npm folders below `root`, not inside node_modules, hidden folders or symbolic links. */
function miniProgramNpmFolders(root: string): string[] {
  const found: string[] = [];
  const visit = (directory: string) => {
    for (const name of entriesOf(directory)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const absolute = path.join(directory, name);
      if (!statOf(absolute, false)?.isDirectory()) continue;
      if (name === 'miniprogram_npm') found.push(absolute);
      else visit(absolute);
    }
  };
  visit(root);
  return found;
}

/** The node_modules of `root`, or of the nearest folder above it that has one (a project run from its src/). */
function nearestNodeModules(root: string): string | undefined {
  for (let directory = root; ; directory = path.dirname(directory)) {
    const folder = path.join(directory, 'node_modules');
    if (statOf(folder, true)?.isDirectory()) return folder;
    if (path.dirname(directory) === directory) return undefined;
  }
}

interface PackageFolder {
  folder: string;
  /** The name as the folder spells it (`@scope/name`). */
  folderName: string;
  container: Container;
}

/** Finds every package folder and reads its files; dependencies are deduplicated by real path. */
class Scanner {
  readonly packages: DependencyPackage[] = [];
  readonly notes: string[] = [];
  scannedPackages = 0;
  private readonly seen = new Set<string>();
  private readonly setup: PortSetup;

  constructor(
    private readonly cwd: string,
    private readonly realRoots: readonly string[],
    private readonly roots: readonly string[],
    private readonly options: ResolvedOptions,
  ) {
    // The plugin alone, every rule a warning (it never throws), no configuration file of the package's.
    this.setup = { pluginOptions: { globals: [...options.globals], configFile: false }, resolved: options, parserPlugins: [], sourceType: 'unambiguous' };
  }

  /** The packages of a node_modules (or miniprogram_npm) folder, in name order. */
  async container(folder: string, container: Container): Promise<void> {
    const real = this.realPath(folder);
    if (real === undefined || this.seen.has(real)) return;
    this.seen.add(real);
    const names = entriesOf(folder);
    for (const name of names) {
      if (name.startsWith('.')) continue; // .bin, .cache, .package-lock.json; .pnpm below
      const absolute = path.join(folder, name);
      if (name.startsWith('@')) {
        for (const scoped of entriesOf(absolute)) await this.package({ folder: path.join(absolute, scoped), folderName: `${name}/${scoped}`, container });
        continue;
      }
      await this.package({ folder: absolute, folderName: name, container });
    }
    // pnpm's store, after the links to it (so a direct dependency shows as node_modules/<name>):
    // every package, the indirect ones too, is in .pnpm/<name@version>/node_modules.
    if (names.includes('.pnpm')) {
      const store = path.join(folder, '.pnpm');
      for (const entry of entriesOf(store)) await this.container(path.join(store, entry, 'node_modules'), container);
    }
  }

  private realPath(file: string): string | undefined {
    try {
      return realpathSync(file);
    } catch {
      return undefined;
    }
  }

  private async package({ folder, folderName, container }: PackageFolder): Promise<void> {
    if (!statOf(folder, true)?.isDirectory()) return;
    const real = this.realPath(folder);
    if (real === undefined || this.seen.has(real)) return;
    this.seen.add(real);
    const manifest = readPackageManifest(folder);
    const name = typeof manifest?.name === 'string' && manifest.name !== '' ? manifest.name : folderName;
    if (name === OWN_PACKAGE || folderName === OWN_PACKAGE) return;
    // A link back to the project itself (or a folder above it) is the user's code, not a dependency.
    if (this.realRoots.some((root) => isInside(root, real))) return;
    this.scannedPackages++;
    const files: string[] = [];
    const nested: string[] = [];
    const visit = async (directory: string) => {
      for (const entry of entriesOf(directory)) {
        const absolute = path.join(directory, entry);
        const stats = statOf(absolute, false);
        if (!stats || stats.isSymbolicLink()) continue;
        if (stats.isDirectory()) {
          if (entry === 'node_modules') nested.push(absolute);
          else await visit(absolute);
        } else if (stats.isFile() && SOURCE.test(entry) && !DECLARATION.test(entry) && (await this.references(absolute))) {
          files.push(path.relative(folder, absolute).split(path.sep).join('/'));
        }
      }
    };
    await visit(folder);
    if (files.length > 0) {
      const version = typeof manifest?.version === 'string' ? manifest.version : container === 'miniprogram_npm' ? this.installedVersion(name) : null;
      this.packages.push({ name, version, folder: displayPath(folder, this.cwd), files: files.sort(), container });
    }
    for (const folderOfNested of nested) await this.container(folderOfNested, 'node_modules');
  }

  /** WeChat's "build npm" leaves no package.json in miniprogram_npm: the version installed in node_modules. */
  private installedVersion(name: string): string | null {
    for (const root of this.roots) {
      const version = readPackageManifest(path.join(root, 'node_modules', name))?.version;
      if (typeof version === 'string') return version;
    }
    return null;
  }

  /** The quick check, then the plugin: whether it rewrites a reference in the file. */
  private async references(file: string): Promise<boolean> {
    const display = displayPath(file, this.cwd);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (error) {
      this.notes.push(`${display}: cannot be read (${errorMessage(error)}); skipped`);
      return false;
    }
    if (!mayReferenceRequest(source, this.options.globals)) return false;
    const pass = await runPlugin(source, { filename: file, display }, this.setup, parserAttempts(path.extname(file), []));
    if (pass.kind === 'parse-error') {
      this.notes.push(`${display}: does not parse (${pass.error.loc ? `${pass.error.loc.line}:${pass.error.loc.column + 1} ` : ''}${babelErrorReason(pass.error, file)}); skipped`);
      return false;
    }
    if (pass.kind === 'failed') {
      this.notes.push(`${display}: Babel failed (${pass.message}); skipped`);
      return false;
    }
    return pass.metadata.rewritten > 0;
  }
}

/** Lists the installed packages that reference wx.request. */
export async function listDependencies(input: DependencyInput): Promise<DependencyResult> {
  const problems: FileProblem[] = [];
  const roots = [...new Set(rootsOf(input, problems))];
  const projectRoot = roots[0] ?? input.cwd;
  const options = input.optionsFor(projectRoot);
  const realRoots = roots.map((root) => realpathSync(root));
  const scanner = new Scanner(input.cwd, realRoots, roots, options);
  const searched: string[] = [];
  const look = async (folder: string, container: Container) => {
    if (!statOf(folder, true)?.isDirectory()) return;
    if (!searched.includes(displayPath(folder, input.cwd))) searched.push(displayPath(folder, input.cwd));
    await scanner.container(folder, container);
  };
  for (const root of roots) {
    const folder = nearestNodeModules(root);
    if (folder !== undefined) await look(folder, 'node_modules');
  }
  for (const root of roots) for (const folder of miniProgramNpmFolders(root)) await look(folder, 'miniprogram_npm');
  const packages = scanner.packages.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
  return {
    packages,
    scannedPackages: scanner.scannedPackages,
    searched,
    notes: scanner.notes,
    roots: roots.map((root) => (path.relative(input.cwd, root) === '' ? 'the current directory' : displayPath(root, input.cwd))),
    problems,
    globals: options.globals,
  };
}
