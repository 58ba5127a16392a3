import { encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import { applyEdits, type SourceMapLike } from '../core/apply-edits.js';
import type { TextEdit } from '../core/text-edits.js';
import type { Token } from './tokenize.js';

/**
 * The edited file and its source map, from the tokens the text front end already has: a segment at
 * every name and literal, mapped to the token as written. The edits add no line (the runtime import goes on
 * the first statement's line, `_wx` replaces `wx`), so only columns after an edit on its line move.
 */
export function editWithMap(code: string, id: string, tokens: readonly Token[], lineStarts: readonly number[], edits: readonly TextEdit[]): { code: string; map: SourceMapLike } {
  const lines: SourceMapSegment[][] = lineStarts.map(() => []);
  let line = 0;
  let shift = 0;
  let next = 0;
  for (const token of tokens) {
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= token.start) {
      line++;
      shift = 0;
    }
    // Edits before the token on its line (an insertion right at it comes before it too).
    for (let edit = edits[next]; edit && (edit.start < token.start || (edit.start === token.start && edit.end === edit.start)); edit = edits[++next]) {
      if (edit.start >= lineStarts[line]!) shift += edit.text.length - (edit.end - edit.start);
    }
    // Names, literals and the first token of a line: where a position can point (as magic-string's
    // word boundaries); a run of punctuators maps with the token before it.
    const segments = lines[line]!;
    if (token.kind === 'punct' && segments.length > 0) continue;
    const column = token.start - lineStarts[line]!;
    segments.push([column + shift, 0, line, column]);
  }
  return { code: applyEdits(code, edits), map: { version: 3, sources: [id], sourcesContent: [code], names: [], mappings: encode(lines) } };
}
