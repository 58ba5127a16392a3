// The soak test's server: node:http on 127.0.0.1, told by each request's query what to do.
// It records every id it saw and the most requests it had at once.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trackInFlight } from '../../support/in-flight.js';

/** What the server does with a request (`?do=<behaviour>`). */
export type Behaviour = 'fast' | 'slow' | 'status' | 'badjson' | 'chunks' | 'hang' | 'reset-body' | 'reset-now';

export interface SoakServer {
  origin: string;
  /** Ids (`?id=`) of every request that reached the handler. */
  seen: Set<number>;
  /** When each request reached the handler and when its response closed (performance.now()). */
  intervals: Map<number, { start: number; end?: number }>;
  inFlight: number;
  maxInFlight: number;
  /** The slowest answers, to tell load from bugs. */
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Query: `id`, `do` (a Behaviour), `status` (for `status`), `delay` ms (for `slow`).
 * - fast: 200 `{"id":N}` at once; slow: the same after `delay` ms
 * - status: `status` with `{"id":N,"status":S}`; badjson: 200 with `{"id":N,` (cut JSON)
 * - chunks: 200, the JSON `{"id":N,"parts":[1,2,3]}` written in 3 pieces 5 ms apart
 * - hang: headers never sent; waits until the client goes away
 * - reset-body: headers and half a body, then the socket is destroyed
 * - reset-now: the socket is destroyed before any answer
 */
export async function startSoakServer(): Promise<SoakServer> {
  const state = { seen: new Set<number>(), intervals: new Map<number, { start: number; end?: number }>(), inFlight: 0, maxInFlight: 0 };
  const server = createServer((req, res) => {
    const interval: { start: number; end?: number } = { start: performance.now() };
    state.intervals.set(Number(new URL(req.url ?? '/', 'http://x').searchParams.get('id')), interval);
    res.on('close', () => (interval.end = performance.now()));
    trackInFlight(state, res);
    req.resume();
    req.on('end', () => void answer(req, res).catch(() => res.destroy()));
  });
  server.keepAliveTimeout = 1000;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const id = Number(query.get('id'));
    state.seen.add(id);
    let gone = false;
    res.on('close', () => (gone = true));
    const json = { 'Content-Type': 'application/json' };
    switch (query.get('do') as Behaviour) {
      case 'fast':
        res.writeHead(200, json).end(JSON.stringify({ id }));
        return;
      case 'slow':
        await sleep(Number(query.get('delay') ?? 50));
        if (!gone) res.writeHead(200, json).end(JSON.stringify({ id }));
        return;
      case 'status': {
        const status = Number(query.get('status'));
        res.writeHead(status, json).end(JSON.stringify({ id, status }));
        return;
      }
      case 'badjson':
        res.writeHead(200, json).end(`{"id":${id},`);
        return;
      case 'chunks': {
        res.writeHead(200, json);
        const body = JSON.stringify({ id, parts: [1, 2, 3] });
        const third = Math.ceil(body.length / 3);
        for (let start = 0; start < body.length; start += third) {
          if (gone) return;
          res.write(body.slice(start, start + third));
          await sleep(5);
        }
        res.end();
        return;
      }
      case 'hang':
        return; // never answers; `close` fires when the client aborts (timeout)
      case 'reset-body':
        res.writeHead(200, { ...json, 'Content-Length': '100' });
        res.write(`{"id":${id},"half":`);
        await sleep(5);
        res.socket?.destroy();
        return;
      case 'reset-now':
        res.socket?.destroy();
        return;
      default:
        res.writeHead(400).end('unknown behaviour');
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    seen: state.seen,
    intervals: state.intervals,
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
