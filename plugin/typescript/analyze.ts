import type * as TS from 'typescript';
import type { CallSite } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import type { GlobalUse } from '../core/global-use.js';
import { GlobalUses } from './global-uses.js';
import type { Resolver } from './scope.js';
import { TypeScriptSyntax } from './syntax-adapter.js';
import { isMemberAccess, parentOf, skipParens, spanOf, unwrap, type Ts } from './syntax.js';

/**
 * The TypeScript front end: the same reading of a file as plugin/babel, on TypeScript's syntax
 * tree. It finds the global `wx.request` references, describes every call for the rule engine
 * (the neutral CallSite), and leaves the rewriting to the transformer.
 */
export interface AnalyzeContext {
  ts: Ts;
  sourceFile: TS.SourceFile;
  /** The file as users see it (relative to the working directory). */
  file: string;
  globals: readonly string[];
  resolver: Resolver;
}

export interface Analysis {
  sites: CallSite[];
  /** `wx.request` references (reads and writes) whose object becomes the runtime's `wx`. */
  references: TS.Expression[];
  /** The global object as the owner of `request` elsewhere: `Object.defineProperty(wx, 'request', …)`. */
  owners: TS.Identifier[];
  /** The global object passed as `this` to the request function: `.call(wx, o)`. */
  thisArguments: TS.Identifier[];
  /** Uses of the global object through which `request` escapes (the global-escape rule). */
  globalUses: GlobalUse[];
  /** `const { request } = wx` declarations to split. */
  destructurings: TS.VariableDeclaration[];
  /** Nodes of this file behind each reported span (method values, keys), for `--fix`. */
  nodes: Map<string, TS.Node>;
}

interface RequestCall {
  call: TS.CallExpression;
  argument: TS.Expression | undefined;
}

export class FrontEnd {
  private readonly ts: Ts;
  private readonly syntax: TypeScriptSyntax;
  private readonly evaluator: Evaluator<TS.Node>;

  constructor(private readonly context: AnalyzeContext) {
    this.ts = context.ts;
    this.syntax = new TypeScriptSyntax(context.ts, context.sourceFile, context.resolver);
    this.evaluator = new Evaluator(this.syntax);
  }

  /** The name of a static property access: `a.b`, `a['b']`, `` a[`b`] ``, `a['re' + 'quest']`, `a[NAME]`. */
  memberName(node: TS.Node): string | undefined {
    return this.evaluator.memberName(node);
  }

  // ----- call sites ------------------------------------------------------------------------

  private describeCall({ call, argument }: RequestCall): CallSite {
    const span = this.evaluator.span(call, undefined);
    const file = this.context.file;
    if (!argument || this.ts.isSpreadElement(argument)) return { file, span, options: { unknown: span } };
    return { file, span, options: this.evaluator.describeOptions(argument) };
  }

  /** The calls made through one reference to the request function (Babel's callsThrough). */
  private callsThrough(reference: TS.Node, depth: number): RequestCall[] {
    const ts = this.ts;
    const { parent, child } = parentOf(ts, reference);
    if (!parent) return [];
    if (ts.isCallExpression(parent) && parent.expression === child) return [{ call: parent, argument: parent.arguments[0] }];
    if (isMemberAccess(ts, parent) && parent.expression === child) {
      const outer = parentOf(ts, parent);
      if (!outer.parent || !ts.isCallExpression(outer.parent) || outer.parent.expression !== outer.child) return [];
      const call = outer.parent;
      const method = this.memberName(parent);
      if (method === 'call') return [{ call, argument: call.arguments[1] }];
      if (method === 'apply') {
        const list = call.arguments[1] && skipParens(ts, call.arguments[1]);
        const first = list && ts.isArrayLiteralExpression(list) ? list.elements[0] : undefined;
        return [{ call, argument: first && !ts.isOmittedExpression(first) ? first : undefined }];
      }
      return [];
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === child && depth < 4) return this.callsOfBinding(parent.name, depth + 1);
    return [];
  }

