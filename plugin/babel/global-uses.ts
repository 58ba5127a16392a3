import type { NodePath, types as t } from '@babel/core';
import type { GlobalUseKind } from '../core/global-use.js';
import { isGlobalObject, isRequestPatternProperty, isRequestReference } from './references.js';
import { memberName, staticKey } from './static-value.js';
import { isTransparent } from './unwrap.js';

/**
 * What one mention of the global `wx` object does:
 * - `harmless`: it cannot hand `request` on (`wx.showToast()`, `typeof wx`, `if (wx)`, `wx && …`);
 * - `holder`: it stands for the object that owns `request` and becomes the runtime's `wx`
 *   (`wx.request.call(wx, o)`, `Object.defineProperty(wx, 'request', …)`, `'request' in wx`);
 * - a GlobalUseKind: `request` can travel through it unseen (the global-escape rule).
 * Destructurings that take `request` are rewritten on their own and count as harmless here.
 */
export type GlobalRole = 'harmless' | 'holder' | GlobalUseKind;

/** The functions whose first argument is an object and second a property name. */
const PROPERTY_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  Object: ['defineProperty', 'getOwnPropertyDescriptor', 'hasOwn'],
  Reflect: ['defineProperty', 'getOwnPropertyDescriptor', 'get', 'set', 'has', 'deleteProperty'],
};

function isStaticRequestKey(path: NodePath | undefined): boolean {
  return path?.node !== undefined && path.node !== null && !path.isSpreadElement() && staticKey(path, new Set()) === 'request';
}

/** `Object.defineProperty(…)`, `Reflect.get(…)`: a call of a global property function. */
function isPropertyFunction(callee: NodePath): boolean {
  if (!callee.isMemberExpression()) return false;
  const object = callee.get('object');
  if (!object.isIdentifier() || !Object.hasOwn(PROPERTY_FUNCTIONS, object.node.name) || object.scope.hasBinding(object.node.name, true)) return false;
  const method = memberName(callee);
  return method !== undefined && PROPERTY_FUNCTIONS[object.node.name]!.includes(method);
}

function argumentRole(call: NodePath<t.CallExpression | t.OptionalCallExpression | t.NewExpression>, index: number, globals: readonly string[]): GlobalRole {
  if (index !== 0 || call.isNewExpression()) return 'argument';
  const callee = call.get('callee') as NodePath;
  const method = callee.isMemberExpression() || callee.isOptionalMemberExpression() ? memberName(callee) : undefined;
  // `wx.request.call(wx, o)`, `.apply(wx, …)`, `.bind(wx)`: the owner passed as `this`.
  if ((method === 'call' || method === 'apply' || method === 'bind') && isRequestReference(callee.get('object') as NodePath, globals)) return 'holder';
  if (isPropertyFunction(callee) && isStaticRequestKey(call.get('arguments')[1] as NodePath | undefined)) return 'holder';
  return 'argument';
}

/** Whether an expression's value is only tested or thrown away (`if (…)`, `!…`, a statement of its own). */
function isTestedOnly(path: NodePath): boolean {
  const parent = path.parentPath;
  if (!parent) return false;
  switch (parent.node.type) {
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ConditionalExpression':
    case 'ForStatement':
      return path.key === 'test';
    case 'UnaryExpression':
      return parent.node.operator === '!';
    case 'ExpressionStatement':
      return true;
    case 'LogicalExpression':
      return isTestedOnly(parent);
    case 'SequenceExpression': {
      const expressions = parent.node.expressions;
      return path.node !== expressions[expressions.length - 1] || isTestedOnly(parent);
    }
    default:
      return isTransparent(parent.node) && isTestedOnly(parent);
  }
}

