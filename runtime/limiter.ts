import { config } from './config.js';

/** A request waiting for a slot; `start` is called once, when it leaves the queue. */
export interface Job {
  start(): void;
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

/** Takes a queued job out (abort while queued). */
export function dequeue(job: Job): void {
  const index = queue.indexOf(job, head);
  if (index >= 0) queue.splice(index, 1);
}

/** A running job finished (whatever the outcome): its slot goes to the next one. */
export function release(): void {
  running--;
  pump();
}

export function pump(): void {
  while (running < config.maxConcurrent && head < queue.length) {
    running++;
    queue[head++]!.start();
  }
  // Drop the started jobs once they are most of the array, so it does not grow for ever.
  if (head > 1024 && head * 2 > queue.length) {
    queue = queue.slice(head);
    head = 0;
  }
}
