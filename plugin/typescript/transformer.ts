import type * as TS from 'typescript';
import type { Diagnostic } from '../core/diagnostic.js';
import { checkCallSites } from '../core/engine.js';
import { COMMONJS_GLOBALS, isCommonJs } from '../core/module-kind.js';
import { DEFAULT_RUNTIME, type ResolvedOptions } from '../core/options.js';
import { runtimeEntry } from '../core/runtime-entry.js';
import { allowOriginsCallee, runtimeImportBindings, runtimeInstalls, RUNTIME_EXPORTS, type RuntimeImport } from '../core/runtime-import.js';
import { RULE_IDS } from '../core/rules/index.js';
import { displayPath } from '../core/display-path.js';
import { reportDiagnostics } from '../core/report.js';
import { analyzeSourceFile, FrontEnd, type Analysis } from './analyze.js';
import { CheckerResolver, LexicalResolver, type Resolver } from './scope.js';
import { isReferenceIdentifier, mayReferenceRequest, skipParens, unwrap, type Ts } from './syntax.js';

/** Diagnostic codes of the transformer's `ts.Diagnostic`s: 99100 + the rule's index. */
export const DIAGNOSTIC_CODE_BASE = 99100;

/** Whether the import of the runtime must be a `require` in the module kind being emitted. */
export function emitsRequire(ts: Ts, sourceFile: TS.SourceFile, compilerOptions: TS.CompilerOptions, resolver: Resolver): boolean {
  const kind = compilerOptions.module;
  const { ModuleKind } = ts;
  if (kind === ModuleKind.CommonJS || kind === ModuleKind.AMD || kind === ModuleKind.UMD || kind === ModuleKind.System || kind === ModuleKind.None) return true;
  if (kind !== undefined && kind >= ModuleKind.Node16 && kind <= ModuleKind.NodeNext) {
    const format = sourceFile.impliedNodeFormat;
    if (format !== undefined) return format === ModuleKind.CommonJS;
    if (/\.c[jt]sx?$/.test(sourceFile.fileName)) return true;
    if (/\.m[jt]sx?$/.test(sourceFile.fileName)) return false;
  }
  // ES module kinds and `preserve`: the file keeps its own syntax, and the Babel plugin's rule
  // decides (plugin/core/module-kind.ts): a file with no import or export that uses
  // require/module/exports is CommonJS (mini-program code).
  return isCommonJs({ moduleSyntax: ts.isExternalModule(sourceFile), usesCommonJsGlobals: () => usesCommonJsGlobals(ts, sourceFile, resolver), parsedAsScript: false, callerSupportsEsm: false });
}

