import type * as TS from 'typescript';
import type { CallSite } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import { describeSites, findReferences, type RequestReferences } from '../core/find-references.js';
import type { NetworkApi } from '../core/network-apis.js';
import type { GlobalUse } from '../core/global-use.js';
import { isCalledInPlace } from '../core/request-calls.js';
import { isRequestPatternProperty, type Reader } from '../core/request-references.js';
import { bindingProperty, TypeScriptReferenceSyntax } from './reference-syntax.js';
import type { Resolver } from './scope.js';
import { isMemberAccess, type Ts } from './syntax.js';

/**
 * The TypeScript front end: the same reading of a file as plugin/babel, on TypeScript's syntax
 * tree. TypeScript's part is finding the identifiers named like a global and answering syntax
 * questions (reference-syntax.ts); which mentions are references to `wx.request`, which calls go
 * through them and what every other mention does is decided by the shared finder
 * (plugin/core/find-references.ts, global-roles.ts), as for Babel's tree and ESLint's. The
 * rewriting is the transformer's.
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
  references: (TS.PropertyAccessExpression | TS.ElementAccessExpression)[];
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
  /** Whether every reference is called where it stands (`ref(o)`, `ref.call(…)`): the lean runtime may do. */
  everyReferenceIsACall: boolean;
  /** The network APIs the references name (the runtime installs of the rewrite). */
  apis: Set<NetworkApi>;
}

export class FrontEnd {
  private readonly ts: Ts;
  private readonly syntax: TypeScriptReferenceSyntax;
  private readonly reader: Reader<TS.Node>;

  constructor(private readonly context: AnalyzeContext) {
    this.ts = context.ts;
    this.syntax = new TypeScriptReferenceSyntax(context.ts, context.sourceFile, context.resolver);
    this.reader = { syntax: this.syntax, evaluator: new Evaluator(this.syntax), globals: context.globals };
  }

  /** The name of a static property access: `a.b`, `a['b']`, `` a[`b`] ``, `a['re' + 'quest']`, `a[NAME]`. */
  memberName(node: TS.Node): string | undefined {
    return this.reader.evaluator.memberName(node);
  }

  /** `request` in `const { request, showToast } = wx` (core's reading of a pattern property). */
  isRequestPatternElement(element: TS.BindingElement): boolean {
    return isRequestPatternProperty(this.reader, bindingProperty(this.ts, element));
  }

  /**
   * `implements wx.request`, `interface A extends wx.request`: a type, though TypeScript's tree
   * holds it as a property access (Babel's has no member there).
   */
  private isTypeHeritage(id: TS.Identifier): boolean {
    const ts = this.ts;
    const member = id.parent;
    const parent = member?.parent;
    if (!member || !isMemberAccess(ts, member) || !parent || !ts.isExpressionWithTypeArguments(parent)) return false;
    const clause = parent.parent;
    return ts.isHeritageClause(clause) && (clause.token === ts.SyntaxKind.ImplementsKeyword || ts.isInterfaceDeclaration(clause.parent));
  }

  /** Every identifier named like a global, in the order a traversal meets them (types' heritage left out). */
  private globalIdentifiers(): TS.Identifier[] {
    const ts = this.ts;
    const found: TS.Identifier[] = [];
    const visit = (node: TS.Node): void => {
      if (ts.isIdentifier(node) && this.context.globals.includes(node.text) && !this.isTypeHeritage(node)) found.push(node);
      ts.forEachChild(node, visit);
    };
    visit(this.context.sourceFile);
    return found;
  }

  analyze(): Analysis {
    const { file } = this.context;
    const found: RequestReferences<TS.Node> = findReferences(this.reader, this.globalIdentifiers(), file);
    const references = found.members as Analysis['references'];
    // A destructuring assignment (`({ request } = wx);`) is not rewritten by this front end.
    const destructurings = found.destructurings.map(({ declarator }) => declarator as TS.VariableDeclaration);
    return {
      sites: describeSites(this.reader, found, file),
      references,
      destructurings,
      owners: found.owners as TS.Identifier[],
      thisArguments: found.thisArguments as TS.Identifier[],
      globalUses: found.globalUses,
      nodes: this.syntax.nodes,
      everyReferenceIsACall: destructurings.length === 0 && found.owners.length === 0 && references.every((reference) => isCalledInPlace(this.reader, reference)),
      apis: found.apis,
    };
  }
}

export function analyzeSourceFile(context: AnalyzeContext): Analysis {
  return new FrontEnd(context).analyze();
}
