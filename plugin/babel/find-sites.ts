import type { NodePath, types as t } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import type { Evaluator } from '../core/evaluate.js';
import type { GlobalUse } from '../core/global-use.js';
import { callsOfBinding, callsThrough, type RequestCall } from './calls.js';
import { describeCall } from './describe-call.js';
import { isGlobalMention, roleOfGlobal } from './global-uses.js';
import { isRequestDestructuring, isRequestDestructuringAssignment, isRequestReference } from './references.js';
import { destructuredTargets } from './rewrite.js';
import { spanOf } from './span.js';
import { babelEvaluator } from './syntax-adapter.js';

export interface RequestReferences {
  members: NodePath<t.MemberExpression | t.OptionalMemberExpression>[];
  destructurings: NodePath<t.VariableDeclarator>[];
  assignments: NodePath<t.AssignmentExpression>[];
  /** `wx` as the owner of `request` elsewhere than in `wx.request`: `.call(wx, o)`, `Object.defineProperty(wx, 'request', …)`. */
  owners: NodePath[];
  /** The other uses of the global object as a value (for global-escape). */
  globalUses: GlobalUse[];
}

/** Every reference to the global `wx.request` in a program: reads, `const { request } = wx`, destructuring assignments, owners. */
export function findReferences(program: NodePath<t.Program>, file: string, globals: readonly string[], types: typeof t): RequestReferences {
  const found: RequestReferences = { members: [], destructurings: [], assignments: [], owners: [], globalUses: [] };
  program.traverse({
    'MemberExpression|OptionalMemberExpression'(path: NodePath) {
      if (isRequestReference(path, globals)) {
        found.members.push(path as NodePath<t.MemberExpression | t.OptionalMemberExpression>);
        path.skip();
      }
    },
    VariableDeclarator(path) {
      if (isRequestDestructuring(path, globals)) found.destructurings.push(path);
    },
    AssignmentExpression(path) {
      if (isRequestDestructuringAssignment(path, globals)) found.assignments.push(path);
    },
    Identifier(path) {
      if (!isGlobalMention(path, globals, types)) return;
      const role = roleOfGlobal(path, globals);
      if (role === 'holder') found.owners.push(path);
      else if (role !== 'harmless') found.globalUses.push({ file, global: path.node.name, kind: role, span: spanOf(path.node) });
    },
  });
  return found;
}

/** The neutral description of every call made through those references, read before any rewrite. */
export function describeSites(found: RequestReferences, file: string, evaluator: Evaluator<NodePath> = babelEvaluator): CallSite[] {
  const describe = ({ call, argument }: RequestCall) => describeCall(file, call, argument, evaluator);
  return [
    ...found.members.flatMap((member) => callsThrough(member)),
    ...found.destructurings.flatMap((declarator) => destructuredTargets(declarator).flatMap((target) => callsOfBinding(target))),
  ].map(describe);
}
