import type { GlobalUseKind } from './global-use.js';
import { isNetworkApi, type NetworkApi } from './network-apis.js';
import type { Place } from './reference-syntax.js';
import { isGlobalObject, isRequestPatternProperty, isRequestReference, outermostWrapper, type Reader } from './request-references.js';

/**
 * What one mention of the global `wx` object does:
 * - `harmless`: it cannot hand `request` on (`wx.showToast()`, `typeof wx`, `if (wx)`, `wx && …`);
 * - `holder`: it stands for the object that owns `request` and becomes the runtime's `wx`
 *   (`Object.defineProperty(wx, 'request', …)`, `'request' in wx`);
 * - `this`: the same, passed as `this` to the request function (`wx.request.call(wx, o)`,
 *   `Reflect.apply(wx.request, wx, [o])`): it becomes the runtime's `wx` too;
 * - a GlobalUseKind: `request` can travel through it unseen (the global-escape rule).
 * Destructurings that take `request` are rewritten on their own and count as harmless here.
 *
 * One table for every front end that reads a tree through ReferenceSyntax (Babel, ESTree): the
 * role depends on the mention's Place alone, and on what the evaluator knows of keys and names.
 */
export type GlobalRole = 'harmless' | 'holder' | 'this' | GlobalUseKind;

/** The functions whose first argument is an object and second a property name. */
const PROPERTY_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  Object: ['defineProperty', 'getOwnPropertyDescriptor', 'hasOwn'],
  Reflect: ['defineProperty', 'getOwnPropertyDescriptor', 'get', 'set', 'has', 'deleteProperty'],
};

function isStaticRequestKey<N>(reader: Reader<N>, node: N | undefined): boolean {
  return node !== undefined && !reader.syntax.isSpread(node) && isNetworkApi(reader.evaluator.staticKey(node, new Set()));
}

/** `Object`, `Reflect`: the built-in, not a binding of the file. */
function isBuiltIn<N>({ syntax }: Reader<N>, node: N, name: string): boolean {
  return syntax.identifierName(node) === name && syntax.binding(node) === 'none';
}

/** `Object.defineProperty(…)`, `Reflect.get(…)`: a call of a global property function (never through `?.`). */
function isPropertyFunction<N>(reader: Reader<N>, callee: N): boolean {
  const shape = reader.syntax.shape(callee);
  if (shape.kind !== 'member' || shape.optional) return false;
  const owner = reader.syntax.identifierName(shape.object);
  if (owner === undefined || !Object.hasOwn(PROPERTY_FUNCTIONS, owner) || !isBuiltIn(reader, shape.object, owner)) return false;
  const method = reader.evaluator.memberName(callee);
  return method !== undefined && PROPERTY_FUNCTIONS[owner]!.includes(method);
}

/** `Reflect.apply(wx.request, wx, [o])`: the owner passed as `this`. */
function isReflectApplyOwner<N>(reader: Reader<N>, call: N, index: number): boolean {
  const callee = reader.syntax.calleeOf(call);
  const shape = callee === undefined ? undefined : reader.syntax.shape(callee);
  if (index !== 1 || callee === undefined || shape?.kind !== 'member' || shape.optional || reader.evaluator.memberName(callee) !== 'apply') return false;
  if (!isBuiltIn(reader, shape.object, 'Reflect')) return false;
  const target = reader.syntax.callArguments(call)[0];
  return target !== undefined && isRequestReference(reader, target);
}

function argumentRole<N>(reader: Reader<N>, call: N, index: number, isNew: boolean): GlobalRole {
  if (isNew) return 'argument';
  if (isReflectApplyOwner(reader, call, index)) return 'this';
  if (index !== 0) return 'argument';
  const callee = reader.syntax.calleeOf(call);
  const shape = callee === undefined ? undefined : reader.syntax.shape(callee);
  const method = callee !== undefined && shape?.kind === 'member' ? reader.evaluator.memberName(callee) : undefined;
  // `wx.request.call(wx, o)`, `.apply(wx, …)`, `.bind(wx)`: the owner passed as `this`.
  if ((method === 'call' || method === 'apply' || method === 'bind') && shape?.kind === 'member' && isRequestReference(reader, shape.object)) return 'this';
  if (callee !== undefined && isPropertyFunction(reader, callee) && isStaticRequestKey(reader, reader.syntax.callArguments(call)[1])) return 'holder';
  return 'argument';
}

/** Whether an expression's value is only tested or thrown away (`if (…)`, `!…`, a statement of its own). */
function isTestedOnly<N>(reader: Reader<N>, node: N): boolean {
  const place = reader.syntax.placeOf(node);
  switch (place.kind) {
    case 'test':
    case 'statement':
      return true;
    case 'conditional':
      return place.test;
    case 'unary':
      return place.operator === '!';
    case 'logical':
      return isTestedOnly(reader, place.expression);
    case 'sequence':
      return !place.last || isTestedOnly(reader, place.expression);
    case 'wrapper':
      return isTestedOnly(reader, place.wrapper);
    default:
      return false;
  }
}

