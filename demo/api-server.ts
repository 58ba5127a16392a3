import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the API server received: the end-to-end tests compare it with what the page shows. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface ApiServer {
  server: Server;
  origin: string;
  received: ReceivedRequest[];
  /** The most requests that were in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

const LOGO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 248 }, (_, index) => index)]);
const ITEMS = [
  { id: 1, name: 'Green tea', price: 12 },
  { id: 2, name: 'Oolong', price: 15 },
];

/** The whole request body as UTF-8 text (the test servers read bodies the same way). */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseBody(body: string, type: string | undefined): Record<string, unknown> {
  if (!body) return {};
  if (type?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { raw: body };
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The sample app's API: items (GET/POST/PUT/DELETE), a form login, a binary file, a slow
 * search and a burst endpoint. It allows cross-origin calls from the demo page and records every
 * request it receives.
 */
export async function startApiServer(port = 0, host = '127.0.0.1'): Promise<ApiServer> {
  const received: ReceivedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const reply = (response: ServerResponse, status: number, body: unknown, type = 'application/json; charset=utf-8') => {
    response.writeHead(status, { 'content-type': type, 'x-in-flight': String(inFlight) });
    response.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-expose-headers', 'x-in-flight');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-methods': 'GET, POST, PUT, DELETE, HEAD', 'access-control-allow-headers': 'authorization, content-type', 'access-control-max-age': '600' });
      response.end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__received') return reply(response, 200, { received, maxInFlight });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const body = await readBody(request);
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const data = parseBody(body, request.headers['content-type']);
      const path = url.pathname.replace(/^\/v1/, '');
      const id = Number(/^\/items\/(\d+)$/.exec(path)?.[1]);
      if (path === '/items' && request.method === 'GET') return reply(response, 200, ITEMS.map((item) => ({ ...item, query: Object.fromEntries(url.searchParams) })));
      if (path === '/items' && request.method === 'POST') return reply(response, 201, { id: 3, ...data });
      if (id && request.method === 'PUT') return reply(response, 200, { id, ...data });
      if (id && request.method === 'DELETE') return reply(response, 204, '');
      if (path === '/login' && request.method === 'POST') {
        return data['password'] === 'secret'
          ? reply(response, 200, { token: 't-123', user: { name: data['username'] } })
          : reply(response, 401, { message: 'wrong password' });
      }
      if (path === '/files/logo.bin') return reply(response, 200, LOGO, 'application/octet-stream');
      if (path === '/search') {
        await delay(url.searchParams.get('slow') ? 250 : 0);
        const q = url.searchParams.get('q') ?? '';
        return reply(response, 200, { results: ITEMS.filter((item) => item.name.toLowerCase().includes(q.toLowerCase())).map((item) => item.name) });
      }
      if (path.startsWith('/burst/')) {
        await delay(Number(url.searchParams.get('delay') ?? 100));
        return reply(response, 200, { index: Number(path.slice('/burst/'.length)), inFlight });
      }
      return reply(response, 404, { message: `no route for ${request.method} ${url.pathname}` });
    } finally {
      inFlight--;
    }
  });
  await listen(server, port, host);
  const address = server.address() as AddressInfo;
  return {
    server,
    origin: `http://${host}:${address.port}`,
    received,
    maxInFlight: () => maxInFlight,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Listens, turning "address in use" into a message that says what to do. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new Error(`port ${port} on ${host} is already taken; choose another with the option shown in --help, or 0 for any free port`) : error);
    });
    server.listen(port, host, () => resolve());
  });
}
