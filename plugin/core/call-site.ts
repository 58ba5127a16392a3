/**
 * The neutral description of a `wx.request` call site. Front ends (Babel, TypeScript, the
 * checker) translate their syntax trees into this shape; the rules read nothing else, so a
 * rule is written once and behaves the same behind every front end.
 */
import type { NetworkApi } from './network-apis.js';

/** A source range, 1-based lines and columns; `endColumn` is exclusive (ESLint's convention). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A part of a string whose text cannot be known at build time. */
export const HOLE = null;
export type StringPart = string | typeof HOLE;

/**
 * What is statically known about one value. A string may be partly known: a template or a `+`
 * concatenation keeps its literal parts and marks the rest as holes, so a rule can still read a
 * leading `https://host:8080/` before an unknown path.
 */
export type StaticValue =
  | { kind: 'string'; parts: StringPart[]; span: Span }
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'other'; span: Span }
  | { kind: 'unknown'; span: Span };

/** An object key whose name is known, with the span of the key as written. */
export interface KnownKey {
  name: string;
  span: Span;
}

/** The keys of an object literal, possibly built from spreads of other known objects. */
export interface ObjectKeys {
  keys: KnownKey[];
  /** False when a spread, a computed key or anything else hides some keys. */
  complete: boolean;
}

export interface RequestOptions extends ObjectKeys {
  /** The value of the last `method` key, when there is one. */
  method?: StaticValue;
  url?: StaticValue;
  timeout?: StaticValue;
  /** The `header` option: its keys when it is an object we can read, `unknown` otherwise. */
  header?: ObjectKeys | { unknown: Span };
}

export interface CallSite {
  /** The API called (`wx.uploadFile`, …); absent means `request`. */
  api?: NetworkApi;
  /** The file as it should be shown to the user (relative to the working directory when inside it). */
  file: string;
  /** The whole call (or reference) this description comes from. */
  span: Span;
  /** The options object, or `unknown` when the argument could not be read statically. */
  options: RequestOptions | { unknown: Span };
}

/** The API a call site calls. */
export function apiOf(site: CallSite): NetworkApi {
  return site.api ?? 'request';
}

/** A span as a map key: a fixer finds the node behind a reported span by it. */
export function spanKey(span: Span): string {
  return `${span.line}:${span.column}:${span.endLine}:${span.endColumn}`;
}

/** The text of a fully known string, or undefined when it has holes or is not a string. */
export function knownText(value: StaticValue | undefined): string | undefined {
  if (value?.kind !== 'string') return undefined;
  return value.parts.every((part): part is string => part !== HOLE) ? value.parts.join('') : undefined;
}

/** The literal text before the first hole of a string ('' when it starts with a hole). */
export function leadingText(value: StringPart[]): string {
  const hole = value.indexOf(HOLE);
  return (hole === -1 ? value : value.slice(0, hole)).join('');
}

export function isUnknown<T extends object>(value: T | { unknown: Span }): value is { unknown: Span } {
  return 'unknown' in value;
}
