import type { Node, NodePath } from '@babel/core';
import { HOLE, type Span } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import type { ExpressionShape, PropertyShape, SyntaxAdapter } from '../core/syntax-adapter.js';
import { constInitializer } from './const-binding.js';
import { spanOf } from './span.js';
import { unwrap } from './unwrap.js';

function propertyShape(property: NodePath): PropertyShape<NodePath> {
  if (property.isSpreadElement()) return { kind: 'spread', argument: property.get('argument') as NodePath };
  if (!property.isObjectProperty() && !property.isObjectMethod()) return { kind: 'unreadable' };
  const node = property.node;
  const keyNode = property.get('key') as NodePath;
  const key = node.key;
  let name: string | undefined;
  if (key.type === 'Identifier') name = key.name;
  else if (key.type === 'StringLiteral') name = key.value;
  else if (key.type === 'NumericLiteral') name = String(key.value);
  const plain = property.isObjectProperty() && !property.node.shorthand;
  return {
    kind: 'property',
    key: node.computed ? { computed: keyNode } : { name },
    keyNode,
    value: property.isObjectProperty() ? (property.get('value') as NodePath) : undefined,
    plain,
  };
}

function expressionShape(path: NodePath): ExpressionShape<NodePath> {
  const node = path.node;
  switch (node.type) {
    case 'StringLiteral':
      return { kind: 'string', value: node.value };
    case 'NumericLiteral':
      return { kind: 'number', value: node.value };
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'ArrayExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { kind: 'other' };
    case 'ObjectExpression':
      return { kind: 'object', properties: (path.get('properties') as NodePath[]).map(propertyShape) };
    case 'UnaryExpression':
      return { kind: 'unary', operator: node.operator, argument: path.get('argument') as NodePath };
    case 'TemplateLiteral':
      return { kind: 'template', quasis: node.quasis.map((quasi) => quasi.value.cooked ?? HOLE), expressions: path.get('expressions') as NodePath[] };
    case 'BinaryExpression':
      return { kind: 'binary', operator: node.operator, left: path.get('left') as NodePath, right: path.get('right') as NodePath };
    case 'Identifier':
      return { kind: 'identifier' };
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const property = node.property;
      return {
        kind: 'member',
        object: path.get('object') as NodePath,
        property: node.computed ? { computed: path.get('property') as NodePath } : { name: property.type === 'Identifier' ? property.name : undefined },
        optional: node.type === 'OptionalMemberExpression',
      };
    }
    case 'CallExpression':
      return { kind: 'call' };
    default:
      return { kind: 'unknown' };
  }
}

/**
 * Babel's syntax for the shared evaluator: node types to shapes, `const` bindings through Babel's
 * scope. One file only: Babel sees no other file.
 */
export class BabelSyntax implements SyntaxAdapter<NodePath> {
  /** `remember` receives the reported spans' paths (the ESLint front end's fixer uses them). */
  constructor(readonly remember?: (span: Span, path: NodePath) => void) {}

  unwrap = unwrap;
  shape = expressionShape;
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
}

/** The evaluator of the Babel plugin (no fixer listening). */
export const babelEvaluator = new Evaluator(new BabelSyntax());
