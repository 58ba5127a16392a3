import type { NodePath, types as t } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import type { Evaluator } from '../core/evaluate.js';
import type { GlobalUse } from '../core/global-use.js';
import { callsOfBinding, callsThrough, type RequestCall } from './calls.js';
import { describeCall } from './describe-call.js';
import { globalIdentifierPaths, hasAncestorIn, outermostWrapper } from './global-paths.js';
import { isGlobalMention, roleOfGlobal } from './global-uses.js';
import { isRequestDestructuring, isRequestDestructuringAssignment, isRequestReference } from './references.js';
import { destructuredTargets } from './rewrite.js';
import { spanOf } from './span.js';
import { babelEvaluator } from './syntax-adapter.js';

export interface RequestReferences {
  members: NodePath<t.MemberExpression | t.OptionalMemberExpression>[];
  destructurings: NodePath<t.VariableDeclarator>[];
  assignments: NodePath<t.AssignmentExpression>[];
  /** `wx` as the owner of `request` elsewhere than in `wx.request`: `Object.defineProperty(wx, 'request', …)`. */
  owners: NodePath[];
  /** `wx` passed as `this` to the request function: `.call(wx, o)`. */
  thisArguments: NodePath[];
  /** The other uses of the global object as a value (for global-escape). */
  globalUses: GlobalUse[];
}

/** Every reference to the global `wx.request` in a program: reads, `const { request } = wx`, destructuring assignments, owners. */
export function findReferences(program: NodePath<t.Program>, file: string, globals: readonly string[], types: typeof t): RequestReferences {
  const found: RequestReferences = { members: [], destructurings: [], assignments: [], owners: [], thisArguments: [], globalUses: [] };
  // Every reference starts at an identifier named like a global: visit those alone, in the order
  // a traversal would, rather than every node of the file (global-paths.ts says why).
  const inMember = new Set<t.Node>();
  for (const path of globalIdentifierPaths(program, globals, types, isOtherApiRead)) {
    // What lies inside a reference is the reference's (a traversal would skip it).
    if (hasAncestorIn(path, inMember)) continue;
    const outer = outermostWrapper(path);
    const parent = outer.parentPath;
    if (parent && outer.key === 'object' && isRequestReference(parent, globals)) {
      found.members.push(parent);
      inMember.add(parent.node);
      continue;
    }
    if (parent && outer.key === 'init' && isRequestDestructuring(parent, globals)) found.destructurings.push(parent);
    if (parent && outer.key === 'right' && isRequestDestructuringAssignment(parent, globals)) found.assignments.push(parent);
    if (!isGlobalMention(path, globals, types)) continue;
    const role = roleOfGlobal(path, globals);
    if (role === 'holder') found.owners.push(path);
    else if (role === 'this') found.thisArguments.push(path);
    else if (role !== 'harmless') found.globalUses.push({ file, global: path.node.name, kind: role, span: spanOf(path.node) });
  }
  // A traversal meets a declaration before a nested one in its pattern's defaults: keep that order.
  if (found.destructurings.every((d) => typeof d.node.start === 'number')) found.destructurings.sort((a, b) => a.node.start! - b.node.start!);
  return found;
}

/**
 * `wx.showToast`: the object of a read of a named property other than `request`, with nothing
 * around it. Whatever binds the name, such a mention is neither a reference nor a use of the global
 * that hands `request` on (roleOfGlobal calls it harmless), and most mentions in real mini-program
 * code are of this kind: they are dropped before a path is made for them.
 */
function isOtherApiRead(node: t.Identifier, parent: t.Node, key: string): boolean {
  if (key !== 'object' || (parent.type !== 'MemberExpression' && parent.type !== 'OptionalMemberExpression') || parent.computed) return false;
  const property = parent.property;
  return property.type === 'Identifier' && property.name !== 'request' && parent.object === node;
}

/** The neutral description of every call made through those references, read before any rewrite. */
export function describeSites(found: RequestReferences, file: string, evaluator: Evaluator<NodePath> = babelEvaluator): CallSite[] {
  const describe = ({ call, argument }: RequestCall) => describeCall(file, call, argument, evaluator);
  return [
    ...found.members.flatMap((member) => callsThrough(member)),
    ...found.destructurings.flatMap((declarator) => destructuredTargets(declarator).flatMap((target) => callsOfBinding(target))),
  ].map(describe);
}