  private callsOfBinding(name: TS.BindingName, depth: number): RequestCall[] {
    const ts = this.ts;
    if (!ts.isIdentifier(name)) return [];
    if (!this.context.resolver.constDeclaration(name)) return [];
    return this.context.resolver.referencesOf(name).flatMap((reference) => this.callsThrough(reference, depth));
  }

  // ----- references ------------------------------------------------------------------------

  isGlobalObject(input: TS.Node): boolean {
    const node = unwrap(this.ts, input);
    return this.ts.isIdentifier(node) && this.context.globals.includes(node.text) && this.context.resolver.isGlobal(node);
  }

  private isTypePosition(member: TS.Node): boolean {
    const ts = this.ts;
    const parent = member.parent;
    if (!parent || !ts.isExpressionWithTypeArguments(parent)) return false;
    const clause = parent.parent;
    return ts.isHeritageClause(clause) && (clause.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(clause.parent));
  }

  /** A reference to the global `wx.request`, read or written (Babel's isRequestReference). */
  isRequestReference(node: TS.Node): node is TS.PropertyAccessExpression | TS.ElementAccessExpression {
    const ts = this.ts;
    if (!isMemberAccess(ts, node)) return false;
    return this.memberName(node) === 'request' && this.isGlobalObject(node.expression) && !this.isTypePosition(node);
  }

  /** The name a key expression stands for, when known (`'request'`, `KEY`). */
  keyName(node: TS.Node): string | undefined {
    return this.evaluator.staticKey(node);
  }

  isRequestPatternElement(element: TS.BindingElement): boolean {
    const ts = this.ts;
    if (element.dotDotDotToken) return false;
    const key = element.propertyName;
    if (!key) return ts.isIdentifier(element.name) && element.name.text === 'request';
    if (ts.isIdentifier(key) || ts.isStringLiteral(key)) return key.text === 'request';
    if (ts.isComputedPropertyName(key)) return this.evaluator.staticKey(key.expression) === 'request';
    return false;
  }

  private isRequestDestructuring(node: TS.Node): node is TS.VariableDeclaration {
    const ts = this.ts;
    if (!ts.isVariableDeclaration(node) || !ts.isObjectBindingPattern(node.name) || !node.initializer) return false;
    if (!this.isGlobalObject(node.initializer)) return false;
    return node.name.elements.some((element) => this.isRequestPatternElement(element));
  }

  analyze(): Analysis {
    const ts = this.ts;
    const references: (TS.PropertyAccessExpression | TS.ElementAccessExpression)[] = [];
    const destructurings: TS.VariableDeclaration[] = [];
    const owners: TS.Identifier[] = [];
    const thisArguments: TS.Identifier[] = [];
    const globalUses: GlobalUse[] = [];
    const uses = new GlobalUses(ts, this, this.context.resolver);
    const { file, globals, sourceFile } = this.context;
    const visit = (node: TS.Node): void => {
      if (this.isRequestReference(node)) {
        references.push(node);
        return;
      }
      if (this.isRequestDestructuring(node)) destructurings.push(node);
      if (uses.isMention(node, globals)) {
        const role = uses.role(node);
        if (role === 'holder') owners.push(node);
        else if (role === 'this') thisArguments.push(node);
        else if (role !== 'harmless') globalUses.push({ file, global: node.text, kind: role, span: spanOf(ts, node, sourceFile) });
      }
      ts.forEachChild(node, visit);
    };
    visit(this.context.sourceFile);
    const calls = references.flatMap((reference) => this.callsThrough(reference, 0));
    for (const declaration of destructurings) {
      for (const element of (declaration.name as TS.ObjectBindingPattern).elements) {
        if (this.isRequestPatternElement(element)) calls.push(...this.callsOfBinding(element.name, 0));
      }
    }
    const sites = calls.map((call) => this.describeCall(call));
    return { sites, references, destructurings, owners, thisArguments, globalUses, nodes: this.syntax.nodes };
  }
}

export function analyzeSourceFile(context: AnalyzeContext): Analysis {
  return new FrontEnd(context).analyze();
}
