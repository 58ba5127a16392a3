import type * as TS from 'typescript';
import { HOLE, type CallSite, type ObjectKeys, type RequestOptions, type Span, type StaticValue, type StringPart } from '../core/call-site.js';
import { ARITHMETIC, UNKNOWN, asParts, normaliseParts, type Evaluated } from '../core/evaluated.js';
import type { GlobalUse } from '../core/global-use.js';
import { GlobalUses } from './global-uses.js';
import type { Resolver } from './scope.js';
import { isMemberAccess, parentOf, skipParens, spanKey, spanOf, unwrap, type Ts } from './syntax.js';

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
  /** The global object as the owner of `request` elsewhere: `.call(wx, o)`, `Object.defineProperty(wx, 'request', …)`. */
  owners: TS.Identifier[];
  /** Uses of the global object through which `request` escapes (the global-escape rule). */
  globalUses: GlobalUse[];
  /** `const { request } = wx` declarations to split. */
  destructurings: TS.VariableDeclaration[];
  /** Nodes of this file behind each reported span (method values, keys), for `--fix`. */
  nodes: Map<string, TS.Node>;
}

interface ObjectEntry {
  name: string;
  keySpan: Span;
  value: TS.Expression | undefined;
  /** The node of the call's file standing for this entry when it lives in another file. */
  anchor: TS.Node | undefined;
}

interface ObjectDescription {
  entries: ObjectEntry[];
  complete: boolean;
}

interface RequestCall {
  call: TS.CallExpression;
  argument: TS.Expression | undefined;
}

/** The operator text of a binary expression, for ARITHMETIC. */
function operatorText(ts: Ts, operator: TS.SyntaxKind): string | undefined {
  return operator === ts.SyntaxKind.PlusToken ? '+' : operator === ts.SyntaxKind.MinusToken ? '-' : operator === ts.SyntaxKind.AsteriskToken ? '*' : operator === ts.SyntaxKind.SlashToken ? '/' : undefined;
}

function numericValue(text: string): number {
  return Number(text.replaceAll('_', ''));
}

export class FrontEnd {
  private readonly ts: Ts;
  private readonly nodes = new Map<string, TS.Node>();

  constructor(private readonly context: AnalyzeContext) {
    this.ts = context.ts;
  }

  /** The span users see: the node itself in this file, else the node of this file that led to it. */
  private span(node: TS.Node, anchor: TS.Node | undefined, remember = false): Span {
    const inFile = node.getSourceFile() === this.context.sourceFile;
    const target = inFile || !anchor ? node : anchor;
    const span = spanOf(this.ts, target, target.getSourceFile());
    if (remember && inFile) this.nodes.set(spanKey(span), skipParens(this.ts, node));
    return span;
  }

  /** The anchor to keep when evaluation moves from `from` to a node that may be in another file. */
  private anchorFor(from: TS.Node, anchor: TS.Node | undefined): TS.Node | undefined {
    return anchor ?? (from.getSourceFile() === this.context.sourceFile ? from : undefined);
  }

  // ----- static values ---------------------------------------------------------------------

  private evaluate(input: TS.Node, seen: Set<TS.Node>, anchor: TS.Node | undefined): Evaluated {
    const ts = this.ts;
    const node = unwrap(ts, input);
    if (seen.has(node)) return UNKNOWN;
    seen.add(node);
    try {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', parts: [node.text] };
      if (ts.isNumericLiteral(node)) return { kind: 'number', value: numericValue(node.text) };
      if (
        node.kind === ts.SyntaxKind.TrueKeyword ||
        node.kind === ts.SyntaxKind.FalseKeyword ||
        node.kind === ts.SyntaxKind.NullKeyword ||
        ts.isObjectLiteralExpression(node) ||
        ts.isArrayLiteralExpression(node) ||
        ts.isArrowFunction(node) ||
        ts.isFunctionExpression(node)
      ) {
        return { kind: 'other' };
      }
      if (ts.isPrefixUnaryExpression(node)) {
        if (node.operator !== ts.SyntaxKind.MinusToken && node.operator !== ts.SyntaxKind.PlusToken) return UNKNOWN;
        const argument = this.evaluate(node.operand, seen, anchor);
        return argument.kind === 'number' ? { kind: 'number', value: node.operator === ts.SyntaxKind.MinusToken ? -argument.value : argument.value } : UNKNOWN;
      }
      if (ts.isTemplateExpression(node)) {
        const parts: StringPart[] = [node.head.text];
        for (const span of node.templateSpans) {
          parts.push(...asParts(this.evaluate(span.expression, seen, anchor)));
          parts.push(span.literal.text);
        }
        return { kind: 'string', parts: normaliseParts(parts) };
      }
      if (ts.isBinaryExpression(node)) {
        const operator = operatorText(ts, node.operatorToken.kind);
        const fold = operator === undefined ? undefined : ARITHMETIC[operator];
        if (!fold) return UNKNOWN;
        const left = this.evaluate(node.left, seen, anchor);
        const right = this.evaluate(node.right, seen, anchor);
        if (left.kind === 'number' && right.kind === 'number') return { kind: 'number', value: fold(left.value, right.value) };
        if (node.operatorToken.kind !== ts.SyntaxKind.PlusToken) return UNKNOWN;
        if (left.kind === 'string' || right.kind === 'string') return { kind: 'string', parts: normaliseParts([...asParts(left), ...asParts(right)]) };
        return UNKNOWN;
      }
      if (ts.isIdentifier(node)) {
        const value = this.context.resolver.valueOf(node);
        return value ? this.evaluate(value, seen, this.anchorFor(node, anchor)) : UNKNOWN;
      }
      if (isMemberAccess(ts, node) && !ts.isOptionalChain(node)) return this.evaluateMember(node, seen, anchor);
      return UNKNOWN;
    } finally {
      seen.delete(node);
    }
  }

