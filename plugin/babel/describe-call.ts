import type { NodePath } from '@babel/core';
import type { CallSite } from '../core/call-site.js';
import type { Evaluator } from '../core/evaluate.js';
import { spanOf } from './span.js';
import { babelEvaluator } from './syntax-adapter.js';

/** The neutral description of one call; `argument` is the options argument, if any. */
export function describeCall(file: string, call: NodePath, argument: NodePath | undefined, evaluator: Evaluator<NodePath> = babelEvaluator): CallSite {
  const span = spanOf(call.node);
  if (!argument || argument.isSpreadElement()) return { file, span, options: { unknown: span } };
  return { file, span, options: evaluator.describeOptions(argument, span) };
}
