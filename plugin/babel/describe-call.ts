import type { NodePath } from '@babel/core';
import type { CallSite, ObjectKeys, RequestOptions, Span } from '../core/call-site.js';
import { spanOf } from './span.js';
import { describeObject, type ObjectDescription } from './static-object.js';
import { staticValue } from './static-value.js';

function keysOf(object: ObjectDescription): ObjectKeys {
  return { keys: object.entries.map((entry) => ({ name: entry.name, span: entry.keySpan })), complete: object.complete };
}

function describeOptions(argument: NodePath, callSpan: Span): RequestOptions | { unknown: Span } {
  const object = describeObject(argument);
  if (!object) return { unknown: spanOf(argument.node, callSpan) };
  const options: RequestOptions = keysOf(object);
  const last = (name: string) => object.entries.findLast((entry) => entry.name === name);
  for (const name of ['method', 'url', 'timeout'] as const) {
    const entry = last(name);
    if (entry) options[name] = entry.value ? staticValue(entry.value, entry.keySpan) : { kind: 'unknown', span: entry.keySpan };
  }
  const header = last('header');
  if (header) {
    const headerObject = header.value && describeObject(header.value);
    options.header = headerObject ? keysOf(headerObject) : { unknown: header.value ? spanOf(header.value.node, header.keySpan) : header.keySpan };
  }
  return options;
}

/** The neutral description of one call; `argument` is the options argument, if any. */
export function describeCall(file: string, call: NodePath, argument: NodePath | undefined): CallSite {
  const span = spanOf(call.node);
  if (!argument || argument.isSpreadElement()) return { file, span, options: { unknown: span } };
  return { file, span, options: describeOptions(argument, span) };
}
