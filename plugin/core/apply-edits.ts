import MagicString from 'magic-string';
import type { TextEdit } from './text-edits.js';

/**
 * Applying a file's edits (the plugin's `edits`, the text front end's, the checker's and the
 * port's fixes) to the text they were made for, in one place: without a source map when nothing
 * moved or none is wanted, with one (magic-string's, exact for every kept byte) when the edits
 * are handed to a host or written beside the file. No reprint: every byte outside the edits stays.
 */

export interface SourceMapLike {
  version: number;
  sources: string[];
  names: string[];
  mappings: string;
  sourcesContent?: (string | null)[];
  file?: string;
}

/** Applies sorted, non-overlapping edits to the text they were made for. */
export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + source.slice(at);
}

/**
 * Applies the fixes of a file (`wx-request check --fix`): each distinct edit once (two diagnostics
 * may name one change) and, of edits that overlap, the one that starts last (the others wait for
 * the next run). Returns the text and how many edits it took.
 */
export function applyFixes(text: string, fixes: readonly TextEdit[]): { text: string; applied: number } {
  const chosen: TextEdit[] = [];
  let limit = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (const edit of [...fixes].sort((a, b) => b.start - a.start || b.end - a.end)) {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    if (seen.has(key) || edit.end > limit) continue;
    seen.add(key);
    chosen.push(edit);
    limit = edit.start;
  }
  return { text: applyEdits(text, chosen.reverse()), applied: chosen.length };
}

export interface MapOptions {
  /** The map's one source: the original file as the map's reader finds it (a host's module id, a path relative to the map). */
  source: string;
  /**
   * How fine the map is: a mapping at every character (`true`: a map written to disk for any
   * tool), or at every word boundary (`'boundary'`: exact for every token a position names, at a
   * fraction of the cost, for a bundler that composes maps on every build).
   */
  hires: true | 'boundary';
}

/** Applies sorted, non-overlapping edits and maps the result back to the original text. */
export function applyEditsWithMap(source: string, edits: readonly TextEdit[], { source: sourceName, hires }: MapOptions): { code: string; map: SourceMapLike } {
  const text = new MagicString(source);
  for (const edit of edits) {
    if (edit.start !== edit.end) {
      if (edit.text === '') text.remove(edit.start, edit.end);
      else text.overwrite(edit.start, edit.end, edit.text);
    } else if (edit.text !== '') {
      text.appendLeft(edit.start, edit.text);
    }
  }
  const map = text.generateMap({ includeContent: true, hires }) as unknown as SourceMapLike;
  // The name as given (magic-string would make it relative, with `/`, to a file of its own).
  map.sources = [sourceName];
  return { code: text.toString(), map };
}
