import type { Place } from '../core/reference-syntax.js';
import { isTransparent, parentLink, type Node } from './node.js';

/**
 * Where a node stands in its parent, in the neutral terms of plugin/core/reference-syntax.ts: the
 * translation of ESTree's node types (with typescript-eslint's wrappers) that the shared role table
 * and call finder read, as plugin/babel/place.ts translates Babel's. A ChainExpression between the
 * node and its parent is looked through (Babel has none).
 */
export function placeOf(node: Node): Place<Node> {
  const { parent, child } = parentLink(node);
  if (!parent) return { kind: 'none' };
  switch (parent.type) {
    case 'MemberExpression':
      return parent.object === child ? { kind: 'member-object', member: parent } : { kind: 'member-key' };
    case 'CallExpression':
    case 'NewExpression': {
      const isNew = parent.type === 'NewExpression';
      if (parent.callee === child) return { kind: 'callee', call: parent, isNew };
      const index = (parent.arguments as Node[]).indexOf(child);
      return index === -1 ? { kind: 'other' } : { kind: 'argument', call: parent, index, isNew };
    }
    case 'BinaryExpression': {
      const side = parent.left === child ? 'left' : 'right';
      return { kind: 'binary', operator: parent.operator, side, other: (side === 'left' ? parent.right : parent.left) as Node };
    }
    case 'UnaryExpression':
      return { kind: 'unary', operator: parent.operator };
    case 'LogicalExpression':
      return { kind: 'logical', operator: parent.operator, side: parent.left === child ? 'left' : 'right', expression: parent };
    case 'ConditionalExpression':
      return { kind: 'conditional', test: parent.test === child, expression: parent };
    case 'SequenceExpression':
      return { kind: 'sequence', last: parent.expressions[parent.expressions.length - 1] === child, expression: parent };
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      return parent.test === child ? { kind: 'test' } : { kind: 'inert' };
    case 'ForInStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
    case 'TemplateLiteral':
      return { kind: 'inert' };
    case 'ExpressionStatement':
      return { kind: 'statement' };
    case 'VariableDeclarator':
      return parent.init === child ? { kind: 'declarator-init', declarator: parent, target: parent.id as Node } : { kind: 'other' };
    case 'AssignmentExpression':
      if (parent.left === child) return { kind: 'assignment-left' };
      return { kind: 'assignment-right', assignment: parent, operator: parent.operator, target: parent.left as Node, statement: parent.parent?.type === 'ExpressionStatement' };
    default:
      return isTransparent(parent) ? { kind: 'wrapper', wrapper: parent } : { kind: 'other' };
  }
}
