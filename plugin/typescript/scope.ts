import type * as TS from 'typescript';
import { isAmbient, isReferenceIdentifier, type Ts } from './syntax.js';

/**
 * How the TypeScript front end learns what an identifier stands for. Without a program it reads
 * the scopes of one file, as Babel does; with a program (or in the checker) it asks the type
 * checker, which also follows imports, re-exports and `require` across files.
 */
export interface Resolver {
  /** True when the identifier names no binding of the file (or only an ambient `declare`). */
  isGlobal(id: TS.Identifier): boolean;
  /** The expression a `const` (or, with types, an imported or required constant) holds. */
  valueOf(id: TS.Identifier): TS.Expression | undefined;
  /** The `const` declaration an identifier refers to, when it declares a plain name. */
  constDeclaration(id: TS.Identifier): TS.VariableDeclaration | TS.BindingElement | undefined;
  /** The identifiers of the file that read the binding declared by `name`. */
  referencesOf(name: TS.Identifier): TS.Identifier[];
  /** Type-aware only: the value of `object.name` found through the checker's symbols (enum members, exports). */
  propertyValue?(access: TS.PropertyAccessExpression | TS.ElementAccessExpression): { expression: TS.Expression } | { constant: string | number } | undefined;
  /** Type-aware only: the object a helper function returns (`buildOptions(...)`). */
  helperResult?(call: TS.CallExpression): TS.Expression | undefined;
}

function isConstList(ts: Ts, list: TS.Node): boolean {
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 && (list.flags & ts.NodeFlags.Using) === 0;
}

/** The `VariableDeclarationList` a binding element belongs to, through nested patterns. */
function declarationListOf(ts: Ts, node: TS.Node): TS.Node | undefined {
  let current: TS.Node | undefined = node;
  while (current && (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current))) current = current.parent;
  if (current && ts.isVariableDeclaration(current)) return current.parent;
  return undefined;
}

/** Babel's rule for "known": a `const` binding with a plain name and an initializer. */
export function constInitializer(ts: Ts, declaration: TS.Node | undefined): TS.Expression | undefined {
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
  return isConstList(ts, declaration.parent) ? declaration.initializer : undefined;
}

function isConstBinding(ts: Ts, declaration: TS.Node | undefined): declaration is TS.VariableDeclaration | TS.BindingElement {
  if (!declaration || !(ts.isVariableDeclaration(declaration) || ts.isBindingElement(declaration)) || !ts.isIdentifier(declaration.name)) return false;
  const list = declarationListOf(ts, declaration);
  return list !== undefined && isConstList(ts, list);
}

/**
 * Scopes of one file, built in a single walk: for each scope node, the names it declares.
 * Mirrors Babel's scope rules closely enough for what the front end asks (is `wx` bound? which
 * `const` does a name refer to? who reads it?).
 */
export class LexicalResolver implements Resolver {
  private readonly scopes = new Map<TS.Node, Map<string, TS.Node>>();
  private readonly byName = new Map<string, TS.Identifier[]>();

  constructor(
    private readonly ts: Ts,
    private readonly sourceFile: TS.SourceFile,
  ) {
    this.collect(sourceFile);
  }

