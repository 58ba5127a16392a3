import type * as ESTree from 'estree';

/**
 * A node of ESLint's tree: ESTree (espree's, or typescript-eslint's, which adds TS nodes), with
 * the `parent` that ESLint sets on every node before any rule runs. The front end reads no other
 * tree: ESLint has parsed the file already, and parsing it again would cost more than the rules.
 */
export type Node = ESTree.Node & { parent?: Node | null };

/** typescript-eslint's wrappers that keep their expression's value: `x as T`, `x!`, `<T>x`, `x satisfies T` (Babel's, plugin/babel/unwrap.ts). */
const TRANSPARENT = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

/** The TS node types are not in ESTree's union: a node is read by its `type` string. */
export function typeOf(node: Node): string {
  return (node as { type: string }).type;
}

export function isTransparent(node: Node): boolean {
  return TRANSPARENT.has(typeOf(node));
}

/** The expression inside a transparent wrapper. */
export function wrapped(node: Node): Node {
  return (node as unknown as { expression: Node }).expression;
}

/**
 * ESTree's `ChainExpression` marks where an optional chain ends (`a?.b.c`); Babel has no such node
 * (its members and calls are Optional* instead), and the shared finder is written in Babel's terms:
 * the front end looks through it everywhere, as if it were not there.
 */
export function skipChain(node: Node): Node {
  return node.type === 'ChainExpression' ? (node.expression as Node) : node;
}

/** The parent, looking through ChainExpressions, and the child of it on the way (the node or its chain). */
export function parentLink(node: Node): { parent: Node | undefined; child: Node } {
  let child = node;
  let parent = node.parent ?? undefined;
  while (parent?.type === 'ChainExpression') {
    child = parent;
    parent = parent.parent ?? undefined;
  }
  return { parent, child };
}

/** Looks through what does not change a value: the TS wrappers and ChainExpression (plugin/core/syntax-adapter.ts, unwrap). */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'ChainExpression') current = current.expression as Node;
    else if (isTransparent(current)) current = wrapped(current);
    else return current;
  }
}

/**
 * Whether a member or call is in an optional chain from its own link down (`a?.b`, `a?.b.c`, `a.b?.()`):
 * Babel's OptionalMemberExpression and OptionalCallExpression, which the evaluator does not read through.
 */
export function inOptionalChain(node: Node): boolean {
  for (let current: Node | undefined = node; current; ) {
    if (current.type === 'MemberExpression') {
      if (current.optional) return true;
      current = current.object as Node;
    } else if (current.type === 'CallExpression') {
      if (current.optional) return true;
      current = current.callee as Node;
    } else if (typeOf(current) === 'TSNonNullExpression') {
      current = wrapped(current);
    } else {
      return false;
    }
  }
  return false;
}
