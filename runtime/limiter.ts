import { config } from './config.js';

/** A request waiting for a slot; `start` is called once, when it leaves the queue, unless it is over (`d`) by then. */
export interface Job {
  /** Done: ended while queued (aborted, timed out): the queue skips it, it is never started. */
  d: boolean;
  start(): unknown;
}

// App-wide FIFO queue: at most config.maxConcurrent jobs run at once, none is dropped. The queue
// advances a head index instead of shifting: Array#shift copies a large array on every call.
let queue: Job[] = [];
let head = 0;
let running = 0;

export function enqueue(job: Job): void {
  queue.push(job);
  pump();
}

/** A running job finished (whatever the outcome): its slot goes to the next one. */
export function release(): void {
  running--;
  pump();
}

export function pump(): void {
  // A job that ended while queued stays in the array (no search, no splice on abort) and is skipped here.
  while (running < config.maxConcurrent && head < queue.length) {
    const job = queue[head++]!;
    if (!job.d) {
      running++;
      job.start();
    }
  }
  // Drop the started jobs once they are most of the array, so it does not grow for ever.
  if (head > 1024 && head * 2 > queue.length) {
    queue = queue.slice(head);
    head = 0;
  }
}
