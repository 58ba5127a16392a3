import { call } from './results.js';
import type { ChunkReceivedListener, HeadersReceivedListener, RequestTask } from './types.js';

export interface TaskParts {
  task: RequestTask;
  headerListeners: Set<HeadersReceivedListener>;
  chunkListeners: Set<ChunkReceivedListener>;
}

/** The RequestTask handed to the caller: `abort` plus the two listener lists (a listener added twice is called once). */
export function createTask(abort: () => void): TaskParts {
  const headerListeners = new Set<HeadersReceivedListener>();
  const chunkListeners = new Set<ChunkReceivedListener>();
  const task: RequestTask = {
    abort,
    onHeadersReceived: (listener) => void headerListeners.add(listener),
    offHeadersReceived: (listener) => void (listener ? headerListeners.delete(listener) : headerListeners.clear()),
    onChunkReceived: (listener) => void chunkListeners.add(listener),
    offChunkReceived: (listener) => void (listener ? chunkListeners.delete(listener) : chunkListeners.clear()),
  };
  return { task, headerListeners, chunkListeners };
}

/** Calls every listener; one that throws does not stop the others (its error is re-thrown asynchronously). */
export function emit<A>(listeners: Set<(argument: A) => void>, argument: A): void {
  for (const listener of listeners) call(listener, argument);
}
