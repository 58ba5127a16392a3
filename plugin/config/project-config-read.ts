import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import JSON5 from 'json5';
import { displayPath } from '../core/display-path.js';
import { FILE_OPTION_NAMES, OptionsError, resolveOptions, type FileOptions } from '../core/options.js';

/** The key of package.json that holds the configuration. */
export const PACKAGE_KEY = 'wxRequest';

/** A configuration as read from disk: the options it gives and where they come from. */
export interface ProjectOptions {
  /** The options the configuration gives, already validated; empty when there is none. */
  readonly options: Readonly<FileOptions>;
  /** The absolute path of the file they come from (a package.json for its "wxRequest" key). */
  readonly source?: string;
}

/** What a stat says about a file's version: a write changes the time or the size. */
export function versionOf(file: string): string | undefined {
  const stats = statSync(file, { throwIfNoEntry: false });
  return stats ? `${stats.mtimeMs}:${stats.size}:${stats.ino}` : undefined;
}

/** How a lookup learns a file's (or a folder's) version. */
export type VersionOf = (file: string) => string | undefined;

let settled: Map<string, string | undefined> | undefined;

/**
 * `versionOf`, asked once per path until the event loop next turns: the answers are dropped by a
 * `setImmediate`. A batch of transforms that does not wait for I/O in between (babel-jest,
 * @babel/register, a build loop of transformSync, awaited or not) then stats each folder above its
 * files once, not once per file, while the next batch (a rebuild after an edit, a transform after
 * the bundler read a file) sees the disk as it is. What it cannot see is a configuration written
 * synchronously by the same code between two transforms of one batch.
 */
export function versionOfThisRun(file: string): string | undefined {
  if (!settled) {
    settled = new Map();
    setImmediate(() => {
      settled = undefined;
    }).unref();
  }
  if (settled.has(file)) return settled.get(file);
  const version = versionOf(file);
  settled.set(file, version);
  return version;
}

/** The file as the user sees it in a message; a package.json's key is named too. */
export function labelOf(file: string): string {
  const shown = displayPath(file, process.cwd());
  return path.basename(file) === 'package.json' ? `${shown} "${PACKAGE_KEY}"` : shown;
}

function failIn(file: string, reason: string): never {
  throw new OptionsError(reason, labelOf(file));
}

/** JSON5, as Babel reads babel.config.json: comments and trailing commas are fine; a mistake has a position. */
export function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON5.parse(text);
  } catch (error) {
    const { lineNumber, columnNumber, message } = error as SyntaxError & { lineNumber?: number; columnNumber?: number };
    // "JSON5: invalid character '\"' at 3:3": the position goes with the file name, the quote unescaped.
    const reason = message.replace(/^JSON5: /, '').replace(/ at \d+:\d+$/, '').replace(/\\(["'])/g, '$1');
    throw new OptionsError(`${reason}: the file is not valid JSON. Fix the syntax there (comments and trailing commas are allowed).`, `${displayPath(file, process.cwd())}:${lineNumber ?? 1}:${columnNumber ?? 1}`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    failIn(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
}

/** A module's options object: an ES module's default export, or what a CommonJS file assigns to module.exports. */
function exportedOptions(file: string, exported: unknown): unknown {
  const options = unwrapDefault(file, exported);
  // Babel's config files may be functions of its API; ours is plain data.
  if (typeof options === 'function') failIn(file, 'exports a function: export the options object itself, such as `export default { allowedOrigins: [...] }`.');
  return options;
}

function unwrapDefault(file: string, exported: unknown): unknown {
  const namespace = exported as { default?: unknown; __esModule?: unknown; [Symbol.toStringTag]?: unknown } | null;
  if (namespace && typeof namespace === 'object' && (namespace[Symbol.toStringTag] === 'Module' || namespace.__esModule)) {
    if (!('default' in namespace)) failIn(file, 'has no default export: write `export default { … }` (or `module.exports = { … }` in CommonJS).');
    return namespace.default;
  }
  return exported;
}

/**
 * Loads a JavaScript configuration synchronously, as Babel plugins and ESLint rules must run:
 * `require` reads CommonJS and, from Node 20.19 on, ES modules without top-level await; a `.js`
 * file is whichever its nearest package.json "type" says. A changed CommonJS file is read again;
 * Node keeps an ES module for the life of the process.
 */
function requireConfig(file: string): unknown {
  const requireHere = createRequire(file);
  delete requireHere.cache[file];
  let exported: unknown;
  try {
    exported = requireHere(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_REQUIRE_ASYNC_MODULE') failIn(file, 'uses top-level await: a configuration is read synchronously (Babel plugins are), so it cannot wait. Compute the values without await.');
    if (code === 'ERR_REQUIRE_ESM') failIn(file, 'is an ES module, which this Node.js cannot load synchronously: use Node.js 20.19 or later, or write wx-request.config.cjs or .json.');
    const stack = (error as Error).stack ?? '';
    // Node starts a CommonJS syntax error's stack with "<file>:<line>"; keep that position.
    const line = stack.startsWith(`${file}:`) ? /^[^\n]*:(\d+)\n/.exec(stack)?.[1] : undefined;
    const first = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0];
    throw new OptionsError(`could not be loaded: ${first}`, line === undefined ? labelOf(file) : `${labelOf(file)}:${line}`);
  }
  return exportedOptions(file, exported);
}

/** The package.json object, or undefined when it is not an object. */
export function readPackageJson(file: string): Record<string, unknown> | undefined {
  const value = parseJsonFile(file, readText(file));
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The raw options of one configuration file, by its kind. */
function readRaw(file: string): unknown {
  const base = path.basename(file);
  if (base === 'package.json') {
    const manifest = readPackageJson(file);
    if (!manifest || !(PACKAGE_KEY in manifest)) failIn(file, `has no "${PACKAGE_KEY}" key to read the options from.`);
    return manifest[PACKAGE_KEY];
  }
  const extension = path.extname(file);
  if (extension === '.json') return parseJsonFile(file, readText(file));
  if (extension === '.js' || extension === '.mjs' || extension === '.cjs') return requireConfig(file);
  failIn(file, 'is not a configuration file: use a .js, .mjs, .cjs or .json file, or a package.json with a "wxRequest" key.');
}

const cache = new Map<string, { version: string; options: ProjectOptions }>();

/**
 * Reads and validates one configuration file, once per version of it: a build of 2,000 files
 * stats it 2,000 times and reads it once. The same object comes back while the file is unchanged,
 * so callers can key their own work on it.
 */
export function readProjectConfig(file: string, versionOfPath: VersionOf = versionOf): ProjectOptions {
  const current = versionOfPath(file);
  if (current === undefined) failIn(file, 'does not exist.');
  const cached = cache.get(file);
  if (cached?.version === current) return cached.options;
  const raw = readRaw(file);
  // The plugin's own validation and messages, restricted to what a file may give.
  resolveOptions(raw, { source: labelOf(file), accepted: FILE_OPTION_NAMES });
  const options: ProjectOptions = Object.freeze({ options: Object.freeze({ ...(raw as FileOptions) }), source: file });
  cache.set(file, { version: current, options });
  return options;
}
