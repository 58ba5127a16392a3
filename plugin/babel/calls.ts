import type { NodePath, types as t } from '@babel/core';
import { memberName } from './static-value.js';

export interface RequestCall {
  call: NodePath;
  /** The options argument; undefined when absent or not statically reachable. */
  argument: NodePath | undefined;
}

function isCallee(path: NodePath): path is NodePath & { parentPath: NodePath<t.CallExpression | t.OptionalCallExpression> } {
  return (path.parentPath?.isCallExpression() || path.parentPath?.isOptionalCallExpression() || false) && path.key === 'callee';
}

function argumentAt(call: NodePath<t.CallExpression | t.OptionalCallExpression>, index: number): NodePath | undefined {
  const argument = call.get('arguments')[index];
  return argument?.node ? (argument as NodePath) : undefined;
}

/**
 * The calls made through one reference to the request function: `ref(o)`, `ref?.(o)`,
 * `ref.call(ctx, o)`, `ref.apply(ctx, [o])`, and the calls of a `const` that holds it.
 */
export function callsThrough(reference: NodePath, depth = 0): RequestCall[] {
  if (isCallee(reference)) return [{ call: reference.parentPath, argument: argumentAt(reference.parentPath, 0) }];
  const parent = reference.parentPath;
  if (!parent) return [];
  if ((parent.isMemberExpression() || parent.isOptionalMemberExpression()) && reference.key === 'object' && isCallee(parent)) {
    const call = parent.parentPath;
    const method = memberName(parent);
    if (method === 'call') return [{ call, argument: argumentAt(call, 1) }];
    if (method === 'apply') {
      const list = argumentAt(call, 1);
      const first = list?.isArrayExpression() ? (list.get('elements')[0] as NodePath | undefined) : undefined;
      return [{ call, argument: first?.node ? first : undefined }];
    }
    return [];
  }
  if (parent.isVariableDeclarator() && reference.key === 'init' && depth < 4) return callsOfBinding(parent.get('id') as NodePath, depth + 1);
  return [];
}

/** The calls through every reference of the binding a `const` identifier declares. */
export function callsOfBinding(id: NodePath, depth = 0): RequestCall[] {
  if (!id.isIdentifier()) return [];
  const binding = id.scope.getBinding(id.node.name);
  if (!binding || binding.kind !== 'const') return [];
  return binding.referencePaths.flatMap((reference) => callsThrough(reference, depth));
}

/** Whether a reference is called right where it stands (`ref(o)`, `ref.call(…)`, `ref.apply(…)`), not kept or passed on. */
export function isCalledInPlace(reference: NodePath): boolean {
  if (isCallee(reference)) return true;
  const parent = reference.parentPath;
  if (!parent || !(parent.isMemberExpression() || parent.isOptionalMemberExpression()) || reference.key !== 'object' || !isCallee(parent)) return false;
  const method = memberName(parent);
  return method === 'call' || method === 'apply';
}
