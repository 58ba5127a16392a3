import type { Node, NodePath } from '@babel/core';
import type { FixTarget, PropertyFacts } from '../core/fixes.js';

function keyKind(node: Node): PropertyFacts['keyKind'] {
  if (node.type === 'Identifier') return 'identifier';
  if (node.type === 'StringLiteral') return 'string';
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return 'template';
  return 'other';
}

function keyText(node: Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? '';
  return '';
}

function writtenName(property: Node): string | undefined {
  if ((property.type !== 'ObjectProperty' && property.type !== 'ObjectMethod') || property.computed) return undefined;
  const key = property.key;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'NumericLiteral') return String(key.value);
  return undefined;
}

/** The facts plugin/core/fixes.ts needs about the node a diagnostic was reported on (Babel's tree). */
export function babelFixTarget(path: NodePath): FixTarget {
  const node = path.node;
  const literal = keyKind(node) === 'string' || keyKind(node) === 'template' ? { start: node.start ?? 0, end: node.end ?? 0, value: keyText(node) } : undefined;
  const property = path.parentPath;
  if (!property || path.key !== 'key' || !(property.isObjectProperty() || property.isObjectMethod()) || !property.parentPath?.isObjectExpression()) return { literal };
  const siblings = property.parentPath.node.properties;
  const previous = siblings[siblings.indexOf(property.node) - 1];
  return {
    literal,
    property: {
      keyKind: keyKind(node),
      keyText: keyText(node),
      keyStart: node.start ?? 0,
      keyEnd: node.end ?? 0,
      computed: property.node.computed,
      form: property.isObjectMethod() ? 'method' : property.node.shorthand ? 'shorthand' : 'plain',
      start: property.node.start ?? 0,
      end: property.node.end ?? 0,
      previousEnd: previous?.end ?? undefined,
      siblings: { hasSpread: siblings.some((other) => other.type === 'SpreadElement'), names: siblings.map(writtenName) },
    },
  };
}
