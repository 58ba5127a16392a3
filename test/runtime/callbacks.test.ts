import test from 'ava';
import { configure, request } from '../../runtime/index.js';
import type { FailResult, RequestTask, SuccessResult } from '../../runtime/index.js';
import { run } from './support/call.js';
import { startServer, type TestServer } from './support/server.js';

// Serial: some tests take over 'uncaughtException' for a moment to catch the re-thrown errors.
let server: TestServer;
let url: (query: string) => string;
test.before(async () => {
  server = await startServer();
  url = (query) => `${server.origin}/c?${query}`;
  configure({ allowedOrigins: [server.origin] });
});
test.after.always(() => server.close());
test.beforeEach(() => configure({ maxConcurrent: 10 }));

/** One turn of the event loop: every microtask queued before it (the runtime runs each callback on one) has run. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * A negative check's wait: long enough for a timer the runtime set before it (a 30 ms timeout) to
 * have fired, as Node fires timers in the order they fall due. A late timer only gives a wrong
 * callback longer to show, so it cannot make the check pass wrongly, nor fail.
 */
const afterTimersDue = () => new Promise((resolve) => setTimeout(resolve, 100));

/** Runs `scenario` with AVA's uncaughtException handlers set aside; returns what was thrown asynchronously. */
async function rethrown(scenario: () => Promise<void>): Promise<unknown[]> {
  const errors: unknown[] = [];
  const saved = process.listeners('uncaughtException');
  process.removeAllListeners('uncaughtException');
  const collect = (error: unknown) => errors.push(error);
  process.on('uncaughtException', collect);
  try {
    await scenario();
    // Each re-throw runs on a microtask queued no later than the callback that ended the scenario.
    await turn();
  } finally {
    process.off('uncaughtException', collect);
    for (const listener of saved) process.on('uncaughtException', listener);
  }
  return errors;
}

test.serial('callbacks never run inside request() or abort(), even for an invalid call', async (t) => {
  const events: string[] = [];
  request({ url: 'https://a.com:1/', fail: () => events.push('fail'), complete: () => events.push('complete') });
  t.deepEqual(events, []);
  let aborted!: () => void;
  const done = new Promise<void>((resolve) => (aborted = resolve));
  const task = request({ url: url('delay=100'), fail: () => events.push('abort-fail'), complete: () => (events.push('abort-complete'), aborted()) });
  task.abort();
  t.deepEqual(events, []);
  await done;
  t.deepEqual(events, ['fail', 'complete', 'abort-fail', 'abort-complete']);
});

test.serial('success then complete, with the same object; fail then complete, with the same object', async (t) => {
  const ok = await run({ url: url('status=500') });
  t.deepEqual(ok.events, ['headers', 'success', 'complete']);
  t.is(ok.complete, ok.success);
  const ko = await run({ url: url('reset=1') });
  t.deepEqual(ko.events, ['fail', 'complete']);
  t.is(ko.complete, ko.fail);
});

test.serial('complete runs exactly once, whatever happens after', async (t) => {
  let completes = 0;
  let task: RequestTask | undefined;
  await new Promise<void>((resolve) => {
    task = request({ url: url('delay=50'), timeout: 60, complete: () => (completes++, resolve()) });
  });
  task!.abort();
  await afterTimersDue();
  t.is(completes, 1);
  let aborted = 0;
  const racing = request({ url: url('delay=200'), timeout: 30, complete: () => aborted++ });
  racing.abort();
  await afterTimersDue();
  t.is(aborted, 1, 'abort and timeout racing: one complete');
});

test.serial('a success callback that throws: no fail, complete still runs, the error is re-thrown asynchronously', async (t) => {
  const boom = new Error('boom in success');
  const events: string[] = [];
  const errors = await rethrown(
    () =>
      new Promise<void>((resolve) => {
        request({
          url: url(''),
          success: () => {
            events.push('success');
            throw boom;
          },
          fail: () => events.push('fail'),
          complete: () => {
            events.push('complete');
            resolve();
          },
        });
      }),
  );
  t.deepEqual(events, ['success', 'complete']);
  t.deepEqual(errors, [boom]);
});

