import { request } from '../../../runtime/index.js';
import type { FailResult, RequestOption, RequestTask, SuccessResult } from '../../../runtime/index.js';

/** What happened to one request, in order: callback names and listener events. */
export interface Outcome {
  events: string[];
  success?: SuccessResult;
  fail?: FailResult;
  complete?: SuccessResult | FailResult;
}

/** Runs `request` and resolves after `complete`, with every callback recorded in order. */
export function run(options: RequestOption, onTask?: (task: RequestTask) => void): Promise<Outcome> {
  return new Promise((resolve) => {
    const outcome: Outcome = { events: [] };
    const task = request({
      ...options,
      success(res) {
        outcome.events.push('success');
        outcome.success = res;
      },
      fail(err) {
        outcome.events.push('fail');
        outcome.fail = err;
      },
      complete(res) {
        outcome.events.push('complete');
        outcome.complete = res;
        resolve(outcome);
      },
    });
    task.onHeadersReceived(() => outcome.events.push('headers'));
    task.onChunkReceived(() => outcome.events.push('chunk'));
    onTask?.(task);
  });
}
