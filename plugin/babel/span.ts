import type { Node } from '@babel/core';
import type { Span } from '../core/call-site.js';

/** Babel's 0-based columns become the 1-based columns users and editors read. */
export function spanOf(node: Node, fallback?: Span): Span {
  const loc = node.loc;
  if (!loc) return fallback ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}
