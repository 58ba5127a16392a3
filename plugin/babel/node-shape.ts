import type { Node } from '@babel/core';
import { HOLE } from '../core/call-site.js';
import type { ExpressionShape, PropertyShape } from '../core/syntax-adapter.js';

/**
 * How to walk Babel's syntax, by path (the plugin, ESLint) or by bare node (the text front end,
 * which parses only the expressions it needs): the one translation of Babel's node types into the
 * evaluator's shapes is written once, over either.
 */
export interface BabelAccess<N> {
  node(item: N): Node;
  child(item: N, key: string): N;
  children(item: N, key: string): N[];
}

function propertyShape<N>(property: N, access: BabelAccess<N>): PropertyShape<N> {
  const node = access.node(property);
  if (node.type === 'SpreadElement') return { kind: 'spread', argument: access.child(property, 'argument') };
  if (node.type !== 'ObjectProperty' && node.type !== 'ObjectMethod') return { kind: 'unreadable' };
  const key = node.key;
  let name: string | undefined;
  if (key.type === 'Identifier') name = key.name;
  else if (key.type === 'StringLiteral') name = key.value;
  else if (key.type === 'NumericLiteral') name = String(key.value);
  const keyNode = access.child(property, 'key');
  return {
    kind: 'property',
    key: node.computed ? { computed: keyNode } : { name },
    keyNode,
    value: node.type === 'ObjectProperty' ? access.child(property, 'value') : undefined,
    plain: node.type === 'ObjectProperty' && !node.shorthand,
  };
}

export function expressionShape<N>(item: N, access: BabelAccess<N>): ExpressionShape<N> {
  const node = access.node(item);
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
      return { kind: 'object', properties: access.children(item, 'properties').map((property) => propertyShape(property, access)) };
    case 'UnaryExpression':
      return { kind: 'unary', operator: node.operator, argument: access.child(item, 'argument') };
    case 'TemplateLiteral':
      return { kind: 'template', quasis: node.quasis.map((quasi) => quasi.value.cooked ?? HOLE), expressions: access.children(item, 'expressions') };
    case 'BinaryExpression':
      return { kind: 'binary', operator: node.operator, left: access.child(item, 'left'), right: access.child(item, 'right') };
    case 'Identifier':
      return { kind: 'identifier' };
    case 'MemberExpression':
    case 'OptionalMemberExpression': {
      const property = node.property;
      return {
        kind: 'member',
        object: access.child(item, 'object'),
        property: node.computed ? { computed: access.child(item, 'property') } : { name: property.type === 'Identifier' ? property.name : undefined },
        optional: node.type === 'OptionalMemberExpression',
      };
    }
    case 'CallExpression':
      return { kind: 'call' };
    default:
      return { kind: 'unknown' };
  }
}
