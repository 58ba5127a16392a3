import type { CallSite } from './call-site.js';
import type { GlobalUse } from './global-use.js';
import type { NetworkApi } from './network-apis.js';
import { isGlobalMention, ownedApi, roleOfGlobal } from './global-roles.js';
import { callsOfBinding, callsThrough, describeCall } from './request-calls.js';
import { destructuredTargets, isRequestDestructuring, isRequestDestructuringAssignment, isRequestReference, outermostWrapper, referencedApi, type Reader } from './request-references.js';

/** Every reference to the global `wx.request` in a file, sorted by what the rewrite does with it. */
export interface RequestReferences<N> {
  /** `wx.request`, `wx['request']`, `wx?.request`: read, called or written. */
  members: N[];
  /** `const { request, … } = wx`: the declarator and its pattern. */
  destructurings: { declarator: N; pattern: N }[];
  /** `({ request, … } = wx);` (the assignments). */
  assignments: N[];
  /** `wx` as the owner of `request` elsewhere than in `wx.request`: `Object.defineProperty(wx, 'request', …)`. */
  owners: N[];
  /** `wx` passed as `this` to the request function: `.call(wx, o)`. */
  thisArguments: N[];
  /** The other uses of the global object as a value (for global-escape). */
  globalUses: GlobalUse[];
  /** The network APIs the references name: the runtime installs of the rewrite (runtime-import.ts). */
  apis: Set<NetworkApi>;
}

/** Whether one of the node's ancestors is one of these (by the adapter's identity). */
function hasAncestorIn<N>(reader: Reader<N>, node: N, identities: ReadonlySet<object>): boolean {
  if (identities.size === 0) return false;
  for (let up = reader.syntax.parentOf(node); up !== undefined; up = reader.syntax.parentOf(up)) if (identities.has(reader.syntax.identity(up))) return true;
  return false;
}

/**
 * Sorts the identifiers named like a global into references, destructurings, owners and the other
 * uses of the global. `identifiers` are in the order a traversal meets them; a front end may leave
 * out those it knows are of no interest (a mention of a local binding; `wx.showToast`), since each
 * is judged on its own: a local one counts for nothing, an other-API read is harmless.
 */
export function findReferences<N>(reader: Reader<N>, identifiers: Iterable<N>, file: string): RequestReferences<N> {
  const found: RequestReferences<N> = { members: [], destructurings: [], assignments: [], owners: [], thisArguments: [], globalUses: [], apis: new Set() };
  const takes = (pattern: N) => destructuredTargets(reader, pattern).forEach(({ api }) => found.apis.add(api));
  const { syntax } = reader;
  // What lies inside a reference is the reference's (a traversal would skip it).
  const inMember = new Set<object>();
  for (const id of identifiers) {
    if (hasAncestorIn(reader, id, inMember)) continue;
    const outer = outermostWrapper(syntax, id);
    const place = syntax.placeOf(outer);
    if (place.kind === 'member-object' && isRequestReference(reader, place.member)) {
      found.members.push(place.member);
      found.apis.add(referencedApi(reader, place.member)!);
      inMember.add(syntax.identity(place.member));
      continue;
    }
    if (place.kind === 'declarator-init' && isRequestDestructuring(reader, place.target, outer)) {
      found.destructurings.push({ declarator: place.declarator, pattern: place.target });
      takes(place.target);
    }
    if (place.kind === 'assignment-right' && isRequestDestructuringAssignment(reader, place.operator, place.target, outer, place.statement)) {
      found.assignments.push(place.assignment);
      takes(place.target);
    }
    if (!isGlobalMention(reader, id)) continue;
    const role = roleOfGlobal(reader, id);
    if (role === 'holder') {
      found.owners.push(id);
      const api = ownedApi(reader, id);
      if (api) found.apis.add(api);
    }
    else if (role === 'this') found.thisArguments.push(id);
    else if (role !== 'harmless') found.globalUses.push({ file, global: syntax.identifierName(id)!, kind: role, span: syntax.spanOf(id) });
  }
  // A traversal meets a declaration before a nested one in its pattern's defaults: keep source order.
  const start = ({ declarator }: { declarator: N }) => syntax.spanOf(declarator);
  found.destructurings.sort((a, b) => start(a).line - start(b).line || start(a).column - start(b).column);
  return found;
}

/** The neutral description of every call made through those references, read before any rewrite. */
export function describeSites<N>(reader: Reader<N>, found: RequestReferences<N>, file: string): CallSite[] {
  return [
    ...found.members.flatMap((member) => callsThrough(reader, member).map((call) => ({ call, api: referencedApi(reader, member)! }))),
    ...found.destructurings.flatMap(({ pattern }) => destructuredTargets(reader, pattern).flatMap(({ target, api }) => callsOfBinding(reader, target).map((call) => ({ call, api })))),
  ].map(({ call, api }) => describeCall(reader, file, call, api));
}