  /** The name of a static property access: `a.b`, `a['b']`, `` a[`b`] ``, `a['re' + 'quest']`, `a[NAME]`. */
  memberName(node: TS.Node): string | undefined {
    const ts = this.ts;
    if (ts.isPropertyAccessExpression(node)) return ts.isIdentifier(node.name) ? node.name.text : undefined;
    if (ts.isElementAccessExpression(node)) return this.staticKey(node.argumentExpression, new Set(), undefined);
    return undefined;
  }

  /**
   * `CONFIG.BASE_URL` where CONFIG is a `const` object literal whose keys are all known (Babel's
   * memberValue); with types, also an enum member or a property of an imported or required module.
   */
  private memberValue(node: TS.PropertyAccessExpression | TS.ElementAccessExpression, seen: Set<TS.Node>, anchor: TS.Node | undefined): { expression: TS.Expression; anchor: TS.Node | undefined } | { constant: string | number } | undefined {
    const object = this.describeObject(node.expression, seen, anchor);
    if (object) {
      const name = this.memberName(node);
      if (name === undefined || !object.complete) return undefined;
      const entry = object.entries.findLast((candidate) => candidate.name === name);
      return entry?.value ? { expression: entry.value, anchor: entry.anchor ?? this.anchorFor(node, anchor) } : undefined;
    }
    const property = this.context.resolver.propertyValue?.(node);
    if (!property || 'constant' in property) return property;
    return { expression: property.expression, anchor: this.anchorFor(node, anchor) };
  }

  private evaluateMember(node: TS.PropertyAccessExpression | TS.ElementAccessExpression, seen: Set<TS.Node>, anchor: TS.Node | undefined): Evaluated {
    const value = this.memberValue(node, seen, anchor);
    if (!value) return UNKNOWN;
    if ('constant' in value) return typeof value.constant === 'number' ? { kind: 'number', value: value.constant } : { kind: 'string', parts: [value.constant] };
    return this.evaluate(value.expression, seen, value.anchor);
  }

  private staticValue(node: TS.Expression, anchor: TS.Node | undefined): StaticValue {
    const span = this.span(node, anchor, true);
    return { ...this.evaluate(node, new Set(), this.anchorFor(node, anchor)), span } as StaticValue;
  }

  private staticKey(node: TS.Node, seen: Set<TS.Node>, anchor: TS.Node | undefined): string | undefined {
    const value = this.evaluate(node, seen, anchor);
    if (value.kind === 'number') return String(value.value);
    if (value.kind === 'string' && !value.parts.includes(HOLE)) return value.parts.join('');
    return undefined;
  }

  // ----- objects ---------------------------------------------------------------------------

  private propertyName(name: TS.PropertyName, seen: Set<TS.Node>, anchor: TS.Node | undefined): { name: string | undefined; keyNode: TS.Node; computed: boolean } {
    const ts = this.ts;
    if (ts.isComputedPropertyName(name)) {
      const expression = skipParens(ts, name.expression);
      return { name: this.staticKey(name.expression, seen, anchor), keyNode: expression, computed: true };
    }
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return { name: name.text, keyNode: name, computed: false };
    if (ts.isNumericLiteral(name)) return { name: String(numericValue(name.text)), keyNode: name, computed: false };
    return { name: undefined, keyNode: name, computed: false };
  }

