// The API the built pages call: a real node:http server on 127.0.0.1 that records every request
// (method, path with query, body) and answers JSON. It can also serve a built site, so a page in
// Chromium calls its own origin.
import { EventEmitter } from 'node:events';
import { readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface Received {
  method: string;
  url: string;
  body: string;
}

export interface RecordingServer {
  origin: string;
  received: Received[];
  /** Resolves once `count` requests to paths starting with `prefix` arrived; rejects after `ms`, listing what did. */
  waitFor(prefix: string, count: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export async function startRecordingServer(siteDir?: string): Promise<RecordingServer> {
  const received: Received[] = [];
  const arrivals = new EventEmitter(); // 'request' after each recorded request: what waitFor waits on
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = request.url ?? '/';
      if (url === '/api/_received') {
        // For code under test that must wait for its own calls (a Jest test); not recorded.
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received.map((entry) => entry.url)));
        return;
      }
      if (url.startsWith('/api/')) {
        received.push({ method: request.method ?? '', url, body: Buffer.concat(chunks).toString('utf8') });
        arrivals.emit('request');
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
        return;
      }
      const file = siteDir === undefined ? undefined : path.join(siteDir, url === '/' ? 'index.html' : decodeURIComponent(url.split('?')[0]!));
      if (file === undefined || !file.startsWith(siteDir!) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    waitFor(prefix, count, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const matching = received.filter((entry) => entry.url.startsWith(prefix));
          if (matching.length < count) return;
          finish();
          resolve(matching);
        };
        // The deadline only turns a hang into a message; the wait itself ends on the arrival.
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`expected ${count} request(s) to ${prefix}…; the server received: ${JSON.stringify(received)}`));
        }, ms);
        const finish = () => (clearTimeout(timer), arrivals.off('request', check));
        arrivals.on('request', check);
        check();
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
