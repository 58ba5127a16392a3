// A temporary app whose network layer lives in npm dependencies, as real mini-program ports are:
// three published request libraries of different shapes, installed from npm at pinned versions,
// and one vendor SDK (packed here, installed as a tarball like any package) whose source breaks
// two rules. The app is built with the README's Vite and webpack snippets, from our packed tarball.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/fixtures.js';
import { readmeSnippet } from './project.js';

/**
 * The published libraries, one per shape:
 * - apifm-wxapi: a promise SDK with `module.exports`, the one a much-starred open-source shop calls
 *   for every API; it passes 'get' / 'post' in lower case, which WeChat sends uppercased;
 * - flyio: a class-based HTTP client with a `wx` adapter (flyio/dist/npm/wx);
 * - axios 0.x with axios-miniprogram-adapter, which picks `wx.request.bind(wx)` at run time.
 */
export const LIBRARIES = ['apifm-wxapi@26.9.21', 'flyio@0.6.14', 'axios@0.27.2', 'axios-miniprogram-adapter@0.3.5'];

/** The vendor SDK whose source breaks rules: its findings are warnings that name it. */
export const LEGACY = { name: 'legacy-pay-sdk', version: '1.2.3' };
const LEGACY_SOURCE = `// A vendor's payment SDK as published: a lower-case method and a URL with a port.
const BASE = 'https://pay.example.com:8443';

function pay(order, done) {
  wx.request({ url: BASE + '/pay', method: 'post', data: order, success: done, fail: done });
}

function ping(origin, done) {
  wx.request({ url: origin + '/api/legacy/ping', method: 'post', data: { a: 1 }, success: function (res) { done(res.statusCode); } });
}

module.exports = { pay: pay, ping: ping };
`;
/** Where the SDK's lower-case method is, inside the package. */
export const LEGACY_METHOD_AT = 'node_modules/legacy-pay-sdk/index.js:5:44';
/** Where its URL with a port is (the constant that holds it, as the rule reports). */
export const LEGACY_PORT_AT = 'node_modules/legacy-pay-sdk/index.js:5:21';

/**
 * The app: it installs a wrapper on the runtime's `wx` (as an interceptor would), then calls every
 * library once for a GET and once for a POST; what the page saw is left on `window`.
 */
export const APP = `import { configure, wx } from 'babel-plugin-wx-request/runtime';
import WXAPI from 'apifm-wxapi';
import Fly from 'flyio/dist/npm/wx';
import axios from 'axios';
import mpAdapter from 'axios-miniprogram-adapter';
import legacy from 'legacy-pay-sdk';

const api = new URLSearchParams(location.search).get('api') ?? location.origin;
const page = window as unknown as { intercepted: string[]; results: Record<string, unknown> };
configure({ allowedOrigins: [api] });
// One runtime serves the app and its dependencies: this wrapper sees their calls too.
const original = wx.request;
page.intercepted = [];
wx.request = function (this: unknown, options) {
  page.intercepted.push(options.url);
  return original.call(this, options);
};

async function main(): Promise<void> {
  const results: Record<string, unknown> = {};
  WXAPI.init2(api + '/api/apifm', 'shop');
  results['apifmGet'] = await WXAPI.goodsCategoryDetail(7);
  results['apifmPost'] = await WXAPI.scoreDailyFixedNum('tok');
  const fly = new Fly();
  results['flyGet'] = (await fly.get(api + '/api/fly/items', { q: 'tea' })).data;
  results['flyPost'] = (await fly.post(api + '/api/fly/save', { name: 'latte' })).data;
  const client = axios.create({ adapter: mpAdapter, baseURL: api + '/api/axios' });
  results['axiosGet'] = (await client.get('/items', { params: { page: 2 } })).data;
  results['axiosPost'] = (await client.post('/save', { id: 3 })).data;
  results['legacy'] = await new Promise((resolve) => legacy.ping(api, resolve));
  page.results = results;
  document.body.dataset['done'] = 'true';
}
main().catch((error: { errMsg?: string; message?: string }) => {
  document.body.dataset['error'] = String(error?.errMsg ?? error?.message ?? error);
});
`;

/** The modules the app imports have no types of ours to check against: the bundlers strip TypeScript only. */
const HTML = '<!doctype html>\n<script type="module" src="/src/main.ts"></script>\n';

export interface DependencyProject {
  root: string;
  module(name: string, file?: string): string;
  remove(): void;
}

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Packs our package and the vendor SDK, installs them with the libraries and the bundlers, writes the app and the README's configs. */
export function createDependencyProject(): DependencyProject {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-request-dependencies-'));
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const ours = readdirSync(root).find((file) => file.endsWith('.tgz'));
  if (!ours) throw new Error('npm pack made no tarball');
  const legacyFolder = path.join(root, 'vendor', LEGACY.name);
  mkdirSync(legacyFolder, { recursive: true });
  writeFileSync(path.join(legacyFolder, 'package.json'), JSON.stringify({ name: LEGACY.name, version: LEGACY.version, main: 'index.js' }));
  writeFileSync(path.join(legacyFolder, 'index.js'), LEGACY_SOURCE);
  execFileSync('npm', ['pack', '--silent', '--pack-destination', root], { cwd: legacyFolder, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'wx-request-dependencies-test', private: true }));
  const bundlers = ['vite', 'webpack', 'babel-loader', '@babel/core', '@babel/preset-typescript'].map((name) => `${name}@${installedVersion(name)}`);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${ours}`, `./${LEGACY.name}-${LEGACY.version}.tgz`, ...LIBRARIES, ...bundlers], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src/main.ts'), APP);
  writeFileSync(path.join(root, 'index.html'), HTML);
  writeFileSync(path.join(root, 'vite.config.mjs'), readmeSnippet('vite.config.mjs'));
  writeFileSync(path.join(root, 'webpack.config.js'), readmeSnippet('webpack.config.js'));
  return {
    root,
    module: (name, file = '') => path.join(root, 'node_modules', name, file),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
