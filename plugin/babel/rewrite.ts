import type { NodePath, types as t } from '@babel/core';
import { isRequestPatternProperty } from './references.js';

type Types = typeof t;

/** Keeps the user's location on a node we put in place of theirs, so source maps stay right. */
function withLocation<T extends t.Node>(node: T, from: t.Node): T {
  node.loc = from.loc;
  node.start = from.start;
  node.end = from.end;
  return node;
}

/**
 * Replaces `wx.request` (any spelling) by the runtime's local name. The runtime's function is
 * never nullish, so the optional links that guarded `wx` or `request` go: `wx?.request(o)` and
 * `wx.request?.(o)` both become the plain call `_request(o)`, and so do the links after them
 * until a `?.` that guards something else.
 */
export function replaceReference(path: NodePath, local: t.Identifier, types: Types): void {
  path.replaceWith(withLocation(local, path.node));
  let link: NodePath = path;
  for (;;) {
    const parent = link.parentPath;
    if (!parent) return;
    // Only the first link after the reference may drop its own `?.`: it guards our function.
    const guardsReference = link === path;
    if (parent.isOptionalMemberExpression() && link.key === 'object' && (!parent.node.optional || guardsReference)) {
      const { property, computed } = parent.node;
      parent.replaceWith(withLocation(types.memberExpression(parent.node.object, property, computed), parent.node));
    } else if (parent.isOptionalCallExpression() && link.key === 'callee' && (!parent.node.optional || guardsReference)) {
      parent.replaceWith(withLocation(types.callExpression(parent.node.callee, parent.node.arguments), parent.node));
    } else {
      return;
    }
    link = parent;
  }
}

/** The identifiers a `const { request: req } = wx` binds to the request function. */
export function destructuredTargets(declarator: NodePath<t.VariableDeclarator>): NodePath[] {
  const pattern = declarator.get('id') as NodePath<t.ObjectPattern>;
  return pattern
    .get('properties')
    .filter(isRequestPatternProperty)
    .map((property) => {
      const value = property.get('value') as NodePath;
      return value.isAssignmentPattern() ? (value.get('left') as NodePath) : value;
    });
}

/**
 * Takes the `request` properties out of an object pattern, each turned by `build` into what stands
 * in its place. A default value is dropped: the runtime always provides request.
 */
function takeRequestProperties<T>(pattern: NodePath<t.ObjectPattern>, build: (target: t.LVal, property: t.ObjectProperty) => T): T[] {
  return pattern
    .get('properties')
    .filter(isRequestPatternProperty)
    .map((property) => {
      const value = property.node.value as t.LVal;
      const built = build(value.type === 'AssignmentPattern' ? value.left : value, property.node);
      property.remove();
      return built;
    });
}

/**
 * `const { request: req, showToast } = wx` becomes `const req = _request, { showToast } = wx`;
 * the other names stay with `wx`, and an emptied pattern is dropped (reading an absent `wx`
 * would throw on the web).
 */
export function rewriteDestructuring(declarator: NodePath<t.VariableDeclarator>, local: () => t.Identifier, types: Types): void {
  const pattern = declarator.get('id') as NodePath<t.ObjectPattern>;
  const kind = (declarator.parent as t.VariableDeclaration).kind;
  const created = takeRequestProperties(pattern, (target, property) =>
    withLocation(types.variableDeclarator(target, withLocation(local(), property)), property),
  );
  const inserted = declarator.insertBefore(created) as NodePath<t.VariableDeclarator>[];
  // Removing the pattern's property dropped its bindings; the new declarators own those names now.
  for (const path of inserted) {
    const names = Object.keys(path.getBindingIdentifiers());
    if (names.every((name) => !path.scope.hasOwnBinding(name))) path.scope.registerBinding(kind === 'using' || kind === 'await using' ? 'const' : kind, path);
  }
  if (pattern.node.properties.length === 0) declarator.remove();
}

/** `wx.request.call(wx, o)`: the global `wx` passed as `this` does not exist on the web; the runtime ignores `this`. */
export function replaceGlobalThisArgument(argument: NodePath, types: Types): void {
  argument.replaceWith(withLocation(types.unaryExpression('void', types.numericLiteral(0)), argument.node));
}

/**
 * `({ request: r, showToast } = wx);` becomes `r = _request, ({ showToast } = wx);`, and just
 * `r = _request;` when nothing else is taken from `wx` (reading it would throw on the web).
 */
export function rewriteDestructuringAssignment(assignment: NodePath<t.AssignmentExpression>, local: () => t.Identifier, types: Types): void {
  const pattern = assignment.get('left') as NodePath<t.ObjectPattern>;
  const assignments = takeRequestProperties(pattern, (target, property) =>
    withLocation(types.assignmentExpression('=', target, withLocation(local(), property)), property),
  );
  const rest = pattern.node.properties.length === 0 ? [] : [assignment.node];
  const expressions = [...assignments, ...rest];
  assignment.replaceWith(expressions.length === 1 ? expressions[0]! : types.sequenceExpression(expressions));
}
