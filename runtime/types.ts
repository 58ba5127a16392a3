/**
 * Public types of `babel-plugin-wx-request/runtime`. They follow WeChat's `wx.request` and stay
 * assignable to and from the official typings (`miniprogram-api-typings`): a
 * `WechatMiniprogram.RequestOption` is accepted by `request`, and our `RequestTask` satisfies
 * `WechatMiniprogram.RequestTask` (see test/runtime/typings.ts).
 */
import type { Transport } from './transport/types.js';

/** Any object: what WeChat's typings call `IAnyObject`. */
export type AnyObject = Record<string, any>;
export type ResponseData = string | AnyObject | ArrayBuffer;
export type RequestData = string | AnyObject | ArrayBuffer | ArrayBufferView;
export type Method = 'OPTIONS' | 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'TRACE' | 'CONNECT';

/** WeChat's `exception`: on the web there are never HttpDNS reasons or retries (`{ reasons: [], retryCount: 0 }`). */
export interface RequestException {
  reasons: { errMsg: string; errno: string }[];
  retryCount: number;
}

/**
 * WeChat's `res.profile`, times in epoch milliseconds. Filled from the request's Resource Timing
 * entry where the platform keeps one; what the web cannot know is 0, '' or false (see the README).
 */
export interface RequestProfile {
  invokeStart: number;
  queueStart: number;
  queueEnd: number;
  redirectStart: number;
  redirectEnd: number;
  fetchStart: number;
  domainLookUpStart: number;
  domainLookUpEnd: number;
  connectStart: number;
  connectEnd: number;
  SSLconnectionStart: number;
  SSLconnectionEnd: number;
  requestStart: number;
  requestEnd: number;
  responseStart: number;
  responseEnd: number;
  httpDNSDomainLookUpStart: number;
  httpDNSDomainLookUpEnd: number;
  rtt: number;
  estimate_nettype: number;
  httpRttEstimate: number;
  transportRttEstimate: number;
  downstreamThroughputKbpsEstimate: number;
  throughputKbps: number;
  peerIP: string;
  port: number;
  protocol: string;
  socketReused: boolean;
  sendBytesCount: number;
  /** Spelled as in WeChat's typings. */
  receivedBytedCount: number;
  usingHighPerformanceMode: boolean;
}

export interface SuccessResult<T extends ResponseData = ResponseData> {
  data: T;
  statusCode: number;
  /** Response headers; reading a name works in any letter case, `Object.keys` lists lower-case names once each. */
  header: AnyObject;
  cookies: string[];
  errMsg: string;
  /** Read on demand (a getter): the Resource Timing entry may arrive after `success` runs. */
  profile: RequestProfile;
  exception: RequestException;
  /** Always false: no HttpDNS on the web. */
  useHttpDNS: boolean;
}

export interface FailResult {
  /** `request:fail abort`, `request:fail timeout` or `request:fail <reason>`. */
  errMsg: string;
  /** See the errno table in the README (ERRNO in results.ts). */
  errno: number;
  exception: RequestException;
  useHttpDNS: boolean;
}

export interface HeadersReceivedResult {
  header: AnyObject;
  statusCode: number;
  cookies: string[];
}

export interface ChunkReceivedResult {
  data: ArrayBuffer;
}

export type HeadersReceivedListener = (result: HeadersReceivedResult) => void;
export type ChunkReceivedListener = (result: ChunkReceivedResult) => void;

export interface RequestOption<T extends ResponseData = ResponseData> {
  url: string;
  data?: RequestData;
  header?: AnyObject;
  /** One of {@link Method}; a run-time value in another case or outside the list fails. */
  method?: Method | (string & {});
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
  timeout?: number;
  enableChunked?: boolean;
  redirect?: 'follow' | 'manual';
  // Callbacks are methods (bivariant parameters) so the official callback types, whose result
  // types carry more fields (profile, exception, useHttpDNS), are accepted.
  success?(result: SuccessResult<T>): void;
  fail?(error: FailResult): void;
  complete?(result: SuccessResult<T> | FailResult): void;
  /** Accepted for compatibility, no effect on the web. */
  enableHttp2?: boolean;
  enableQuic?: boolean;
  enableCache?: boolean;
  enableHttpDNS?: boolean;
  enableHttpDNSFallback?: boolean;
  httpDNSServiceId?: string;
  httpDNSTimeout?: number;
  forceCellularNetwork?: boolean;
  useHighPerformanceMode?: boolean;
  enableProfile?: boolean;
}

export interface RequestTask {
  /** Cancels a running request or removes a queued one; `fail` gets `request:fail abort`. No effect once complete. */
  abort(): void;
  onHeadersReceived(listener: HeadersReceivedListener): void;
  /** Without an argument, removes every listener. */
  offHeadersReceived(listener?: HeadersReceivedListener): void;
  /** Called with each body chunk when `enableChunked` is true. */
  onChunkReceived(listener: ChunkReceivedListener): void;
  offChunkReceived(listener?: ChunkReceivedListener): void;
}

/** The type of `request` (and of `wx.request`): a wrapper installed in its place must have it too. */
export type RequestFunction = <T extends ResponseData = ResponseData>(options: RequestOption<T>) => RequestTask;

export type { BodyReader, Transport, TransportRequest, TransportResponse } from './transport/types.js';

export interface ConfigureOptions {
  /** Requests running at once, app-wide; more wait in a FIFO queue. Default 10. */
  maxConcurrent?: number;
  /** App-wide default timeout in ms (like app.json's networkTimeout.request). Default and maximum 60000. */
  timeout?: number;
  /** Origins (`https://api.example.com:8443`) whose port is allowed, as with the build-time option. */
  allowedOrigins?: string[];
  /** The transport used by every request from now on. Default: the fetch transport. */
  transport?: Transport;
  /**
   * Web only: fetch's `credentials` for every request (`include` sends cookies to a cross-origin
   * API, which must answer with `Access-Control-Allow-Credentials: true`). Default: fetch's `same-origin`.
   */
  credentials?: 'omit' | 'same-origin' | 'include';
  /** Like app.json's networkTimeout: the default timeouts in ms of request (the same as `timeout`), uploadFile and downloadFile. Default and maximum 60000. */
  networkTimeout?: { request?: number; uploadFile?: number; downloadFile?: number };
}
