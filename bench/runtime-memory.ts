// Child process of the runtime benchmark: queues N requests at once that are never sent and
// prints the heap they hold. Run with --expose-gc: `runtime-memory.ts <ours|p-limit> <count>`.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Gc = () => void;
const gc = (globalThis as { gc?: Gc }).gc;
if (!gc) throw new Error('run with --expose-gc');
const [kind = 'ours', countText = '100000'] = process.argv.slice(2);
const count = Number(countText);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Runtime {
  request(options: Record<string, unknown>): unknown;
  configure(options: Record<string, unknown>): void;
}

const settle = () => {
  gc();
  gc();
  return process.memoryUsage();
};

const held: unknown[] = [];
// Globally reachable, so that nothing queued can be collected before the measure.
(globalThis as { benchHeld?: unknown[] }).benchHeld = held;
let transportCalls = 0;
if (kind === 'ours') {
  const runtime = (await import(pathToFileURL(path.join(root, 'dist/runtime/index.js')).href)) as Runtime;
  // A transport that never answers: the first maxConcurrent requests hang in it, the rest wait in
  // the queue; nothing goes on the network.
  runtime.configure({
    transport: () => {
      transportCalls++;
      return new Promise(() => {});
    },
  });
  const before = settle();
  for (let i = 0; i < count; i++) {
    held.push(runtime.request({ url: `https://api.example.com/items/${i}`, method: 'GET', data: { page: i }, success: () => {}, fail: () => {} }));
  }
  report(before);
} else {
  const { default: pLimit } = (await import('p-limit')) as { default: (n: number) => <T>(fn: () => Promise<T>) => Promise<T> };
  const limit = pLimit(10);
  // Keep the limiter (and so its queue) reachable, as an app's module-level limiter is.
  held.push(limit);
  const before = settle();
  for (let i = 0; i < count; i++) {
    const url = `https://api.example.com/items/${i}?page=${i}`;
    held.push(
      limit(() => {
        transportCalls++;
        void url;
        return new Promise(() => {});
      }).then(
        () => {},
        () => {},
      ),
    );
  }
  report(before);
}

function report(before: NodeJS.MemoryUsage): void {
  // Let queued starts run (both queue synchronously, but p-limit starts on a microtask).
  setImmediate(() => {
    const after = settle();
    process.stdout.write(`${JSON.stringify({ heap: after.heapUsed - before.heapUsed, rss: after.rss, transportCalls, count, held: held.length })}\n`);
    process.exit(0);
  });
}
