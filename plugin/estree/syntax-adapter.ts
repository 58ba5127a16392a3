import type { Scope } from 'eslint';
import type { Span } from '../core/call-site.js';
import type { PatternProperty, ReferenceSyntax } from '../core/reference-syntax.js';
import type { ExpressionShape } from '../core/syntax-adapter.js';
import { writtenKeyName, expressionShape } from './node-shape.js';
import { isTransparent, parentLink, skipChain, unwrap, type Node } from './node.js';
import { placeOf } from './place.js';
import { Scopes } from './scope.js';
import { spanOf } from './span.js';

/**
 * Whether an identifier that the scope manager lists as a reference is read, as Babel's
 * `isReferencedIdentifier` says: the targets of a write (`wx = f`, `[wx] = a`, `({ a: wx } = o)`,
 * a default's target, a rest element) are references to the scope manager, not to Babel.
 */
function isRead(identifier: Node): boolean {
  const parent = identifier.parent;
  if (!parent) return true;
  switch (parent.type) {
    case 'AssignmentExpression':
    case 'AssignmentPattern':
      return parent.left !== identifier;
    case 'ArrayPattern':
    case 'RestElement':
      return false;
    case 'Property':
      if (parent.key === identifier && !parent.computed) return false;
      return parent.parent?.type !== 'ObjectPattern';
    default:
      return true;
  }
}

/** A property of an object pattern: `{ request: r = f }` binds `r`, `...rest` takes the others. */
function patternProperty(property: Node): PatternProperty<Node> {
  if (property.type !== 'Property') return { kind: 'rest' };
  const key = property.key as Node;
  const value = property.value as Node;
  return {
    kind: 'property',
    // Babel's front end reads `request` and `'request'` as written keys (plugin/babel/syntax-adapter.ts).
    key: property.computed ? { computed: key } : { name: key.type === 'Identifier' || (key.type === 'Literal' && typeof key.value === 'string') ? writtenKeyName(key) : undefined },
    target: value.type === 'AssignmentPattern' ? (value.left as Node) : value,
  };
}

/**
 * ESLint's tree for the shared evaluator and reference finder: ESTree node types to shapes and
 * places, names through ESLint's scope manager. One file only, as in Babel. `remember` receives
 * the nodes behind the spans rules may report (the ESLint rules' fixer uses them).
 */
export class EstreeSyntax implements ReferenceSyntax<Node> {
  private readonly scopes: Scopes;

  constructor(
    scopeManager: Scope.ScopeManager,
    readonly remember?: (span: Span, node: Node) => void,
  ) {
    this.scopes = new Scopes(scopeManager);
  }

  globalIdentifiers(globals: readonly string[]): Node[] {
    return this.scopes.globalIdentifiers(globals);
  }

  unwrap = unwrap;
  shape(node: Node): ExpressionShape<Node> {
    return expressionShape(node);
  }
  identity(node: Node): Node {
    return node;
  }
  constValue(identifier: Node): Node | undefined {
    return this.scopes.constInitializer(identifier);
  }
  inFile(): boolean {
    return true;
  }
  spanOf(node: Node, fallback?: Span): Span {
    return spanOf(node, fallback);
  }

  placeOf = placeOf;
  parentOf(node: Node): Node | undefined {
    return parentLink(node).parent;
  }
  identifierName(node: Node): string | undefined {
    return node.type === 'Identifier' ? node.name : undefined;
  }
  binding(identifier: Node): ReturnType<Scopes['binding']> {
    return this.scopes.binding(identifier);
  }
  isValueMention(identifier: Node): boolean {
    if (identifier.type !== 'Identifier' || !isRead(identifier)) return false;
    const parent = identifier.parent;
    // Type positions (`typeof wx` in a type, `implements wx.X`, an enum member's value) are no values, as for Babel.
    return !parent || !(parent as { type: string }).type.startsWith('TS') || isTransparent(parent);
  }
  calleeOf(call: Node): Node | undefined {
    const node = skipChain(call);
    return node.type === 'CallExpression' || node.type === 'NewExpression' ? (node.callee as Node) : undefined;
  }
  callArguments(call: Node): readonly Node[] {
    const node = skipChain(call);
    return node.type === 'CallExpression' || node.type === 'NewExpression' ? (node.arguments as Node[]) : [];
  }
  isSpread(node: Node): boolean {
    return node.type === 'SpreadElement';
  }
  arrayElements(node: Node): readonly (Node | undefined)[] | undefined {
    return node.type === 'ArrayExpression' ? node.elements.map((element) => (element ?? undefined) as Node | undefined) : undefined;
  }
  objectPattern(node: Node): readonly PatternProperty<Node>[] | undefined {
    return node.type === 'ObjectPattern' ? node.properties.map((property) => patternProperty(property as Node)) : undefined;
  }
  declaredBinding(identifier: Node): ReturnType<Scopes['declaredBinding']> {
    return this.scopes.declaredBinding(identifier);
  }
}
