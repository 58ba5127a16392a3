// Benchmark 4b: the runtime's throughput in headless Chromium. One node:http server on 127.0.0.1
// serves the page, its bundle (esbuild: the runtime from source plus p-limit) and a keep-alive
// JSON endpoint; in the page, N GETs through `request` race N GETs through fetch + p-limit(10),
// in interleaved rounds. Same origin, so neither side pays for CORS.
import http from 'node:http';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { ROOT } from './load.js';
import { stat, type Stat } from './measure.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const BODY = JSON.stringify({ ok: true, items: [1, 2, 3], message: 'hello from the benchmark server' });

// The page's code: both sides read the body as JSON and count failures.
const ENTRY = `
import { request } from './runtime/index.ts';
import pLimit from 'p-limit';
window.ours = (n) => new Promise((resolve) => {
  let left = n, failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) request({ url: '/items', success: (r) => { if (r.statusCode !== 200 || typeof r.data !== 'object') failed++; }, fail: () => failed++, complete: () => { if (--left === 0) resolve({ ms: performance.now() - t0, failed }); } });
});
window.base = async (n) => {
  const limit = pLimit(10);
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, () => limit(async () => { try { const r = await fetch('/items'); const d = await r.json(); if (r.status !== 200 || typeof d !== 'object') failed++; } catch { failed++; } })));
  return { ms: performance.now() - t0, failed };
};
window.like = async (n) => {
  const limit = pLimit(10);
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, () => limit(async () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60000);
    try { const r = await fetch('/items', { signal: controller.signal }); const d = await r.json(); if (r.status !== 200 || typeof d !== 'object') failed++; } catch { failed++; } finally { clearTimeout(timer); }
  })));
  return { ms: performance.now() - t0, failed };
};
`;

export interface BrowserThroughput {
  ours: Stat;
  base: Stat;
  /** Per round: baseline ms ÷ ours ms (our throughput relative to the baseline's). */
  paired: number[];
  /** Like for like: fetch + p-limit with an AbortController and a 60 s timer per request. */
  like: Stat;
  likePaired: number[];
}

export async function browserThroughput(requests: number, rounds: number, log: (message: string) => void): Promise<BrowserThroughput | string> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} is not installed`;
  const bundle = await build({ stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'js', sourcefile: 'bench-page.js' }, bundle: true, format: 'esm', platform: 'browser', target: 'es2020', write: false, logLevel: 'silent', absWorkingDir: ROOT });
  const script = bundle.outputFiles[0]!.text;
  const server = http.createServer({ keepAlive: true, keepAliveTimeout: 30_000 }, (request, response) => {
    if (request.url === '/items') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
      response.end(BODY);
    } else if (request.url === '/bundle.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<!doctype html><script type="module" src="/bundle.js"></script>');
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof (window as unknown as { ours?: unknown }).ours === 'function');
    type Side = 'ours' | 'base' | 'like';
    const once = (side: Side) => page.evaluate(([s, n]) => (window as unknown as Record<string, (n: number) => Promise<{ ms: number; failed: number }>>)[s]!(n), [side, requests] as const);
    await once('base');
    await once('ours');
    await once('like');
    const times: Record<Side, number[]> = { ours: [], base: [], like: [] };
    for (let round = 0; round < rounds; round++) {
      for (const side of (round % 2 ? ['ours', 'like', 'base'] : ['base', 'like', 'ours']) as Side[]) {
        const { ms, failed } = await once(side);
        if (failed) throw new Error(`${side}: ${failed} of ${requests} requests failed in Chromium`);
        times[side].push(ms);
      }
      log(`chromium round ${round + 1}/${rounds}: fetch + p-limit ${times.base.at(-1)!.toFixed(0)} ms, like for like ${times.like.at(-1)!.toFixed(0)} ms, ours ${times.ours.at(-1)!.toFixed(0)} ms`);
    }
    const paired = (other: number[]) => times.ours.map((ms, i) => other[i]! / ms).sort((a, b) => a - b);
    return { ours: stat(times.ours), base: stat(times.base), paired: paired(times.base), like: stat(times.like), likePaired: paired(times.like) };
  } finally {
    await browser.close();
    server.close();
  }
}

// `node --import tsx bench/runtime-browser.ts [requests] [rounds]`: this benchmark alone.
if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'bench', 'runtime-browser.ts')) {
  const result = await browserThroughput(Number(process.argv[2] ?? 5000), Number(process.argv[3] ?? 7), (message) => process.stderr.write(`  ${message}\n`));
  if (typeof result === 'string') console.log(result);
  else console.log(`ours/base throughput: median ${(result.base.median / result.ours.median).toFixed(3)}, paired ${result.paired.map((r) => r.toFixed(3)).join(' ')}`);
}
