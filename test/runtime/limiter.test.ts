import test from 'ava';
import { configure, fetchTransport, request } from '../../runtime/index.js';
import type { TransportRequest } from '../../runtime/index.js';
import { run, type Outcome } from './support/call.js';
import { startServer, type TestServer } from './support/server.js';

// Every test here changes the app-wide queue or transport: they run one at a time.
let server: TestServer;
let url: (query: string) => string;
const started: string[] = [];
let recording: (request: TransportRequest) => ReturnType<typeof fetchTransport>;
test.before(async () => {
  server = await startServer();
  url = (query) => `${server.origin}/l?${query}`;
  // Records the order in which requests leave the queue (the transport is called then).
  recording = (request: TransportRequest) => {
    started.push(new URL(request.url).searchParams.get('id') ?? '');
    return fetchTransport(request);
  };
  configure({ allowedOrigins: [server.origin], transport: recording });
});
test.after.always(() => server.close());
test.beforeEach(() => {
  configure({ maxConcurrent: 10 });
  server.reset();
  started.length = 0;
});

test.serial('30 slow requests: never more than 10 at the server, all complete, started in FIFO order', async (t) => {
  const ids = Array.from({ length: 30 }, (_, index) => String(index));
  const outcomes = await Promise.all(ids.map((id) => run({ url: url(`id=${id}&delay=200`) })));
  t.true(outcomes.every((outcome) => outcome.success?.statusCode === 200));
  t.deepEqual(started, ids, 'requests leave the queue in the order they were made');
  t.true(server.maxInFlight <= 10 && server.maxInFlight > 1, `${server.maxInFlight} at once`);
  t.is(server.requests.length, 30);
  // Request k can only start once k - 9 requests have completed, so at least k - 9 others reached
  // the server before it (this holds whatever the machine's load).
  const arrival = server.requests.map((seen) => Number(new URL(seen.url, 'http://x').searchParams.get('id')));
  t.true(arrival.every((id, position) => position >= id - 9), arrival.join(' '));
});

test.serial('abort while queued: removed from the queue, never sent, fail abort', async (t) => {
  configure({ maxConcurrent: 1 });
  const first = run({ url: url('id=first&delay=150') });
  let queuedTask: ReturnType<typeof request> | undefined;
  const queued = run({ url: url('id=queued') }, (task) => (queuedTask = task));
  const third = run({ url: url('id=third') });
  queuedTask!.abort();
  queuedTask!.abort(); // twice is harmless
  const aborted = await queued;
  t.deepEqual(aborted.events, ['fail', 'complete']);
  t.like(aborted.fail, { errMsg: 'request:fail abort', errno: 600003 });
  await Promise.all([first, third]);
  t.deepEqual(started, ['first', 'third']);
  t.false(server.requests.some((seen) => seen.url.includes('id=queued')));
});

test.serial('abort while running: cancelled, fail abort, the slot goes to the next', async (t) => {
  configure({ maxConcurrent: 1 });
  let task: ReturnType<typeof request> | undefined;
  const running = run({ url: url('id=running&delay=5000') }, (created) => (task = created));
  const next = run({ url: url('id=next') });
  await server.arrival('id=running'); // it is running: the server has it
  const start = Date.now();
  task!.abort();
  const outcome = await running;
  t.deepEqual(outcome.events, ['fail', 'complete']);
  t.is(outcome.fail?.errMsg, 'request:fail abort');
  t.is((await next).success?.statusCode, 200);
  t.true(Date.now() - start < 2000);
  await server.idle(); // the test times out (AVA's 6 min) if the aborted connection is never closed
  t.is(server.inFlight, 0, 'the server saw the connection go');
});

test.serial('abort after completion does nothing; listeners added after do not run', async (t) => {
  let task: ReturnType<typeof request> | undefined;
  const outcome = await run({ url: url('id=done') }, (created) => (task = created));
  task!.abort();
  task!.abort();
  // A negative check: a callback from abort() would run on a microtask, and every microtask runs
  // before this timer; a late timer only gives it longer to show, so it cannot pass wrongly.
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.deepEqual(outcome.events, ['headers', 'success', 'complete']);
});

test.serial('timeout: fail timeout (errno 5) after the per-call timeout', async (t) => {
  const begin = Date.now();
  const outcome = await run({ url: url('id=slow&delay=2000'), timeout: 150 });
  t.deepEqual(outcome.events, ['fail', 'complete']);
  t.like(outcome.fail, { errMsg: 'request:fail timeout', errno: 5 });
  const elapsed = Date.now() - begin;
  t.true(elapsed >= 140 && elapsed < 1500, `${elapsed} ms`);
});

test.serial('timeout covers the body: a body slower than the timeout fails after the headers', async (t) => {
  const outcome = await run({ url: url('id=slowbody&chunks=a,b,c,d,e&gap=200'), timeout: 400, enableChunked: true });
  t.is(outcome.events[0], 'headers');
  t.deepEqual(outcome.events.slice(-2), ['fail', 'complete']);
  t.is(outcome.fail?.errMsg, 'request:fail timeout');
});

