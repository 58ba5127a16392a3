import { config } from './config.js';

/** A request waiting for a slot; `start` is called once, when it leaves the queue. */
export interface Job {
  start(): void;
}

// App-wide FIFO queue: at most config.maxConcurrent jobs run at once, none is dropped.
const queue: Job[] = [];
let running = 0;

export function enqueue(job: Job): void {
  queue.push(job);
  pump();
}

/** Takes a queued job out (abort while queued). */
export function dequeue(job: Job): void {
  const index = queue.indexOf(job);
  if (index >= 0) queue.splice(index, 1);
}

/** A running job finished (whatever the outcome): its slot goes to the next one. */
export function release(): void {
  running--;
  pump();
}

export function pump(): void {
  while (running < config.maxConcurrent && queue.length) {
    running++;
    queue.shift()!.start();
  }
}
