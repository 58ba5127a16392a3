import { decodeBody, readBody } from './body.js';
import { capTimeout, config } from './config.js';
import { features } from './features.js';
import { requestHeaders, responseHeader } from './header.js';
import { enqueue, release } from './limiter.js';
import type { Clock } from './profile.js';
import { ERRNO_ABORT, ERRNO_NETWORK, ERRNO_TIMEOUT, call, failResult, reason, result, thrownResult } from './results.js';
import { serialize } from './serialize.js';
import { emit, Task } from './task.js';
import type { FailResult, RequestOption, RequestTask, ResponseData, SuccessResult, TransportRequest } from './types.js';
import { checkMethod, checkUrl } from './validate.js';

/**
 * One request, from the call to `complete`; it is also the task handed to the caller. State is in
 * fields and the steps are methods, so that a queued request costs little memory. The names are
 * short on purpose: a minifier cannot shorten property names, and every page carries them.
 */
class Call extends Task {
  /** Settled: the request is over. */
  d = false;
  /** The clock (see Clock): performance.now() at the call, the start, the headers, the end of the body. */
  k: Clock = [performance.now()];
  // Declared only (no field initialisers, fewer bytes): `p` is set by the constructor, `a` and `t` when the request starts.
  /** The prepared request. */
  declare p: TransportRequest;
  /** The AbortController, made when the request leaves the queue: a queued request holds none. */
  declare a?: AbortController;
  /** The timeout's timer. */
  declare t?: ReturnType<typeof setTimeout>;

  /** `o`: the caller's options. */
  constructor(readonly o: RequestOption<any>) {
    super();
    // What the caller gave, checked and serialised at call time (later changes to `options` do not
    // count). The signal is set when the request leaves the queue.
    try {
      serialize(
        (this.p = {
          method: checkMethod(o.method),
          headers: requestHeaders(o.header),
          url: checkUrl(o.url, config.allowedOrigins),
          redirect: o.redirect == 'manual' ? 'manual' : 'follow',
          credentials: config.credentials,
        } as TransportRequest),
        o.data,
        features.encodeObject,
      );
    } catch (error) {
      this.s(thrownResult(error));
      return;
    }
    enqueue(this);
  }

  abort(): void {
    this.s(failResult('abort', ERRNO_ABORT));
  }

  /**
   * Called by the limiter when a slot is free: sends the request and receives the response, the
   * headers, then the body. What ends the request first wins (see `s`).
   */
  async start(): Promise<void> {
    const { o: options, k: clock, p: prepared } = this;
    prepared.signal = (this.a = new AbortController()).signal;
    clock.push(performance.now());
    this.t = setTimeout(() => this.s(failResult('timeout', ERRNO_TIMEOUT)), capTimeout(options.timeout, config.timeout));
    try {
      const response = await config.transport(prepared);
      if (this.d) return;
      clock.push(performance.now());
      const { statusCode, cookies } = response;
      const header = responseHeader(response.headers);
      emit(this.h, { header, statusCode, cookies });
      const bytes = await readBody(response.body, features.chunkReader?.(options, this), this);
      clock.push(performance.now());
      const outcome = result('request:ok', { data: decodeBody(bytes, options.responseType, options.dataType ?? 'json'), statusCode, header, cookies });
      features.profile?.(outcome, prepared.url, clock);
      this.s(outcome as unknown as SuccessResult, true);
    } catch (error) {
      this.s(failResult(reason(error), ERRNO_NETWORK));
    }
  }

  /** Settles: the one end of the request. Frees its slot; the callbacks run on microtasks. */
  s(outcome: SuccessResult | FailResult, ok?: boolean): void {
    if (this.d) return;
    this.d = true;
    clearTimeout(this.t);
    // A queued request is skipped by the limiter (it is done); a started one frees its slot. A body
    // read whole leaves nothing to stop, and aborting a finished fetch costs (it builds an
    // AbortError no one sees); any other end stops the transport's work.
    if (this.a) {
      if (!ok) this.a.abort();
      release();
    }
    const { o: options } = this;
    call<any>(ok ? options.success : options.fail, outcome);
    call<any>(options.complete, outcome);
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
