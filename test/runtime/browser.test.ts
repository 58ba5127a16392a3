// The runtime in headless Chromium, against real node:http servers on 127.0.0.1: fetch's
// `credentials` from configure() (cookies go to a cross-origin API only with 'include'), and the
// errMsg of a CORS refusal, which says it may be one. Two ports make two origins on one host,
// which share cookies (cookies ignore the port) but not CORS.
import test from 'ava';
import http from 'node:http';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/fixtures.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function listen(handler: http.RequestListener): Promise<{ origin: string; close: () => void }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.closeAllConnections?.() ?? server.close() })));
}

let browser: Browser;
let page: Page;
let api: { origin: string; close: () => void };
let site: { origin: string; close: () => void };

test.before(async () => {
  const bundle = await build({
    stdin: { contents: "import { request, configure } from './runtime/index.ts'; window.wxRuntime = { request, configure };", resolveDir: ROOT, loader: 'js', sourcefile: 'page.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  site = await listen((request, response) => {
    response.writeHead(200, { 'content-type': request.url === '/bundle.js' ? 'text/javascript' : 'text/html' });
    response.end(request.url === '/bundle.js' ? script : '<!doctype html><script type="module" src="/bundle.js"></script>');
  });
  // /cors answers with CORS headers for the page's origin (credentials allowed) and says which
  // cookie it got (and lets the page see its timing); /no-cors answers without them, so the browser refuses to show the response.
  api = await listen((request, response) => {
    const cors = request.url!.startsWith('/cors') ? { 'access-control-allow-origin': site.origin, 'access-control-allow-credentials': 'true', 'timing-allow-origin': site.origin } : {};
    response.writeHead(200, { 'content-type': 'application/json', ...cors });
    response.end(JSON.stringify({ cookie: request.headers.cookie ?? null }));
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  // The functions handed to page.evaluate are compiled by tsx, which names them through a helper.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => 'wxRuntime' in window);
  // A cookie of the page's host: the API's host too.
  await page.evaluate((origin) => {
    document.cookie = 'token=abc; path=/';
    (window as any).wxRuntime.configure({ allowedOrigins: [origin] });
  }, api.origin);
});

test.after.always(async () => {
  await browser?.close();
  api?.close();
  site?.close();
});

type Outcome = { errMsg: string; data?: { cookie: string | null }; errno?: number };
const send = (path: string, credentials?: string) =>
  page.evaluate(
    ([url, credentials]) =>
      new Promise<Outcome>((resolve) => {
        const runtime = (window as any).wxRuntime;
        if (credentials) runtime.configure({ credentials });
        runtime.request({ url, complete: (res: Outcome) => resolve({ errMsg: res.errMsg, data: res.data, errno: res.errno }) });
      }),
    [`${api.origin}${path}`, credentials] as const,
  );

test.serial("credentials: the page's cookie goes to a cross-origin API only with 'include'", async (t) => {
  const byDefault = await send('/cors');
  t.is(byDefault.errMsg, 'request:ok');
  t.is(byDefault.data?.cookie, null, "fetch's default (same-origin) sends no cookie to another origin");
  t.is((await send('/cors', 'include')).data?.cookie, 'token=abc');
  t.is((await send('/cors', 'omit')).data?.cookie, null);
  t.is((await send('/cors', 'same-origin')).data?.cookie, null);
});

test.serial('a CORS refusal: the errMsg says it may be CORS and where to look', async (t) => {
  const refused = await send('/no-cors');
  t.is(refused.errMsg, 'request:fail Failed to fetch (network or CORS error: see the console; API without CORS: devProxy, README "CORS")');
  t.is(refused.errno, 600001);
});

test.serial('res.profile in Chromium: the Resource Timing entry fills the network phases', async (t) => {
  const profile = await page.evaluate(
    (url) =>
      new Promise<Record<string, unknown>>((resolve) =>
        (window as any).wxRuntime.request({
          url,
          // Read once the runtime found the Resource Timing entry (it keeps that profile): asked
          // again whenever the page records a resource entry, not after a fixed delay.
          success: (res: { profile: unknown }) => {
            const ask = () => res.profile === res.profile && (observer.disconnect(), resolve(JSON.parse(JSON.stringify(res.profile))));
            const observer = new PerformanceObserver(ask);
            observer.observe({ type: 'resource', buffered: true });
            ask();
          },
        }),
      ),
    `${api.origin}/cors?profile`,
  );
  const now = Date.now();
  for (const name of ['invokeStart', 'queueStart', 'queueEnd', 'fetchStart', 'responseEnd']) {
    t.true(typeof profile[name] === 'number' && Math.abs((profile[name] as number) - now) < 60_000, `${name} is an epoch time: ${profile[name]}`);
  }
  t.true((profile['responseEnd'] as number) >= (profile['fetchStart'] as number));
  t.is(profile['protocol'], 'http/1.1', 'nextHopProtocol of the entry');
  t.true((profile['requestStart'] as number) >= (profile['fetchStart'] as number) && (profile['responseStart'] as number) >= (profile['requestStart'] as number), 'phases from the entry (Timing-Allow-Origin lets the page see them)');
  t.is(profile['peerIP'], '');
  t.is(profile['rtt'], 0);
});
