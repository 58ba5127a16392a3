// Runtime soak: 3,000 requests against a local node:http server, in waves, with faults on the
// server side (slow, 4xx/5xx, invalid JSON, chunks, hang past a 300 ms timeout, socket reset
// mid-body and before any answer) and a fifth of them aborted by the client (queued, in flight,
// after completion). The run happens in a child process (soak/run.ts) so that this test sees it
// exit by itself: a timer or socket left behind by the runtime would keep it alive.
// Replay with SOAK_SEED=<n>; shorten with SOAK_COUNT=<n>.
import test from 'ava';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TSX } from './support/cli.js';

const RUN = fileURLToPath(new URL('./soak/run.ts', import.meta.url));
const COUNT = Number(process.env['SOAK_COUNT'] ?? 3000);
const SEED = Number(process.env['SOAK_SEED'] ?? 7);
/** The whole run, from spawn to exit, on a 2-core machine (aim: 20–30 s). */
const BUDGET_MS = 60_000;
/** From the result line (server closed, everything settled) to the process exiting by itself. */
const EXIT_GRACE_MS = 5_000;

interface Summary {
  requests: number;
  soakMs: number;
  behaviours: Record<string, number>;
  aborts: { total: number; queued: number; inFlight: number; afterCompletion: number; neverCalled: number };
  serverSaw: number;
  /** Requests at the server at once, each counted until its response closed or the runtime let it go. */
  serverMaxInFlight: number;
  /** The same, each counted until the server saw its socket close (informative: lags after aborts). */
  serverMaxOpenSockets: number;
  clientMaxRunning: number;
  afterSoak: { clientActive: number; serverInFlight: number };
  probeRunning: { client: number; server: number };
  probeOk: boolean;
  end: { clientActive: number; serverInFlight: number };
  violationCount: number;
  violations: string[];
}

test('soak: 3,000 requests with faults and aborts; every one completes once, as it should; the process exits by itself', async (t) => {
  t.timeout(BUDGET_MS + 30_000);
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', TSX, RUN], {
    env: { ...process.env, SOAK_COUNT: String(COUNT), SOAK_SEED: String(SEED) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let resultAt: number | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (resultAt === undefined && stdout.includes('SOAK-RESULT ')) resultAt = Date.now();
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), BUDGET_MS + 20_000);
  const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  clearTimeout(killer);
  const exitedAt = Date.now();

  t.is(exit.signal, null, `the soak process was killed: it did not exit by itself\n${stderr}`);
  t.is(exit.code, 0, stderr);
  const line = stdout.split('\n').find((text) => text.startsWith('SOAK-RESULT '));
  if (!line || resultAt === undefined) {
    t.fail(`no result line\n${stdout}\n${stderr}`);
    return;
  }
  const summary = JSON.parse(line.slice('SOAK-RESULT '.length)) as Summary;
  t.log(
    `seed ${SEED}: ${summary.requests} requests in ${summary.soakMs} ms; behaviours ${JSON.stringify(summary.behaviours)}; ` +
      `aborts ${JSON.stringify(summary.aborts)}; server saw ${summary.serverSaw}; max in flight server ${summary.serverMaxInFlight} (open sockets ${summary.serverMaxOpenSockets}) / client ${summary.clientMaxRunning}; ` +
      `exit ${exitedAt - resultAt} ms after the result, ${exitedAt - started} ms in all`,
  );

  t.deepEqual(summary.violations, [], `${summary.violationCount} violations (first 40 shown), SOAK_SEED=${SEED}`);
  t.is(summary.requests, COUNT);
  t.true(summary.serverMaxInFlight <= 10, `the server saw ${summary.serverMaxInFlight} at once`);
  t.true(summary.clientMaxRunning <= 10, `the runtime ran ${summary.clientMaxRunning} at once`);
  t.deepEqual(summary.afterSoak, { clientActive: 0, serverInFlight: 0 }, 'nothing runs once every request completed');
  t.deepEqual(summary.probeRunning, { client: 10, server: 10 }, 'after the soak all 10 slots are free again (none leaked)');
  t.true(summary.probeOk, 'the 11 probe requests all succeeded, the 11th after waiting its turn');
  t.deepEqual(summary.end, { clientActive: 0, serverInFlight: 0 });
  // Enough of each kind happened for the run to mean something.
  t.true(summary.aborts.queued >= 50 && summary.aborts.inFlight >= 20 && summary.aborts.afterCompletion >= 20, JSON.stringify(summary.aborts));
  for (const [name, count] of Object.entries(summary.behaviours)) t.true(count >= 30, `${name}: ${count}`);
  t.true(exitedAt - resultAt < EXIT_GRACE_MS, `the process took ${exitedAt - resultAt} ms to exit after its work was done`);
  t.true(exitedAt - started < BUDGET_MS, `the soak took ${exitedAt - started} ms`);
});