  private isFunctionScope(node: TS.Node): boolean {
    const ts = this.ts;
    return ts.isFunctionLike(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isClassStaticBlockDeclaration(node);
  }

  private isLexicalScope(node: TS.Node): boolean {
    return this.ts.isSourceFile(node) || this.ts.isBlock(node) || this.ts.isModuleBlock(node) || this.ts.isCaseBlock(node) || this.ts.isForStatement(node) || this.ts.isForInStatement(node) || this.ts.isForOfStatement(node);
  }

  private nearest(node: TS.Node, test: (node: TS.Node) => boolean): TS.Node {
    let current = node.parent;
    while (current && !test(current)) current = current.parent;
    return current ?? this.sourceFile;
  }

  private declare(scope: TS.Node, name: TS.Identifier, declaration: TS.Node): void {
    let names = this.scopes.get(scope);
    if (!names) this.scopes.set(scope, (names = new Map()));
    // The first declaration wins (a later `var` of the same name is the same binding).
    if (!names.has(name.text)) names.set(name.text, declaration);
  }

  private declarePattern(scope: TS.Node, name: TS.BindingName, declaration: TS.Node): void {
    const ts = this.ts;
    if (ts.isIdentifier(name)) {
      this.declare(scope, name, declaration);
      return;
    }
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) this.declarePattern(scope, element.name, ts.isIdentifier(element.name) ? element : declaration);
    }
  }

  private collect(node: TS.Node): void {
    const ts = this.ts;
    if (ts.isIdentifier(node)) {
      const list = this.byName.get(node.text);
      if (list) list.push(node);
      else this.byName.set(node.text, [node]);
    } else if (ts.isVariableDeclaration(node)) {
      if (ts.isCatchClause(node.parent)) {
        this.declarePattern(node.parent, node.name, node);
      } else {
        const list = node.parent;
        const blockScoped = (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const | ts.NodeFlags.Using)) !== 0;
        const scope = blockScoped ? this.nearest(list, (candidate) => this.isLexicalScope(candidate)) : this.nearest(list, (candidate) => this.isFunctionScope(candidate));
        this.declarePattern(scope, node.name, node);
      }
    } else if (ts.isParameter(node)) {
      this.declarePattern(node.parent, node.name, node);
    } else if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) {
      if (node.name) this.declare(this.nearest(node, (candidate) => this.isLexicalScope(candidate) || this.isFunctionScope(candidate)), node.name, node);
    } else if (ts.isModuleDeclaration(node) && ts.isIdentifier(node.name)) {
      this.declare(this.nearest(node, (candidate) => this.isLexicalScope(candidate)), node.name, node);
    } else if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) {
      this.declare(node, node.name, node);
    } else if (ts.isImportClause(node) && node.name && !node.isTypeOnly) {
      this.declare(this.sourceFile, node.name, node);
    } else if ((ts.isImportSpecifier(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node)) && ts.isIdentifier(node.name)) {
      this.declare(this.sourceFile, node.name, node);
    }
    ts.forEachChild(node, (child) => this.collect(child));
  }

  /** The declaration an identifier refers to, or undefined when it is a global. */
  declarationOf(id: TS.Identifier): TS.Node | undefined {
    for (let scope: TS.Node | undefined = id.parent; scope; scope = scope.parent) {
      const declaration = this.scopes.get(scope)?.get(id.text);
      if (declaration) return declaration;
    }
    return undefined;
  }

  isGlobal(id: TS.Identifier): boolean {
    const declaration = this.declarationOf(id);
    return declaration === undefined || isAmbient(this.ts, declaration);
  }

  valueOf(id: TS.Identifier): TS.Expression | undefined {
    return constInitializer(this.ts, this.declarationOf(id));
  }

  constDeclaration(id: TS.Identifier): TS.VariableDeclaration | TS.BindingElement | undefined {
    const declaration = this.declarationOf(id);
    return isConstBinding(this.ts, declaration) ? declaration : undefined;
  }

  referencesOf(name: TS.Identifier): TS.Identifier[] {
    const declaration = this.declarationOf(name);
    if (!declaration) return [];
    return (this.byName.get(name.text) ?? []).filter((id) => id !== name && isReferenceIdentifier(this.ts, id) && this.declarationOf(id) === declaration);
  }
}

/** Resolution through a program's type checker: symbols, aliases, other files. */
export class CheckerResolver implements Resolver {
  private readonly identifiers = new Map<string, TS.Identifier[]>();

