import type { Job } from './limiter.js';

/**
 * The queue of uploadFile, and the one of downloadFile: WeChat runs at most 10 of each at once,
 * the rest wait first in, first out. Apart from request's (limiter.ts, whose limit configure()
 * sets and whose code every page carries): only a page that uploads or downloads bundles this.
 * These queues stay short (files, not API calls), so a plain shift is cheap here.
 */
export class FileQueue {
  private readonly waiting: Job[] = [];
  private running = 0;

  enqueue(job: Job): void {
    this.waiting.push(job);
    this.pump();
  }

  /** A running job finished (whatever the outcome): its slot goes to the next one. */
  release(): void {
    this.running--;
    this.pump();
  }

  private pump(): void {
    // A job that ended while it waited (aborted) is dropped here, never started.
    while (this.running < 10 && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      if (job.d) continue;
      this.running++;
      job.start();
    }
  }
}
