// Runs a built sample app in Node against the local API server and checks what the server received.
// Every integration test (Rollup, webpack, @babel/register, the TypeScript transformer) builds
// fixtures/sample-app its own way and hands the result here, so all four are held to the same
// scenarios as the browser demo (demo/page/main.js) and the same expectations.
import type { ExecutionContext } from 'ava';
import { mkdtempSync, rmSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApiServer, type ApiServer, type ReceivedRequest } from '../../../demo/api-server.js';
import { installShim, type SamplePage, type Shim } from './shim.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SAMPLE_APP = path.join(ROOT, 'fixtures/sample-app');
export const BABEL_CONFIG = path.join(ROOT, 'babel.config.js');
/** The sample's entry points in the order the demo page imports them: the app, then each page. */
export const SAMPLE_MODULES = ['app.js', 'pages/items/index.js', 'pages/login/index.js', 'pages/download/index.js', 'pages/search/index.js', 'pages/burst/index.js'];

/** Every JavaScript file of the sample, sorted: each build must contain them all. */
export const SAMPLE_FILES = [...SAMPLE_MODULES, 'config.js', 'utils/request.js'].sort();

/** The runtime's configure, taken from the very module instance the built code calls. */
export type Configure = (options: { allowedOrigins?: string[]; maxConcurrent?: number; timeout?: number }) => void;

/** Loads (evaluates) the built sample once the shim is in place, and returns its runtime's configure. */
export type LoadBuiltSample = () => Configure | Promise<Configure>;

