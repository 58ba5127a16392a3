import type { NodePath, types as t } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import type { Evaluator } from '../core/evaluate.js';
import { callsOfBinding, callsThrough, type RequestCall } from './calls.js';
import { describeCall } from './describe-call.js';
import { isRequestDestructuring, isRequestDestructuringAssignment, isRequestReference } from './references.js';
import { destructuredTargets } from './rewrite.js';
import { babelEvaluator } from './syntax-adapter.js';

export interface RequestReferences {
  members: NodePath[];
  destructurings: NodePath<t.VariableDeclarator>[];
  assignments: NodePath<t.AssignmentExpression>[];
}

/** Every reference to the global `wx.request` in a program: reads, `const { request } = wx`, destructuring assignments. */
export function findReferences(program: NodePath<t.Program>, globals: readonly string[]): RequestReferences {
  const found: RequestReferences = { members: [], destructurings: [], assignments: [] };
  program.traverse({
    'MemberExpression|OptionalMemberExpression'(path: NodePath) {
      if (isRequestReference(path, globals)) {
        found.members.push(path);
        path.skip();
      }
    },
    VariableDeclarator(path) {
      if (isRequestDestructuring(path, globals)) found.destructurings.push(path);
    },
    AssignmentExpression(path) {
      if (isRequestDestructuringAssignment(path, globals)) found.assignments.push(path);
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
