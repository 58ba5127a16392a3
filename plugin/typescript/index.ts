import type * as ts from 'typescript';
import path from 'node:path';
import type { ResolvedOptions, WxRequestOptions } from '../core/options.js';
import { createOptionsResolver } from '../config/project-config.js';
import { loadTypeScript } from './load-typescript.js';
import { diagnoseSourceFile, toTsDiagnostic, transformSourceFile } from './transformer.js';

/**
 * babel-plugin-wx-request/typescript: the same rewrite and the same build-time rules as the Babel
 * plugin, as a TypeScript transformer for pipelines that compile with TypeScript itself:
 *
 *     program.emit(undefined, undefined, undefined, false, { before: [createTransformer(program)] });
 *
 * With a program, identifiers are resolved through its type checker, so a method or base URL
 * imported from another file is known too. As in the Babel plugin, every diagnostic goes to
 * `onDiagnostic` when given; otherwise warnings are printed to stderr and a file with errors
 * throws one WxRequestRuleError listing them all. `getDiagnostics(program)` returns the same
 * diagnostics as `ts.Diagnostic`s, to print beside `ts.getPreEmitDiagnostics(program)`.
 */
export function createTransformer(program?: ts.Program, options?: WxRequestOptions): ts.TransformerFactory<ts.SourceFile> {
  // TypeScript is the user's: loaded on first use, a missing or API-less one is a one-line error.
  const api = loadTypeScript();
  const optionsFor = resolverFor(program, options);
  return (context) => (sourceFile) => transformSourceFile({ ts: api, options: optionsFor(sourceFile), program }, context, sourceFile);
}

/**
 * Each file's options: its project configuration (wx-request.config.*, found from the file up)
 * under the options given here, which win. A relative `configFile` and a relative file name
 * (`ts.transpileModule`) start from the program's directory, else the working directory.
 */
function resolverFor(program: ts.Program | undefined, options: WxRequestOptions | undefined): (sourceFile: ts.SourceFile) => ResolvedOptions {
  const cwd = program?.getCurrentDirectory() ?? process.cwd();
  const optionsFor = createOptionsResolver(options, { cwd });
  return (sourceFile) => optionsFor(path.resolve(cwd, sourceFile.fileName));
}

/**
 * The diagnostics of every source file of a program as `ts.Diagnostic`s (category Error or
 * Warning, code 99100 + rule index, `source: 'wx-request'`); rules set to 'off' give none.
 */
export function getDiagnostics(program: ts.Program, options?: Omit<WxRequestOptions, 'onDiagnostic'>): ts.Diagnostic[] {
  const api = loadTypeScript();
  const optionsFor = resolverFor(program, options);
  return program
    .getSourceFiles()
    .filter((sourceFile) => !sourceFile.isDeclarationFile && !program.isSourceFileFromExternalLibrary(sourceFile))
    .flatMap((sourceFile) => diagnoseSourceFile(api, sourceFile, optionsFor(sourceFile), program).map((diagnostic) => toTsDiagnostic(api, diagnostic, sourceFile) as ts.Diagnostic));
}

export default createTransformer;
export type { WxRequestOptions };
export type { Diagnostic, Severity, SeveritySetting } from '../core/diagnostic.js';
export { DIAGNOSTIC_CODE_BASE } from './transformer.js';
export { WxRequestRuleError } from '../core/rule-error.js';
export { MissingPeerError, TYPESCRIPT_API_RANGE } from './load-typescript.js';
export { tsPatch } from './ts-patch.js';