/** A temporary folder whose node_modules resolves babel-plugin-wx-request to this repository. */
export function tempDir(label: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), `wx-request-${label}-`));
  mkdirSync(path.join(dir, 'node_modules'));
  symlinkSync(ROOT, path.join(dir, 'node_modules/babel-plugin-wx-request'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Pages {
  items: SamplePage;
  login: SamplePage;
  download: SamplePage;
  search: SamplePage;
  burst: SamplePage;
}

type Method = (...args: unknown[]) => Promise<unknown>;
const call = (page: SamplePage, name: string, ...args: unknown[]) => (page[name] as Method).call(page, ...args);

/** The scenarios of demo/page/main.js, in its order, one after the other. */
async function runScenarios({ items, login, download, search, burst }: Pages): Promise<void> {
  await call(items, 'loadItems'); // GET with query data
  await call(items, 'createItem'); // POST JSON
  await call(login, 'login', 'mei', 'secret'); // POST form
  await call(items, 'renameItem', 3); // PUT with charset
  await call(items, 'removeItem', 3); // DELETE
  await call(download, 'download'); // arraybuffer
  await Promise.all(['o', 'oo', 'ool'].map((query) => call(search, 'onInput', query))); // search as you type
  await call(burst, 'burst'); // 20 at once
}

function checkReceived(t: ExecutionContext, received: ReceivedRequest[], maxInFlight: number): void {
  const find = (method: string, prefix: string) => received.filter((entry) => entry.method === method && entry.url.startsWith(prefix));
  const header = (entry: ReceivedRequest | undefined, name: string) => entry?.headers[name];

  const list = find('GET', '/v1/items');
  t.is(list.length, 1, 'one GET /v1/items');
  t.is(list[0]?.url, '/v1/items?page=1&size=10&q=tea%20%26%20cake', 'GET data goes to the query string');
  t.is(header(list[0], 'authorization'), 'Bearer', 'no token before the login (the trailing space is trimmed)');
  t.is(header(list[0], 'content-type'), undefined, 'a GET sends no content-type');
  t.is(list[0]?.body, '');

  const created = find('POST', '/v1/items');
  t.is(created.length, 1, 'one POST /v1/items');
  t.is(created[0]?.url, '/v1/items');
  t.is(header(created[0], 'content-type'), 'application/json', 'an object body defaults to JSON');
  t.is(header(created[0], 'authorization'), 'Bearer');
  t.deepEqual(JSON.parse(created[0]?.body ?? 'null'), { name: '抹茶 latte', price: 18.5, tags: ['hot', 'new'] });

  const login = find('POST', '/v1/login');
  t.is(login.length, 1, 'one POST /v1/login');
  t.is(header(login[0], 'content-type'), 'application/x-www-form-urlencoded');
  t.is(login[0]?.body, 'username=mei&password=secret&remember=true', 'the form is URL-encoded');
  t.is(header(login[0], 'authorization'), undefined, 'the login page calls wx.request without the wrapper');

  const renamed = find('PUT', '/v1/items/3');
  t.is(renamed.length, 1, 'one PUT /v1/items/3');
  t.is(header(renamed[0], 'content-type'), 'application/json; charset=utf-8', "the caller's content-type is kept");
  t.is(renamed[0]?.body, '{"name":"Renamed"}');

  const removed = find('DELETE', '/v1/items/3');
  t.is(removed.length, 1, 'one DELETE /v1/items/3');
  t.is(header(removed[0], 'authorization'), 'Bearer t-123', 'the wrapper sends the token the login stored');
  t.is(removed[0]?.body, '', 'DELETE without data has no body');
  t.is(header(removed[0], 'content-type'), undefined);

  const files = find('GET', '/v1/files/logo.bin');
  t.is(files.length, 1);

  // The page aborted the first two searches; whether they reached the server first is a race, but
  // the last one did, and nothing was searched for twice.
  const searches = find('GET', '/v1/search').map((entry) => entry.url);
  t.true(searches.includes('/v1/search?q=ool&slow=1'), `searches: ${searches.join(', ')}`);
  t.true(searches.every((url) => ['/v1/search?q=o&slow=1', '/v1/search?q=oo&slow=1', '/v1/search?q=ool&slow=1'].includes(url)));
  t.is(new Set(searches).size, searches.length);

  const burst = find('GET', '/v1/burst/');
  t.is(burst.length, 20, '20 burst requests');
  t.deepEqual(
    burst.map((entry) => entry.url).sort(),
    Array.from({ length: 20 }, (_, index) => `/v1/burst/${index}?delay=150`).sort(),
  );
  t.true(maxInFlight <= 10, `the server saw ${maxInFlight} requests at once`);
  t.true(maxInFlight >= 2, `the burst ran in parallel (max ${maxInFlight} in flight)`);
  t.true(received.every((entry) => entry.headers['referer'] === undefined), 'no Referer header is sent');
}

function checkPages(t: ExecutionContext, { items, login, download, search, burst }: Pages, shim: Shim): void {
  t.is((items.data['items'] as unknown[]).length, 2, 'the items were loaded');
  t.deepEqual(items.data['created'], { id: 3, name: '抹茶 latte', price: 18.5, tags: ['hot', 'new'] });
  t.deepEqual(items.data['updated'], { id: 3, name: 'Renamed' });
  t.is(items.data['removed'], true);
  t.deepEqual(login.data['user'], { name: 'mei' });
  t.is(shim.app().globalData.token, 't-123');
  t.is(shim.storage.get('token'), 't-123', 'the login page stored the token');
  t.is(download.data['bytes'], 256, 'the arraybuffer has every byte');
  t.is(download.data['firstBytes'], '137,80,78,71');
  t.is(search.data['query'], 'ool');
  t.deepEqual(search.data['results'], ['Oolong']);
  t.is(search.data['aborted'], 2, 'two searches failed with request:fail abort');
  t.is(burst.data['done'], 20);
  t.deepEqual(burst.data['statuses'], Array.from({ length: 20 }, () => 200));
  t.deepEqual(shim.toasts, [], 'no error toast');
}

/**
 * Installs the shim, starts the API server, loads the built sample, points it at the server
 * (baseUrl and allowedOrigins, as the demo page does), runs every scenario and checks what arrived.
 * The server and the globals are gone when it returns, whatever happened.
 */
export async function exerciseBuiltSample(t: ExecutionContext, load: LoadBuiltSample): Promise<void> {
  const shim = installShim();
  let api: ApiServer | undefined;
  try {
    api = await startApiServer(0);
    const configure = await load();
    t.is(shim.pages.length, 5, 'the five pages registered themselves');
    const [items, login, download, search, burst] = shim.pages as [SamplePage, SamplePage, SamplePage, SamplePage, SamplePage];
    const pages = { items, login, download, search, burst };
    // The sample talks to https://api.example.com/v1; here its API runs locally, on a port the
    // runtime allows only because the origin is listed.
    t.is(shim.app().globalData.baseUrl, 'https://api.example.com/v1', 'config.js was bundled with app.js');
    shim.app().globalData.baseUrl = `${api.origin}/v1`;
    configure({ allowedOrigins: [api.origin] });
    await runScenarios(pages);
    checkReceived(t, api.received, api.maxInFlight());
    checkPages(t, pages, shim);
  } finally {
    await api?.close();
    shim.uninstall();
  }
}