/** A destructuring of the global: harmless unless a rest element or a computed key can take `request`. */
function patternRole(pattern: NodePath<t.ObjectPattern>, rewritten: boolean): GlobalRole {
  const properties = pattern.get('properties');
  if (properties.some(isRequestPatternProperty)) return rewritten ? 'harmless' : 'value';
  if (properties.some((property) => property.isRestElement())) return 'rest';
  const dynamic = properties.some((property) => property.isObjectProperty() && property.node.computed && staticKey(property.get('key') as NodePath, new Set()) === undefined);
  return dynamic ? 'dynamic-key' : 'harmless';
}

/**
 * `var _wx = wx` read only as `_wx.showModal` (as preset-env lowers a destructuring): an alias
 * through which nothing but other APIs is read, by name, and never reassigned or exported. An
 * unused alias counts as kept for later (`const api = wx`).
 */
function isPlainAlias(target: NodePath<t.Identifier>): boolean {
  const binding = target.scope.getBinding(target.node.name);
  if (!binding || binding.constantViolations.length > 0 || binding.referencePaths.length === 0) return false;
  if (target.parentPath.parentPath?.parentPath?.isExportNamedDeclaration()) return false;
  return binding.referencePaths.every((reference) => {
    const parent = reference.parentPath;
    if (!parent || !(parent.isMemberExpression() || parent.isOptionalMemberExpression()) || reference.key !== 'object') return false;
    const name = memberName(parent);
    return name !== undefined && name !== 'request';
  });
}

/** The role of an identifier that names the global object (isGlobalObject holds). */
export function roleOfGlobal(id: NodePath<t.Identifier>, globals: readonly string[]): GlobalRole {
  let outer: NodePath = id;
  while (outer.parentPath && isTransparent(outer.parentPath.node)) outer = outer.parentPath;
  const parent = outer.parentPath;
  if (!parent) return 'harmless';
  const key = outer.key;
  const node = parent.node;
  switch (node.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      if (key !== 'object') return 'harmless';
      return memberName(parent) === undefined ? 'dynamic-key' : 'harmless';
    case 'BinaryExpression':
      return node.operator === 'in' && key === 'right' && isStaticRequestKey(parent.get('left') as NodePath) ? 'holder' : 'harmless';
    case 'UnaryExpression':
    case 'TemplateLiteral':
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'SwitchStatement':
    case 'SwitchCase':
    case 'ExpressionStatement':
      return 'harmless';
    case 'LogicalExpression':
      // A falsy `wx` has no request: `wx && …` hands on nothing.
      if (key === 'left' && node.operator === '&&') return 'harmless';
      return isTestedOnly(parent) ? 'harmless' : 'value';
    case 'ConditionalExpression':
      return key === 'test' || isTestedOnly(parent) ? 'harmless' : 'value';
    case 'SequenceExpression':
      return isTestedOnly(outer) ? 'harmless' : 'value';
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      return key === 'callee' ? 'harmless' : argumentRole(parent as NodePath<t.CallExpression>, key as number, globals);
    case 'VariableDeclarator': {
      const target = parent.get('id') as NodePath;
      if (target.isObjectPattern()) return patternRole(target, true);
      return target.isIdentifier() && isPlainAlias(target) ? 'harmless' : 'value';
    }
    case 'AssignmentExpression': {
      if (key === 'left') return 'harmless';
      const target = parent.get('left') as NodePath;
      return target.isObjectPattern() ? patternRole(target, parent.parentPath?.isExpressionStatement() ?? false) : 'value';
    }
    default:
      return 'value';
  }
}

/** Whether an identifier is a value mention of the global object (not a type, a key or a declaration). */
export function isGlobalMention(path: NodePath<t.Identifier>, globals: readonly string[], types: typeof t): boolean {
  if (!globals.includes(path.node.name) || !path.isReferencedIdentifier()) return false;
  const parent = path.parent;
  // Type positions (`typeof wx` in a type, Flow annotations) are no values.
  if (parent.type.startsWith('TS') && !isTransparent(parent)) return false;
  if (types.isFlow(parent) && !isTransparent(parent)) return false;
  return isGlobalObject(path, globals);
}