/** Whether the file reads `require`, `module` or `exports` where no binding of its own is meant. */
function usesCommonJsGlobals(ts: Ts, sourceFile: TS.SourceFile, resolver: Resolver): boolean {
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && COMMONJS_GLOBALS.includes(node.text) && isReferenceIdentifier(ts, node) && resolver.isGlobal(node)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** Names that clash with no identifier of the file, as Babel's uids do: `_wx`, `_wx2`… */
function uniqueNames(ts: Ts, sourceFile: TS.SourceFile): (base: string) => string {
  const used = new Set<string>();
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return (base) => {
    let name = `_${base}`;
    for (let index = 2; used.has(name); index += 1) name = `_${base}${index}`;
    used.add(name);
    return name;
  };
}

/** A rule engine diagnostic as a TypeScript one, for `emitResult.diagnostics` and editors. */
export function toTsDiagnostic(ts: Ts, diagnostic: Diagnostic, sourceFile: TS.SourceFile): TS.Diagnostic {
  const position = (line: number, column: number) => {
    try {
      return sourceFile.getPositionOfLineAndCharacter(line - 1, column - 1);
    } catch {
      return 0;
    }
  };
  const start = position(diagnostic.line, diagnostic.column);
  const end = position(diagnostic.endLine, diagnostic.endColumn);
  return {
    file: sourceFile,
    start,
    length: Math.max(0, end - start),
    messageText: `${diagnostic.message} (${diagnostic.ruleId})`,
    category: diagnostic.severity === 'error' ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: DIAGNOSTIC_CODE_BASE + Math.max(0, RULE_IDS.indexOf(diagnostic.ruleId)),
    source: 'wx-request',
  };
}

export interface TransformSettings {
  ts: Ts;
  options: ResolvedOptions;
  program: TS.Program | undefined;
}

/** The resolver a file gets: the type checker when the file belongs to the program, else its own scopes. */
export function resolverFor(ts: Ts, sourceFile: TS.SourceFile, program: TS.Program | undefined): Resolver {
  if (program && program.getSourceFile(sourceFile.fileName) === sourceFile) return new CheckerResolver(ts, program.getTypeChecker(), sourceFile, false);
  return new LexicalResolver(ts, sourceFile);
}

/** Like the Babel plugin: `onDiagnostic` gets every diagnostic, else warnings go to stderr and errors are thrown. */
function report(diagnostics: Diagnostic[], sourceFile: TS.SourceFile, file: string, options: ResolvedOptions): void {
  if (diagnostics.length > 0) reportDiagnostics(diagnostics, sourceFile.text, options);
}

/** The diagnostics of one file, as the transformer would report them. */
export function diagnoseSourceFile(ts: Ts, sourceFile: TS.SourceFile, options: ResolvedOptions, program: TS.Program | undefined): Diagnostic[] {
  if (!mayReferenceRequest(sourceFile.text, options.globals)) return [];
  const file = displayPath(sourceFile.fileName, program?.getCurrentDirectory() ?? process.cwd());
  const analysis = analyzeSourceFile({ ts, sourceFile, file, globals: options.globals, resolver: resolverFor(ts, sourceFile, program) });
  return checkCallSites(analysis.sites, options, analysis.globalUses);
}

/** The runtime's import (plugin/core/runtime-import.ts) as TypeScript's nodes: the same statements as the Babel plugin's. */
function runtimeStatements(factory: TS.NodeFactory, runtime: RuntimeImport): TS.Statement[] {
  const names = runtimeImportBindings(runtime);
  const source = () => factory.createStringLiteral(runtime.source);
  const imports: TS.Statement[] = runtime.commonJs
    ? names.map(([name, local]) =>
        factory.createVariableStatement(
          undefined,
          factory.createVariableDeclarationList([factory.createVariableDeclaration(local, undefined, undefined, factory.createPropertyAccessExpression(factory.createCallExpression(factory.createIdentifier('require'), undefined, [source()]), name))]),
        ),
      )
    : [
        factory.createImportDeclaration(
          undefined,
          factory.createImportClause(undefined, undefined, factory.createNamedImports(names.map(([name, local]) => factory.createImportSpecifier(false, factory.createIdentifier(name), factory.createIdentifier(local))))),
          source(),
        ),
      ];
  // `useUploadFile()`: an API's runtime entry, imported and installed on the runtime's `wx`.
  const installs = runtime.installs.flatMap(({ source: from, name, local }): TS.Statement[] => [
    runtime.commonJs
      ? factory.createVariableStatement(undefined, factory.createVariableDeclarationList([factory.createVariableDeclaration(local, undefined, undefined, factory.createPropertyAccessExpression(factory.createCallExpression(factory.createIdentifier('require'), undefined, [factory.createStringLiteral(from)]), name))]))
      : factory.createImportDeclaration(undefined, factory.createImportClause(undefined, undefined, factory.createNamedImports([factory.createImportSpecifier(false, factory.createIdentifier(name), factory.createIdentifier(local))])), factory.createStringLiteral(from)),
    factory.createExpressionStatement(factory.createCallExpression(factory.createIdentifier(local), undefined, [])),
  ]);
  const allow = allowOriginsCallee(runtime);
  if (allow === undefined) return [...imports, ...installs];
  const list = factory.createArrayLiteralExpression(runtime.origins.map((origin) => factory.createStringLiteral(origin)));
  return [...imports, ...installs, factory.createExpressionStatement(factory.createCallExpression(factory.createIdentifier(allow), undefined, [list]))];
}

/**
 * Puts the runtime's shared `wx` where the global object owns `request` (every `wx.request` read
 * or write, `.call(wx, o)`, `Object.defineProperty(wx, 'request', …)`), splits the destructurings
 * and adds the runtime's import, as the Babel plugin does.
 */
function rewrite(ts: Ts, context: TS.TransformationContext, sourceFile: TS.SourceFile, analysis: Analysis, frontEnd: FrontEnd, settings: TransformSettings, resolver: Resolver): TS.SourceFile {
  const factory = context.factory;
  const names = uniqueNames(ts, sourceFile);
  const holder = names(RUNTIME_EXPORTS.holder);
  const origins = [...settings.options.allowedOrigins];
  const allow = origins.length > 0 ? names(RUNTIME_EXPORTS.allowOrigins) : undefined;
  const references = new Set<TS.Node>(analysis.references);
  const destructurings = new Set<TS.Node>(analysis.destructurings);
  // Identifiers of the global to replace by the runtime's `wx`.
  const owners = new Set<TS.Node>([...analysis.owners, ...analysis.thisArguments]);
  for (const reference of analysis.references) owners.add(unwrap(ts, reference.expression));
  for (const declaration of analysis.destructurings) {
    const pattern = declaration.name as TS.ObjectBindingPattern;
    if (pattern.elements.every((element) => frontEnd.isRequestPatternElement(element)) && declaration.initializer) owners.add(unwrap(ts, declaration.initializer));
  }
  // Links of an optional chain that start at the runtime's `wx`, never nullish: `wx?.request(o)` becomes `_wx.request(o)`.
  const plain = new Set<TS.Node>();
  const holderName = () => factory.createIdentifier(holder);

  const visitor = (node: TS.Node): TS.VisitResult<TS.Node> => {
    if (owners.has(node)) return ts.setOriginalNode(ts.setTextRange(holderName(), node), node);
    if (ts.isVariableDeclarationList(node) && node.declarations.some((declaration) => destructurings.has(declaration))) {
      const declarations: TS.VariableDeclaration[] = [];
      for (const declaration of node.declarations) {
        const pattern = declaration.name as TS.ObjectBindingPattern;
        const taken = destructurings.has(declaration) ? pattern.elements.filter((element) => frontEnd.isRequestPatternElement(element)) : [];
        if (taken.length === 0 || taken.length === pattern.elements.length) {
          declarations.push(ts.visitNode(declaration, visitor, ts.isVariableDeclaration) as TS.VariableDeclaration);
          continue;
        }
        // `{ request: r = f, showToast } = wx` gives `{ request: r = f } = _wx, { showToast } = wx`.
        const visitElement = (element: TS.BindingElement) => ts.visitNode(element, visitor, ts.isBindingElement) as TS.BindingElement;
        declarations.push(ts.setTextRange(factory.createVariableDeclaration(factory.createObjectBindingPattern(taken.map(visitElement)), undefined, undefined, holderName()), declaration));
        const others = pattern.elements.filter((element) => !taken.includes(element));
        declarations.push(
          factory.updateVariableDeclaration(
            declaration,
            factory.updateObjectBindingPattern(pattern, others.map(visitElement)),
            declaration.exclamationToken,
            declaration.type,
            ts.visitNode(declaration.initializer, visitor, ts.isExpression) as TS.Expression,
          ),
        );
      }
      return factory.updateVariableDeclarationList(node, declarations);
    }
    const visited = ts.visitEachChild(node, visitor, context);
    const chain = ts.isOptionalChain(node) ? node : undefined;
    const optional = chain !== undefined && 'questionDotToken' in chain && chain.questionDotToken !== undefined;
    // The `?.` right after the runtime's `wx` goes, and so do the links after it up to a `?.` that
    // guards something else (`wx.request?.(o)` keeps its own: the app may delete wx.request).
    const drops = chain !== undefined && (references.has(node) ? optional : !optional && plain.has(skipParens(ts, chain.expression)));
    if (drops) {
      plain.add(node);
      if (ts.isPropertyAccessExpression(visited)) return ts.setOriginalNode(ts.setTextRange(factory.createPropertyAccessExpression(visited.expression, visited.name), node), node);
      if (ts.isElementAccessExpression(visited)) return ts.setOriginalNode(ts.setTextRange(factory.createElementAccessExpression(visited.expression, visited.argumentExpression), node), node);
      if (ts.isCallExpression(visited)) return ts.setOriginalNode(ts.setTextRange(factory.createCallExpression(visited.expression, visited.typeArguments, visited.arguments), node), node);
    }
    return visited;
  };

  const transformed = ts.visitEachChild(sourceFile, visitor, context);
  // As in the Babel plugin: a file whose calls are all plain reads gets the lean runtime.
  const source = runtimeEntry(settings.options.runtime, DEFAULT_RUNTIME, analysis.sites, analysis.everyReferenceIsACall);
  const installs = runtimeInstalls(analysis.apis, settings.options.runtime, DEFAULT_RUNTIME).map((install) => ({ ...install, local: names(install.name) }));
  const added = runtimeStatements(factory, { commonJs: emitsRequire(ts, sourceFile, context.getCompilerOptions(), resolver), source, holder, allow, origins, installs });
  const statements = [...transformed.statements];
  let at = 0;
  for (let statement = statements[at]; statement && ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression); statement = statements[at]) at += 1;
  statements.splice(at, 0, ...added);
  return factory.updateSourceFile(transformed, statements);
}

/** One file through the front end, the rule engine, the reporting and the rewrite. */
export function transformSourceFile(settings: TransformSettings, context: TS.TransformationContext, sourceFile: TS.SourceFile): TS.SourceFile {
  const { ts, options, program } = settings;
  // A file whose globals are only read as `wx.<other API>` cannot reach wx.request.
  if (!mayReferenceRequest(sourceFile.text, options.globals)) return sourceFile;
  const file = displayPath(sourceFile.fileName, program?.getCurrentDirectory() ?? process.cwd());
  const resolver = resolverFor(ts, sourceFile, program);
  const frontEnd = new FrontEnd({ ts, sourceFile, file, globals: options.globals, resolver });
  const analysis = frontEnd.analyze();
  report(checkCallSites(analysis.sites, options, analysis.globalUses), sourceFile, file, options);
  if (analysis.references.length === 0 && analysis.destructurings.length === 0 && analysis.owners.length === 0) return sourceFile;
  return rewrite(ts, context, sourceFile, analysis, frontEnd, settings, resolver);
}

