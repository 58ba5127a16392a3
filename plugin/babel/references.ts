import type { NodePath, types as t } from '@babel/core';
import { memberName, staticKey } from './static-value.js';
import { unwrap } from './unwrap.js';

/** `wx` (or another configured global) when it is the global object, not a local binding. */
export function isGlobalObject(input: NodePath, globals: readonly string[]): boolean {
  const path = unwrap(input);
  if (!path.isIdentifier() || !globals.includes(path.node.name)) return false;
  const binding = path.scope.getBinding(path.node.name);
  // `declare const wx: WechatMiniprogram.Wx` in TypeScript describes the global; it binds nothing.
  if (binding) return isAmbient(binding.path);
  return !declaresTypeScriptValue(path, path.node.name);
}

/**
 * A TypeScript `enum wx {}` or `namespace wx {}` (not `declare`d) in an enclosing block makes a
 * local value that Babel's scope does not record.
 */
function declaresTypeScriptValue(path: NodePath, name: string): boolean {
  for (let block = path.parentPath; block; block = block.parentPath) {
    const body = block.isProgram() || block.isBlockStatement() || block.isTSModuleBlock() ? (block.node as { body: t.Statement[] }).body : undefined;
    const declares = body?.some((statement) => {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      return (
        (declaration?.type === 'TSEnumDeclaration' || declaration?.type === 'TSModuleDeclaration') &&
        !declaration.declare &&
        declaration.id.type === 'Identifier' &&
        declaration.id.name === name
      );
    });
    if (declares) return true;
  }
  return false;
}

function isAmbient(path: NodePath): boolean {
  if (path.isVariableDeclarator()) return Boolean((path.parent as t.VariableDeclaration).declare);
  // Flow's `declare var wx: any` is the same description of the global.
  if (path.isDeclareVariable()) return true;
  return path.isTSDeclareFunction() || Boolean((path.node as { declare?: boolean }).declare);
}

/**
 * A reference to the global `wx.request`, in any of its spellings: a read, a call, and also a write
 * (`wx.request = wrapper`, `delete wx.request`), since all of them go to the runtime's shared `wx`.
 */
export function isRequestReference(path: NodePath, globals: readonly string[]): path is NodePath<t.MemberExpression | t.OptionalMemberExpression> {
  if (!path.isMemberExpression() && !path.isOptionalMemberExpression()) return false;
  return memberName(path) === 'request' && isGlobalObject(path.get('object') as NodePath, globals);
}

/** The property of an object pattern that reads `request`: `{ request }`, `{ request: req }`, `{ 'request': r = f }`. */
export function isRequestPatternProperty(property: NodePath): property is NodePath<t.ObjectProperty> {
  if (!property.isObjectProperty()) return false;
  const key = property.node.key;
  if (!property.node.computed) return (key.type === 'Identifier' && key.name === 'request') || (key.type === 'StringLiteral' && key.value === 'request');
  return staticKey(property.get('key') as NodePath, new Set()) === 'request';
}

/** `const { request, ... } = wx`: a destructuring of the global that takes `request`. */
export function isRequestDestructuring(path: NodePath, globals: readonly string[]): path is NodePath<t.VariableDeclarator> {
  if (!path.isVariableDeclarator() || !path.get('id').isObjectPattern()) return false;
  const init = path.get('init');
  if (!init.node || !isGlobalObject(init as NodePath, globals)) return false;
  return (path.get('id') as NodePath<t.ObjectPattern>).get('properties').some(isRequestPatternProperty);
}

/** `({ request: r, showToast } = wx);` as a statement of its own: a destructuring assignment from the global. */
export function isRequestDestructuringAssignment(path: NodePath, globals: readonly string[]): path is NodePath<t.AssignmentExpression> {
  if (!path.isAssignmentExpression({ operator: '=' }) || !path.parentPath.isExpressionStatement()) return false;
  const left = path.get('left');
  if (!left.isObjectPattern() || !isGlobalObject(path.get('right') as NodePath, globals)) return false;
  return left.get('properties').some(isRequestPatternProperty);
}
