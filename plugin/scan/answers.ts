/** Picks one of `count` answers (0 … count - 1) for the question `key`; the same key gets the same answer within a run. */
export type Choose = (key: object, count: number) => number;

/**
 * Runs `run` once for every combination of the answers it asks for, depth first (which questions
 * come up may depend on earlier answers), and returns its result when every run gives the same
 * one (compared by `keyOf`). Undefined when two runs disagree or more than `limit` runs would be
 * needed: then only a reading with scopes can tell.
 */
export function agreedResult<R>(run: (choose: Choose) => R, keyOf: (result: R) => string, limit: number): R | undefined {
  const path: { count: number; index: number }[] = [];
  let first: { result: R; key: string } | undefined;
  for (let runs = 1; ; runs++) {
    let depth = 0;
    const chosen = new Map<object, number>();
    const result = run((key, count) => {
      const known = chosen.get(key);
      if (known !== undefined) return known;
      if (depth === path.length) path.push({ count, index: 0 });
      const index = path[depth]!.index;
      depth++;
      chosen.set(key, index);
      return index;
    });
    const key = keyOf(result);
    if (!first) first = { result, key };
    else if (key !== first.key) return undefined;
    path.length = depth;
    while (path.length > 0 && path[path.length - 1]!.index + 1 >= path[path.length - 1]!.count) path.pop();
    if (path.length === 0) return first.result;
    if (runs >= limit) return undefined;
    path[path.length - 1]!.index++;
  }
}
