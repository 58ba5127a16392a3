import type { NodePath, types as t } from '@babel/core';
import type { Place } from '../core/reference-syntax.js';
import { isTransparent } from './unwrap.js';

/**
 * Where a path stands in its parent, in the neutral terms of plugin/core/reference-syntax.ts: the
 * translation of Babel's node types and keys (`OptionalMemberExpression` is a member like any
 * other, an argument's key is its index) that the shared role table and call finder read.
 */
export function placeOf(path: NodePath): Place<NodePath> {
  const parent = path.parentPath;
  if (!parent) return { kind: 'none' };
  const key = path.key;
  const node = parent.node;
  switch (node.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return key === 'object' ? { kind: 'member-object', member: parent } : { kind: 'member-key' };
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression': {
      const isNew = node.type === 'NewExpression';
      if (key === 'callee') return { kind: 'callee', call: parent, isNew };
      return path.listKey === 'arguments' && typeof key === 'number' ? { kind: 'argument', call: parent, index: key, isNew } : { kind: 'other' };
    }
    case 'BinaryExpression':
      return { kind: 'binary', operator: node.operator, side: key === 'left' ? 'left' : 'right', other: parent.get(key === 'left' ? 'right' : 'left') as NodePath };
    case 'UnaryExpression':
      return { kind: 'unary', operator: node.operator };
    case 'LogicalExpression':
      return { kind: 'logical', operator: node.operator, side: key === 'left' ? 'left' : 'right', expression: parent };
    case 'ConditionalExpression':
      return { kind: 'conditional', test: key === 'test', expression: parent };
    case 'SequenceExpression':
      return { kind: 'sequence', last: path.node === node.expressions[node.expressions.length - 1], expression: parent };
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
      return key === 'test' ? { kind: 'test' } : { kind: 'inert' };
    case 'ForInStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
    case 'TemplateLiteral':
      return { kind: 'inert' };
    case 'ExpressionStatement':
      return { kind: 'statement' };
    case 'VariableDeclarator':
      return key === 'init' ? { kind: 'declarator-init', declarator: parent, target: parent.get('id') as NodePath } : { kind: 'other' };
    case 'AssignmentExpression':
      if (key === 'left') return { kind: 'assignment-left' };
      return { kind: 'assignment-right', assignment: parent, operator: (node as t.AssignmentExpression).operator, target: parent.get('left') as NodePath, statement: parent.parentPath?.isExpressionStatement() ?? false };
    default:
      return isTransparent(node) ? { kind: 'wrapper', wrapper: parent } : { kind: 'other' };
  }
}
