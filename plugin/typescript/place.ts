import type * as TS from 'typescript';
import type { Place } from '../core/reference-syntax.js';
import { parentOf, skipParens, type Ts } from './syntax.js';

/** The wrappers that keep their expression's value: `x as T`, `x!`, `<T>x`, `x satisfies T` (parentheses are no node to Babel, and none here). */
export function isWrapper(ts: Ts, node: TS.Node): boolean {
  return ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node);
}

function isAssignmentOperator(ts: Ts, kind: TS.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Whether a node is a statement of its own (`x;`, `(x);`). */
function isStatementExpression(ts: Ts, node: TS.Node): boolean {
  const { parent } = parentOf(ts, node);
  return parent !== undefined && ts.isExpressionStatement(parent);
}

function binaryPlace(ts: Ts, parent: TS.BinaryExpression, child: TS.Node): Place<TS.Node> {
  const { SyntaxKind } = ts;
  const kind = parent.operatorToken.kind;
  const side = parent.left === child ? 'left' : 'right';
  // A comma expression is nested binaries here (one SequenceExpression to Babel): the right operand is the value.
  if (kind === SyntaxKind.CommaToken) return { kind: 'sequence', last: side === 'right', expression: parent };
  const operator = ts.tokenToString(kind) ?? '';
  if (kind === SyntaxKind.AmpersandAmpersandToken || kind === SyntaxKind.BarBarToken || kind === SyntaxKind.QuestionQuestionToken) return { kind: 'logical', operator, side, expression: parent };
  if (isAssignmentOperator(ts, kind)) {
    if (side === 'left') return { kind: 'assignment-left' };
    return { kind: 'assignment-right', assignment: parent, operator, target: skipParens(ts, parent.left), statement: isStatementExpression(ts, parent) };
  }
  return { kind: 'binary', operator, side, other: skipParens(ts, side === 'left' ? parent.right : parent.left) };
}

function callPlace(parent: TS.CallExpression | TS.NewExpression, child: TS.Node, isNew: boolean): Place<TS.Node> {
  if (parent.expression === child) return { kind: 'callee', call: parent, isNew };
  const index = parent.arguments?.indexOf(child as TS.Expression) ?? -1;
  return index === -1 ? { kind: 'other' } : { kind: 'argument', call: parent, index, isNew };
}

/** The operand of a prefix or postfix operator: `++`/`--` write it (Babel's UpdateExpression), the others only read it. */
function unaryPlace(ts: Ts, parent: TS.PrefixUnaryExpression | TS.PostfixUnaryExpression): Place<TS.Node> {
  const writes = parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
  return writes || ts.isPostfixUnaryExpression(parent) ? { kind: 'other' } : { kind: 'unary', operator: ts.tokenToString(parent.operator) ?? '' };
}

/**
 * Where a node stands in its parent, in the neutral terms of plugin/core/reference-syntax.ts: the
 * translation of TypeScript's SyntaxKinds that the shared role table and call finder read, as
 * plugin/babel/place.ts translates Babel's node types. Parentheses are looked through, as Babel
 * keeps none.
 */
export function placeOf(ts: Ts, node: TS.Node): Place<TS.Node> {
  const { parent, child } = parentOf(ts, node);
  if (!parent) return { kind: 'none' };
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === child ? { kind: 'member-object', member: parent } : { kind: 'member-key' };
  if (ts.isElementAccessExpression(parent)) return parent.expression === child ? { kind: 'member-object', member: parent } : { kind: 'member-key' };
  if (ts.isCallExpression(parent)) return callPlace(parent, child, false);
  if (ts.isNewExpression(parent)) return callPlace(parent, child, true);
  if (ts.isBinaryExpression(parent)) return binaryPlace(ts, parent, child);
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) return unaryPlace(ts, parent);
  if (ts.isTypeOfExpression(parent)) return { kind: 'unary', operator: 'typeof' };
  if (ts.isVoidExpression(parent)) return { kind: 'unary', operator: 'void' };
  if (ts.isDeleteExpression(parent)) return { kind: 'unary', operator: 'delete' };
  if (ts.isConditionalExpression(parent)) return { kind: 'conditional', test: parent.condition === child, expression: parent };
  if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === child ? { kind: 'test' } : { kind: 'inert' };
  if (ts.isForStatement(parent)) return parent.condition === child ? { kind: 'test' } : { kind: 'inert' };
  if (ts.isForInStatement(parent) || ts.isSwitchStatement(parent) || ts.isCaseClause(parent) || ts.isTemplateSpan(parent)) return { kind: 'inert' };
  if (ts.isExpressionStatement(parent)) return { kind: 'statement' };
  if (ts.isVariableDeclaration(parent)) return parent.initializer === child ? { kind: 'declarator-init', declarator: parent, target: parent.name } : { kind: 'other' };
  if (isWrapper(ts, parent)) return { kind: 'wrapper', wrapper: parent };
  return { kind: 'other' };
}
