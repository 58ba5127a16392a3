import { decodeBody, readBody } from './body.js';
import { capTimeout, config } from './config.js';
import { requestHeaders, responseHeader } from './header.js';
import { dequeue, enqueue, release } from './limiter.js';
import { ERRNO_ABORT, ERRNO_INVALID, ERRNO_NETWORK, ERRNO_TIMEOUT, call, failResult, reason, type Failure } from './results.js';
import { features } from './features.js';
import { serialize, type ObjectEncoder } from './serialize.js';
import { createTask, emit } from './task.js';
import type { FailResult, RequestOption, RequestTask, ResponseData, SuccessResult, TransportRequest } from './types.js';
import { checkMethod, checkUrl } from './validate.js';

/** What the caller gave, checked and serialised at call time (later changes to `options` do not count). */
function prepare(options: RequestOption<never>, signal: AbortSignal, encodeObject: ObjectEncoder): TransportRequest {
  const method = checkMethod(options.method);
  const headers = requestHeaders(options.header);
  const { url, body, contentType } = serialize(method, checkUrl(options.url, config.allowedOrigins), options.data, headers['content-type'], encodeObject);
  if (contentType) headers['content-type'] = contentType;
  return { url, method, headers, body, redirect: options.redirect == 'manual' ? 'manual' : 'follow', signal };
}

/**
 * wx.request for the web. It returns the RequestTask synchronously; callbacks always run later,
 * never inside the call: `success` for every response (any status), `fail` when none arrived, then
 * `complete` once with the same object. Object bodies and chunks use the installed `features`.
 */
export function request<T extends ResponseData = ResponseData>(input: RequestOption<T>): RequestTask {
  // `wx.request()` without options is a mistake that must end in `fail`, not in a TypeError here.
  const options = (input ?? {}) as RequestOption<T>;
  const { success, fail, complete, responseType, dataType = 'json' } = options;
  const timeout = capTimeout(options.timeout, config.timeout);
  const controller = new AbortController();
  let settled = false;
  let started = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { task, headerListeners, chunkListeners } = createTask(() => settle(failResult('abort', ERRNO_ABORT)));
  const job = { start };

  function settle(result: SuccessResult<T> | FailResult, ok?: boolean): void {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    if (started) {
      controller.abort();
      release();
    } else {
      dequeue(job);
    }
    queueMicrotask(() => {
      call(ok ? success : fail, result as SuccessResult<T> & FailResult);
      call(complete, result);
    });
  }

  let prepared: TransportRequest;
  try {
    prepared = prepare(options as RequestOption<never>, controller.signal, features.encodeObject);
  } catch (error) {
    const { reason, errno } = (error as Partial<Failure> | null)?.errno ? (error as Failure) : { reason: String((error as Error | null)?.message ?? error), errno: ERRNO_INVALID };
    settle(failResult(reason, errno));
    return task;
  }

  function start(): void {
    started = true;
    timer = setTimeout(() => settle(failResult('timeout', ERRNO_TIMEOUT)), timeout);
    void receive(config.transport);
  }

  async function receive(transport: typeof config.transport): Promise<void> {
    try {
      const response = await transport(prepared);
      if (settled) return;
      const { statusCode, cookies } = response;
      const header = responseHeader(response.headers);
      emit(headerListeners, { header, statusCode, cookies });
      const onChunk = features.chunkReader?.(options, chunkListeners);
      const bytes = await readBody(settled ? null : response.body, onChunk, () => settled);
      if (bytes && !settled) settle({ data: decodeBody(bytes, responseType, dataType) as T, statusCode, header, cookies, errMsg: 'request:ok' }, true);
    } catch (error) {
      settle(failResult(reason(error), ERRNO_NETWORK));
    }
  }

  enqueue(job);
  return task;
}
