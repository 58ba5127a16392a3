import type { Evaluator } from './evaluate.js';
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
  const shape = reader.syntax.shape(node);
  return shape.kind === 'member' && reader.evaluator.memberName(node) === 'request' && isGlobalObject(reader, shape.object);
}

/** The property of an object pattern that reads `request`: `{ request }`, `{ request: req }`, `{ 'request': r = f }`, `{ ['request']: r }`. */
export function isRequestPatternProperty<N>(reader: Reader<N>, property: PatternProperty<N>): property is Extract<PatternProperty<N>, { kind: 'property' }> {
  if (property.kind !== 'property') return false;
  return 'computed' in property.key ? reader.evaluator.staticKey(property.key.computed, new Set()) === 'request' : property.key.name === 'request';
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

/** The identifiers (or other targets) a `const { request: req } = wx` binds to the request function. */
export function destructuredTargets<N>(reader: Reader<N>, pattern: N): N[] {
  return (reader.syntax.objectPattern(pattern) ?? []).filter((property) => isRequestPatternProperty(reader, property)).map((property) => (property as { target: N }).target);
}

/** The node itself, or the outermost of the wrappers around it that keep its value (`(wx as any)`). */
export function outermostWrapper<N>(syntax: ReferenceSyntax<N>, node: N): N {
  let outer = node;
  for (let place = syntax.placeOf(outer); place.kind === 'wrapper'; place = syntax.placeOf(outer)) outer = place.wrapper;
  return outer;
}
