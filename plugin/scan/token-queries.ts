import type { Token } from './tokenize.js';

/** Questions the text front end asks of its tokens, in one place. */

export const isPunct = (token: Token | undefined, value: string): boolean => token?.kind === 'punct' && token.value === value;

export const isName = (token: Token | undefined, value: string): boolean => token?.kind === 'name' && token.value === value;

/** Whether the token at `index` comes right after a `.` or `?.` (a property name, not a binding or keyword). */
export function isAfterDot(tokens: readonly Token[], index: number): boolean {
  const before = tokens[index - 1];
  return before !== undefined && before.kind === 'punct' && (before.value === '.' || before.value === '?.');
}

/** The index of the bracket that closes the one at `open` (the next token at its depth), or -1. */
export function closingIndex(tokens: readonly Token[], open: number): number {
  const depth = tokens[open]!.depth;
  for (let j = open + 1; j < tokens.length; j++) if (tokens[j]!.depth === depth) return j;
  return -1;
}
