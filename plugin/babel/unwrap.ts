import type { Node, NodePath } from '@babel/core';

/** Expression wrappers that do not change the value: `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T`. */
const TRANSPARENT = new Set([
  'ParenthesizedExpression',
  'TSAsExpression',
  'TSSatisfiesExpression',
  'TSNonNullExpression',
  'TSTypeAssertion',
  'TypeCastExpression',
]);

/** Whether a node only wraps its expression, as `unwrap` sees it. */
export function isTransparent(node: { type: string }): boolean {
  return TRANSPARENT.has(node.type);
}

export function unwrap(path: NodePath): NodePath {
  let current = path;
  while (TRANSPARENT.has(current.node.type)) current = current.get('expression') as NodePath;
  return current;
}

/** `unwrap` for a bare node (the text front end parses expressions without paths). */
export function unwrapNode(node: Node): Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) current = (current as Node & { expression: Node }).expression;
  return current;
}
