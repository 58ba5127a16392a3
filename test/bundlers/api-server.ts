// A node:http server on 127.0.0.1 that serves a built page (one folder) and a small API, and
// records every API request it receives, so a test compares what the page sent.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../demo/api-server.js';
import path from 'node:path';

export interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  body: string;
}

export interface PageServer {
  origin: string;
  received: Received[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/**
 * `cors`: the API answers pages of any origin (a Vite dev server's page calls it from its own
 * origin): CORS headers on every answer, and preflights answered and not recorded.
 */
export async function servePage(folder: string, { cors = false } = {}): Promise<PageServer> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    const url = request.url ?? '/';
    if (cors) {
      response.setHeader('access-control-allow-origin', '*');
      response.setHeader('access-control-allow-headers', '*');
      response.setHeader('access-control-allow-methods', '*');
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    }
    if (url.startsWith('/api/')) {
      received.push({ method: request.method ?? '', url, contentType: request.headers['content-type'], body: await readBody(request) });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(url.startsWith('/api/items') ? [{ id: 1, name: 'Green tea' }, { id: 2, name: 'Oolong' }] : { ok: true }));
      return;
    }
    const pathname = url.split('?')[0] ?? '/';
    const file = path.join(folder, pathname === '/' ? 'index.html' : decodeURIComponent(pathname));
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
