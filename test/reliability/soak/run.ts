// The soak run, executed in a child process (node --import tsx) by soak.test.ts so that the
// test can see the process exit by itself. Prints one line `SOAK-RESULT <json>` and ends without
// process.exit: a timer or socket left behind would keep it alive, and the test would notice.
import { configure, fetchTransport, request } from '../../../runtime/index.js';
import type { FailResult, SuccessResult, TransportRequest } from '../../../runtime/index.js';
import { startSoakServer, type Behaviour } from './server.js';
import { rng } from '../../../scripts/seeded-random.js';

const COUNT = Number(process.env['SOAK_COUNT'] ?? 3000);
const SEED = Number(process.env['SOAK_SEED'] ?? 7);
const WAVE = 100;
const WAVE_GAP_MS = 100;
const HANG_TIMEOUT_MS = 300;

const random = rng(SEED);
const pick = <T>(weighted: [T, number][]): T => {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) if ((roll -= weight) < 0) return value;
  return weighted[weighted.length - 1]![0];
};

type AbortMode = 'none' | 'sync' | 'random' | 'headers' | 'after-complete' | 'twice';
type Phase = 'queued' | 'in-flight' | 'completed';

interface Tracked {
  id: number;
  behaviour: Behaviour;
  status?: number;
  abortMode: AbortMode;
  /** Where the request was when abort() was first called. */
  abortPhase?: Phase;
  transportAt?: number;
  /** When the runtime gave up the request's slot (its signal aborts when it settles). */
  releasedAt?: number;
  completeAt?: number;
  events: string[];
  success: number;
  fail: number;
  complete: number;
  result?: SuccessResult | FailResult;
  completeResult?: SuccessResult | FailResult;
  chunks: Uint8Array[];
}

const violations: string[] = [];
const violate = (record: Tracked, message: string) => violations.push(`#${record.id} (${record.behaviour}, abort ${record.abortMode}/${record.abortPhase ?? '-'}): ${message}`);

const server = await startSoakServer();
const records = new Map<number, Tracked>();
let clientActive = 0;
let clientMax = 0;
let inCall = false;

configure({
  allowedOrigins: [server.origin],
  maxConcurrent: 10,
  // The fetch transport, watched: when each request leaves the queue, and how many run at once.
  transport: (prepared: TransportRequest) => {
    const id = Number(new URL(prepared.url).searchParams.get('id'));
    const record = records.get(id);
    if (record) {
      if (record.transportAt !== undefined) violate(record, 'the transport was called twice');
      if (record.abortPhase === 'queued') violate(record, 'aborted while queued, yet it left the queue');
      record.transportAt = performance.now();
    }
    clientActive++;
    clientMax = Math.max(clientMax, clientActive);
    // A started request ends before its slot is freed either with its body read whole (the signal
    // is left alone then) or with the runtime aborting its signal (abort, timeout, failure).
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clientActive--;
      if (record) record.releasedAt = performance.now();
    };
    prepared.signal.addEventListener('abort', end, { once: true });
    return fetchTransport(prepared).then((response) => {
      const body = response.body;
      if (!body) end();
      return {
        ...response,
        body: body && {
          read: () => body.read().then((chunk) => (chunk.done && end(), chunk)),
          all: () => body.all!().then((bytes) => (end(), bytes)),
        },
      };
    });
  },
});

function start(id: number, behaviour: Behaviour, abortMode: AbortMode, delay?: number): Tracked {
  const record: Tracked = { id, behaviour, abortMode, events: [], success: 0, fail: 0, complete: 0, chunks: [] };
  records.set(id, record);
  const query = new URLSearchParams({ id: String(id), do: behaviour });
  if (behaviour === 'status') {
    record.status = pick<number>([[400, 1], [401, 1], [403, 1], [404, 3], [409, 1], [418, 1], [429, 1], [500, 3], [502, 1], [503, 1]]);
    query.set('status', String(record.status));
  }
  if (behaviour === 'slow') query.set('delay', String(delay ?? 20 + Math.floor(random() * 80)));
  const abort = () => {
    record.abortPhase ??= record.complete > 0 ? 'completed' : record.transportAt === undefined ? 'queued' : 'in-flight';
    task.abort();
  };
  const callback = (name: 'success' | 'fail') => (result: SuccessResult | FailResult) => {
    if (inCall) violate(record, `${name} ran inside the request() call`);
    record.events.push(name);
    record[name]++;
    record.result = result;
  };
  inCall = true;
  const task = request({
    url: `${server.origin}/soak?${query}`,
    method: 'GET',
    timeout: behaviour === 'hang' ? HANG_TIMEOUT_MS : behaviour === 'slow' ? 10_000 : undefined,
    enableChunked: behaviour === 'chunks',
    success: callback('success'),
    fail: callback('fail'),
    complete(result) {
      if (inCall) violate(record, 'complete ran inside the request() call');
      record.events.push('complete');
      record.complete++;
      record.completeAt = performance.now();
      record.completeResult = result;
      if (abortMode === 'after-complete') setTimeout(abort, Math.floor(random() * 20));
    },
  });
  inCall = false;
  task.onHeadersReceived(({ statusCode }) => {
    record.events.push(`headers ${statusCode}`);
    if (abortMode === 'headers') abort();
  });
  task.onChunkReceived(({ data }) => {
    if (!(data instanceof ArrayBuffer)) violate(record, 'a chunk is not an ArrayBuffer');
    record.chunks.push(new Uint8Array(data));
  });
  if (abortMode === 'sync') abort();
  if (abortMode === 'random' || abortMode === 'twice') {
    setTimeout(() => {
      abort();
      if (abortMode === 'twice') abort();
    }, Math.floor(random() * 2500));
  }
  return record;
}

