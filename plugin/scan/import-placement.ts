import type { Token } from './tokenize.js';

/**
 * Where the text front end puts the runtime's import so that no code token moves (then the
 * rewritten file needs no source map: `wx` → `_w` keeps every column too):
 * - an ES module without origins to allow: on a line of its own after the last one (imports are
 *   hoisted, so the binding is there before any code of the file runs);
 * - otherwise at the start of a line with no code on it (blank, or only a comment) between the
 *   directives and the first statement, so that it runs first;
 * - else where the Babel plugin puts it, before the first statement on its line (columns of that
 *   line move, and the file gets a source map).
 */
export interface Placement {
  at: number;
  /** Text before the import (a line break when appended). */
  before: string;
  /** Whether code after it on its line moves. */
  moves: boolean;
}

export function importPlacement(code: string, tokens: readonly Token[], lineStarts: readonly number[], firstStatement: number, appendable: boolean): Placement {
  if (appendable) return { at: code.length, before: '\n', moves: false };
  // Where code-free text starts before the first statement: after the directives or the hashbang's line.
  const index = tokens.findIndex((token) => token.start === firstStatement);
  const from = index > 0 ? tokens[index - 1]!.end : code.startsWith('#!') ? code.search(/[\n\r]|$/) : 0;
  const firstLine = lineStarts.findLast((start) => start <= firstStatement) ?? 0;
  for (const lineStart of lineStarts) {
    if (lineStart >= firstLine) break;
    if (lineStart >= from && !insideComment(code, from, lineStart)) return { at: lineStart, before: '', moves: false };
  }
  return { at: firstStatement, before: '', moves: true };
}

/** Whether a line start lies inside a block comment of the code-free text from `from`. */
function insideComment(code: string, from: number, lineStart: number): boolean {
  let i = from;
  while (i < lineStart) {
    if (code.startsWith('//', i)) {
      const lineEnd = code.slice(i).search(/[\n\r]/);
      if (lineEnd < 0) return false;
      i += lineEnd;
    } else if (code.startsWith('/*', i)) {
      const end = code.indexOf('*/', i + 2);
      if (end < 0 || end + 2 > lineStart) return true;
      i = end + 2;
    } else {
      i++;
    }
  }
  return false;
}
