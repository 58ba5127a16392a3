// The runtime given odd values a ported mini-program may pass: every case ends in `fail` with an
// errMsg (never a synchronous throw, never an uncaught error from inside the runtime).
import test from 'ava';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { configure, request } from '../../runtime/index.js';
import type { FailResult, RequestOption, SuccessResult } from '../../runtime/index.js';
import { TSX } from './support/cli.js';
import { startRecordServer, type RecordServer } from './support/record-server.js';

let server: RecordServer;
test.before(async () => {
  server = await startRecordServer();
  configure({ allowedOrigins: [server.origin] });
});
test.after.always(() => server.close());

function outcome(options: RequestOption): Promise<SuccessResult | FailResult> {
  return new Promise((resolve) => request({ ...options, complete: resolve }));
}

const circular: Record<string, unknown> = { a: 1 };
circular['self'] = circular;

const failing: [string, () => RequestOption, RegExp][] = [
  ['circular data (POST)', () => ({ url: `${server.origin}/x`, method: 'POST', data: circular }), /^request:fail Converting circular structure to JSON/],
  ['circular data (GET)', () => ({ url: `${server.origin}/x`, data: circular }), /^request:fail Converting circular structure to JSON/],
  ['a BigInt in data', () => ({ url: `${server.origin}/x`, method: 'POST', data: { n: 1n } as never }), /^request:fail .*BigInt/],
  ['a data getter that throws', () => ({ url: `${server.origin}/x`, method: 'POST', data: { get x(): number { throw new Error('boom'); } } }), /^request:fail boom$/],
  ['a header Proxy whose keys throw', () => ({ url: `${server.origin}/x`, header: new Proxy({}, { ownKeys() { throw new Error('keys!'); } }) }), /^request:fail keys!$/],
  ['a method whose toString throws', () => ({ url: `${server.origin}/x`, method: { toString() { throw new Error('m!'); } } as never }), /^request:fail m!$/],
  ['a URL object instead of a string', () => ({ url: new URL(`${server.origin}/x`) as never }), /^request:fail url must be a non-empty string$/],
  ['an empty url', () => ({ url: '' }), /^request:fail url must be a non-empty string$/],
  ['a relative url (no page to resolve it against)', () => ({ url: '/api/x' }), /^request:fail url "\/api\/x" invalid$/],
];
for (const [title, options, errMsg] of failing) {
  test(`${title}: fail with an errMsg, no throw`, async (t) => {
    const result = await outcome(options());
    t.regex(result.errMsg, errMsg);
    t.is(typeof (result as FailResult).errno, 'number');
  });
}

// BUG request-without-options: runtime/request.ts destructures `options` first thing, so
// `request()` / `request(null)` (a ported `wx.request()` with its argument missing) throws
// "Cannot destructure property 'success' of 'options' as it is null" synchronously, instead of
// returning a task whose fail gets "request:fail url must be a non-empty string" as for any
// other invalid option (WeChat answers a parameter error through fail too).
test('BUG request-without-options: request() and request(null) return a task and do not throw', (t) => {
  t.notThrows(() => request(undefined as never));
  t.notThrows(() => request(null as never));
});

// BUG non-function-callbacks: runtime/results.ts `call` does `callback?.(argument)`, so a
// success/fail/complete that is not a function (`complete: 5`, `success: 'done'`) throws
// "TypeError: callback is not a function" from inside the runtime, re-thrown asynchronously as an
// uncaught exception: the page (or the Node process) dies. Expected: ignore a non-function
// callback (or fail at validation), never throw from our own code.
test('BUG non-function-callbacks: callbacks that are not functions do not crash the process', async (t) => {
  const script = fileURLToPath(new URL('./support/non-function-callbacks.ts', import.meta.url));
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    execFile(process.execPath, ['--import', TSX, script], { timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  t.notRegex(result.stderr, /is not a function/);
  t.is(result.code, 0);
  t.regex(result.stdout, /DONE 15/);
});
