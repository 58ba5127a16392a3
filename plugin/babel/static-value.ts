import type { NodePath } from '@babel/core';
import { babelEvaluator } from './syntax-adapter.js';

/** The name of a static property access: `a.b`, `a['b']`, `` a[`b`] ``, `a['re' + 'quest']`, `a[NAME]`. */
export function memberName(path: NodePath): string | undefined {
  return babelEvaluator.memberName(path);
}

/** The string a key expression stands for, when known (`['referer']`, `[HEADER]`, `[1]`). */
export function staticKey(path: NodePath, seen?: Set<object>): string | undefined {
  return babelEvaluator.staticKey(path, seen);
}
