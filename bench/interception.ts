/**
 * What interception costs (issue 11): bytes of a GET-only page and of a page on the full runtime,
 * esbuild-bundled, minified and gzipped, in the plugin's output shape before (`_request(o)`) and after
 * (`_wx.request(o)`); and requests per second through `_wx.request` against `request` directly, on
 * an in-memory transport, interleaved rounds in one process. Run: `npm run build && tsx bench/interception.ts`.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { configure, request, wx } from '../dist/runtime/index.js';
import type { TransportResponse } from '../dist/runtime/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_CALL = "({ url: 'https://api.example.com/items', success: (res) => console.log(res.data) });";

async function bytes(contents: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({ stdin: { contents, resolveDir: ROOT, loader: 'js' }, bundle: true, minify: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent' });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const shapes = {
  before: (entry: string) => `import { request as _request } from 'babel-plugin-wx-request/${entry}';\n_request${PAGE_CALL}`,
  after: (entry: string) => `import { wx as _wx } from 'babel-plugin-wx-request/${entry}';\n_wx.request${PAGE_CALL}`,
};
for (const entry of ['runtime/lean', 'runtime'] as const) {
  const before = await bytes(shapes.before(entry));
  const after = await bytes(shapes.after(entry));
  console.log(`${entry.padEnd(12)} before ${before.minified} B min / ${before.gzipped} B gz, after ${after.minified} B min / ${after.gzipped} B gz (${after.gzipped - before.gzipped >= 0 ? '+' : ''}${after.gzipped - before.gzipped} B gz)`);
}

// An in-memory transport: answers at once with a small JSON body.
const body = new TextEncoder().encode('{"ok":true}');
const answer = (): TransportResponse => {
  let done = false;
  return { statusCode: 200, headers: [['content-type', 'application/json']], cookies: [], body: { read: async () => (done ? { done: true } : ((done = true), { done: false, value: body })) } };
};
configure({ transport: async () => answer(), maxConcurrent: 10 });

const COUNT = 5000;
function burst(send: typeof request): Promise<number> {
  const start = performance.now();
  let left = COUNT;
  return new Promise((resolve) => {
    for (let index = 0; index < COUNT; index += 1) {
      send({ url: 'https://api.example.com/items', complete: () => (--left === 0 ? resolve(performance.now() - start) : undefined) });
    }
  });
}
const ways = { 'request(o)': (o: Parameters<typeof request>[0]) => request(o), '_wx.request(o)': (o: Parameters<typeof request>[0]) => wx.request(o) };
const times: Record<string, number[]> = { 'request(o)': [], '_wx.request(o)': [] };
for (let round = 0; round < 8; round += 1) {
  for (const [name, send] of round % 2 === 0 ? Object.entries(ways) : Object.entries(ways).reverse()) times[name]!.push(await burst(send as typeof request));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rate = (name: string) => COUNT / (median(times[name]!.slice(2)) / 1000);
console.log(`${COUNT} requests, in-memory transport, median of 6 rounds after 2 warm-up: request(o) ${Math.round(rate('request(o)'))}/s, _wx.request(o) ${Math.round(rate('_wx.request(o)'))}/s (ratio ${(rate('_wx.request(o)') / rate('request(o)')).toFixed(3)})`);
