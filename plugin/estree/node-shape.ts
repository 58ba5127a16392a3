import { HOLE } from '../core/call-site.js';
import type { ExpressionShape, PropertyShape } from '../core/syntax-adapter.js';
import { inOptionalChain, skipChain, type Node } from './node.js';

/** The name a written key or literal gives: `a`, `'a'`, `1` (as `'1'`); undefined for any other node. */
export function writtenKeyName(key: Node): string | undefined {
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return undefined;
}

/** An object literal's property: ESTree's `Property` is Babel's ObjectProperty (`kind: 'init'`, not a method) or ObjectMethod. */
function propertyShape(property: Node): PropertyShape<Node> {
  if (property.type === 'SpreadElement') return { kind: 'spread', argument: property.argument as Node };
  if (property.type !== 'Property') return { kind: 'unreadable' };
  const key = property.key as Node;
  const isValue = property.kind === 'init' && !property.method;
  return {
    kind: 'property',
    key: property.computed ? { computed: key } : { name: writtenKeyName(key) },
    keyNode: key,
    value: isValue ? (property.value as Node) : undefined,
    plain: isValue && !property.shorthand,
  };
}

/**
 * ESTree's node types to the evaluator's shapes: the same translation as plugin/babel/node-shape.ts
 * for Babel's (ESTree's one `Literal` is Babel's StringLiteral, NumericLiteral, BooleanLiteral,
 * NullLiteral, RegExpLiteral and BigIntLiteral; a member in an optional chain is Babel's
 * OptionalMemberExpression), so both front ends give the evaluator the same shapes for the same code.
 */
export function expressionShape(input: Node): ExpressionShape<Node> {
  const node = skipChain(input);
  switch (node.type) {
    case 'Literal':
      if ('regex' in node || 'bigint' in node) return { kind: 'unknown' };
      if (typeof node.value === 'string') return { kind: 'string', value: node.value };
      if (typeof node.value === 'number') return { kind: 'number', value: node.value };
      return { kind: 'other' };
    case 'ArrayExpression':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { kind: 'other' };
    case 'ObjectExpression':
      return { kind: 'object', properties: node.properties.map((property) => propertyShape(property as Node)) };
    case 'UnaryExpression':
      return { kind: 'unary', operator: node.operator, argument: node.argument as Node };
    case 'TemplateLiteral':
      return { kind: 'template', quasis: node.quasis.map((quasi) => quasi.value.cooked ?? HOLE), expressions: node.expressions as Node[] };
    case 'BinaryExpression':
      return { kind: 'binary', operator: node.operator, left: node.left as Node, right: node.right as Node };
    case 'Identifier':
      return { kind: 'identifier' };
    case 'MemberExpression': {
      const property = node.property as Node;
      return {
        kind: 'member',
        object: node.object as Node,
        property: node.computed ? { computed: property } : { name: property.type === 'Identifier' ? property.name : undefined },
        optional: inOptionalChain(node),
      };
    }
    case 'CallExpression':
      return inOptionalChain(node) ? { kind: 'unknown' } : { kind: 'call' };
    default:
      return { kind: 'unknown' };
  }
}
