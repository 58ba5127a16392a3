// A node:http server on 127.0.0.1 that records every request (raw header pairs included) and
// answers `body` from the query (default `{"ok":true}`).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  url: string;
  /** Raw header names and values, as they came on the wire. */
  rawHeaders: string[];
  body: string;
}

export interface RecordServer {
  origin: string;
  requests: Seen[];
  close(): Promise<void>;
}

export async function startRecordServer(): Promise<RecordServer> {
  const requests: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', rawHeaders: req.rawHeaders, body: Buffer.concat(chunks).toString('utf8') });
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      const extra = query.get('header');
      if (extra) headers[extra.slice(0, extra.indexOf(':'))] = extra.slice(extra.indexOf(':') + 1);
      res.writeHead(200, headers).end(query.get('body') ?? '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
