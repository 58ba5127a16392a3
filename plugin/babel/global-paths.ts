import type { NodePath, types as t } from '@babel/core';

type Ancestors = { node: t.Node; key: string; index?: number }[];

/**
 * The paths of the identifiers named like one of the globals, in the order a traversal meets them,
 * found without a traversal. `program.traverse` makes a path and a traversal context for every
 * node of the file; here a walk over the plain nodes (`types.traverse`, which hands each node its
 * ancestors) finds the few identifiers that matter, and a path is made only along their ancestors
 * (each list of siblings once). In a mini-program file of thousands of nodes and a few dozen
 * mentions of `wx` that is a fraction of the cost, and a file where no identifier has the name
 * costs the walk alone. `skip` drops, before any path is made, the identifiers its caller can tell
 * are of no interest from the node and its parent alone.
 */
export function globalIdentifierPaths(program: NodePath<t.Program>, globals: readonly string[], types: typeof t, skip?: (node: t.Identifier, parent: t.Node, key: string) => boolean): NodePath<t.Identifier>[] {
  const hits: { node: t.Identifier; ancestors: Ancestors }[] = [];
  types.traverse(program.node, (node, ancestors) => {
    if (node.type !== 'Identifier' || !globals.includes(node.name)) return;
    const parent = ancestors[ancestors.length - 1];
    if (skip && parent && skip(node, parent.node, parent.key)) return;
    hits.push({ node, ancestors: [...ancestors] });
  });
  if (hits.length === 0) return [];
  const paths = new Map<t.Node, NodePath>([[program.node, program]]);
  const lists = new Map<NodePath, Map<string, NodePath[]>>();
  const child = (parent: NodePath, key: string, index: number | undefined): NodePath => {
    if (index === undefined) return parent.get(key) as NodePath;
    let byKey = lists.get(parent);
    if (!byKey) lists.set(parent, (byKey = new Map()));
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = parent.get(key) as NodePath[]));
    return list[index] as NodePath;
  };
  return hits.map(({ node, ancestors }) => {
    let path: NodePath = program;
    for (let depth = 0; depth < ancestors.length; depth++) {
      const target = ancestors[depth + 1]?.node ?? node;
      let next = paths.get(target);
      if (!next) {
        const { key, index } = ancestors[depth] as Ancestors[number];
        next = child(path, key, index);
        paths.set(target, next);
      }
      path = next;
    }
    return path as NodePath<t.Identifier>;
  });
}
