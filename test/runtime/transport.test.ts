import test from 'ava';
import { configure, request } from '../../runtime/index.js';
import type { Transport, TransportRequest } from '../../runtime/index.js';
import { run } from './support/call.js';

// A user transport: no network here, the contract alone.
const encoder = new TextEncoder();
function reader(...chunks: string[]) {
  const queue = chunks.map((chunk) => encoder.encode(chunk));
  return { read: async () => (queue.length ? { done: false, value: queue.shift() } : { done: true }) };
}

test.serial('a custom transport gets the validated, serialised request and its answer becomes the result', async (t) => {
  let seen: TransportRequest | undefined;
  const transport: Transport = async (sent) => {
    seen = sent;
    return { statusCode: 418, headers: [['X-Teapot', 'yes'], ['Set-Cookie', 'a=1']], cookies: ['a=1'], body: reader('{"te', 'a":1}') };
  };
  configure({ transport });
  const chunks: number[] = [];
  const outcome = await run(
    { url: 'https://api.example.com/x?y=1', method: 'PUT', data: { a: 1 }, header: { 'X-Up': 'A', Referer: 'r' }, enableChunked: true, redirect: 'manual' },
    (task) => task.onChunkReceived(({ data }) => chunks.push(data.byteLength)),
  );
  t.is(seen?.url, 'https://api.example.com/x?y=1');
  t.is(seen?.method, 'PUT');
  t.deepEqual(seen?.headers, { 'x-up': 'A', 'content-type': 'application/json' });
  t.is(seen?.body, '{"a":1}');
  t.is(seen?.redirect, 'manual');
  t.true(seen?.signal instanceof AbortSignal);
  t.deepEqual(chunks, [4, 5]);
  t.deepEqual(outcome.success?.data, { tea: 1 });
  t.is(outcome.success?.statusCode, 418);
  t.is(outcome.success?.header['X-TEAPOT'], 'yes');
  t.deepEqual(outcome.success?.cookies, ['a=1']);
  // The body was read to its end: nothing left to stop, so the signal is not aborted (see the contract).
  t.false(seen?.signal.aborted, 'a request whose body was read whole leaves its signal alone');
});

test.serial('the signal aborts when the request ends before its body was read whole: timeout mid-body, a body that breaks', async (t) => {
  const signals: AbortSignal[] = [];
  configure({ transport: async (sent) => (signals.push(sent.signal), { statusCode: 200, headers: [], cookies: [], body: { read: () => new Promise(() => {}) } }) });
  t.like((await run({ url: 'https://api.example.com/slow', timeout: 30 })).fail, { errMsg: 'request:fail timeout' });
  t.true(signals[0]?.aborted, 'timed out while reading the body');
  configure({ transport: async (sent) => (signals.push(sent.signal), { statusCode: 200, headers: [], cookies: [], body: { read: () => Promise.reject(new Error('cut')) } }) });
  t.like((await run({ url: 'https://api.example.com/cut' })).fail, { errMsg: 'request:fail cut', errno: 600001 });
  t.true(signals[1]?.aborted, 'the body failed');
});

test.serial('credentials from configure() reach the transport; a bad value is refused', async (t) => {
  let seen: TransportRequest | undefined;
  configure({ transport: async (sent) => ((seen = sent), { statusCode: 204, headers: [], cookies: [], body: null }) });
  await run({ url: 'https://api.example.com/' });
  t.is(seen?.credentials, undefined, "fetch's default unless configured");
  configure({ credentials: 'include' });
  await run({ url: 'https://api.example.com/' });
  t.is(seen?.credentials, 'include');
  t.throws(() => configure({ credentials: 'all' as never }), { message: 'configure: invalid credentials' });
  configure({ credentials: 'same-origin' });
  await run({ url: 'https://api.example.com/' });
  t.is(seen?.credentials, 'same-origin');
});

test.serial('a transport that rejects: fail with the cause as reason, errno 600001', async (t) => {
  configure({ transport: () => Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 1.2.3.4:443'), { code: 'ECONNREFUSED' }) })) });
  const outcome = await run({ url: 'https://api.example.com/' });
  t.like(outcome.fail, { errMsg: 'request:fail connect ECONNREFUSED 1.2.3.4:443', errno: 600001 });
  configure({ transport: () => Promise.reject(new TypeError('Failed to fetch')) });
  t.is((await run({ url: 'https://api.example.com/' })).fail?.errMsg, 'request:fail Failed to fetch');
});

test.serial('a transport that throws synchronously still ends in fail then complete', async (t) => {
  configure({
    transport: () => {
      throw new Error('sync');
    },
  });
  const outcome = await run({ url: 'https://api.example.com/' });
  t.deepEqual(outcome.events, ['fail', 'complete']);
  t.is(outcome.fail?.errMsg, 'request:fail sync');
});

test.serial('abort reaches the transport through the signal', async (t) => {
  let called!: (signal: AbortSignal | undefined) => void;
  const transportCalled = new Promise<AbortSignal | undefined>((resolve) => (called = resolve));
  configure({ transport: (sent) => (called(sent.signal), new Promise(() => {})) });
  const task = request({ url: 'https://api.example.com/' });
  const signal = await transportCalled;
  t.false(signal?.aborted);
  task.abort();
  t.true(signal?.aborted);
});