  private describeObject(input: TS.Node, seen: Set<TS.Node>, anchor: TS.Node | undefined): ObjectDescription | undefined {
    const ts = this.ts;
    let node = unwrap(ts, input);
    let objectAnchor = anchor;
    if (ts.isIdentifier(node)) {
      const value = this.context.resolver.valueOf(node);
      if (value) {
        objectAnchor = this.anchorFor(node, anchor);
        node = unwrap(ts, value);
      }
    }
    // `header: CONFIG.header` with CONFIG a const object literal.
    if (isMemberAccess(ts, node) && !seen.has(node)) {
      seen.add(node);
      const value = this.memberValue(node, seen, objectAnchor);
      seen.delete(node);
      return value && !('constant' in value) ? this.describeObject(value.expression, seen, value.anchor) : undefined;
    }
    if (ts.isCallExpression(node) && this.context.resolver.helperResult) {
      const result = this.context.resolver.helperResult(node);
      if (result) {
        objectAnchor = this.anchorFor(node, anchor);
        node = unwrap(ts, result);
      }
    }
    if (!ts.isObjectLiteralExpression(node) || seen.has(node)) return undefined;
    seen.add(node);
    try {
      const entries: ObjectEntry[] = [];
      let complete = true;
      for (const property of node.properties) {
        if (ts.isSpreadAssignment(property)) {
          const spread = this.describeObject(property.expression, seen, this.anchorFor(property.expression, objectAnchor));
          if (spread) entries.push(...spread.entries);
          complete &&= spread?.complete ?? false;
          continue;
        }
        const { name, keyNode, computed } = this.propertyName(property.name as TS.PropertyName, seen, objectAnchor);
        // `{ __proto__: x }` sets the prototype; it adds no own key.
        if (!computed && name === '__proto__' && ts.isPropertyAssignment(property)) {
          complete = false;
          continue;
        }
        if (name === undefined) {
          complete = false;
          continue;
        }
        let value: TS.Expression | undefined;
        if (ts.isPropertyAssignment(property)) value = property.initializer;
        else if (ts.isShorthandPropertyAssignment(property)) value = property.name;
        entries.push({ name, keySpan: this.span(keyNode, objectAnchor, true), value, anchor: property.getSourceFile() === this.context.sourceFile ? undefined : objectAnchor });
      }
      return { entries, complete };
    } finally {
      seen.delete(node);
    }
  }

  // ----- call sites ------------------------------------------------------------------------

  private keysOf(object: ObjectDescription): ObjectKeys {
    return { keys: object.entries.map((entry) => ({ name: entry.name, span: entry.keySpan })), complete: object.complete };
  }

  private describeOptions(argument: TS.Expression): RequestOptions | { unknown: Span } {
    const object = this.describeObject(argument, new Set(), undefined);
    if (!object) return { unknown: this.span(argument, undefined) };
    const options: RequestOptions = this.keysOf(object);
    const last = (name: string) => object.entries.findLast((entry) => entry.name === name);
    for (const name of ['method', 'url', 'timeout'] as const) {
      const entry = last(name);
      if (entry) options[name] = entry.value ? this.staticValue(entry.value, entry.anchor) : { kind: 'unknown', span: entry.keySpan };
    }
    const header = last('header');
    if (header) {
      const headerObject = header.value && this.describeObject(header.value, new Set(), header.anchor);
      options.header = headerObject ? this.keysOf(headerObject) : { unknown: header.value ? this.span(header.value, header.anchor) : header.keySpan };
    }
    return options;
  }

  private describeCall({ call, argument }: RequestCall): CallSite {
    const span = this.span(call, undefined);
    const file = this.context.file;
    if (!argument || this.ts.isSpreadElement(argument)) return { file, span, options: { unknown: span } };
    return { file, span, options: this.describeOptions(argument) };
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
    return this.staticKey(node, new Set(), undefined);
  }

  isRequestPatternElement(element: TS.BindingElement): boolean {
    const ts = this.ts;
    if (element.dotDotDotToken) return false;
    const key = element.propertyName;
    if (!key) return ts.isIdentifier(element.name) && element.name.text === 'request';
    if (ts.isIdentifier(key) || ts.isStringLiteral(key)) return key.text === 'request';
    if (ts.isComputedPropertyName(key)) return this.staticKey(key.expression, new Set(), undefined) === 'request';
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
    return { sites, references, destructurings, owners, globalUses, nodes: this.nodes };
  }
}

export function analyzeSourceFile(context: AnalyzeContext): Analysis {
  return new FrontEnd(context).analyze();
}
