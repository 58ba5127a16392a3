import type { NodePath, types as t } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import { describeSites as describeCoreSites, findReferences as findCoreReferences, type RequestReferences as CoreReferences } from '../core/find-references.js';
import type { GlobalUse } from '../core/global-use.js';
import { isNetworkApi } from '../core/network-apis.js';
import type { Reader } from '../core/request-references.js';
import { globalIdentifierPaths } from './global-paths.js';
import { babelReader } from './syntax-adapter.js';

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
  /** What the shared finder read (describeSites reads it again) and with what. */
  found: CoreReferences<NodePath>;
  reader: Reader<NodePath>;
}

/**
 * Every reference to the global `wx.request` in a program: reads, `const { request } = wx`,
 * destructuring assignments, owners. Babel's part is finding the identifiers named like a global
 * (global-paths.ts); what each one is, is decided by the shared finder (plugin/core/find-references.ts).
 */
export function findReferences(program: NodePath<t.Program>, file: string, globals: readonly string[], types: typeof t): RequestReferences {
  const reader = babelReader(globals, types);
  // Every reference starts at an identifier named like a global: visit those alone, in the order
  // a traversal would, rather than every node of the file (global-paths.ts says why).
  const found = findCoreReferences(reader, globalIdentifierPaths(program, globals, types, isOtherApiRead), file);
  return {
    members: found.members as RequestReferences['members'],
    destructurings: found.destructurings.map(({ declarator }) => declarator as NodePath<t.VariableDeclarator>),
    assignments: found.assignments as RequestReferences['assignments'],
    owners: found.owners,
    thisArguments: found.thisArguments,
    globalUses: found.globalUses,
    found,
    reader,
  };
}

/**
 * `wx.showToast`: the object of a read of a named property other than `request`, with nothing
 * around it. Whatever binds the name, such a mention is neither a reference nor a use of the global
 * that hands `request` on (the role table calls it harmless), and most mentions in real mini-program
 * code are of this kind: they are dropped before a path is made for them.
 */
function isOtherApiRead(node: t.Identifier, parent: t.Node, key: string): boolean {
  if (key !== 'object' || (parent.type !== 'MemberExpression' && parent.type !== 'OptionalMemberExpression') || parent.computed) return false;
  const property = parent.property;
  return property.type === 'Identifier' && !isNetworkApi(property.name) && parent.object === node;
}

/** The neutral description of every call made through those references, read before any rewrite. */
export function describeSites(references: RequestReferences, file: string): CallSite[] {
  return describeCoreSites(references.reader, references.found, file);
}
