import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { listen } from './api-server.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/** Serves the demo page, its bundle and a small config script that tells it where the API is. */
export async function startStaticServer(options: { port: number; host: string; pageDir: string; bundleDir: string; apiOrigin: string }): Promise<{ server: Server; origin: string; close(): Promise<void> }> {
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return;
    }
    if (pathname === '/config.js') {
      response.writeHead(200, { 'content-type': TYPES['.js'] });
      response.end(`globalThis.DEMO_CONFIG = ${JSON.stringify({ apiOrigin: options.apiOrigin })};`);
      return;
    }
    const file = pathname === '/' ? path.join(options.pageDir, 'index.html') : path.join(options.bundleDir, path.basename(pathname));
    try {
      const content = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      response.end(content);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await listen(server, options.port, options.host);
  const address = server.address() as AddressInfo;
  return {
    server,
    origin: `http://${options.host}:${address.port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
