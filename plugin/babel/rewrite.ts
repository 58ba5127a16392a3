import type { NodePath, types as t } from '@babel/core';
import type { TextEdits } from '../core/text-edits.js';
import { isRequestPatternProperty as isRequestProperty } from '../core/request-references.js';
import { babelEvaluator, BabelSyntax, patternProperty } from './syntax-adapter.js';
import { unwrap } from './unwrap.js';

type Types = typeof t;

/** What every rewrite needs: the runtime's `wx` (a fresh copy per use), the edits, the original text. */
export interface RewriteContext {
  holder: () => t.Identifier;
  edits: TextEdits;
  source: string;
  types: Types;
}

const reader = { syntax: new BabelSyntax(), evaluator: babelEvaluator, globals: [] };

/** The property of an object pattern that takes `request` (plugin/core/request-references.ts decides). */
function isRequestPatternProperty(property: NodePath): property is NodePath<t.ObjectProperty> {
  return isRequestProperty(reader, patternProperty(property));
}

/** Keeps the user's location on a node we put in place of theirs, so source maps stay right. */
function withLocation<T extends t.Node>(node: T, from: t.Node): T {
  node.loc = from.loc;
  node.start = from.start;
  node.end = from.end;
  return node;
}

function textOf(node: t.Node, source: string): string {
  return source.slice(node.start ?? 0, node.end ?? 0);
}

/**
 * Puts the runtime's `wx` where the global object was written: `wx.request(o)` becomes
 * `_wx.request(o)`, `wx.request = f` becomes `_wx.request = f`, and so on. An identifier for an
 * identifier: the text edit cannot break the syntax around it. `(wx as any).request` keeps its
 * wrapper: only the name inside changes.
 */
export function replaceGlobal(path: NodePath, context: RewriteContext): void {
  const id = unwrap(path);
  const holder = context.holder();
  context.edits.replace(id.node, holder.name);
  id.replaceWith(withLocation(holder, id.node));
}

/**
 * `wx.request` in any spelling, read or written: its object becomes the runtime's `wx`. That object
 * is never nullish, so a `?.` right after it goes (`wx?.request(o)` becomes `_wx.request(o)`), and
 * so do the links of the chain after it up to a `?.` that guards something else:
 * `wx.request?.(o)` keeps its own, since the app may have deleted `wx.request`.
 */
export function replaceReference(member: NodePath<t.MemberExpression | t.OptionalMemberExpression>, context: RewriteContext): void {
  const object = member.get('object') as NodePath;
  const objectEnd = unwrap(object).node.end;
  replaceGlobal(object, context);
  if (!member.isOptionalMemberExpression() || !member.node.optional) return;
  const { node } = member;
  // The `?.` token lies between the object (and its parentheses) and the property (or its `[`).
  const token = context.source.lastIndexOf('?.', node.property.start ?? 0);
  if (objectEnd != null && token >= objectEnd) context.edits.replace({ start: token, end: token + 2 }, node.computed ? '' : '.');
  else context.edits.replace({}, ''); // no position: the edits are unknown
  let link: NodePath = member;
  for (let guards = true; ; guards = false) {
    if (link.isOptionalMemberExpression() && (guards || !link.node.optional)) {
      const { object: inner, property, computed } = link.node;
      link.replaceWith(withLocation(context.types.memberExpression(inner, property, computed), link.node));
    } else if (link.isOptionalCallExpression() && !guards && !link.node.optional) {
      link.replaceWith(withLocation(context.types.callExpression(link.node.callee, link.node.arguments), link.node));
    } else {
      return;
    }
    const parent = link.parentPath;
    if (!parent || !(parent.isOptionalMemberExpression() || parent.isOptionalCallExpression()) || (link.key !== 'object' && link.key !== 'callee')) return;
    link = parent;
  }
}

/**
 * Removes the given properties from a pattern's text, each with the comma that joins it to a
 * property that stays: before a kept one, up to its start; in a run at the end, from the end of the
 * property before. The ranges touch but never overlap.
 */
function removePropertiesText(properties: readonly t.Node[], removed: ReadonlySet<t.Node>, edits: TextEdits): void {
  properties.forEach((property, index) => {
    if (!removed.has(property)) return;
    const keptAfter = properties.slice(index + 1).some((other) => !removed.has(other));
    if (keptAfter) edits.remove(property.start, properties[index + 1]!.start);
    else edits.remove(properties[index - 1]!.end, property.end);
  });
}

/**
 * Splits the `request` properties out of a destructuring of the global into a pattern of their own
 * over the runtime's `wx`: `{ request: r = f, showToast } = wx` gives `{ request: r = f } = _wx`
 * and `{ showToast } = wx`. Returns the new pattern, or undefined when every property was a
 * `request` one: then only the object changes, `{ request } = _wx`.
 */
function splitRequestProperties(pattern: NodePath<t.ObjectPattern>, object: NodePath, context: RewriteContext): { pattern: t.ObjectPattern; text: string } | undefined {
  const properties = pattern.get('properties');
  const taken = properties.filter(isRequestPatternProperty);
  if (taken.length === properties.length) {
    replaceGlobal(object, context);
    return undefined;
  }
  const nodes = taken.map((property) => property.node);
  removePropertiesText(pattern.node.properties, new Set(nodes), context.edits);
  const text = `{ ${nodes.map((node) => textOf(node, context.source)).join(', ')} } = ${context.holder().name}, `;
  for (const property of taken) property.remove();
  return { pattern: context.types.objectPattern(nodes), text };
}

/**
 * `const { request: req, showToast } = wx` becomes `const { request: req } = _wx, { showToast } = wx`:
 * a default value still applies when the app deleted `wx.request`, as on WeChat.
 */
export function rewriteDestructuring(declarator: NodePath<t.VariableDeclarator>, context: RewriteContext): void {
  const split = splitRequestProperties(declarator.get('id') as NodePath<t.ObjectPattern>, declarator.get('init') as NodePath, context);
  if (!split) return;
  context.edits.insert(declarator.node.start, split.text);
  const kind = (declarator.parent as t.VariableDeclaration).kind;
  const created = withLocation(context.types.variableDeclarator(split.pattern, context.holder()), declarator.node);
  const [inserted] = declarator.insertBefore(created) as NodePath<t.VariableDeclarator>[];
  // Removing the pattern's properties dropped their bindings; the new declarator owns those names now.
  if (inserted && Object.keys(inserted.getBindingIdentifiers()).every((name) => !inserted.scope.hasOwnBinding(name))) {
    inserted.scope.registerBinding(kind === 'using' || kind === 'await using' ? 'const' : kind, inserted);
  }
}

/** `({ request: r, showToast } = wx);` becomes `({ request: r } = _wx, { showToast } = wx);`. */
export function rewriteDestructuringAssignment(assignment: NodePath<t.AssignmentExpression>, context: RewriteContext): void {
  const split = splitRequestProperties(assignment.get('left') as NodePath<t.ObjectPattern>, assignment.get('right') as NodePath, context);
  if (!split) return;
  // The statement's parentheses stay around the whole sequence: `({ … } = _wx, { … } = wx);`.
  context.edits.insert(assignment.node.start, split.text);
  const { types } = context;
  const first = withLocation(types.assignmentExpression('=', split.pattern, context.holder()), assignment.node);
  assignment.replaceWith(types.sequenceExpression([first, assignment.node]));
}
