import type { Span } from '../core/call-site.js';
import type { Node } from './node.js';

/** ESTree's `loc` has 1-based lines and 0-based columns; our spans are 1-based in both (ESLint's reports take 0-based columns again). */
export function spanOf(node: Node, fallback?: Span): Span {
  const loc = node.loc;
  if (!loc) return fallback ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { line: loc.start.line, column: loc.start.column + 1, endLine: loc.end.line, endColumn: loc.end.column + 1 };
}
