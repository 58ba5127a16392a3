// The dev proxy (README "CORS"), from the packed tarball with the README's configurations: an API
// server that sends no CORS header, called by a page in headless Chromium, fails without the
// proxy (with the hint naming it) and behaves as on WeChat through `vite` dev and webpack-dev-server
// with `devProxy: true`: query, JSON and form bodies, 404 and 500 as success, a cookie set then
// sent back (and none of the dev page's), a chunked body as it streams, an abort that closes the
// upstream request; an origin the dev server was not given fails and is never reached. Production
// builds hold no proxy.
import test, { type ExecutionContext } from 'ava';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from '../support/fixtures.js';
import { devProxyPage } from './dev-proxy-page.js';
import { startNoCorsApi, type NoCorsApi } from './no-cors-api.js';
import { readmeSnippet } from './project.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const PACKAGES = ['vite', 'webpack', 'webpack-cli', 'webpack-dev-server', '@rspack/core', '@rspack/cli', '@rspack/dev-server'];

let root: string;
let browser: Browser;
let api: NoCorsApi;
let other: NoCorsApi;

const installedVersion = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

test.before(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'wx-request-dev-proxy-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(root).find((file) => file.endsWith('.tgz'))!;
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'wx-request-dev-proxy-test', private: true }));
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`, ...PACKAGES.map((name) => `${name}@${installedVersion(name)}`)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  [api, other] = await Promise.all([startNoCorsApi(), startNoCorsApi()]);
  // One folder per dev server (node_modules and the configuration are the project's, one level up).
  for (const app of ['vite-app', 'webpack-app', 'rspack-app']) {
    mkdirSync(path.join(root, app, 'src'), { recursive: true });
    writeFileSync(path.join(root, app, 'src/main.js'), devProxyPage(api.origin));
  }
  // The API's port is allowed (real APIs have none); allowedOrigins are proxied too.
  writeFileSync(path.join(root, 'wx-request.config.json'), JSON.stringify({ allowedOrigins: [api.origin] }));
  writeFileSync(path.join(root, 'vite-app/index.html'), '<!doctype html>\n<body><script type="module" src="/src/main.js"></script></body>\n');
  writeFileSync(path.join(root, 'vite-app/vite.config.mjs'), readmeSnippet('cors/vite.config.mjs'));
  writeFileSync(path.join(root, 'vite-app/vite.plain.config.mjs'), "import wxRequest from 'babel-plugin-wx-request/vite';\nexport default { plugins: [wxRequest()] };\n");
  mkdirSync(path.join(root, 'webpack-app/public'));
  writeFileSync(path.join(root, 'webpack-app/public/index.html'), '<!doctype html>\n<body><script src="/main.js"></script></body>\n');
  writeFileSync(path.join(root, 'webpack-app/webpack.config.js'), readmeSnippet('cors/webpack.config.js'));
  mkdirSync(path.join(root, 'rspack-app/public'));
  writeFileSync(path.join(root, 'rspack-app/public/index.html'), '<!doctype html>\n<body><script src="/main.js"></script></body>\n');
  writeFileSync(path.join(root, 'rspack-app/rspack.config.js'), readmeSnippet('cors/rspack.config.js'));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

test.after.always(async () => {
  await browser?.close();
  await Promise.all([api?.close(), other?.close()]);
  if (root) rmSync(root, { recursive: true, force: true });
});

type Results = Record<string, any>;

/** Opens the page, aborts the held request once the API has it, and returns what the page saw. */
async function drive(pageOrigin: string, { abort = true } = {}): Promise<Results> {
  const page = await browser.newPage();
  try {
    const slowArrived = once(api.events, 'arrived-slow');
    const onArrived = (url: string) => url === '/slow' && api.events.emit('arrived-slow');
    api.events.on('arrived', onArrived);
    const closed = once(api.events, 'closed');
    await page.goto(`${pageOrigin}/?other=${encodeURIComponent(other.origin)}`);
    const finished = page.waitForFunction(() => document.body?.dataset['done'] ?? document.body?.dataset['error'], null, { timeout: 60_000 });
    // The page holds its last request open; once the API has it, the page aborts it (unless the page ended first: a failure).
    if (abort && (await Promise.race([slowArrived.then(() => 'held'), finished.then(() => 'ended')])) === 'held') {
      await page.evaluate(() => (window as unknown as { abortSlow(): void }).abortSlow());
      await closed;
    }
    api.events.off('arrived', onArrived);
    await finished;
    t_error(await page.evaluate(() => document.body.dataset['error']));
    return await page.evaluate(() => (window as unknown as { results: Results }).results);
  } finally {
    await page.close();
  }
}

function t_error(error: string | undefined): void {
  if (error) throw new Error(`the page failed: ${error}`);
}

/** Every call as on WeChat, through the proxy. */
function assertAsOnWeChat(t: ExecutionContext, results: Results, sent: NoCorsApi['received']): void {
  t.is(results['get'].statusCode, 200);
  t.deepEqual(results['get'].data, { query: '?from=page&q=tea&page=2' });
  t.is(results['get'].header['x-api'], 'items', 'response headers come through');
  t.false('x-wx-request-proxy' in results['get'].header, "the proxy's mark is not in res.header");
  t.deepEqual(results['json'].data, { type: 'application/json', body: '{"name":"latte","size":2}' });
  t.deepEqual(results['form'].data, { type: 'application/x-www-form-urlencoded', body: 'a=1&b=x%20y' });
  t.is(results['missing'].statusCode, 404, 'a 404 is a success with its status');
  t.deepEqual(results['missing'].data, { error: 'no such item' });
  t.is(results['boom'].statusCode, 500);
  t.is(results['boom'].data, 'boom');
  t.deepEqual(results['whoami'].data, { cookie: 'sid=s3cret' }, "the API's cookie came back to it, and none of the dev page's");
  t.deepEqual(results['chunkTexts'], ['part1;', 'part2'], 'the chunks arrived as the API sent them');
  t.is(results['slow'].errMsg, 'request:fail abort');
  t.regex(results['other'].errMsg, /^request:fail origin "http:\/\/127\.0\.0\.1:\d+" not proxied by the dev server \(add it to the plugin's devProxy/);
  t.is(other.received.length, 0, 'an origin the dev server was not given is never reached');
  for (const request of sent) {
    t.is(request.origin, undefined, `no Origin of the dev page went up (${request.url})`);
    t.is(request.referer, undefined, `no Referer of the dev page went up (${request.url})`);
    t.false(request.cookie?.includes('devonly') ?? false, `no cookie of the dev page went up (${request.url})`);
  }
}

type Any = any;
const loadVite = (): Promise<Any> => import(pathToFileURL(path.join(root, 'node_modules/vite/dist/node/index.js')).href);

async function viteDev(configFile: string): Promise<{ url: string; close(): Promise<void> }> {
  const vite = await loadVite();
  const server = await vite.createServer({ root: path.join(root, 'vite-app'), configFile: path.join(root, 'vite-app', configFile), logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  return { url: String(server.resolvedUrls.local[0]).replace(/\/$/, ''), close: () => server.close() };
}

test.serial('without the proxy, the API server that sends no CORS headers is refused, and the hint names devProxy', async (t) => {
  const server = await viteDev('vite.plain.config.mjs');
  try {
    const results = await drive(server.url, { abort: false });
    t.regex(results['get'].errMsg, /^request:fail Failed to fetch \(network or CORS error: see the console; API without CORS: devProxy, README "CORS"\)$/);
  } finally {
    await server.close();
  }
});

test.serial('vite dev with devProxy: every call behaves as on WeChat, through Vite\'s own proxy', async (t) => {
  api.received.length = 0;
  const server = await viteDev('vite.config.mjs');
  try {
    assertAsOnWeChat(t, await drive(server.url), api.received);
  } finally {
    await server.close();
  }
});

test.serial('vite build holds no proxy: no mapping, no switch', async (t) => {
  const vite = await loadVite();
  await vite.build({ root: path.join(root, 'vite-app'), configFile: path.join(root, 'vite-app/vite.config.mjs'), logLevel: 'silent' });
  const built = readdirSync(path.join(root, 'vite-app/dist/assets')).map((file) => readFileSync(path.join(root, 'vite-app/dist/assets', file), 'utf8')).join('\n');
  t.true(built.includes('/items'), 'the page is built');
  t.false(built.includes('__wx-request-proxy'));
  t.false(readFileSync(path.join(root, 'vite-app/dist/index.html'), 'utf8').includes('dev-proxy'));
});

/** A free port on 127.0.0.1 for webpack-dev-server's command line. */
async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const CLI = { webpack: 'node_modules/webpack-cli/bin/cli.js', rspack: 'node_modules/@rspack/cli/bin/rspack.js' };

/** `webpack serve` / `rspack serve` as a user runs it, until it compiled. */
async function serve(host: keyof typeof CLI): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, CLI[host]), 'serve', '--host', '127.0.0.1', '--port', String(port)], { cwd: path.join(root, `${host}-app`), env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/compiled successfully/i.test(output)) resolve();
      if (/compiled with \d+ error|Error:/i.test(output)) reject(new Error(output));
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', () => reject(new Error(`${host} serve exited:\n${output}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

for (const host of ['webpack', 'rspack'] as const) {
  test.serial(`${host}'s dev server with devProxy: the same calls behave the same, through its own proxy`, async (t) => {
    api.received.length = 0;
    const { url, child } = await serve(host);
    try {
      assertAsOnWeChat(t, await drive(url), api.received);
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  });

  test.serial(`a production ${host} build holds no proxy`, async (t) => {
    execFileSync(process.execPath, [path.join(root, CLI[host]), 'build', '--mode', 'production', '--output-path', 'dist'], { cwd: path.join(root, `${host}-app`), stdio: ['ignore', 'ignore', 'pipe'] });
    const built = readFileSync(path.join(root, `${host}-app/dist/main.js`), 'utf8');
    t.true(built.includes('/items'));
    t.false(built.includes('__wx-request-proxy'));
  });
}