const behaviours: [Behaviour, number][] = [
  ['fast', 40],
  ['slow', 15],
  ['status', 12],
  ['badjson', 7],
  ['chunks', 8],
  ['hang', 6],
  ['reset-body', 6],
  ['reset-now', 6],
];
const abortModes: [AbortMode, number][] = [
  ['sync', 1],
  ['random', 2],
  ['headers', 1],
  ['after-complete', 1],
  ['twice', 1],
];

const began = performance.now();
let next = 0;
await new Promise<void>((resolve) => {
  const wave = () => {
    for (let i = 0; i < WAVE && next < COUNT; i++, next++) {
      start(next, pick(behaviours), random() < 0.2 ? pick(abortModes) : 'none');
    }
    if (next < COUNT) setTimeout(wave, WAVE_GAP_MS);
    else resolve();
  };
  wave();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const DEADLINE = began + 55_000;
while ([...records.values()].some((record) => record.complete === 0) && performance.now() < DEADLINE) await sleep(50);
const pending = [...records.values()].filter((record) => record.complete === 0);
for (const record of pending.slice(0, 20)) violate(record, `never completed (events: ${record.events.join(', ')})`);
await sleep(400); // late or double callbacks, and the after-complete aborts, land here
const soakMs = performance.now() - began;

// ---- per request ----
const decoder = new TextDecoder();
const ABORT = 'request:fail abort';
const NETWORK = /^request:fail (?!abort$|timeout$)\S/;
for (const record of records.values()) {
  if (record.complete !== 1) violate(record, `complete ran ${record.complete} times`);
  if (record.success + record.fail !== 1) violate(record, `success ${record.success} times and fail ${record.fail} times`);
  if (record.complete === 0) continue;
  if (record.completeResult !== record.result) violate(record, 'complete got another object than success/fail');
  if (record.events.at(-1) !== 'complete') violate(record, `complete is not last: ${record.events.join(', ')}`);
  const result = record.result as (SuccessResult & FailResult) | undefined;
  const aborted = record.abortPhase === 'queued' || record.abortPhase === 'in-flight';
  if (aborted) {
    if (record.fail !== 1 || result?.errMsg !== ABORT) violate(record, `aborted, expected fail "${ABORT}", got ${record.events.join(', ')} "${result?.errMsg}"`);
    if (typeof result?.errno !== 'number') violate(record, 'abort without errno');
    if (record.abortPhase === 'queued' && (server.seen.has(record.id) || record.transportAt !== undefined)) violate(record, 'aborted while queued, yet it reached the server');
    continue;
  }
  const expectsSuccess = !['hang', 'reset-body', 'reset-now'].includes(record.behaviour);
  if (expectsSuccess) {
    if (record.success !== 1) {
      violate(record, `expected success, got ${record.events.join(', ')} "${result?.errMsg}"`);
      continue;
    }
    const res = result as SuccessResult;
    if (res.errMsg !== 'request:ok') violate(record, `errMsg ${res.errMsg}`);
    const status = record.status ?? 200;
    if (res.statusCode !== status) violate(record, `statusCode ${res.statusCode}, expected ${status}`);
    if ((res.header as Record<string, unknown> & { [name: string]: unknown })['Content-Type'] !== 'application/json') violate(record, 'res.header["Content-Type"] is not application/json');
    if (!record.events.some((event) => event === `headers ${status}`) || record.events.indexOf(`headers ${status}`) > record.events.indexOf('success')) {
      violate(record, `headers not received before success: ${record.events.join(', ')}`);
    }
    const expected =
      record.behaviour === 'badjson'
        ? `{"id":${record.id},`
        : record.behaviour === 'status'
          ? { id: record.id, status }
          : record.behaviour === 'chunks'
            ? { id: record.id, parts: [1, 2, 3] }
            : { id: record.id };
    if (JSON.stringify(res.data) !== JSON.stringify(expected)) violate(record, `data ${JSON.stringify(res.data)}, expected ${JSON.stringify(expected)}`);
    if (record.behaviour === 'chunks') {
      const text = record.chunks.map((chunk) => decoder.decode(chunk, { stream: true })).join('');
      if (record.chunks.length === 0 || text !== JSON.stringify(expected)) violate(record, `chunks ${record.chunks.length}: ${text}`);
    }
  } else {
    if (record.fail !== 1) {
      violate(record, `expected fail, got ${record.events.join(', ')}`);
      continue;
    }
    if (record.behaviour === 'hang') {
      if (result?.errMsg !== 'request:fail timeout') violate(record, `hang: errMsg "${result?.errMsg}", expected "request:fail timeout"`);
      const waited = (record.completeAt ?? 0) - (record.transportAt ?? 0);
      // libuv starts a timer from the loop time cached at the start of the iteration, which lags under load:
      // allow 100 ms (a clock started at enqueue time would be off by the whole wait in the queue).
      if (waited < HANG_TIMEOUT_MS - 100) violate(record, `timed out after ${waited.toFixed(0)} ms, before its ${HANG_TIMEOUT_MS} ms timeout`);
    } else if (!NETWORK.test(result?.errMsg ?? '')) {
      violate(record, `${record.behaviour}: errMsg "${result?.errMsg}" is not a network failure`);
    }
  }
}

// A request the runtime let go (abort, timeout) must really be cancelled: its socket closes soon
// after, or the server would be serving more than 10 while the runtime counts 10.
for (const [id, { end }] of server.intervals) {
  const record = records.get(id);
  if (!record || record.releasedAt === undefined) continue;
  if (end === undefined || end - record.releasedAt > 1000) {
    violate(record, `the runtime let it go, but the server still had it ${end === undefined ? 'at the end' : `${(end - record.releasedAt).toFixed(0)} ms later`}`);
  }
}

// ---- globally: no slot leaked, the queue is empty ----
await sleep(100);
const afterSoak = { clientActive, serverInFlight: server.inFlight };
// 11 slow requests: exactly 10 may run; the 11th waits, then runs. A leaked slot shows as fewer.
const probe = Array.from({ length: 11 }, (_, index) => start(COUNT + index, 'slow', 'none', 600));
for (const record of probe) records.set(record.id, record);
await sleep(300);
const probeRunning = { client: clientActive, server: server.inFlight };
while (probe.some((record) => record.complete === 0) && performance.now() < DEADLINE + 5000) await sleep(20);
const probeOk = probe.every((record) => record.success === 1 && record.complete === 1);
await sleep(50);

// The server counts a request until its socket closes; after an abort or a timeout that close
// comes a little after the runtime freed the slot, and the next request may arrive first. Both
// clocks are this process's: a request holds a server slot from its arrival until its response
// closed or the runtime let it go, whichever came first. At most 10 such intervals may overlap.
function maxOverlap(): number {
  const events: [number, number][] = [];
  for (const [id, { start, end }] of server.intervals) {
    const released = records.get(id)?.releasedAt;
    events.push([start, 1], [Math.min(end ?? Infinity, released ?? Infinity), -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let most = 0;
  for (const [, delta] of events) most = Math.max(most, (current += delta));
  return most;
}

const count = (predicate: (record: Tracked) => boolean) => [...records.values()].filter((record) => record.id < COUNT && predicate(record)).length;
const summary = {
  seed: SEED,
  requests: COUNT,
  soakMs: Math.round(soakMs),
  behaviours: Object.fromEntries(behaviours.map(([name]) => [name, count((record) => record.behaviour === name)])),
  aborts: {
    total: count((record) => record.abortMode !== 'none'),
    queued: count((record) => record.abortPhase === 'queued'),
    inFlight: count((record) => record.abortPhase === 'in-flight'),
    afterCompletion: count((record) => record.abortPhase === 'completed'),
    neverCalled: count((record) => record.abortMode !== 'none' && record.abortPhase === undefined),
  },
  serverSaw: [...server.seen].filter((id) => id < COUNT).length,
  serverMaxInFlight: maxOverlap(),
  serverMaxOpenSockets: server.maxInFlight,
  clientMaxRunning: clientMax,
  afterSoak,
  probeRunning,
  probeOk,
  end: { clientActive, serverInFlight: server.inFlight },
  violationCount: violations.length,
  violations: violations.slice(0, 40),
};
await server.close();
process.stdout.write(`SOAK-RESULT ${JSON.stringify(summary)}\n`);
