import type { SyntaxAdapter } from './syntax-adapter.js';

/**
 * What a front end tells the shared reference finder (find-references.ts, global-roles.ts,
 * request-calls.ts) about its syntax tree, beside what the evaluator asks (SyntaxAdapter). The
 * finder decides which mentions of `wx` are references to `wx.request`, which calls go through them
 * and what every other mention does; the adapter only says where a node stands and what a name is
 * bound to, in the terms below, so that Babel's tree and ESTree (ESLint's) are read by one set of
 * rules. Babel's own spellings are the model: a node kind that another tree has and Babel has not
 * (ESTree's ChainExpression around `a?.b`) is looked through by the adapter, unseen by the finder.
 */

/**
 * Where a node stands in its parent. Only the places the finder tells apart have a kind of their
 * own; every other place is `other` (the node's value is kept or handed on: `return wx`, `[wx]`).
 */
export type Place<N> =
  /** The object of a property access: `node.name`, `node[key]`, `node?.name`. */
  | { kind: 'member-object'; member: N }
  /** The computed key of a property access: `x[node]`. */
  | { kind: 'member-key' }
  /** What a call (or `new`) calls: `node(…)`, `node?.(…)`, `new node(…)`. */
  | { kind: 'callee'; call: N; isNew: boolean }
  | { kind: 'argument'; call: N; index: number; isNew: boolean }
  /** An operand of a binary operator (`in`, `===`, `+`…); `other` is the operand on the other side. */
  | { kind: 'binary'; operator: string; side: 'left' | 'right'; other: N }
  /** The operand of a prefix operator: `typeof node`, `!node`, `delete node`, `-node`. */
  | { kind: 'unary'; operator: string }
  /** An operand of `&&`, `||` or `??`; `expression` is the whole logical expression. */
  | { kind: 'logical'; operator: string; side: 'left' | 'right'; expression: N }
  | { kind: 'conditional'; test: boolean; expression: N }
  /** An element of a comma expression; `last` when its value is the expression's. */
  | { kind: 'sequence'; last: boolean; expression: N }
  /** The condition of `if`, `while`, `do … while` or `for`. */
  | { kind: 'test' }
  /** A statement of its own (`node;`). */
  | { kind: 'statement' }
  /** Elsewhere in a statement that only reads it (`for` init or update, `for … in`, `switch`, `case`) or a template's substitution. */
  | { kind: 'inert' }
  /** The initializer of a declarator: `const target = node`. */
  | { kind: 'declarator-init'; declarator: N; target: N }
  /** `target = node`; `statement` when the assignment is a statement of its own. */
  | { kind: 'assignment-right'; assignment: N; operator: string; target: N; statement: boolean }
  | { kind: 'assignment-left' }
  /** Inside a wrapper that keeps the value: `(node as T)`, `node!`, `<T>node`, `node satisfies T`. */
  | { kind: 'wrapper'; wrapper: N }
  /** The root of the tree: nothing holds it. */
  | { kind: 'none' }
  | { kind: 'other' };

/** A property of an object pattern (`const { … } = x`, `({ … } = x)`). */
export type PatternProperty<N> =
  | { kind: 'rest' }
  | {
      kind: 'property';
      /** A written key (`request`, `'request'`; undefined for another kind of key) or a computed one. */
      key: { name: string | undefined } | { computed: N };
      /** What the property binds or assigns, a default value left out: `r` in `{ request: r = f }`. */
      target: N;
    };

/** What a name of the file is bound to: nothing in the file, a `declare`d description of a global, or a binding of the file. */
export type BindingKind = 'none' | 'ambient' | 'local';

/** The binding a declaration's identifier makes, as far as the finder asks. */
export interface DeclaredBinding<N> {
  /** A `const` (or `using`) binding: its value cannot change after the declaration. */
  constant: boolean;
  /** Every read of the binding (the identifiers). */
  references: readonly N[];
  /** Written again after its declaration (an assignment, `++`, another `var`). */
  reassigned: boolean;
  /** Declared by an `export` statement: other modules read it. */
  exported: boolean;
}

export interface ReferenceSyntax<N> extends SyntaxAdapter<N> {
  placeOf(node: N): Place<N>;
  /** The node's parent (a ChainExpression looked through, as in placeOf), for ancestry. */
  parentOf(node: N): N | undefined;
  identifierName(node: N): string | undefined;
  /** What an identifier's name refers to where it stands. */
  binding(identifier: N): BindingKind;
  /** An identifier read as a value: not a type, a key, a declaration or the target of a write. */
  isValueMention(identifier: N): boolean;
  /** What a call (or `new`) calls. */
  calleeOf(call: N): N | undefined;
  callArguments(call: N): readonly N[];
  /** A spread element (`...x`) in an argument list or an array. */
  isSpread(node: N): boolean;
  /** The elements of an array literal (holes undefined); undefined for any other node. */
  arrayElements(node: N): readonly (N | undefined)[] | undefined;
  /** The properties of an object pattern; undefined for any other node. */
  objectPattern(node: N): readonly PatternProperty<N>[] | undefined;
  /** The binding an identifier of a declaration declares (`r` in `const r = …`). */
  declaredBinding(identifier: N): DeclaredBinding<N> | undefined;
}