test.serial('the app-wide timeout from configure applies when the call has none', async (t) => {
  configure({ timeout: 100 });
  const outcome = await run({ url: url('id=appwide&delay=2000') });
  configure({ timeout: 60000 });
  t.is(outcome.fail?.errMsg, 'request:fail timeout');
});

test.serial('the timeout clock starts when the request leaves the queue (our choice)', async (t) => {
  configure({ maxConcurrent: 1 });
  const blocker = run({ url: url('id=blocker&delay=800') });
  const waiting = run({ url: url('id=waiting'), timeout: 500 });
  const [first, second] = await Promise.all([blocker, waiting]);
  t.is(first.success?.statusCode, 200);
  t.is(second.success?.statusCode, 200, 'queued 800 ms with a 500 ms timeout, and still a success');
});

test.serial('a timeout does not block the queue', async (t) => {
  configure({ maxConcurrent: 1 });
  const slow = run({ url: url('id=t1&delay=3000'), timeout: 100 });
  const after = run({ url: url('id=t2') });
  const outcomes: Outcome[] = await Promise.all([slow, after]);
  t.is(outcomes[0]?.fail?.errMsg, 'request:fail timeout');
  t.is(outcomes[1]?.success?.statusCode, 200);
});

test.serial('raising maxConcurrent at run time starts queued requests at once', async (t) => {
  configure({ maxConcurrent: 1 });
  const all = [run({ url: url('id=a&delay=300') }), run({ url: url('id=b&delay=300') }), run({ url: url('id=c&delay=300') })];
  await server.arrival('id=a'); // a is running (its answer takes 300 ms more); b and c wait
  t.deepEqual(started, ['a']);
  configure({ maxConcurrent: 3 });
  t.deepEqual(started, ['a', 'b', 'c']);
  await Promise.all(all);
});

test.serial('no timer is left once a request completes (success, timeout, abort)', async (t) => {
  // Transports without sockets, so only the runtime's own timers are counted.
  const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
  const before = timers();
  configure({ transport: async () => ({ statusCode: 200, headers: [], cookies: [], body: null }) });
  t.is((await run({ url: url('id=timers') })).success?.statusCode, 200);
  configure({ transport: () => new Promise(() => {}) });
  t.is((await run({ url: url('id=timers2'), timeout: 50 })).fail?.errMsg, 'request:fail timeout');
  t.is((await run({ url: url('id=timers3') }, (task) => setTimeout(() => task.abort(), 10))).fail?.errMsg, 'request:fail abort');
  await new Promise((resolve) => setImmediate(resolve));
  // At most as many as before: a timer of an earlier test (the test server's delays) may have ended meanwhile.
  t.true(timers() <= before, `${timers()} timers now, ${before} before`);
  configure({ transport: recording });
});

test.serial('configure validates its options', (t) => {
  t.throws(() => configure({ maxConcurrent: 0 }), { instanceOf: TypeError });
  t.throws(() => configure({ maxConcurrent: 1.5 }), { instanceOf: TypeError });
  t.throws(() => configure({ timeout: -1 }), { instanceOf: TypeError });
  t.throws(() => configure({ allowedOrigins: 'x' as never }), { instanceOf: TypeError });
  t.throws(() => configure({ transport: 'x' as never }), { instanceOf: TypeError });
});

test.serial('a queue far past 1,024 requests still starts them first in, first out, at most 10 at once', async (t) => {
  // The limiter advances a head index and compacts the array once most of it has started: this
  // crosses that compaction several times. The transport answers from memory, so 3,000 is quick.
  configure({ maxConcurrent: 10 });
  const order: number[] = [];
  let running = 0;
  let most = 0;
  configure({
    transport: async (request) => {
      order.push(Number(new URL(request.url).searchParams.get('n')));
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      return { statusCode: 200, headers: [], cookies: [], body: null };
    },
  });
  const count = 3000;
  // All three are still queued when aborted (only the first 10 start at once).
  const aborted = new Set([20, 1500, 2999]);
  const done = Array.from({ length: count }, (_, n) =>
    new Promise<string>((resolve) => {
      const task = request({ url: url(`n=${n}`), complete: (result) => resolve(result.errMsg) });
      if (aborted.has(n)) task.abort();
    }),
  );
  const results = await Promise.all(done);
  configure({ transport: recording });
  t.deepEqual(order, Array.from({ length: count }, (_, n) => n).filter((n) => !aborted.has(n)), 'FIFO, and the queued aborts never start');
  t.true(most <= 10, `${most} at once`);
  t.is(results.filter((errMsg) => errMsg === 'request:ok').length, count - aborted.size);
  t.deepEqual([...aborted].map((n) => results[n]), ['request:fail abort', 'request:fail abort', 'request:fail abort']);
});
