import type { FixTarget, PropertyFacts } from '../core/fixes.js';
import { writtenKeyName } from './node-shape.js';
import type { Node } from './node.js';

function rangeOf(node: Node): [number, number] {
  return node.range ?? [0, 0];
}

function keyKind(node: Node): PropertyFacts['keyKind'] {
  if (node.type === 'Identifier') return 'identifier';
  if (node.type === 'Literal' && typeof node.value === 'string') return 'string';
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return 'template';
  return 'other';
}

function keyText(node: Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? '';
  return '';
}

/** The name a property is written with (`a`, `'a'`, `1`), undefined when computed or a spread. */
function writtenName(property: Node): string | undefined {
  return property.type === 'Property' && !property.computed ? writtenKeyName(property.key as Node) : undefined;
}

/** The facts plugin/core/fixes.ts needs about the node a diagnostic was reported on (ESLint's tree; plugin/babel/fix-target.ts reads Babel's). */
export function estreeFixTarget(node: Node): FixTarget {
  const kind = keyKind(node);
  const [start, end] = rangeOf(node);
  const literal = kind === 'string' || kind === 'template' ? { start, end, value: keyText(node) } : undefined;
  const property = node.parent;
  const object = property?.parent;
  if (property?.type !== 'Property' || property.key !== node || object?.type !== 'ObjectExpression') return { literal };
  const siblings = object.properties as Node[];
  const previous = siblings[siblings.indexOf(property) - 1];
  return {
    literal,
    property: {
      keyKind: kind,
      keyText: keyText(node),
      keyStart: start,
      keyEnd: end,
      computed: property.computed,
      form: property.kind !== 'init' || property.method ? 'method' : property.shorthand ? 'shorthand' : 'plain',
      start: rangeOf(property)[0],
      end: rangeOf(property)[1],
      previousEnd: previous && rangeOf(previous)[1],
      siblings: { hasSpread: siblings.some((other) => other.type === 'SpreadElement'), names: siblings.map(writtenName) },
    },
  };
}
