import type { NodePath, Node } from '@babel/core';
import { HOLE, type StaticValue, type Span, type StringPart } from '../core/call-site.js';
import { ARITHMETIC, UNKNOWN, asParts, normaliseParts, type Evaluated } from '../core/evaluated.js';
import { constInitializer } from './const-binding.js';
import { spanOf } from './span.js';
import { unwrap } from './unwrap.js';
import { describeObject } from './static-object.js';

function evaluatePath(input: NodePath, seen: Set<Node>): Evaluated {
  const path = unwrap(input);
  const node = path.node;
  if (seen.has(node)) return UNKNOWN;
  seen.add(node);
  try {
    switch (node.type) {
      case 'StringLiteral':
        return { kind: 'string', parts: [node.value] };
      case 'NumericLiteral':
        return { kind: 'number', value: node.value };
      case 'BooleanLiteral':
      case 'NullLiteral':
      case 'ObjectExpression':
      case 'ArrayExpression':
      case 'ArrowFunctionExpression':
      case 'FunctionExpression':
        return { kind: 'other' };
      case 'UnaryExpression': {
        if (node.operator !== '-' && node.operator !== '+') return UNKNOWN;
        const argument = evaluatePath(path.get('argument') as NodePath, seen);
        return argument.kind === 'number' ? { kind: 'number', value: node.operator === '-' ? -argument.value : argument.value } : UNKNOWN;
      }
      case 'TemplateLiteral': {
        const quasis = node.quasis;
        const expressions = path.get('expressions') as NodePath[];
        const parts: StringPart[] = [];
        quasis.forEach((quasi, index) => {
          parts.push(quasi.value.cooked ?? HOLE);
          const expression = expressions[index];
          if (expression) parts.push(...asParts(evaluatePath(expression, seen)));
        });
        return { kind: 'string', parts: normaliseParts(parts) };
      }
      case 'BinaryExpression': {
        const fold = ARITHMETIC[node.operator];
        if (!fold) return UNKNOWN;
        const left = evaluatePath(path.get('left') as NodePath, seen);
        const right = evaluatePath(path.get('right') as NodePath, seen);
        if (left.kind === 'number' && right.kind === 'number') return { kind: 'number', value: fold(left.value, right.value) };
        if (node.operator !== '+') return UNKNOWN;
        // `+` makes a string as soon as one side is one; an unknown side becomes a hole.
        if (left.kind === 'string' || right.kind === 'string') {
          return { kind: 'string', parts: normaliseParts([...asParts(left), ...asParts(right)]) };
        }
        return UNKNOWN;
      }
      case 'Identifier': {
        const init = constInitializer(path);
        return init ? evaluatePath(init, seen) : UNKNOWN;
      }
      case 'MemberExpression': {
        // `CONFIG.BASE_URL` where CONFIG is a const object literal of this file.
        const value = memberValue(path, seen);
        return value ? evaluatePath(value, seen) : UNKNOWN;
      }
      default:
        return UNKNOWN;
    }
  } finally {
    seen.delete(node);
  }
}

/** The name of a static property access: `a.b`, `a['b']`, `` a[`b`] ``, `a['re' + 'quest']`, `a[NAME]`. */
export function memberName(path: NodePath): string | undefined {
  const node = path.node;
  if (node.type !== 'MemberExpression' && node.type !== 'OptionalMemberExpression') return undefined;
  const property = node.property;
  if (!node.computed) return property.type === 'Identifier' ? property.name : undefined;
  return staticKey(path.get('property') as NodePath, new Set());
}

/**
 * The value expression of `CONFIG.BASE_URL` when CONFIG is a `const` object literal of this file
 * whose keys are all known (an unknown spread could override the property).
 */
export function memberValue(path: NodePath, seen: Set<Node>): NodePath | undefined {
  const object = describeObject(path.get('object') as NodePath, seen);
  const name = memberName(path);
  if (!object || name === undefined || !object.complete) return undefined;
  return object.entries.findLast((candidate) => candidate.name === name)?.value;
}

/** What is known of an expression at build time; the span is the expression's own. */
export function staticValue(path: NodePath, fallback: Span, seen: Set<Node> = new Set()): StaticValue {
  const span = spanOf(path.node, fallback);
  const value = evaluatePath(path, seen);
  return { ...value, span };
}

/** The string a key expression stands for, when known (`['referer']`, `[HEADER]`, `[1]`). */
export function staticKey(path: NodePath, seen: Set<Node>): string | undefined {
  const value = evaluatePath(path, seen);
  if (value.kind === 'number') return String(value.value);
  if (value.kind === 'string' && !value.parts.includes(HOLE)) return value.parts.join('');
  return undefined;
}
