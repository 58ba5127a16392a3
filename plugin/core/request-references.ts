import type { Evaluator } from './evaluate.js';
import { isNetworkApi, type NetworkApi } from './network-apis.js';
import type { PatternProperty, ReferenceSyntax } from './reference-syntax.js';

/**
 * The spellings of a reference to the global `wx.request` (or another configured global's), for
 * every front end: what counts as the global object, as its `request`, and as a destructuring
 * that takes it. Written over ReferenceSyntax, so Babel's tree and ESTree answer alike.
 */
export interface Reader<N> {
  syntax: ReferenceSyntax<N>;
  evaluator: Evaluator<N>;
  globals: readonly string[];
}

/** `wx` (or another configured global) when it is the global object, not a local binding. */
export function isGlobalObject<N>({ syntax, globals }: Reader<N>, input: N): boolean {
  const node = syntax.unwrap(input);
  const name = syntax.identifierName(node);
  // `declare const wx: WechatMiniprogram.Wx` in TypeScript describes the global; it binds nothing.
  return name !== undefined && globals.includes(name) && syntax.binding(node) !== 'local';
}

/**
 * A reference to the global `wx.request`, in any of its spellings: a read, a call, and also a write
 * (`wx.request = wrapper`, `delete wx.request`), since all of them go to the runtime's shared `wx`.
 */
export function isRequestReference<N>(reader: Reader<N>, node: N): boolean {
  return referencedApi(reader, node) !== undefined;
}

/** The network API a member of the global names (`wx.uploadFile` → uploadFile), or undefined for anything else. */
export function referencedApi<N>(reader: Reader<N>, node: N): NetworkApi | undefined {
  const shape = reader.syntax.shape(node);
  if (shape.kind !== 'member') return undefined;
  const name = reader.evaluator.memberName(node);
  return isNetworkApi(name) && isGlobalObject(reader, shape.object) ? name : undefined;
}

/** The property of an object pattern that reads `request`: `{ request }`, `{ request: req }`, `{ 'request': r = f }`, `{ ['request']: r }`. */
export function isRequestPatternProperty<N>(reader: Reader<N>, property: PatternProperty<N>): property is Extract<PatternProperty<N>, { kind: 'property' }> {
  return patternApi(reader, property) !== undefined;
}

/** The network API a property of an object pattern takes (`{ uploadFile: up }` → uploadFile). */
export function patternApi<N>(reader: Reader<N>, property: PatternProperty<N>): NetworkApi | undefined {
  if (property.kind !== 'property') return undefined;
  const name = 'computed' in property.key ? reader.evaluator.staticKey(property.key.computed, new Set()) : property.key.name;
  return isNetworkApi(name) ? name : undefined;
}

function takesRequest<N>(reader: Reader<N>, pattern: N): boolean {
  return reader.syntax.objectPattern(pattern)?.some((property) => isRequestPatternProperty(reader, property)) ?? false;
}

/** `const { request, ... } = wx`: a declarator whose pattern takes `request` from the global. */
export function isRequestDestructuring<N>(reader: Reader<N>, target: N, init: N): boolean {
  return reader.syntax.objectPattern(target) !== undefined && isGlobalObject(reader, init) && takesRequest(reader, target);
}

/** `({ request: r, showToast } = wx);` as a statement of its own: a destructuring assignment from the global. */
export function isRequestDestructuringAssignment<N>(reader: Reader<N>, operator: string, target: N, right: N, statement: boolean): boolean {
  return operator === '=' && statement && reader.syntax.objectPattern(target) !== undefined && isGlobalObject(reader, right) && takesRequest(reader, target);
}

/** The identifiers (or other targets) a `const { request: req } = wx` binds to a network API, each with its API. */
export function destructuredTargets<N>(reader: Reader<N>, pattern: N): { target: N; api: NetworkApi }[] {
  return (reader.syntax.objectPattern(pattern) ?? []).flatMap((property) => {
    const api = patternApi(reader, property);
    return api === undefined ? [] : [{ target: (property as { target: N }).target, api }];
  });
}

/** The node itself, or the outermost of the wrappers around it that keep its value (`(wx as any)`). */
export function outermostWrapper<N>(syntax: ReferenceSyntax<N>, node: N): N {
  let outer = node;
  for (let place = syntax.placeOf(outer); place.kind === 'wrapper'; place = syntax.placeOf(outer)) outer = place.wrapper;
  return outer;
}
