import { existsSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import tsMorph from 'ts-morph';
import type * as TS from 'typescript';
import type { CallSite } from '../plugin/core/call-site.js';
import { compareDiagnostics, type Diagnostic } from '../plugin/core/diagnostic.js';
import { checkCallSites } from '../plugin/core/engine.js';
import type { ResolvedOptions, WxRequestOptions } from '../plugin/core/options.js';
import { createOptionsResolver } from '../plugin/config/project-config.js';
import { displayPath } from '../plugin/core/display-path.js';
import { FrontEnd } from '../plugin/typescript/analyze.js';
import { CheckerResolver } from '../plugin/typescript/scope.js';
import { mayReferenceRequest, type Ts } from '../plugin/typescript/syntax.js';
import { isInside } from '../cli/paths.js';
import { applyFixes, fixesFor, type Edit } from './fix.js';
import { miniProgramResolutionHost } from './miniprogram-resolution.js';
import { parseErrorOf } from './parse-error.js';
import { uncheckedSites, type UncheckedSite } from './unchecked.js';

const { Project, ts: morphTs } = tsMorph;
/** ts-morph ships its own TypeScript; the front end takes whichever `ts` it is handed. */
const ts = morphTs as unknown as Ts;

type MorphProject = InstanceType<typeof Project>;
type MorphSourceFile = ReturnType<MorphProject['getSourceFiles']>[number];

/** A file or project that could not be read: unreadable, matched by nothing, a bad tsconfig. Exit code 2. */
export interface FileProblem {
  kind: 'unreadable' | 'no-match' | 'project';
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckInput {
  paths: readonly string[];
  project?: string | undefined;
  cwd: string;
  rules?: Record<string, string>;
  /** Added to the allowed origins of each file's configuration (wx-request.config.*). */
  allowedOrigins?: readonly string[];
  fix?: boolean;
  /** The project configuration: `false` reads none, a path (from `cwd`) that one; default: each file's nearest. */
  configFile?: false | string;
}

export interface FileReport {
  file: string;
  /** Absolute path, for reading the source again (code frames). */
  path: string;
  source: string;
  diagnostics: Diagnostic[];
  unchecked: UncheckedSite[];
  sites: CallSite[];
  /** The diagnostics `--fix` can fix, with their edits. */
  fixes: Map<Diagnostic, Edit>;
}

export interface CheckResult {
  files: FileReport[];
  problems: FileProblem[];
  /** Diagnostics fixed by `--fix` (already applied to the files on disk). */
  fixed: number;
  checkedFiles: number;
}

const SOURCE_EXTENSIONS = ['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'mts', 'cts'];
const GLOB_CHARACTERS = /[*?[\]{}!]/;

/** Options for a plain set of files: CommonJS mini-program JavaScript works with no configuration. */
function defaultCompilerOptions(): TS.CompilerOptions {
  return {
    allowJs: true,
    checkJs: false,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // Every file is its own module: two pages' top-level `const BASE` must not merge.
    moduleDetection: ts.ModuleDetectionKind.Force,
    jsx: ts.JsxEmit.Preserve,
    resolveJsonModule: true,
    noLib: true,
    types: [],
    skipLibCheck: true,
  };
}

/** Source files of the user's own: no declarations, nothing installed (npm or WeChat's miniprogram_npm). */
function isCheckable(filePath: string): boolean {
  if (/\.d\.[cm]?ts$/.test(filePath)) return false;
  const segments = filePath.split(/[\\/]/);
  return !segments.includes('node_modules') && !segments.includes('miniprogram_npm');
}

function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file or directory';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'ENOTFILE') return 'not a regular file';
    return error.message.split('\n')[0] ?? error.message;
  }
  return String(error);
}

/** Adds the files named on the command line; returns the absolute paths to check. */
function addPaths(project: MorphProject, paths: readonly string[], cwd: string, problems: FileProblem[]): Set<string> {
  const selected = new Set<string>();
  for (const given of paths) {
    const shown = displayPath(path.resolve(cwd, given), cwd);
    if (GLOB_CHARACTERS.test(given) && !existsSync(path.resolve(cwd, given))) {
      const pattern = path.isAbsolute(given) ? given : path.join(cwd, given).split(path.sep).join('/');
      const added = project.addSourceFilesAtPaths([pattern, '!**/node_modules/**', '!**/miniprogram_npm/**']).filter((file) => isCheckable(file.getFilePath()));
      if (added.length === 0) problems.push({ kind: 'no-match', file: given, line: 0, column: 0, message: `no file matches "${given}"` });
      for (const file of added) selected.add(path.normalize(file.getFilePath()));
      continue;
    }
    const absolute = path.resolve(cwd, given);
    try {
      const stats = statSync(absolute);
      if (stats.isDirectory()) {
        const pattern = `${absolute.split(path.sep).join('/')}/**/*.{${SOURCE_EXTENSIONS.join(',')}}`;
        const found = project.addSourceFilesAtPaths([pattern, '!**/node_modules/**', '!**/miniprogram_npm/**']);
        // A symbolic link out of the directory is never followed: neither read nor fixed.
        const root = realpathSync(absolute);
        const added = found.filter((file) => isCheckable(file.getFilePath()) && isInside(realpathSync(file.getFilePath()), root));
        for (const file of found) if (!added.includes(file)) project.removeSourceFile(file);
        if (added.length === 0) problems.push({ kind: 'no-match', file: shown, line: 0, column: 0, message: `no JavaScript or TypeScript sources in ${shown}` });
        for (const file of added) selected.add(path.normalize(file.getFilePath()));
        continue;
      }
      // A FIFO or a device would block or never end: only regular files are read.
      if (!stats.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
      // Read it ourselves first: an unreadable file is reported, not thrown.
      readFileSync(absolute, 'utf8');
      const existing = project.getSourceFile(absolute) ?? project.addSourceFileAtPath(absolute);
      selected.add(path.normalize(existing.getFilePath()));
    } catch (error) {
      problems.push({ kind: 'unreadable', file: shown, line: 0, column: 0, message: `cannot read ${shown}: ${errorMessage(error)}` });
    }
  }
  return selected;
}

function loadProject(input: CheckInput, problems: FileProblem[]): { project: MorphProject; files: MorphSourceFile[] } | undefined {
  const { cwd } = input;
  let tsconfig = input.project === undefined ? undefined : path.resolve(cwd, input.project);
  if (tsconfig === undefined && input.paths.length === 0 && existsSync(path.join(cwd, 'tsconfig.json'))) tsconfig = path.join(cwd, 'tsconfig.json');
  let project: MorphProject;
  // require('utils/x.js'), require('/x'), miniprogram_npm: resolved as WeChat does.
  const resolutionHost = miniProgramResolutionHost(ts) as never;
  if (tsconfig !== undefined) {
    const shown = displayPath(tsconfig, cwd);
    try {
      readFileSync(tsconfig, 'utf8');
    } catch (error) {
      problems.push({ kind: 'unreadable', file: shown, line: 0, column: 0, message: `cannot read ${shown}: ${errorMessage(error)}` });
      return undefined;
    }
    try {
      // The rules need symbols, not types: skipping the default library and @types keeps a run fast.
      // Every file is a module, as WeChat wraps each page's script: top-level names never merge.
      project = new Project({ tsConfigFilePath: tsconfig, resolutionHost, compilerOptions: { noEmit: true, noLib: true, types: [], moduleDetection: ts.ModuleDetectionKind.Force as never } });
    } catch (error) {
      problems.push({ kind: 'project', file: shown, line: 0, column: 0, message: `cannot load ${shown}: ${errorMessage(error)}` });
      return undefined;
    }
    const configErrors = project.getConfigFileParsingDiagnostics?.() ?? [];
    for (const diagnostic of configErrors) {
      if (diagnostic.getCategory() !== morphTs.DiagnosticCategory.Error) continue;
      problems.push({ kind: 'project', file: shown, line: diagnostic.getLineNumber() ?? 0, column: 0, message: `${shown}: ${ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText as string | TS.DiagnosticMessageChain, ' ')}` });
    }
  } else {
    project = new Project({ compilerOptions: defaultCompilerOptions() as never, skipAddingFilesFromTsConfig: true, resolutionHost });
  }
  let files: MorphSourceFile[];
  if (input.paths.length > 0) {
    const selected = addPaths(project, input.paths, cwd, problems);
    files = project.getSourceFiles().filter((file) => selected.has(path.normalize(file.getFilePath())));
  } else if (tsconfig !== undefined) {
    files = project.getSourceFiles().filter((file) => isCheckable(file.getFilePath()));
  } else {
    const selected = addPaths(project, ['.'], cwd, problems);
    files = project.getSourceFiles().filter((file) => selected.has(path.normalize(file.getFilePath())));
  }
  return { project, files };
}

/**
 * Every file is a module, as WeChat wraps each page's script: two pages' top-level `const BASE`
 * must not merge into one global, nor a file's `const wx` hide the global `wx` of the others.
 * ts-morph parses files without the program's module detection, so `moduleDetection: force` has
 * no effect there; the files are marked here, before the program (and its binder) exists.
 */
function forceModules(project: MorphProject): void {
  project.resolveSourceFileDependencies();
  for (const file of project.getSourceFiles()) {
    const node = file.compilerNode as unknown as { isDeclarationFile: boolean; externalModuleIndicator?: unknown };
    if (!node.isDeclarationFile && node.externalModuleIndicator === undefined) node.externalModuleIndicator = true;
  }
}

/** Runs the rules over every selected file, following values across files through the type checker. */
export function check(input: CheckInput): CheckResult {
  // Each file's configuration, under --rule (rule by rule), plus --allowed-origin.
  const explicit: WxRequestOptions = { rules: input.rules as WxRequestOptions['rules'], configFile: input.configFile };
  const options = createOptionsResolver(explicit, { cwd: input.cwd, addAllowedOrigins: input.allowedOrigins });
  const result = run(input, options);
  if (!input.fix) return result;
  // Apply the fixes, then check again: what is reported is what is left.
  let fixed = 0;
  for (const report of result.files) {
    if (report.fixes.size === 0) continue;
    const { text, applied } = applyFixes(report.source, [...report.fixes.values()]);
    if (applied === 0) continue;
    writeFileSync(report.path, text);
    fixed += report.fixes.size;
  }
  if (fixed === 0) return result;
  return { ...run(input, options), fixed };
}

function run(input: CheckInput, optionsFor: (file: string) => ResolvedOptions): CheckResult {
  const problems: FileProblem[] = [];
  const loaded = loadProject(input, problems);
  if (!loaded) return { files: [], problems, fixed: 0, checkedFiles: 0 };
  const { project, files } = loaded;
  forceModules(project);
  const program = project.getProgram().compilerObject as unknown as TS.Program;
  const checker = program.getTypeChecker();
  const reports: FileReport[] = [];
  for (const morphFile of files) {
    const sourceFile = program.getSourceFile(morphFile.getFilePath()) ?? (morphFile.compilerNode as unknown as TS.SourceFile);
    const file = displayPath(sourceFile.fileName, input.cwd);
    const source = sourceFile.text;
    const options = optionsFor(sourceFile.fileName);
    const empty: FileReport = { file, path: sourceFile.fileName, source, diagnostics: [], unchecked: [], sites: [], fixes: new Map() };
    // A file that does not parse is one diagnostic; the others are still checked.
    const parseError = parseErrorOf(ts, program, sourceFile, file);
    if (parseError) {
      reports.push({ ...empty, diagnostics: [parseError] });
      continue;
    }
    if (!mayReferenceRequest(source, options.globals)) {
      reports.push(empty);
      continue;
    }
    const resolver = new CheckerResolver(ts, checker, sourceFile, true);
    const analysis = new FrontEnd({ ts, sourceFile, file, globals: options.globals, resolver }).analyze();
    const diagnostics = checkCallSites(analysis.sites, options, analysis.globalUses);
    reports.push({ ...empty, diagnostics, sites: analysis.sites, unchecked: uncheckedSites(analysis.sites), fixes: fixesFor(ts, sourceFile, diagnostics, analysis.nodes) });
  }
  reports.sort((a, b) => a.file.localeCompare(b.file));
  return { files: reports, problems, fixed: 0, checkedFiles: files.length };
}

export function allDiagnostics(result: CheckResult): Diagnostic[] {
  return result.files.flatMap((report) => report.diagnostics).sort(compareDiagnostics);
}
