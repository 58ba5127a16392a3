import { decodeBody, readBody } from './body.js';
import { capTimeout, config } from './config.js';
import { features } from './features.js';
import { requestHeaders, responseHeader } from './header.js';
import { dequeue, enqueue, release } from './limiter.js';
import { ERRNO_ABORT, ERRNO_INVALID, ERRNO_NETWORK, ERRNO_TIMEOUT, call, failResult, reason, result } from './results.js';
import { serialize } from './serialize.js';
import { createTask, emit } from './task.js';
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
 * wx.request for the web. It returns the RequestTask synchronously; callbacks always run later,
 * never inside the call: `success` for every response (any status), `fail` when none arrived, then
 * `complete` once with the same object. Object bodies, chunks and the profile use the installed `features`.
 */
export function request<T extends ResponseData = ResponseData>(input: RequestOption<T>): RequestTask {
  // `wx.request()` without options is a mistake that must end in `fail`, not in a TypeError here.
  const options = (input ?? {}) as RequestOption<T>;
  const clock = [performance.now()];
  // Made when the request leaves the queue: a queued request holds no AbortController.
  let controller: AbortController | undefined;
  let settled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { task, headerListeners, chunkListeners } = createTask(() => settle(failResult('abort', ERRNO_ABORT)));
  const job = { start };

  function settle(outcome: SuccessResult<T> | FailResult, ok?: boolean): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (controller) {
      // A body read whole leaves nothing to stop, and aborting a finished fetch costs (it builds
      // an AbortError no one sees); any other end stops the transport's work.
      if (!ok) controller.abort();
      release();
    } else {
      dequeue(job);
    }
    queueMicrotask(() => {
      call(ok ? options.success : options.fail, outcome as SuccessResult<T> & FailResult);
      call(options.complete, outcome);
    });
  }

  let prepared: TransportRequest;
  try {
    prepared = prepare(options as RequestOption<never>);
  } catch (error: any) {
    settle(error?.errno ? failResult(error.reason, error.errno) : failResult(String(error?.message ?? error), ERRNO_INVALID));
    return task;
  }

  function start(): void {
    controller = new AbortController();
    prepared.signal = controller.signal;
    clock.push(performance.now());
    timer = setTimeout(() => settle(failResult('timeout', ERRNO_TIMEOUT)), capTimeout(options.timeout, config.timeout));
    void receive();
  }

  async function receive(): Promise<void> {
    try {
      const response = await config.transport(prepared);
      if (settled) return;
      clock.push(performance.now());
      const { statusCode, cookies } = response;
      const header = responseHeader(response.headers);
      emit(headerListeners, { header, statusCode, cookies });
      const bytes = await readBody(settled ? null : response.body, features.chunkReader?.(options, chunkListeners), () => settled);
      if (bytes) {
        clock.push(performance.now());
        const outcome = result('request:ok', { data: decodeBody(bytes, options.responseType, options.dataType ?? 'json') as T, statusCode, header, cookies });
        features.profile?.(outcome, prepared.url, clock);
        settle(outcome as unknown as SuccessResult<T>, true);
      }
    } catch (error) {
      settle(failResult(reason(error), ERRNO_NETWORK));
    }
  }

  enqueue(job);
  return task;
}
