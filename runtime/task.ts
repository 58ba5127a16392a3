import { call } from './results.js';
import type { ChunkReceivedListener, HeadersReceivedListener, RequestTask } from './types.js';

/**
 * The RequestTask handed to the caller: the two listener lists (made on the first `on…`: most tasks
 * never get one; a listener added twice is called once) and `abort`, which the request defines.
 * Methods live on the prototype, so a queued request holds no functions of its own. The fields'
 * names are short on purpose: a minifier cannot shorten property names, and every page carries them.
 */
export abstract class Task implements RequestTask {
  /** The onHeadersReceived listeners. */
  h?: Set<HeadersReceivedListener>;
  /** The onChunkReceived listeners. */
  c?: Set<ChunkReceivedListener>;
  abstract abort(): void;
  onHeadersReceived(listener: HeadersReceivedListener): void {
    (this.h ??= new Set()).add(listener);
  }
  offHeadersReceived(listener?: HeadersReceivedListener): void {
    listener ? this.h?.delete(listener) : this.h?.clear();
  }
  onChunkReceived(listener: ChunkReceivedListener): void {
    (this.c ??= new Set()).add(listener);
  }
  offChunkReceived(listener?: ChunkReceivedListener): void {
    listener ? this.c?.delete(listener) : this.c?.clear();
  }
}

/** Calls every listener; one that throws does not stop the others (its error is re-thrown asynchronously). */
export function emit<A>(listeners: Set<(argument: A) => void> | undefined, argument: A): void {
  if (listeners) for (const listener of listeners) call(listener, argument);
}
