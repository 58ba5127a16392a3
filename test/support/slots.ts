/**
 * Runs at most `limit` pieces of work at once, the rest in arrival order: tests that start child
 * processes run concurrently, but these machines have two cores.
 */
export function slots(limit: number): <T>(work: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await work();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
