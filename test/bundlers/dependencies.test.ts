// An app whose wx.request calls live in npm dependencies, built from the packed tarball with the
// README's Vite and webpack configurations: `vite build`, `vite` dev (its optimizer pre-bundles the
// dependencies) and webpack each port the dependencies, and the page, driven in Chromium, sends
// every request as WeChat would to a recording node:http server. A dependency's rule findings are
// warnings naming the package; the files the plugin does not touch are handed back unchanged.
import test from 'ava';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { servePage, type PageServer, type Received } from './api-server.js';
import { createDependencyProject, LEGACY, LEGACY_METHOD_AT, LEGACY_PORT_AT, type DependencyProject } from './dependency-project.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let project: DependencyProject;
let browser: Browser;
let api: PageServer;

test.before(async () => {
  project = createDependencyProject();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  // The API, on an origin of its own: the dev server's page calls it across origins.
  api = await servePage(project.root, { cors: true });
});

test.after.always(async () => {
  await browser?.close();
  await api?.close();
  project?.remove();
});

/** What each library sends on WeChat for the app's calls: method, path with query, content-type, body. */
const EXPECTED: Omit<Received, 'contentType'>[] = [
  // apifm-wxapi: 'get' and 'post' go out uppercased; it sets a form content-type on every call.
  { method: 'GET', url: '/api/apifm/shop/shop/goods/category/info?id=7', body: '' },
  { method: 'POST', url: '/api/apifm/shop/score/dailyFixedNum', body: 'token=tok' },
  // flyio: its own query string and JSON body.
  { method: 'GET', url: '/api/fly/items?q=tea', body: '' },
  { method: 'POST', url: '/api/fly/save', body: '{"name":"latte"}' },
  // axios with the mini-program adapter.
  { method: 'GET', url: '/api/axios/items?page=2', body: '' },
  { method: 'POST', url: '/api/axios/save', body: '{"id":3}' },
  // The vendor SDK whose lower-case method is a build warning: still ported, sent as POST JSON.
  { method: 'POST', url: '/api/legacy/ping', body: '{"a":1}' },
];
const EXPECTED_TYPES = ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', undefined, /^application\/json/, undefined, /^application\/json/, /^application\/json$/];

/** Loads the page, waits for the app to finish (or fail), and returns what the page and the server saw. */
async function drive(pageOrigin: string): Promise<{ error: string | undefined; intercepted: string[]; received: Received[] }> {
  api.received.length = 0;
  const page = await browser.newPage();
  try {
    await page.goto(`${pageOrigin}/?api=${encodeURIComponent(api.origin)}`);
    await page.waitForFunction(() => document.body?.dataset['done'] ?? document.body?.dataset['error'], null, { timeout: 60_000 });
    const error = await page.evaluate(() => document.body.dataset['error']);
    const intercepted = await page.evaluate(() => (window as unknown as { intercepted: string[] }).intercepted);
    return { error, intercepted, received: [...api.received] };
  } finally {
    await page.close();
  }
}

function assertSentAsWeChat(t: import('ava').ExecutionContext, seen: Awaited<ReturnType<typeof drive>>): void {
  t.is(seen.error, undefined);
  t.deepEqual(
    seen.received.map(({ method, url, body }) => ({ method, url, body })),
    EXPECTED,
  );
  seen.received.forEach((received, index) => {
    const type = EXPECTED_TYPES[index];
    if (type instanceof RegExp) t.regex(received.contentType ?? '', type, received.url);
    else if (type === undefined) t.falsy(received.contentType, received.url);
    else t.is(received.contentType, type, received.url);
  });
  t.is(seen.intercepted.length, EXPECTED.length, "the app's wrapper saw every dependency's call: one runtime for all");
}

function run(command: string[], cwd = project.root): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, command, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 180_000 }, (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}\n${stderr}` }));
  });
}

/** A static server for a built folder, with the page's HTML at `/`. */
async function serveBuilt(folder: string): Promise<PageServer> {
  return servePage(folder);
}

function assertDependencyWarnings(t: import('ava').ExecutionContext, output: string): void {
  const label = `${LEGACY.name}@${LEGACY.version}`;
  t.true(output.includes(`in dependency ${label}`), output);
  t.true(output.includes(LEGACY_METHOD_AT) && output.includes('method-uppercase'), output);
  t.true(output.includes(LEGACY_PORT_AT) && output.includes('url-no-port'), output);
}

test.serial('vite build: the dependencies are ported, their findings are warnings naming the package, and the page sends what WeChat sends', async (t) => {
  const built = await run([project.module('vite', 'bin/vite.js'), 'build']);
  t.true(built.ok, built.output);
  assertDependencyWarnings(t, built.output);
  const site = await serveBuilt(path.join(project.root, 'dist'));
  try {
    assertSentAsWeChat(t, await drive(site.origin));
  } finally {
    await site.close();
  }
});

test.serial('webpack: the same dependencies, the same warnings, the same requests', async (t) => {
  const runner = path.join(project.root, 'run-webpack.cjs');
  // The README's configuration as written, built into its own folder (dist/ is Vite's).
  writeFileSync(
    runner,
    `const config = require('./webpack.config.js');
