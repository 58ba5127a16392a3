import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trackInFlight } from '../../support/in-flight.js';

/** One request as the server saw it. */
export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: Recorded[];
  /** Requests whose response has not finished yet, and the most seen at once. */
  inFlight: number;
  maxInFlight: number;
  /** Resolves with the first recorded request whose URL contains `part`, once it has arrived (the event, no polling). */
  arrival(part: string): Promise<Recorded>;
  /** Resolves once no response is in flight: every request was answered, reset or aborted by its client. */
  idle(): Promise<void>;
  /** Forgets recorded requests and the in-flight maximum. */
  reset(): void;
  close(): Promise<void>;
}

const BOM = '\uFEFF';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A real HTTP server on 127.0.0.1 (random port) that answers per the query string:
 * - `delay=<ms>`: wait before answering (stops waiting when the client goes away)
 * - `status=<code>`: the status (default 200)
 * - `body=<text>`: the body (default `{"ok":true}`); `bom=1` puts a UTF-8 BOM before it; `empty=1`: no body
 * - `type=<content-type>`: the response content-type (default application/json)
 * - `header=<name>:<value>` (repeatable): extra response headers
 * - `cookie=<set-cookie value>` (repeatable): Set-Cookie headers
 * - `chunks=<a>,<b>,…` with `gap=<ms>`: the body written in these pieces, `gap` ms apart
 * - `echo=1`: the body is the JSON of the recorded request
 * - `reset=1`: destroy the socket without answering; `reset=body`: send headers and half a body, then destroy
 * - `redirect=<path>`: 302 to that path
 */
export async function startServer(): Promise<TestServer> {
  const state = { requests: [] as Recorded[], inFlight: 0, maxInFlight: 0 };
  // 'change' after a request is recorded and after a response closed: what arrival() and idle() wait on.
  const changes = new EventEmitter();
  /** Resolves with `check()`'s first defined answer, asked now and after every change. */
  const when = <T>(check: () => T | undefined) =>
    new Promise<T>((resolve) => {
      const ask = () => {
        const answer = check();
        if (answer === undefined) return;
        changes.off('change', ask);
        resolve(answer);
      };
      changes.on('change', ask);
      ask();
    });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    trackInFlight(state, res);
    res.once('close', () => changes.emit('change'));
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      state.requests.push(recorded);
      changes.emit('change');
      void answer(recorded, res).catch(() => res.destroy());
    });
  });

  async function answer(recorded: Recorded, res: ServerResponse): Promise<void> {
    const query = new URL(recorded.url, 'http://x').searchParams;
    let gone = false;
    res.on('close', () => (gone = true));
    const delay = Number(query.get('delay') ?? 0);
    if (delay) await sleep(delay);
    if (gone) return;
    if (query.get('reset') === '1') {
      res.socket?.destroy();
      return;
    }
    const headers: [string, string][] = [['Content-Type', query.get('type') ?? 'application/json']];
    for (const header of query.getAll('header')) {
      const colon = header.indexOf(':');
      headers.push([header.slice(0, colon), header.slice(colon + 1)]);
    }
    for (const cookie of query.getAll('cookie')) headers.push(['Set-Cookie', cookie]);
    const redirect = query.get('redirect');
    if (redirect) headers.push(['Location', redirect]);
    res.writeHead(redirect ? 302 : Number(query.get('status') ?? 200), headers.flat());
    if (query.get('reset') === 'body') {
      res.write('{"half":');
      await sleep(20);
      res.socket?.destroy();
      return;
    }
    const pieces = query.get('chunks');
    if (pieces !== null) {
      for (const piece of pieces.split(',')) {
        if (gone) return;
        res.write(piece);
        await sleep(Number(query.get('gap') ?? 20));
      }
      res.end();
      return;
    }
    if (query.get('empty') === '1' || recorded.method === 'HEAD') {
      res.end();
      return;
    }
    const body = query.get('echo')
      ? JSON.stringify({ ...recorded, body: recorded.body.toString('utf8') })
      : (query.get('body') ?? '{"ok":true}');
    res.end((query.get('bom') ? BOM : '') + body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get inFlight() {
      return state.inFlight;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    arrival: (part) => when(() => state.requests.find((seen) => seen.url.includes(part))),
    idle: () => when(() => (state.inFlight === 0 ? true : undefined)).then(() => undefined),
    reset() {
      state.requests = [];
      state.maxInFlight = state.inFlight;
    },
    close() {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
