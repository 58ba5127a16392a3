/**
 * The safe fixes of `wx-request check --fix` and of the ESLint rules, written once over plain
 * facts about the reported node (offsets into the file's text). A front end (TypeScript in
 * checker/fix.ts, ESTree in plugin/estree for the ESLint rules) only reads those facts off its own syntax tree.
 */

import type { TextEdit } from './text-edits.js';

/** A text replacement in one file; fixes are plain text edits (the plugin's kind), so the file's formatting stays. */
export type Edit = TextEdit;

/** A string literal (or a template without substitutions): offsets include the quotes. */
export interface LiteralFacts {
  start: number;
  end: number;
  value: string;
}

/** The object property whose key was reported. */
export interface PropertyFacts {
  /** `identifier` for `a`, `string` for `'a'`, `template` for `` `a` ``, `other` for anything else. */
  keyKind: 'identifier' | 'string' | 'template' | 'other';
  keyText: string;
  keyStart: number;
  keyEnd: number;
  computed: boolean;
  /** `key: value`, `{ key }`, or a method / accessor. */
  form: 'plain' | 'shorthand' | 'method';
  start: number;
  end: number;
  /** The end of the property before it in the object literal, if any. */
  previousEnd: number | undefined;
  /** Whether the object has a spread, and the written names of its properties. */
  siblings: { hasSpread: boolean; names: readonly (string | undefined)[] };
}

/** What the front end knows of the reported node: a literal, the property it is a key of, or both. */
export interface FixTarget {
  literal?: LiteralFacts | undefined;
  property?: PropertyFacts | undefined;
}

/** `'post'` → `'POST'`, when the literal has no escapes (its raw text is its value). */
function uppercaseMethod(text: string, literal: LiteralFacts): Edit | undefined {
  const start = literal.start + 1;
  const end = literal.end - 1;
  if (text.slice(start, end) !== literal.value) return undefined;
  return { start, end, text: literal.value.toUpperCase() };
}

/** `headers: {…}` → `header: {…}`, unless the object already has a `header`. */
function renameHeaders(property: PropertyFacts): Edit | undefined {
  if (!(property.keyKind === 'identifier' || property.keyKind === 'string') || property.keyText !== 'headers' || property.computed) return undefined;
  if (property.siblings.hasSpread || property.siblings.names.includes('header')) return undefined;
  const { keyStart: start, keyEnd: end } = property;
  if (property.form === 'shorthand') return { start, end, text: 'header: headers' };
  if (property.keyKind === 'string') return { start: start + 1, end: end - 1, text: 'header' };
  return { start, end, text: 'header' };
}

function skipBlanks(text: string, from: number): number {
  let index = from;
  while (text[index] === ' ' || text[index] === '\t') index += 1;
  return index;
}

/** Deletes a `Referer: …` entry with its comma, and its whole line when it stands alone on it. */
function deleteReferer(text: string, property: PropertyFacts): Edit | undefined {
  if (property.keyKind === 'other' || property.keyText.toLowerCase() !== 'referer' || property.form === 'method') return undefined;
  const { start, end } = property;
  let after = skipBlanks(text, end);
  const comma = text[after] === ',';
  if (comma) after += 1;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '') {
    const lineEnd = skipBlanks(text, after);
    if (text[lineEnd] === '\n') return { start: lineStart, end: lineEnd + 1, text: '' };
    if (text[lineEnd] === '\r') return { start: lineStart, end: lineEnd + (text[lineEnd + 1] === '\n' ? 2 : 1), text: '' };
  }
  if (comma) return { start, end: skipBlanks(text, after), text: '' };
  if (property.previousEnd !== undefined) return { start: property.previousEnd, end, text: '' };
  return { start, end, text: '' };
}

/** The rules that have a safe fix. */
export const FIXABLE_RULES: ReadonlySet<string> = new Set(['method-uppercase', 'unknown-option', 'no-referer-header']);

/** The fix for one diagnostic of `ruleId` reported on `target`, in the file whose text is `text`. */
export function fixFor(ruleId: string, { literal, property }: FixTarget, text: string): Edit | undefined {
  if (ruleId === 'method-uppercase') return literal && uppercaseMethod(text, literal);
  if (ruleId === 'unknown-option') return property && renameHeaders(property);
  if (ruleId === 'no-referer-header') return property && deleteReferer(text, property);
  return undefined;
}
