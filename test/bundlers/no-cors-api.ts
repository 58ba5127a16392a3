// An API server as mini-program back ends are: written for WeChat, it sends no CORS header and
// answers no preflight, and sets its session cookie for its own host. It records what arrives,
// with the headers that must not cross from the dev page (Origin, Referer, Cookie), and tells
// when a request it holds open was closed by the other side (an abort through the proxy).
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { readBody } from '../../demo/api-server.js';
import { listenOnLoopback } from '../support/loopback.js';

export interface Arrived {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
  cookie: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
}

export interface NoCorsApi {
  origin: string;
  received: Arrived[];
  /** 'arrived' (url) as each request arrives; 'closed' (url) when a held request's connection closed early. */
  events: EventEmitter;
  close(): Promise<void>;
}

const json = (value: unknown) => JSON.stringify(value);

export async function startNoCorsApi(): Promise<NoCorsApi> {
  const received: Arrived[] = [];
  const events = new EventEmitter();
  // The second half of the chunked body waits for the page to ask for it, once the first arrived.
  const chunkWaiters: (() => void)[] = [];
  const server = createServer(async (request: IncomingMessage, response) => {
    const url = request.url ?? '/';
    const body = await readBody(request);
    received.push({ method: request.method ?? '', url, contentType: request.headers['content-type'], body, cookie: request.headers.cookie, origin: request.headers.origin, referer: request.headers.referer });
    events.emit('arrived', url);
    const pathname = url.split('?')[0];
    if (pathname === '/items') return void response.writeHead(200, { 'content-type': 'application/json', 'x-api': 'items' }).end(json({ query: url.slice('/items'.length) }));
    if (pathname === '/json' || pathname === '/form') return void response.writeHead(200, { 'content-type': 'application/json' }).end(json({ type: request.headers['content-type'], body }));
    if (pathname === '/missing') return void response.writeHead(404, { 'content-type': 'application/json' }).end(json({ error: 'no such item' }));
    if (pathname === '/boom') return void response.writeHead(500, { 'content-type': 'text/plain' }).end('boom');
    if (pathname === '/login') return void response.writeHead(200, { 'set-cookie': 'sid=s3cret; Path=/; HttpOnly', 'content-type': 'application/json' }).end(json({ ok: true }));
    if (pathname === '/whoami') return void response.writeHead(200, { 'content-type': 'application/json' }).end(json({ cookie: request.headers.cookie ?? null }));
    if (pathname === '/chunks') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('part1;');
      chunkWaiters.push(() => response.end('part2'));
      return;
    }
    if (pathname === '/chunks/next') {
      chunkWaiters.shift()?.();
      return void response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    if (pathname === '/slow') {
      // Held open until the other side goes away.
      response.on('close', () => events.emit('closed', url));
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.write('started;');
      return;
    }
    response.writeHead(404).end();
  });
  const { origin, close } = await listenOnLoopback(server);
  return { origin, received, events, close };
}