  constructor(
    private readonly ts: Ts,
    private readonly checker: TS.TypeChecker,
    private readonly sourceFile: TS.SourceFile,
    private readonly followHelpers: boolean,
  ) {
    const visit = (node: TS.Node): void => {
      if (ts.isIdentifier(node)) {
        const list = this.identifiers.get(node.text);
        if (list) list.push(node);
        else this.identifiers.set(node.text, [node]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  private symbolOf(id: TS.Identifier): TS.Symbol | undefined {
    const parent = id.parent;
    if (parent && this.ts.isShorthandPropertyAssignment(parent) && parent.name === id) return this.checker.getShorthandAssignmentValueSymbol(parent);
    return this.checker.getSymbolAtLocation(id);
  }

  private resolved(symbol: TS.Symbol | undefined): TS.Symbol | undefined {
    if (!symbol) return undefined;
    if (symbol.flags & this.ts.SymbolFlags.Alias) {
      try {
        const target = this.checker.getAliasedSymbol(symbol);
        return target.flags & this.ts.SymbolFlags.Alias ? undefined : target;
      } catch {
        return undefined;
      }
    }
    return symbol;
  }

  private declarationOf(symbol: TS.Symbol | undefined): TS.Declaration | undefined {
    return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
  }

  isGlobal(id: TS.Identifier): boolean {
    const symbol = this.symbolOf(id);
    if (!symbol) return true;
    const ts = this.ts;
    // JavaScript's expando assignments (`wx.request = mock` in some file) declare nothing of their own.
    const declarations = (symbol.declarations ?? []).filter(
      (declaration) => !(ts.isIdentifier(declaration) || ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration) || ts.isBinaryExpression(declaration) || ts.isCallExpression(declaration)),
    );
    return declarations.every((declaration) => isAmbient(ts, declaration));
  }

  /** The value a declaration gives its name, for the kinds a constant can come from. */
  private valueOfDeclaration(declaration: TS.Node | undefined, viaAlias: boolean): TS.Expression | undefined {
    const ts = this.ts;
    if (!declaration) return undefined;
    if (ts.isVariableDeclaration(declaration)) return constInitializer(ts, declaration);
    if (!viaAlias) return undefined;
    if (ts.isPropertyAssignment(declaration)) return declaration.initializer;
    if (ts.isShorthandPropertyAssignment(declaration)) return declaration.name;
    if (ts.isExportAssignment(declaration)) return declaration.expression;
    if (ts.isBinaryExpression(declaration) && declaration.operatorToken.kind === ts.SyntaxKind.EqualsToken) return declaration.right;
    if ((ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration)) && declaration.parent && ts.isBinaryExpression(declaration.parent) && declaration.parent.left === declaration && declaration.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      return declaration.parent.right;
    }
    return undefined;
  }

  valueOf(id: TS.Identifier): TS.Expression | undefined {
    const symbol = this.symbolOf(id);
    if (!symbol) return undefined;
    const viaAlias = (symbol.flags & this.ts.SymbolFlags.Alias) !== 0;
    return this.valueOfDeclaration(this.declarationOf(this.resolved(symbol)), viaAlias);
  }

  constDeclaration(id: TS.Identifier): TS.VariableDeclaration | TS.BindingElement | undefined {
    const declaration = this.declarationOf(this.symbolOf(id));
    return isConstBinding(this.ts, declaration) && declaration.getSourceFile() === this.sourceFile ? declaration : undefined;
  }

  referencesOf(name: TS.Identifier): TS.Identifier[] {
    const symbol = this.checker.getSymbolAtLocation(name);
    if (!symbol) return [];
    return (this.identifiers.get(name.text) ?? []).filter((id) => id !== name && isReferenceIdentifier(this.ts, id) && this.symbolOf(id) === symbol);
  }

  propertyValue(access: TS.PropertyAccessExpression | TS.ElementAccessExpression): { expression: TS.Expression } | { constant: string | number } | undefined {
    const ts = this.ts;
    const constant = this.checker.getConstantValue(access);
    if (constant !== undefined) return { constant };
    const nameNode = ts.isPropertyAccessExpression(access) ? access.name : access.argumentExpression;
    const symbol = this.resolved(this.checker.getSymbolAtLocation(nameNode));
    const declaration = this.declarationOf(symbol);
    if (!declaration) return undefined;
    if (ts.isEnumMember(declaration)) return declaration.initializer ? { expression: declaration.initializer } : undefined;
    const expression = this.valueOfDeclaration(declaration, true);
    return expression ? { expression } : undefined;
  }

  helperResult(call: TS.CallExpression): TS.Expression | undefined {
    const ts = this.ts;
    if (!this.followHelpers) return undefined;
    const callee = call.expression;
    if (!ts.isIdentifier(callee)) return undefined;
    const declaration = this.declarationOf(this.resolved(this.symbolOf(callee)));
    let fn: TS.Node | undefined = declaration;
    if (fn && ts.isVariableDeclaration(fn)) fn = constInitializer(ts, fn);
    if (!fn || !(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn)) || !fn.body) return undefined;
    if (!ts.isBlock(fn.body)) return fn.body;
    const returns: TS.ReturnStatement[] = [];
    const visit = (node: TS.Node): void => {
      if (ts.isReturnStatement(node)) returns.push(node);
      else if (!ts.isFunctionLike(node) && !ts.isClassLike(node)) ts.forEachChild(node, visit);
    };
    ts.forEachChild(fn.body, visit);
    return returns.length === 1 ? returns[0]?.expression : undefined;
  }
}
