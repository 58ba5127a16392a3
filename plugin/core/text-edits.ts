/**
 * One change to a file's original text: replace `[start, end)` by `text` (an insertion has
 * `start === end`). The plugin reports the edits it made, so that `wx-request port` and the
 * bundler integrations can apply exactly those to the user's text and leave the rest untouched
 * (apply-edits.ts). The checker's fixes are edits of the same shape (fixes.ts).
 */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** A node's offsets into the original source; Babel's and TypeScript's nodes both fit. */
interface Located {
  start?: number | null | undefined;
  end?: number | null | undefined;
}

/**
 * Collects the edits of one file. A node without offsets (made by another plugin before ours ran)
 * makes the list unknown rather than wrong: `list()` then returns undefined.
 */
export class TextEdits {
  private readonly edits: TextEdit[] = [];
  private known = true;

  replace(node: Located, text: string): void {
    if (typeof node.start !== 'number' || typeof node.end !== 'number') this.known = false;
    else this.edits.push({ start: node.start, end: node.end, text });
  }

  insert(at: number | null | undefined, text: string): void {
    if (typeof at !== 'number') this.known = false;
    else this.edits.push({ start: at, end: at, text });
  }

  remove(start: number | null | undefined, end: number | null | undefined): void {
    this.replace({ start, end }, '');
  }

  /** Sorted by position; insertions at one offset merged in the order they were made. */
  list(): TextEdit[] | undefined {
    if (!this.known) return undefined;
    const sorted = this.edits
      .map((edit, order) => ({ edit, order }))
      .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - a.edit.start - (b.edit.end - b.edit.start) || a.order - b.order)
      .map(({ edit }) => edit);
    const merged: TextEdit[] = [];
    for (const edit of sorted) {
      const last = merged.at(-1);
      if (last && last.start === last.end && edit.start === last.start && edit.end === edit.start) {
        last.text += edit.text;
        continue;
      }
      // Built from disjoint nodes, the edits cannot overlap; if they ever did, applying them would corrupt the file.
      if (last && edit.start < last.end) throw new Error(`babel-plugin-wx-request: internal error, overlapping edits at ${last.start}-${last.end} and ${edit.start}-${edit.end}`);
      merged.push({ ...edit });
    }
    return merged;
  }
}
