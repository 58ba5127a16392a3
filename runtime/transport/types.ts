import type { Method } from '../types.js';

/**
 * The transport contract. The default is the fetch transport; `configure({ transport })` plugs in
 * another one (an XMLHttpRequest one, a test double, a Node http one...).
 *
 * The runtime calls the transport once per request, when the request leaves the queue, with a
 * request already validated and serialised. The transport resolves once the status and headers are
 * known, and rejects when no response arrived: the errMsg is `request:fail <reason>`, the reason
 * being the error's `cause.message`, else `cause.code`, else its `message`. The body reader
 * rejects the same way when the connection is cut. It must stop work when `signal` aborts; what
 * it resolves or rejects after that is ignored.
 *
 * When the signal aborts: on abort(), on the timeout, and when the request failed after the
 * transport was called; in short whenever the request ends before its body was read whole. After
 * a body read to its end the signal is left as it is (there is nothing left to stop, and aborting a
 * finished fetch only costs): a transport must not depend on an abort to free what it holds once
 * the body is done. A queued request has no signal yet: the transport is called when it leaves
 * the queue, and one aborted while queued is never handed to the transport at all.
 */
export interface TransportRequest {
  url: string;
  method: Method;
  /** Lower-case names, validated, Referer removed, content-type set when a body is sent. */
  headers: Record<string, string>;
  body: string | ArrayBuffer | ArrayBufferView | undefined;
  redirect: 'follow' | 'manual';
  /** `configure({ credentials })`, for transports on the web; undefined: the platform's default. */
  credentials: 'omit' | 'same-origin' | 'include' | undefined;
  signal: AbortSignal;
}

/** Reads the body chunk by chunk: the shape of a `ReadableStreamDefaultReader<Uint8Array>`. */
export interface BodyReader {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  /**
   * Optional: the whole body at once. The runtime calls it instead of `read` when it hands out
   * no chunks (no `enableChunked`): fetch's `arrayBuffer()` is much cheaper than reading chunks.
   */
  all?(): Promise<ArrayBuffer>;
}

export interface TransportResponse {
  statusCode: number;
  /** Header name/value pairs in any case; a name may repeat (its values are joined with ", "). */
  headers: Iterable<[string, string]>;
  /** The Set-Cookie values when the transport can see them, else []. */
  cookies: string[];
  /** null when there is no body. */
  body: BodyReader | null;
}

export type Transport = (request: TransportRequest) => Promise<TransportResponse>;
