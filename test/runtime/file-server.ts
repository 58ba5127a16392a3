// A node:http server on 127.0.0.1 for the uploadFile/downloadFile tests: it parses
// multipart/form-data with busboy (what an upload sends), serves files of known bytes (with or
// without Content-Length, in chunks), can hold requests open, and tells the test by events what
// arrived, what it parsed and what closed, so the tests wait on events and never on delays.
import busboy from 'busboy';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { deflateSync } from 'node:zlib';
import { listenOnLoopback } from '../support/loopback.js';

export interface ParsedUpload {
  url: string;
  fields: Record<string, string>;
  files: { field: string; filename: string; bytes: Buffer }[];
  headers: IncomingMessage['headers'];
}

export interface FileServer {
  origin: string;
  uploads: ParsedUpload[];
  /** 'arrived' (url) when a request arrives; 'closed' (url) when a held one closed early; 'upload' (ParsedUpload). */
  events: EventEmitter;
  /** Answers every held request (/hold/…), in arrival order. */
  releaseHeld(): void;
  /** How many /hold/ requests are being held now. */
  held(): number;
  close(): Promise<void>;
}

/** The bytes of /file/<n>: n bytes of a known pattern. */
export function knownBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
  return bytes;
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 2×1 PNG, red then blue, made here: an `<img>` shows it with naturalWidth 2. */
export const PNG = (() => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, no interlace
  const pixels = Buffer.from([0, 255, 0, 0, 0, 0, 255]); // filter 0, red, blue
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
})();

export async function startFileServer(extraHeaders: Record<string, string> = {}): Promise<FileServer> {
  const uploads: ParsedUpload[] = [];
  const events = new EventEmitter();
  const holding: ServerResponse[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    for (const [name, value] of Object.entries(extraHeaders)) response.setHeader(name, value);
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    events.emit('arrived', url);
    if (url.startsWith('/hold/')) {
      holding.push(response);
      response.on('close', () => {
        if (!response.writableFinished) events.emit('closed', url);
      });
      // Whatever comes up (an upload's body) is read, so the request is whole on the server.
      request.resume();
      return;
    }
    if (url.startsWith('/file/')) {
      const [size = '0', mode = ''] = url.slice('/file/'.length).split('/');
      const bytes = knownBytes(Number(size));
      response.writeHead(200, { 'content-type': 'application/octet-stream', ...(mode === 'unsized' ? {} : { 'content-length': String(bytes.length) }) });
      // In chunks of 64 KiB, each written when the last one drained: a body that streams.
      let at = 0;
      const write = (): void => {
        while (at < bytes.length) {
          const chunk = bytes.subarray(at, at + 65536);
          at += chunk.length;
          if (!response.write(chunk)) return void response.once('drain', write);
        }
        response.end();
      };
      return write();
    }
    if (url === '/image.png') return void response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.length) }).end(PNG);
    if (request.method === 'POST' && (request.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
      const parsed: ParsedUpload = { url, fields: {}, files: [], headers: request.headers };
      const parser = busboy({ headers: request.headers });
      parser.on('field', (name, value) => (parsed.fields[name] = value));
      parser.on('file', (field, stream, info) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => parsed.files.push({ field, filename: info.filename ?? '', bytes: Buffer.concat(chunks) }));
      });
      parser.on('close', () => {
        uploads.push(parsed);
        events.emit('upload', parsed);
        const status = url === '/upload/missing' ? 404 : 200;
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ received: parsed.files.map((file) => file.bytes.length), fields: parsed.fields }));
      });
      request.pipe(parser);
      return;
    }
    response.writeHead(404).end();
  });
  const { origin, close } = await listenOnLoopback(server);
  return {
    origin,
    uploads,
    events,
    releaseHeld: () => {
      for (const response of holding.splice(0)) if (!response.destroyed) response.writeHead(200, { 'content-type': 'text/plain' }).end('released');
    },
    held: () => holding.filter((response) => !response.destroyed && !response.writableFinished).length,
    close,
  };
}
