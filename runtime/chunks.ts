import { emit, type Task } from './task.js';
import type { RequestOption } from './types.js';

/** For one request, what to do with each body chunk; undefined when chunks are not wanted. */
export type ChunkReader = (options: RequestOption<never>, task: Task) => ((data: ArrayBuffer) => void) | undefined;

/** With `enableChunked`, each chunk of the body goes to the task's onChunkReceived listeners. */
export const readChunks: ChunkReader = (options, task) => (options.enableChunked ? (data) => emit(task.c, { data }) : undefined);
