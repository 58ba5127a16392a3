import type { NodePath } from '@babel/core';

/**
 * The initializer of a `const` binding that an identifier refers to, or undefined. Only `const`
 * is followed (as SPEC.md defines "known at build time"): a `let` or `var` may change before
 * the call runs.
 */
export function constInitializer(path: NodePath): NodePath | undefined {
  if (!path.isIdentifier()) return undefined;
  const binding = path.scope.getBinding(path.node.name);
  if (!binding || binding.kind !== 'const') return undefined;
  const declarator = binding.path;
  if (!declarator.isVariableDeclarator() || declarator.node.id.type !== 'Identifier') return undefined;
  const init = declarator.get('init');
  return init.node ? (init as NodePath) : undefined;
}
