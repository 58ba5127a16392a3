import { applyEditsWithMap, type SourceMapLike } from '../../plugin/core/apply-edits.js';
import type { TextEdit } from '../../plugin/core/text-edits.js';

export type { TextEdit };

/** Edits that cannot be applied as they are: the port's own mistake, never the user's. */
export class EditError extends Error {
  override name = 'EditError';
}

function describe(edit: TextEdit): string {
  return edit.start === edit.end ? `an insertion at ${edit.start}` : `a change of ${edit.start}-${edit.end}`;
}

/**
 * The edits sorted and checked: inside the text, not overlapping (two insertions at one offset,
 * or an insertion where a change starts or ends, are fine; they keep their order).
 */
export function checkedEdits(edits: readonly TextEdit[], length: number): TextEdit[] {
  const sorted = edits.map((edit, order) => ({ edit, order })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
  let previous: TextEdit | undefined;
  for (const { edit } of sorted) {
    if (!Number.isInteger(edit.start) || !Number.isInteger(edit.end) || edit.start < 0 || edit.end < edit.start || edit.end > length) {
      throw new EditError(`${describe(edit)} lies outside the file (0-${length})`);
    }
    if (previous && edit.start < previous.end) throw new EditError(`${describe(previous)} and ${describe(edit)} overlap`);
    previous = edit;
  }
  return sorted.map(({ edit }) => edit);
}

/** The checker's fixes may name one change twice (two diagnostics, one key): each applies once. */
export function distinctEdits(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Moves edits made on the text after `first` was applied back onto the original's offsets, so
 * both sets apply to the original at once and the source map points at the user's own text.
 * An offset inside a text that `first` wrote has no place in the original: an EditError. Where
 * `first` deleted text, an edit's start lands after the deleted part and its end before it; an
 * edit touching what `first` changed then overlaps it, which checkedEdits reports.
 */
export function editsOnOriginal(edits: readonly TextEdit[], first: readonly TextEdit[]): TextEdit[] {
  const sortedFirst = checkedEdits(first, Number.MAX_SAFE_INTEGER);
  const toOriginal = (offset: number, side: 'start' | 'end', edit: TextEdit): number => {
    let delta = 0;
    for (const applied of sortedFirst) {
      const writtenStart = applied.start + delta;
      const writtenEnd = writtenStart + applied.text.length;
      if (offset < writtenStart || (offset === writtenStart && (side === 'end' || writtenEnd > writtenStart))) break;
      if (offset < writtenEnd) throw new EditError(`${describe(edit)} falls inside the fix at ${applied.start}-${applied.end}`);
      delta += applied.text.length - (applied.end - applied.start);
    }
    return offset - delta;
  };
  return edits.map((edit) => {
    const start = toOriginal(edit.start, 'start', edit);
    // An insertion stays one point, after what a fix deleted there.
    return { start, end: edit.end === edit.start ? start : toOriginal(edit.end, 'end', edit), text: edit.text };
  });
}

/** The line break a file uses: inserted text follows it, so a CRLF file stays CRLF. */
function lineBreakOf(source: string): string {
  const first = source.indexOf('\n');
  return first > 0 && source[first - 1] === '\r' ? '\r\n' : '\n';
}

export interface Applied {
  code: string;
  map: SourceMapLike;
}

/**
 * Applies edits once checked (plugin/core/apply-edits.ts does it): every byte outside them stays as
 * it was (comments, blank lines, quotes, semicolons, indentation, CRLF, a BOM), inserted text
 * follows the file's line break, and the map, written beside the file for any tool, maps every character.
 */
export function applyTextEdits(source: string, edits: readonly TextEdit[], sourceFileName: string): Applied {
  const lineBreak = lineBreakOf(source);
  const checked = checkedEdits(edits, source.length).map((edit) => (lineBreak === '\n' ? edit : { ...edit, text: edit.text.replace(/\r?\n/g, lineBreak) }));
  return applyEditsWithMap(source, checked, { source: sourceFileName, hires: true });
}
