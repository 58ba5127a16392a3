import { call } from './results.js';
import type { ChunkReceivedListener, HeadersReceivedListener, RequestTask } from './types.js';

type Listeners<A> = Set<(argument: A) => void> | undefined;

// One pair of helpers for every listener list (request's two, the file tasks' progress): each method is one line.
export const on = <A>(listeners: Listeners<A>, listener: (argument: A) => void) => (listeners ?? new Set()).add(listener);
export function off<A>(listeners: Listeners<A>, listener?: (argument: A) => void): void {
  listener ? listeners?.delete(listener) : listeners?.clear();
}

/**
 * The RequestTask handed to the caller: the two listener lists (made on the first `on…`: most tasks
 * never get one; a listener added twice is called once) and `abort`, which the request defines.
 * Methods live on the prototype, so a queued request holds no functions of its own. The fields'
 * names are short on purpose: a minifier cannot shorten property names, and every page carries them.
 */
export abstract class Task implements RequestTask {
  // Declared only: most tasks never get a listener, and a field initialiser costs bytes on every page.
  /** The onHeadersReceived listeners. */
  declare h?: Set<HeadersReceivedListener>;
  /** The onChunkReceived listeners. */
  declare c?: Set<ChunkReceivedListener>;
  abstract abort(): void;
  onHeadersReceived(listener: HeadersReceivedListener): void {
    this.h = on(this.h, listener);
  }
  offHeadersReceived(listener?: HeadersReceivedListener): void {
    off(this.h, listener);
  }
  onChunkReceived(listener: ChunkReceivedListener): void {
    this.c = on(this.c, listener);
  }
  offChunkReceived(listener?: ChunkReceivedListener): void {
    off(this.c, listener);
  }
}

/** Calls every listener, each on its own microtask (see `call`): one that throws does not stop the others. */
export function emit<A>(listeners: Listeners<A>, argument: A): void {
  listeners?.forEach((listener) => call(listener, argument));
}
