import type { CallSite } from './call-site.js';
import type { NetworkApi } from './network-apis.js';
import type { Reader } from './request-references.js';

/** One call of the request function; `argument` is the options argument, when there is one. */
export interface RequestCall<N> {
  call: N;
  argument: N | undefined;
}

/** The call a node is the callee of (`node(o)`, `node?.(o)`; not `new node(o)`). */
function callOf<N>(reader: Reader<N>, node: N): N | undefined {
  const place = reader.syntax.placeOf(node);
  return place.kind === 'callee' && !place.isNew ? place.call : undefined;
}

/**
 * The calls made through one reference to the request function: `ref(o)`, `ref?.(o)`,
 * `ref.call(ctx, o)`, `ref.apply(ctx, [o])`, and the calls of a `const` that holds it. A wrapper
 * around the reference (`(ref as any)(o)`) hides the call, as it does in every front end.
 */
export function callsThrough<N>(reader: Reader<N>, reference: N, depth = 0): RequestCall<N>[] {
  const { syntax } = reader;
  const place = syntax.placeOf(reference);
  if (place.kind === 'callee') return place.isNew ? [] : [{ call: place.call, argument: syntax.callArguments(place.call)[0] }];
  if (place.kind === 'member-object') {
    const call = callOf(reader, place.member);
    if (call === undefined) return [];
    const method = reader.evaluator.memberName(place.member);
    const args = syntax.callArguments(call);
    if (method === 'call') return [{ call, argument: args[1] }];
    if (method === 'apply') {
      const list = args[1];
      return [{ call, argument: list === undefined ? undefined : syntax.arrayElements(list)?.[0] }];
    }
    return [];
  }
  if (place.kind === 'declarator-init' && depth < 4) return callsOfBinding(reader, place.target, depth + 1);
  return [];
}

/** The calls through every reference of the binding a `const` identifier declares. */
export function callsOfBinding<N>(reader: Reader<N>, id: N, depth = 0): RequestCall<N>[] {
  if (reader.syntax.identifierName(id) === undefined) return [];
  const binding = reader.syntax.declaredBinding(id);
  if (!binding?.constant) return [];
  return binding.references.flatMap((reference) => callsThrough(reader, reference, depth));
}

/** Whether a reference is called right where it stands (`ref(o)`, `ref.call(…)`, `ref.apply(…)`), not kept or passed on. */
export function isCalledInPlace<N>(reader: Reader<N>, reference: N): boolean {
  if (callOf(reader, reference) !== undefined) return true;
  const place = reader.syntax.placeOf(reference);
  if (place.kind !== 'member-object' || callOf(reader, place.member) === undefined) return false;
  const method = reader.evaluator.memberName(place.member);
  return method === 'call' || method === 'apply';
}

/** The neutral description of one call: its span, and its options as the evaluator reads them. */
export function describeCall<N>(reader: Reader<N>, file: string, { call, argument }: RequestCall<N>, api: NetworkApi = 'request'): CallSite {
  const span = reader.syntax.spanOf(call);
  // `api` only when it is not request: request's sites read as they always have.
  const named = api === 'request' ? {} : { api };
  if (argument === undefined || reader.syntax.isSpread(argument)) return { ...named, file, span, options: { unknown: span } };
  return { ...named, file, span, options: reader.evaluator.describeOptions(argument, span) };
}
