import { decodeBody, readBody } from './body.js';
import { capTimeout, config } from './config.js';
import { features } from './features.js';
import { requestHeaders, responseHeader } from './header.js';
import { dequeue, enqueue, release } from './limiter.js';
import type { Clock } from './profile.js';
import { ERRNO_ABORT, ERRNO_INVALID, ERRNO_NETWORK, ERRNO_TIMEOUT, call, failResult, reason, result } from './results.js';
import { serialize } from './serialize.js';
import { emit, Task } from './task.js';
import type { FailResult, RequestOption, RequestTask, ResponseData, SuccessResult, TransportRequest } from './types.js';
import { checkMethod, checkUrl } from './validate.js';

/** What the caller gave, checked and serialised at call time (later changes to `options` do not count). */
function prepare(options: RequestOption<never>): TransportRequest {
  const method = checkMethod(options.method);
  const headers = requestHeaders(options.header);
  const { url, body, contentType } = serialize(method, checkUrl(options.url, config.allowedOrigins), options.data, headers['content-type'], features.encodeObject);
  if (contentType) headers['content-type'] = contentType;
  // The signal is set when the request leaves the queue.
  return { url, method, headers, body, redirect: options.redirect == 'manual' ? 'manual' : 'follow', credentials: config.credentials } as TransportRequest;
}

/**
 * One request, from the call to `complete`; it is also the task handed to the caller. State is in
 * fields and the steps are methods, so that a queued request costs little memory.
 */
class Call extends Task {
  settled = false;
  /** See Clock: performance.now() at the call, the start, the headers, the end of the body. */
  clock: Clock = [performance.now()];
  prepared?: TransportRequest;
  /** Made when the request leaves the queue: a queued request holds no AbortController. */
  controller?: AbortController;
  timer?: ReturnType<typeof setTimeout>;

  constructor(readonly options: RequestOption<any>) {
    super();
    try {
      this.prepared = prepare(options);
    } catch (error: any) {
      this.settle(error?.errno ? failResult(error.reason, error.errno) : failResult(String(error?.message ?? error), ERRNO_INVALID));
      return;
    }
    enqueue(this);
  }

  abort(): void {
    this.settle(failResult('abort', ERRNO_ABORT));
  }

  /** Called by the limiter when a slot is free. */
  start(): void {
    const controller = (this.controller = new AbortController());
    this.prepared!.signal = controller.signal;
    this.clock.push(performance.now());
    this.timer = setTimeout(() => this.settle(failResult('timeout', ERRNO_TIMEOUT)), capTimeout(this.options.timeout, config.timeout));
    void this.receive(this.prepared!);
  }

  async receive(prepared: TransportRequest): Promise<void> {
    const { options, clock } = this;
    try {
      const response = await config.transport(prepared);
      if (this.settled) return;
      clock.push(performance.now());
      const { statusCode, cookies } = response;
      const header = responseHeader(response.headers);
      emit(this.headerListeners, { header, statusCode, cookies });
      const bytes = await readBody(this.settled ? null : response.body, features.chunkReader?.(options, this), () => this.settled);
      if (bytes) {
        clock.push(performance.now());
        const outcome = result('request:ok', { data: decodeBody(bytes, options.responseType, options.dataType ?? 'json'), statusCode, header, cookies });
        features.profile?.(outcome, prepared.url, clock);
        this.settle(outcome as unknown as SuccessResult, true);
      }
    } catch (error) {
      this.settle(failResult(reason(error), ERRNO_NETWORK));
    }
  }

  /** The one end of the request: frees its slot (or its queue place), then calls back on a microtask. */
  settle(outcome: SuccessResult | FailResult, ok?: boolean): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    if (this.controller) {
      // A body read whole leaves nothing to stop, and aborting a finished fetch costs (it builds
      // an AbortError no one sees); any other end stops the transport's work.
      if (!ok) this.controller.abort();
      release();
    } else {
      dequeue(this);
    }
    const { success, fail, complete } = this.options;
    queueMicrotask(() => {
      call<any>(ok ? success : fail, outcome);
      call<any>(complete, outcome);
    });
  }
}

/**
 * wx.request for the web. It returns the RequestTask synchronously; callbacks always run later,
 * never inside the call: `success` for every response (any status), `fail` when none arrived, then
 * `complete` once with the same object. Object bodies, chunks and the profile use the installed `features`.
 */
export function request<T extends ResponseData = ResponseData>(options: RequestOption<T>): RequestTask {
  // `wx.request()` without options is a mistake that must end in `fail`, not in a TypeError here.
  return new Call((options ?? {}) as RequestOption<never>);
}