/** A destructuring of the global: harmless unless a rest element or a computed key can take `request`. */
function patternRole<N>(reader: Reader<N>, pattern: N, rewritten: boolean): GlobalRole {
  const properties = reader.syntax.objectPattern(pattern) ?? [];
  if (properties.some((property) => isRequestPatternProperty(reader, property))) return rewritten ? 'harmless' : 'value';
  if (properties.some((property) => property.kind === 'rest')) return 'rest';
  const dynamic = properties.some((property) => property.kind === 'property' && 'computed' in property.key && reader.evaluator.staticKey(property.key.computed, new Set()) === undefined);
  return dynamic ? 'dynamic-key' : 'harmless';
}

/**
 * `var _wx = wx` read only as `_wx.showModal` (as preset-env lowers a destructuring): an alias
 * through which nothing but other APIs is read, by name, and never reassigned or exported. An
 * unused alias counts as kept for later (`const api = wx`).
 */
function isPlainAlias<N>(reader: Reader<N>, target: N): boolean {
  const binding = reader.syntax.declaredBinding(target);
  if (!binding || binding.reassigned || binding.references.length === 0 || binding.exported) return false;
  return binding.references.every((reference) => {
    const place = reader.syntax.placeOf(reference);
    if (place.kind !== 'member-object') return false;
    const name = reader.evaluator.memberName(place.member);
    return name !== undefined && !isNetworkApi(name);
  });
}

/** The role of a mention of the global object by where its outermost wrapper stands. */
function roleAt<N>(reader: Reader<N>, outer: N, place: Place<N>): GlobalRole {
  switch (place.kind) {
    case 'member-object':
      return reader.evaluator.memberName(place.member) === undefined ? 'dynamic-key' : 'harmless';
    case 'binary':
      return place.operator === 'in' && place.side === 'right' && isStaticRequestKey(reader, place.other) ? 'holder' : 'harmless';
    case 'member-key':
    case 'unary':
    case 'test':
    case 'statement':
    case 'inert':
    case 'callee':
    case 'assignment-left':
    case 'none':
      return 'harmless';
    case 'logical':
      // A falsy `wx` has no request: `wx && …` hands on nothing.
      if (place.side === 'left' && place.operator === '&&') return 'harmless';
      return isTestedOnly(reader, place.expression) ? 'harmless' : 'value';
    case 'conditional':
      return place.test || isTestedOnly(reader, place.expression) ? 'harmless' : 'value';
    case 'sequence':
      return isTestedOnly(reader, outer) ? 'harmless' : 'value';
    case 'argument':
      return argumentRole(reader, place.call, place.index, place.isNew);
    case 'declarator-init':
      if (reader.syntax.objectPattern(place.target)) return patternRole(reader, place.target, true);
      return reader.syntax.identifierName(place.target) !== undefined && isPlainAlias(reader, place.target) ? 'harmless' : 'value';
    case 'assignment-right':
      return reader.syntax.objectPattern(place.target) ? patternRole(reader, place.target, place.statement) : 'value';
    default:
      return 'value';
  }
}

/** The role of an identifier that names the global object (isGlobalMention holds). */
export function roleOfGlobal<N>(reader: Reader<N>, id: N): GlobalRole {
  const outer = outermostWrapper(reader.syntax, id);
  return roleAt(reader, outer, reader.syntax.placeOf(outer));
}

/** Whether an identifier is a value mention of the global object (not a type, a key, a declaration or a write target). */
export function isGlobalMention<N>(reader: Reader<N>, id: N): boolean {
  const name = reader.syntax.identifierName(id);
  return name !== undefined && reader.globals.includes(name) && reader.syntax.isValueMention(id) && isGlobalObject(reader, id);
}

/**
 * The network API a `holder` mention stands for: the key of `Object.defineProperty(wx, 'uploadFile', …)`
 * or of `'uploadFile' in wx` (the rewrite installs that API's runtime entry).
 */
export function ownedApi<N>(reader: Reader<N>, id: N): NetworkApi | undefined {
  const place = reader.syntax.placeOf(outermostWrapper(reader.syntax, id));
  const key = place.kind === 'argument' ? reader.syntax.callArguments(place.call)[place.index === 0 ? 1 : 0] : place.kind === 'binary' ? place.other : undefined;
  const name = key === undefined || reader.syntax.isSpread(key) ? undefined : reader.evaluator.staticKey(key, new Set());
  return isNetworkApi(name) ? name : undefined;
}