test.serial('a fail or complete callback that throws does not block the queue', async (t) => {
  configure({ maxConcurrent: 1 });
  const results: string[] = [];
  const errors = await rethrown(async () => {
    await new Promise<void>((resolve) => {
      request({
        url: url('reset=1'),
        fail: () => {
          results.push('fail');
          throw new Error('in fail');
        },
        complete: () => {
          results.push('complete 1');
          throw new Error('in complete');
        },
      });
      request({ url: url(''), complete: (res) => (results.push(`complete 2 ${res.errMsg}`), resolve()) });
    });
  });
  t.deepEqual(results, ['fail', 'complete 1', 'complete 2 request:ok']);
  t.deepEqual(
    errors.map((error) => (error as Error).message),
    ['in fail', 'in complete'],
  );
});

test.serial('a header listener that throws: the others still run, then success', async (t) => {
  const order: string[] = [];
  const errors = await rethrown(async () => {
    const outcome = await run({ url: url('') }, (task) => {
      task.onHeadersReceived(() => {
        order.push('first');
        throw new Error('in listener');
      });
      task.onHeadersReceived(() => order.push('second'));
    });
    order.push(...outcome.events.filter((event) => event !== 'headers'));
  });
  t.deepEqual(order, ['first', 'second', 'success', 'complete']);
  t.is((errors[0] as Error).message, 'in listener');
});

test.serial('abort from onHeadersReceived: fail abort, no success', async (t) => {
  const outcome = await run({ url: url('chunks=a,b&gap=50') }, (task) => task.onHeadersReceived(() => task.abort()));
  t.deepEqual(outcome.events, ['headers', 'fail', 'complete']);
  t.is(outcome.fail?.errMsg, 'request:fail abort');
});

test.serial('the result objects have exactly the documented fields', async (t) => {
  const ok = await run({ url: url('') });
  // The official typings' fields: WeChat's own plus profile, exception and useHttpDNS (no HttpDNS on the web).
  t.deepEqual(Object.keys(ok.success as SuccessResult).sort(), ['cookies', 'data', 'errMsg', 'exception', 'header', 'profile', 'statusCode', 'useHttpDNS']);
  t.deepEqual(ok.success?.exception, { reasons: [], retryCount: 0 });
  t.false(ok.success?.useHttpDNS);
  const ko = await run({ url: url('reset=1') });
  t.deepEqual(Object.keys(ko.fail as FailResult).sort(), ['errMsg', 'errno', 'exception', 'useHttpDNS']);
  t.deepEqual(ko.fail?.exception, { reasons: [], retryCount: 0 });
  t.false(ko.fail?.useHttpDNS);
});

test.serial('options read at call time: changing them afterwards changes nothing', async (t) => {
  const options = { url: url('tag=snapshot'), method: 'POST', data: { a: 1 } as Record<string, unknown> };
  const pending = run(options);
  options.data.a = 2;
  options.method = 'PUT';
  await pending;
  const seen = server.requests.find((recorded) => recorded.url.endsWith('tag=snapshot'));
  t.is(seen?.method, 'POST');
  t.is(seen?.body.toString(), '{"a":1}');
});

test.serial('a listener added twice is called once; off(listener) removes only that one', async (t) => {
  const calls: string[] = [];
  const twice = () => calls.push('twice');
  const kept = () => calls.push('kept');
  const dropped = () => calls.push('dropped');
  await run({ url: url('chunks=a,b&gap=50'), enableChunked: true }, (task) => {
    task.onHeadersReceived(twice);
    task.onHeadersReceived(twice);
    task.onChunkReceived(kept);
    task.onChunkReceived(dropped);
    task.offChunkReceived(dropped);
  });
  // One 'kept' per chunk (a loaded machine may merge the two writes into one chunk).
  t.is(calls[0], 'twice');
  t.true(calls.length >= 2 && calls.slice(1).every((call) => call === 'kept'), calls.join(' '));
});
