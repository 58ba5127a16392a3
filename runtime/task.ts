import { call } from './results.js';
import type { ChunkReceivedListener, HeadersReceivedListener, RequestTask } from './types.js';

/** A listener list, made on the first `on…`: most tasks never get one. */
type Listeners<L> = { set?: Set<L> };

export interface TaskParts {
  task: RequestTask;
  headerListeners: Listeners<HeadersReceivedListener>;
  chunkListeners: Listeners<ChunkReceivedListener>;
}

const on = <L>(list: Listeners<L>) => (listener: L) => void (list.set ??= new Set()).add(listener);
const off = <L>(list: Listeners<L>) => (listener?: L) => void (listener ? list.set?.delete(listener) : list.set?.clear());

/** The RequestTask handed to the caller: `abort` plus the two listener lists (a listener added twice is called once). */
export function createTask(abort: () => void): TaskParts {
  const headerListeners: Listeners<HeadersReceivedListener> = {};
  const chunkListeners: Listeners<ChunkReceivedListener> = {};
  const task: RequestTask = {
    abort,
    onHeadersReceived: on(headerListeners),
    offHeadersReceived: off(headerListeners),
    onChunkReceived: on(chunkListeners),
    offChunkReceived: off(chunkListeners),
  };
  return { task, headerListeners, chunkListeners };
}

/** Calls every listener; one that throws does not stop the others (its error is re-thrown asynchronously). */
export function emit<A>(listeners: Listeners<(argument: A) => void>, argument: A): void {
  if (listeners.set) for (const listener of listeners.set) call(listener, argument);
}
