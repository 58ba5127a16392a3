import type { NodePath, types as t } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import { DEFAULT_RUNTIME, type ResolvedOptions } from '../core/options.js';
import { runtimeEntry } from '../core/runtime-entry.js';
import { isCalledInPlace, thisArgument } from './calls.js';
import { describeSites, findReferences } from './find-sites.js';
import { runtimeImporter } from './import-runtime.js';
import { isGlobalObject } from './references.js';
import { replaceGlobalThisArgument, replaceReference, rewriteDestructuring, rewriteDestructuringAssignment } from './rewrite.js';

export interface ProgramResult {
  sites: CallSite[];
  rewritten: number;
}

/**
 * Finds every reference to the global `wx.request`, describes each call for the rules, then
 * rewrites. It runs from `Program` enter in a traversal of its own, so no other plugin (preset-env
 * lowering `wx?.request`, preset-typescript) has touched the code yet, whatever the order.
 */
export function transformProgram(program: NodePath<t.Program>, file: string, options: ResolvedOptions, types: typeof t, callerSupportsEsm: boolean): ProgramResult {
  const found = findReferences(program, options.globals);
  const { members, destructurings, assignments } = found;
  if (members.length === 0 && destructurings.length === 0 && assignments.length === 0) return { sites: [], rewritten: 0 };

  // Describe before rewriting: the rules read the user's code as written.
  const sites = describeSites(found, file);
  const everyReferenceIsACall = destructurings.length === 0 && assignments.length === 0 && members.every(isCalledInPlace);
  const source = runtimeEntry(options.runtime, DEFAULT_RUNTIME, sites, everyReferenceIsACall);
  const local = runtimeImporter(program, source, types, callerSupportsEsm);
  for (const member of members) {
    const self = thisArgument(member);
    if (self && isGlobalObject(self, options.globals)) replaceGlobalThisArgument(self, types);
    replaceReference(member, local(), types);
  }
  for (const declarator of destructurings) rewriteDestructuring(declarator, local, types);
  for (const assignment of assignments) rewriteDestructuringAssignment(assignment, local, types);
  return { sites, rewritten: members.length + destructurings.length + assignments.length };
}