config.output = { path: require('node:path').resolve('dist-webpack') };
require('webpack')(config, (error, stats) => {
  if (error) { console.error(error); process.exit(1); }
  console.log(stats.toString({ all: false, errors: true, warnings: true, colors: false }));
  if (stats.hasErrors()) process.exit(1);
});
`,
  );
  const built = await run([runner]);
  t.true(built.ok, built.output);
  assertDependencyWarnings(t, built.output);
  writeFileSync(path.join(project.root, 'dist-webpack/index.html'), '<!doctype html>\n<script src="/main.js"></script>\n');
  const site = await serveBuilt(path.join(project.root, 'dist-webpack'));
  try {
    assertSentAsWeChat(t, await drive(site.origin));
  } finally {
    await site.close();
  }
});

type Any = any;
const loadVite = (): Promise<Any> => import(pathToFileURL(project.module('vite', 'dist/node/index.js')).href);
const METADATA = () => path.join(project.root, 'node_modules/.vite/deps/_metadata.json');

/** Starts `vite` on the project with a config file, drives the page, stops; returns the optimizer's config hash. */
async function devRun(configFile: string, onWarning?: (message: string) => void): Promise<{ seen: Awaited<ReturnType<typeof drive>>; configHash: string; optimized: string[] }> {
  const vite = await loadVite();
  // Vite's logger, silenced, with its warnings collected for the test instead.
  const logger = vite.createLogger('silent');
  logger.warn = (message: string) => onWarning?.(message);
  const server = await vite.createServer({ root: project.root, configFile: path.join(project.root, configFile), customLogger: logger, server: { host: '127.0.0.1', port: 0 } });
  await server.listen();
  try {
    const seen = await drive(String(server.resolvedUrls.local[0]).replace(/\/$/, ''));
    const metadata = JSON.parse(readFileSync(METADATA(), 'utf8')) as { configHash: string; optimized: Record<string, unknown> };
    return { seen, configHash: metadata.configHash, optimized: Object.keys(metadata.optimized) };
  } finally {
    await server.close();
  }
}

test.serial('vite dev: the optimizer pre-bundles the dependencies with the same rewrite, and the runtime with them (one instance)', async (t) => {
  rmSync(path.join(project.root, 'node_modules/.vite'), { recursive: true, force: true });
  const warnings: string[] = [];
  const { seen, optimized } = await devRun('vite.config.mjs', (message) => warnings.push(message));
  assertSentAsWeChat(t, seen);
  for (const name of ['apifm-wxapi', 'flyio/dist/npm/wx', 'axios-miniprogram-adapter', 'legacy-pay-sdk', 'babel-plugin-wx-request/runtime']) t.true(optimized.includes(name), `${name} pre-bundled: ${optimized.join(', ')}`);
  assertDependencyWarnings(t, warnings.join('\n'));
});

test.serial('vite dev: a change of the plugin options or of the project configuration re-optimizes; the same ones do not', async (t) => {
  const first = await devRun('vite.config.mjs');
  const again = await devRun('vite.config.mjs');
  t.is(again.configHash, first.configHash, 'the same options and configuration: the optimized dependencies are reused');
  writeFileSync(path.join(project.root, 'vite.other.config.mjs'), readFileSync(path.join(project.root, 'vite.config.mjs'), 'utf8').replace('wxRequest({', "wxRequest({ rules: { 'url-no-port': 'off' },"));
  const optionWarnings: string[] = [];
  const otherOptions = await devRun('vite.other.config.mjs', (message) => optionWarnings.push(message));
  t.not(otherOptions.configHash, first.configHash, 'other plugin options');
  t.true(optionWarnings.some((message) => message.includes('method-uppercase')), 'the dependencies were read again, with the new options');
  t.false(optionWarnings.some((message) => message.includes('url-no-port')), optionWarnings.join('\n'));
  // The app's configuration applies to its dependencies' files too (found from the app's folder).
  const configuration = path.join(project.root, 'wx-request.config.json');
  writeFileSync(configuration, JSON.stringify({ rules: { 'method-uppercase': 'off' } }));
  try {
    const configurationWarnings: string[] = [];
    const otherConfiguration = await devRun('vite.config.mjs', (message) => configurationWarnings.push(message));
    t.not(otherConfiguration.configHash, first.configHash, 'another project configuration');
    t.not(otherConfiguration.configHash, otherOptions.configHash);
    t.true(configurationWarnings.some((message) => message.includes('url-no-port')), configurationWarnings.join('\n'));
    t.false(configurationWarnings.some((message) => message.includes('method-uppercase')), configurationWarnings.join('\n'));
    assertSentAsWeChat(t, otherConfiguration.seen);
  } finally {
    rmSync(configuration);
  }
});

test.serial('a dependency file the plugin does not rewrite is handed back unchanged (null), so it stays byte-identical', async (t) => {
  const { default: rollupPlugin } = (await import(pathToFileURL(project.module('babel-plugin-wx-request', 'dist/plugin/bundler/rollup.js')).href)) as { default: (options?: object) => Any };
  const plugin = rollupPlugin();
  const context = { warn: () => {}, error: (message: unknown) => { throw new Error(JSON.stringify(message)); }, addWatchFile: () => {} };
  const rewritten: string[] = [];
  let unchanged = 0;
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const file = path.join(folder, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (/\.[cm]?js$/.test(name)) files.push(file);
    }
  };
  const files: string[] = [];
  for (const name of ['apifm-wxapi', 'flyio', 'axios', 'axios-miniprogram-adapter', LEGACY.name]) walk(project.module(name));
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const result = await plugin.transform.handler.call(context, code, file);
    if (result == null) unchanged += 1;
    else {
      t.not(result.code ?? result, code, file);
      rewritten.push(path.relative(path.join(project.root, 'node_modules'), file));
    }
  }
  t.true(unchanged > 100, `${unchanged} files handed back unchanged`);
  t.true(rewritten.includes('apifm-wxapi/miniprogram_dist/index.js') && rewritten.includes('flyio/dist/npm/wx.js') && rewritten.includes('axios-miniprogram-adapter/dist/index.esm.js') && rewritten.includes('legacy-pay-sdk/index.js'), rewritten.join('\n'));
  t.false(rewritten.some((file) => file.startsWith('axios/')), 'axios itself calls no wx.request');
});
