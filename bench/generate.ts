// Seeded generator of the benchmark code base, in two shapes (bench/README.md describes both):
//   realistic (the default): what public WeChat mini-programs look like: most files call wx.* APIs
//     other than wx.request, about a tenth call wx.request, realistic file sizes;
//   uniform: the old shape, ~100-line files of which a tenth call wx.request and the rest never
//     mention wx.
// The same random choices give a JavaScript tree (CommonJS mostly, as mini-programs are written)
// and a TypeScript tree (ES modules, strict, type-checks) of every file, so every benchmark
// measures the same work in every run. Other benchmarks call writeCodeBase().
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FixedFile, Shape } from './pick.js';
import { realisticShape } from './shape-realistic.js';
import { uniformShape } from './shape-uniform.js';

export type ShapeName = 'realistic' | 'uniform';
export const SHAPES: readonly ShapeName[] = ['realistic', 'uniform'];
export const DEFAULT_SEED = 20260101;

export interface CodeBaseOptions {
  /** Generated source files (default 2,000). */
  files?: number;
  /** Default 'realistic'. */
  shape?: ShapeName;
  /** Default 20260101, the seed of the published figures. */
  seed?: number;
  /** Share of the files that call wx.request (default 0.1). */
  requestShare?: number;
}

export interface CodeBase {
  shape: ShapeName;
  /** One line for a report: what the code base looks like. */
  describe: string;
  root: string;
  /** The mini-program as written: JavaScript, mostly CommonJS, with a few `.ts` files (realistic shape). */
  jsRoot: string;
  /** The same program as a strict TypeScript project (ES modules, `tsconfig.json`, `globals.d.ts`). */
  tsRoot: string;
  /** Absolute paths of the source files, shared modules included. */
  jsFiles: string[];
  /** Absolute paths, declarations file included. */
  tsFiles: string[];
  /** Files and wx.request calls, for the report. */
  fileCount: number;
  lineCount: number;
  byteCount: number;
  requestFiles: number;
  requestCalls: number;
  /** Files of the JavaScript tree whose text mentions a wx.* member at all. */
  wxFiles: number;
  tsconfig: string;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['**/*.ts'],
};

function shapeOf(options: Required<CodeBaseOptions>): Shape {
  return options.shape === 'uniform'
    ? uniformShape(options.seed, options.files, 100, options.requestShare)
    : realisticShape(options.seed, options.files, options.requestShare);
}

function write(root: string, relative: string, text: string): string {
  const target = path.join(root, relative);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  return target;
}

/**
 * Writes the code base (a JavaScript tree `js/` and a TypeScript tree `ts/`) into `dir`, or, without
 * `dir`, into a folder of the OS temp directory kept per seed, shape and size (rewritten only when
 * the generator's output changed).
 *
 *   writeCodeBase('/tmp/app', { files: 2000, shape: 'realistic' })
 *   writeCodeBase({ files: 200, shape: 'uniform' })
 */
export function writeCodeBase(dir: string, options?: CodeBaseOptions): CodeBase;
export function writeCodeBase(options?: CodeBaseOptions): CodeBase;
export function writeCodeBase(dirOrOptions?: string | CodeBaseOptions, maybeOptions: CodeBaseOptions = {}): CodeBase {
  const given = typeof dirOrOptions === 'string' ? maybeOptions : (dirOrOptions ?? {});
  const options: Required<CodeBaseOptions> = { files: 2000, shape: 'realistic', seed: DEFAULT_SEED, requestShare: 0.1, ...given };
  const shape = shapeOf(options);
  const root = typeof dirOrOptions === 'string' ? path.resolve(dirOrOptions) : path.join(os.tmpdir(), `wx-request-bench-${options.shape}-${options.seed}-${options.files}`);
  const jsRoot = path.join(root, 'js');
  const tsRoot = path.join(root, 'ts');
  const stamp = path.join(root, 'stamp.json');
  const size = shape.files.reduce((n, f) => n + f.js.length + f.ts.length, 0);
  const digest = JSON.stringify({ v: 4, ...options, size });
  const fresh = !(existsSync(stamp) && readFileSync(stamp, 'utf8') === digest);
  if (fresh) {
    rmSync(jsRoot, { recursive: true, force: true });
    rmSync(tsRoot, { recursive: true, force: true });
    for (const file of shape.files) {
      write(jsRoot, file.jsPath, file.js);
      write(tsRoot, file.tsPath, file.ts);
    }
    for (const fixed of shape.jsFixed) write(jsRoot, fixed.path, fixed.text);
    for (const fixed of shape.tsFixed) write(tsRoot, fixed.path, fixed.text);
    write(tsRoot, 'tsconfig.json', JSON.stringify(TSCONFIG, null, 2));
    writeFileSync(stamp, digest);
  }
  const sources = (fixed: FixedFile[]) => fixed.filter((f) => f.source);
  const jsTexts = [...shape.files.map((f) => f.js), ...sources(shape.jsFixed).map((f) => f.text)];
  const fixedRequests = (fixed: FixedFile[]) => sources(fixed).filter((f) => f.text.includes('wx.request(')).length;
  return {
    shape: options.shape,
    describe: shape.describe,
    root,
    jsRoot,
    tsRoot,
    jsFiles: [...shape.files.map((f) => path.join(jsRoot, f.jsPath)), ...sources(shape.jsFixed).map((f) => path.join(jsRoot, f.path))],
    tsFiles: [...shape.files.map((f) => path.join(tsRoot, f.tsPath)), ...shape.tsFixed.map((f) => path.join(tsRoot, f.path))],
    fileCount: jsTexts.length,
    lineCount: jsTexts.reduce((n, text) => n + text.split('\n').length, 0),
    byteCount: jsTexts.reduce((n, text) => n + Buffer.byteLength(text), 0),
    requestFiles: shape.files.filter((f) => f.requests > 0).length + fixedRequests(shape.jsFixed),
    requestCalls: shape.files.reduce((n, f) => n + f.requests, 0) + fixedRequests(shape.jsFixed),
    wxFiles: jsTexts.filter((text) => /\bwx\.\w/.test(text)).length,
    tsconfig: path.join(tsRoot, 'tsconfig.json'),
  };
}
