import { HOLE, type StringPart } from './call-site.js';

/**
 * What a front end's evaluator knows of an expression before it is tied to a span: both front
 * ends (Babel, TypeScript) fold values with these same helpers, so they agree on every string.
 */
export type Evaluated = { kind: 'string'; parts: StringPart[] } | { kind: 'number'; value: number } | { kind: 'other' } | { kind: 'unknown' };

export const UNKNOWN: Evaluated = { kind: 'unknown' };

/** A value as string parts, for `+` and templates: numbers become their text, the rest a hole. */
export function asParts(value: Evaluated): StringPart[] {
  if (value.kind === 'string') return value.parts;
  if (value.kind === 'number') return [String(value.value)];
  return [HOLE];
}

/** Joins neighbouring literal parts and collapses neighbouring holes, so equal strings compare equal. */
export function normaliseParts(parts: StringPart[]): StringPart[] {
  const out: StringPart[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part === '') continue;
    if (part === HOLE) {
      if (last !== HOLE || out.length === 0) out.push(HOLE);
    } else if (typeof last === 'string') {
      out[out.length - 1] = last + part;
    } else {
      out.push(part);
    }
  }
  return out.length === 0 ? [''] : out;
}

/** Arithmetic folded on known numbers, so `timeout: 2 * 60 * 1000` is known. */
export const ARITHMETIC: Readonly<Record<string, (left: number, right: number) => number>> = {
  '+': (left, right) => left + right,
  '-': (left, right) => left - right,
  '*': (left, right) => left * right,
  '/': (left, right) => left / right,
};
