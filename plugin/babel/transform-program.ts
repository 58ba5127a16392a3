import type { NodePath, types as t } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import type { GlobalUse } from '../core/global-use.js';
import { DEFAULT_RUNTIME, type ResolvedOptions } from '../core/options.js';
import { runtimeEntry } from '../core/runtime-entry.js';
import { runtimeInstalls } from '../core/runtime-import.js';
import { TextEdits, type TextEdit } from '../core/text-edits.js';
import { isCalledInPlace } from '../core/request-calls.js';
import { describeSites, findReferences } from './find-sites.js';
import { addRuntimeImport } from './import-runtime.js';
import { replaceGlobal, replaceReference, rewriteDestructuring, rewriteDestructuringAssignment, type RewriteContext } from './rewrite.js';

export interface ProgramResult {
  sites: CallSite[];
  /** Uses of the global object through which `request` escapes the plugin (global-escape). */
  globalUses: GlobalUse[];
  rewritten: number;
  /** The changes made, as edits of the original text; undefined when a node had no position. */
  edits: TextEdit[] | undefined;
}

/**
 * Finds every reference to the global `wx.request`, describes each call for the rules, then
 * rewrites: the global object becomes the runtime's shared `wx` wherever `request` is read, written
 * or defined on it, so a wrapper installed in one file is what every file calls, as on WeChat. It
 * runs from `Program` enter in a traversal of its own, so no other plugin (preset-env lowering
 * `wx?.request`, preset-typescript) has touched the code yet, whatever the order.
 */
export function transformProgram(program: NodePath<t.Program>, file: string, options: ResolvedOptions, types: typeof t, callerSupportsEsm: boolean): ProgramResult {
  const found = findReferences(program, file, options.globals, types);
  const { members, destructurings, assignments, owners, thisArguments, globalUses } = found;
  if (members.length === 0 && destructurings.length === 0 && assignments.length === 0 && owners.length === 0) {
    return { sites: [], globalUses, rewritten: 0, edits: [] };
  }

  // Describe before rewriting: the rules read the user's code as written.
  const sites = describeSites(found, file);
  const everyReferenceIsACall = destructurings.length === 0 && assignments.length === 0 && owners.length === 0 && members.every((member) => isCalledInPlace(found.reader, member));
  const source = runtimeEntry(options.runtime, DEFAULT_RUNTIME, sites, everyReferenceIsACall);
  const edits = new TextEdits();
  const firstStatement = program.node.body[0]?.start;
  const installs = runtimeInstalls(found.found.apis, options.runtime, DEFAULT_RUNTIME);
  const runtime = addRuntimeImport(program, source, types, callerSupportsEsm, [...options.allowedOrigins], installs);
  edits.insert(firstStatement, runtime.text);
  const context: RewriteContext = { holder: () => types.cloneNode(runtime.holder), edits, source: program.hub.getCode() ?? '', types };
  for (const owner of [...owners, ...thisArguments]) replaceGlobal(owner, context);
  for (const member of members) replaceReference(member, context);
  for (const declarator of destructurings) rewriteDestructuring(declarator, context);
  for (const assignment of assignments) rewriteDestructuringAssignment(assignment, context);
  return { sites, globalUses, rewritten: members.length + destructurings.length + assignments.length + owners.length, edits: edits.list() };
}
