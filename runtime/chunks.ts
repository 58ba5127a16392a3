import { emit, type TaskParts } from './task.js';
import type { RequestOption } from './types.js';

/** For one request, what to do with each body chunk; undefined when chunks are not wanted. */
export type ChunkReader = (options: RequestOption<never>, listeners: TaskParts['chunkListeners']) => ((data: ArrayBuffer) => void) | undefined;

/** With `enableChunked`, each chunk of the body goes to the task's onChunkReceived listeners. */
export const readChunks: ChunkReader = (options, listeners) => (options.enableChunked ? (data) => emit(listeners, { data }) : undefined);
