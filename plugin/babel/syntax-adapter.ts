import type { Node, NodePath, types as t } from '@babel/core';
import type { Span } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import type { PatternProperty, ReferenceSyntax } from '../core/reference-syntax.js';
import type { Reader } from '../core/request-references.js';
import type { ExpressionShape } from '../core/syntax-adapter.js';
import { bindingKind, declaredBinding } from './bindings.js';
import { constInitializer } from './const-binding.js';
import { expressionShape, type BabelAccess } from './node-shape.js';
import { placeOf } from './place.js';
import { spanOf } from './span.js';
import { isTransparent, unwrap } from './unwrap.js';

const PATHS: BabelAccess<NodePath> = {
  node: (path) => path.node,
  child: (path, key) => path.get(key) as NodePath,
  children: (path, key) => path.get(key) as NodePath[],
};

/** A property of an object pattern: `{ request: r = f }` binds `r`, `...rest` takes the others. */
export function patternProperty(property: NodePath): PatternProperty<NodePath> {
  if (!property.isObjectProperty()) return { kind: 'rest' };
  const key = property.node.key;
  const name = key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
  const value = property.get('value') as NodePath;
  return {
    kind: 'property',
    key: property.node.computed ? { computed: property.get('key') as NodePath } : { name },
    target: value.isAssignmentPattern() ? (value.get('left') as NodePath) : value,
  };
}

/**
 * Babel's syntax for the shared evaluator and reference finder: node types to shapes and places,
 * names through Babel's scope. One file only: Babel sees no other file. `types` (the running
 * @babel/core's) tells Flow's nodes apart; without it, no node is taken for one.
 */
export class BabelSyntax implements ReferenceSyntax<NodePath> {
  constructor(private readonly types?: typeof t) {}

  unwrap = unwrap;
  shape(path: NodePath): ExpressionShape<NodePath> {
    return expressionShape(path, PATHS);
  }
  identity(path: NodePath): Node {
    return path.node;
  }
  constValue = constInitializer;
  inFile(): boolean {
    return true;
  }
  spanOf(path: NodePath, fallback?: Span): Span {
    return spanOf(path.node, fallback);
  }

  placeOf = placeOf;
  parentOf(path: NodePath): NodePath | undefined {
    return path.parentPath ?? undefined;
  }
  identifierName(path: NodePath): string | undefined {
    return path.isIdentifier() ? path.node.name : undefined;
  }
  binding = bindingKind;
  isValueMention(path: NodePath): boolean {
    if (!path.isReferencedIdentifier()) return false;
    const parent = path.parent;
    // Type positions (`typeof wx` in a type, Flow annotations) are no values.
    if (parent.type.startsWith('TS') && !isTransparent(parent)) return false;
    return !(this.types?.isFlow(parent) && !isTransparent(parent));
  }
  calleeOf(call: NodePath): NodePath | undefined {
    const callee = call.get('callee') as NodePath | NodePath[];
    return Array.isArray(callee) || !callee.node ? undefined : callee;
  }
  callArguments(call: NodePath): readonly NodePath[] {
    const args = call.get('arguments');
    return Array.isArray(args) ? (args as NodePath[]) : [];
  }
  isSpread(path: NodePath): boolean {
    return path.isSpreadElement();
  }
  arrayElements(path: NodePath): readonly (NodePath | undefined)[] | undefined {
    if (!path.isArrayExpression()) return undefined;
    return (path.get('elements') as NodePath[]).map((element) => (element.node ? element : undefined));
  }
  objectPattern(path: NodePath): readonly PatternProperty<NodePath>[] | undefined {
    return path.isObjectPattern() ? (path.get('properties') as NodePath[]).map(patternProperty) : undefined;
  }
  declaredBinding = declaredBinding;
}

/** The evaluator of the Babel plugin. */
export const babelEvaluator = new Evaluator(new BabelSyntax());

/** What the shared reference finder reads a Babel program with. */
export function babelReader(globals: readonly string[], types: typeof t): Reader<NodePath> {
  const syntax = new BabelSyntax(types);
  return { syntax, evaluator: new Evaluator(syntax), globals };
}
