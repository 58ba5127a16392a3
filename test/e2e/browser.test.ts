import test from 'ava';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../support/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
// The flags this machine's closed network needs (no background connections, no sandbox as root).
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface Started {
  child: ChildProcess;
  output: () => string;
  page: string;
  api: string;
}

/** Starts what `npm start` starts (the build is done by `npm test` already), on free ports. */
function startDemo(): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'demo/start.ts'), '--port', '0', '--api-port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const page = /Demo page: +(\S+)/.exec(output)?.[1];
      const api = /API server: +(\S+)/.exec(output)?.[1];
      if (page && api) {
        clearTimeout(timer);
        resolve({ child, output: () => output, page, api });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the demo exited with ${code}:\n${output}`)));
  });
}

interface Received {
  received: { method: string; url: string; headers: Record<string, string>; body: string }[];
  maxInFlight: number;
}

test('the npm start page runs every request of the sample in Chromium, and the API receives each one right', async (t) => {
  const demo = await startDemo();
  let browser: Browser | undefined;
  try {
    t.regex(demo.output(), /8 source files: 6 rewritten \(6 wx\.request references\), 2 unchanged byte for byte/);
    t.regex(demo.output(), /lowercase-method\.js:3:11 {2}error {2}method "post" is not uppercase/, 'the mistakes folder is diagnosed');

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(demo.page);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });

    for (const id of ['get-query', 'post-json', 'post-form', 'put', 'delete', 'arraybuffer', 'search', 'burst']) {
      await page.click(`[data-scenario="${id}"] button`);
      await page.waitForSelector(`[data-scenario="${id}"][data-state="done"]`, { timeout: 20_000 });
      t.is(await page.getAttribute(`[data-scenario="${id}"]`, 'data-outcome'), 'ok', `${id} succeeded`);
    }
    const shown = async (id: string) => page.innerText(`[data-scenario="${id}"] pre`);

    const { received, maxInFlight } = (await (await fetch(`${demo.api}/__received`)).json()) as Received;
    const find = (method: string, prefix: string) => received.filter((entry) => entry.method === method && entry.url.startsWith(prefix));

    const [list] = find('GET', '/v1/items?');
    t.is(list?.url, '/v1/items?page=1&size=10&q=tea%20%26%20cake');
    t.is(list?.headers['authorization'], 'Bearer', 'no token before the login (HTTP trims the trailing space)');
    t.regex(await shown('get-query'), /GET \/v1\/items\?page=1&size=10&q=tea%20%26%20cake → 200/);

    const [created] = find('POST', '/v1/items');
    t.is(created?.headers['content-type'], 'application/json');
    t.deepEqual(JSON.parse(created?.body ?? '{}'), { name: '抹茶 latte', price: 18.5, tags: ['hot', 'new'] });
    t.regex(await shown('post-json'), /POST \/v1\/items → 201/);

    const [login] = find('POST', '/v1/login');
    t.is(login?.headers['content-type'], 'application/x-www-form-urlencoded');
    t.is(login?.body, 'username=mei&password=secret&remember=true');
    t.regex(await shown('post-form'), /"user":\{"name":"mei"\}/);

    const [renamed] = find('PUT', '/v1/items/3');
    t.is(renamed?.headers['content-type'], 'application/json; charset=utf-8');
    t.is(renamed?.body, '{"name":"Renamed"}');
    const removed = find('DELETE', '/v1/items/3');
    t.is(removed.length, 1);
    t.is(removed[0]?.headers['authorization'], 'Bearer t-123', 'the wrapper sends the token the login stored');
    t.regex(await shown('delete'), /"removed":true/);

    t.regex(await shown('arraybuffer'), /"bytes":256,"firstBytes":"137,80,78,71"/);

    // Search as you type: the two earlier requests were aborted by the page; the last one answered.
    t.regex(await shown('search'), /"query":"ool","results":\["Oolong"\],"aborted":2/);
    t.regex(await shown('search'), /GET \/v1\/search\?q=ool&slow=1 → 200/);

    t.is(find('GET', '/v1/burst/').length, 20);
    t.true(maxInFlight <= 10, `the server saw ${maxInFlight} requests at once`);
    t.regex(await shown('burst'), /"done":20/);
    t.true(received.every((entry) => entry.headers['referer'] === undefined || !entry.headers['referer'].includes('servicewechat')));
    t.deepEqual(pageErrors, []);

    mkdirSync(path.join(ROOT, 'test/artifacts'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test/artifacts/demo.png'), fullPage: true });
  } finally {
    await browser?.close();
    // Ctrl-C stops it cleanly.
    const exited = new Promise<number | null>((resolve) => demo.child.on('exit', resolve));
    demo.child.kill('SIGINT');
    t.is(await exited, 0);
    t.regex(demo.output(), /Stopped\./);
  }
});
