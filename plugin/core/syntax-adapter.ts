import type { Span, StringPart } from './call-site.js';

/**
 * What a front end tells the shared evaluator (evaluate.ts) about one expression of its syntax
 * tree. The adapter only translates syntax (Babel's node types, TypeScript's SyntaxKinds); what a
 * value is, which keys an object has and what is known at build time is decided by the evaluator.
 */
export type ExpressionShape<N> =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  /** A value that is known not to be a string or a number: `true`, `null`, `[]`, `() => {}`. */
  | { kind: 'other' }
  | { kind: 'object'; properties: PropertyShape<N>[] }
  | { kind: 'unary'; operator: string; argument: N }
  /** `quasis` has one more element than `expressions`; a quasi whose text is unknown is a HOLE. */
  | { kind: 'template'; quasis: StringPart[]; expressions: N[] }
  | { kind: 'binary'; operator: string; left: N; right: N }
  | { kind: 'identifier' }
  /** `a.b` (`property: { name }`), `a[x]` (`property: { computed }`); `optional` for `a?.b`. */
  | { kind: 'member'; object: N; property: { name: string | undefined } | { computed: N }; optional: boolean }
  | { kind: 'call' }
  | { kind: 'unknown' };

export type PropertyShape<N> =
  | { kind: 'spread'; argument: N }
  /** Anything else an object literal may hold that hides which keys it has. */
  | { kind: 'unreadable' }
  | {
      kind: 'property';
      /** A written key (`a`, `'a'`, `1`; undefined when of another kind) or a computed one. */
      key: { name: string | undefined } | { computed: N };
      /** The node whose span is the key's span. */
      keyNode: N;
      /** The value expression (a shorthand's identifier), undefined for methods and accessors. */
      value: N | undefined;
      /** A `key: value` property (not shorthand, not a method): the only form where `__proto__` sets the prototype. */
      plain: boolean;
    };

export interface SyntaxAdapter<N> {
  /** Looks through wrappers that do not change the value: `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T`. */
  unwrap(node: N): N;
  shape(node: N): ExpressionShape<N>;
  /** What cycle detection compares (Babel: the node behind a path). */
  identity(node: N): object;
  /** The expression a known constant holds (a `const` binding; with types, an imported constant). */
  constValue(identifier: N): N | undefined;
  /** Type-aware only: `object.name` found through other means (enum members, exports of another module). */
  externalMember?(member: N): { expression: N } | { constant: string | number } | undefined;
  /** Type-aware only: the object a helper function returns (`buildOptions(...)`). */
  helperResult?(call: N): N | undefined;
  /** Whether the node is in the file being described (with types, a value may come from another file). */
  inFile(node: N): boolean;
  spanOf(node: N, fallback?: Span): Span;
  /** Called for the spans rules may report (values, keys), so a fixer can find the node again. */
  remember?(span: Span, node: N): void;
}
