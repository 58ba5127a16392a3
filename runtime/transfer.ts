import { capTimeout, config, MAX_TIMEOUT } from './config.js';
import type { FileQueue } from './file-queue.js';
import { ERRNO_ABORT, ERRNO_NETWORK, ERRNO_TIMEOUT, call, result, thrownResult } from './results.js';
import { emit, off, on, Task } from './task.js';
import { defineProfile, type Clock } from './profile.js';
import type { FileFailResult } from './file-types.js';
import type { HeadersReceivedResult } from './types.js';
import { requestHeaders } from './header.js';
import { checkUrl } from './validate.js';

type Api = 'uploadFile' | 'downloadFile';

/** A fail result of this API: request's checks throw `request:fail …`, said here under the API's own name. */
const failOf = (api: Api, error: unknown): FileFailResult => {
  const failed = thrownResult(error);
  return { errMsg: failed.errMsg.replace(/^request:/, `${api}:`), errno: failed.errno };
};

/**
 * One uploadFile or downloadFile call, from the call to `complete`, and the task handed to the
 * caller: WeChat's run-time rules of request (no port unless allowed, http(s), no Referer), a queue
 * of its own, the timeout (per call, else app.json-like networkTimeout, at most 60 s, from the
 * moment it leaves the queue), abort, and the progress and headers listeners. `run` is the API's
 * transfer; what it resolves is the success result's fields.
 */
export abstract class Transfer<P, R extends object> extends Task {
  d = false;
  /** The clock of res.profile (profile.ts): the call, the start, the end. */
  k: Clock = [performance.now()];
  /** The progress listeners. */
  declare p?: Set<(progress: P) => void>;
  declare a?: AbortController;
  declare t?: ReturnType<typeof setTimeout>;
  readonly url!: string;
  readonly headers!: Record<string, string>;

  constructor(
    readonly api: Api,
    readonly o: any,
    queue: FileQueue,
  ) {
    super();
    try {
      this.url = checkUrl(o.url, config.allowedOrigins);
      this.headers = requestHeaders(o.header);
    } catch (error) {
      this.s(failOf(api, error));
      return;
    }
    this.q = queue;
    queue.enqueue(this);
  }

  declare q?: FileQueue;

  /** The API's own work once the request leaves the queue; resolves the success result's fields. */
  abstract run(signal: AbortSignal): Promise<R>;

  onProgressUpdate(listener: (progress: P) => void): void {
    this.p = on(this.p, listener);
  }

  offProgressUpdate(listener?: (progress: P) => void): void {
    off(this.p, listener);
  }

  /** Tells the listeners: progress as they arrive, headers once. */
  progress(value: P): void {
    emit(this.p, value);
  }

  headersReceived(value: HeadersReceivedResult): void {
    emit(this.h, value);
  }

  abort(): void {
    this.s({ errMsg: `${this.api}:fail abort`, errno: ERRNO_ABORT });
  }

  async start(): Promise<void> {
    this.k.push(performance.now());
    this.a = new AbortController();
    this.t = setTimeout(() => this.s({ errMsg: `${this.api}:fail timeout`, errno: ERRNO_TIMEOUT }), capTimeout(this.o.timeout, capTimeout(config.networkTimeout?.[this.api], MAX_TIMEOUT)));
    try {
      const fields = await this.run(this.a.signal);
      const outcome = result(`${this.api}:ok`, fields);
      // The headers' moment is not told apart from the body's here: both are the end.
      this.k.push(performance.now(), performance.now());
      defineProfile(outcome, this.url, this.k);
      this.s(outcome, true);
    } catch (error: any) {
      this.s(error?.errno > 0 ? failOf(this.api, error) : { errMsg: `${this.api}:fail ${error?.cause?.message || error?.message || error}`, errno: ERRNO_NETWORK });
    }
  }

  /** Settles once; frees the queue's slot; the callbacks run on microtasks. */
  s(outcome: object, ok?: boolean): void {
    if (this.d) return;
    this.d = true;
    clearTimeout(this.t);
    if (this.a) {
      if (!ok) this.a.abort();
      this.q!.release();
    }
    call(ok ? this.o.success : this.o.fail, outcome);
    call(this.o.complete, outcome);
  }
}
