import type { Node, NodePath } from '@babel/core';
import { constInitializer } from './const-binding.js';
import { spanOf } from './span.js';
import { memberValue, staticKey } from './static-value.js';
import { unwrap } from './unwrap.js';
import type { Span } from '../core/call-site.js';

export interface ObjectEntry {
  name: string;
  keySpan: Span;
  /** The value expression, absent for methods and accessors. */
  value: NodePath | undefined;
}

export interface ObjectDescription {
  entries: ObjectEntry[];
  complete: boolean;
}

/**
 * The keys of an object literal, following `const` bindings and spreads of known objects, in
 * source order (a later key overrides an earlier one, as at run time).
 */
export function describeObject(input: NodePath, seen: Set<Node> = new Set()): ObjectDescription | undefined {
  let path = unwrap(input);
  const init = constInitializer(path);
  if (init) path = unwrap(init);
  // `header: CONFIG.header` with CONFIG a const object literal.
  if ((path.isMemberExpression() || path.isOptionalMemberExpression()) && !seen.has(path.node)) {
    seen.add(path.node);
    const value = memberValue(path, seen);
    seen.delete(path.node);
    return value ? describeObject(value, seen) : undefined;
  }
  if (!path.isObjectExpression() || seen.has(path.node)) return undefined;
  seen.add(path.node);
  try {
    const entries: ObjectEntry[] = [];
    let complete = true;
    for (const property of path.get('properties')) {
      if (property.isSpreadElement()) {
        const spread = describeObject(property.get('argument') as NodePath, seen);
        if (spread) entries.push(...spread.entries);
        complete &&= spread?.complete ?? false;
        continue;
      }
      if (!property.isObjectProperty() && !property.isObjectMethod()) {
        complete = false;
        continue;
      }
      const node = property.node;
      const keyPath = property.get('key') as NodePath;
      const key = node.key;
      let name: string | undefined;
      if (!node.computed) {
        if (key.type === 'Identifier') name = key.name;
        else if (key.type === 'StringLiteral') name = key.value;
        else if (key.type === 'NumericLiteral') name = String(key.value);
        // `{ __proto__: x }` sets the prototype; it adds no own key.
        if (name === '__proto__' && property.isObjectProperty() && !property.node.shorthand) {
          complete = false;
          continue;
        }
      } else {
        name = staticKey(keyPath, seen);
      }
      if (name === undefined) {
        complete = false;
        continue;
      }
      const value = property.isObjectProperty() ? (property.get('value') as NodePath) : undefined;
      entries.push({ name, keySpan: spanOf(key), value });
    }
    return { entries, complete };
  } finally {
    seen.delete(path.node);
  }
}
