// Benchmark 5: what a page pays in bytes: each page bundled by esbuild (browser, ESM, minified),
// then gzipped (level 9). Ours through the package's own `./runtime` export (dist/runtime).
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT } from './load.js';
import { bytes, times, type Row, type Section } from './report.js';

const TITLE = '5. Size';
const RUNTIME = 'babel-plugin-wx-request/runtime';
const URL = 'https://api.example.com/items';

export type Page = 'GET only' | 'POST JSON with abort' | 'everything';
const PAGES: Page[] = ['GET only', 'POST JSON with abort', 'everything'];

/** Our pages, importing the runtime as `runtime` (the full entry) and `lean` (the lean entry); the size-budget test bundles them from source. */
export const ourPages = (runtime: string, lean: string): Record<Page, string> => ({
  // What the plugin writes for a file of plain reads: the lean entry.
  'GET only': `import { wx } from '${lean}';
wx.request({ url: '${URL}', success: (res) => console.log(res.statusCode, res.data) });`,
  'POST JSON with abort': `import { request } from '${runtime}';
const task = request({
  url: '${URL}', method: 'POST', data: { name: 'a', count: 1 }, header: { 'content-type': 'application/json' },
  success: (res) => console.log(res.data), fail: (err) => console.error(err.errMsg),
});
document.querySelector('#cancel').addEventListener('click', () => task.abort());`,
    everything: `import { wx, request, configure, allowOrigins, fetchTransport } from '${runtime}';
allowOrigins(['https://api.example.com:8443']);
configure({ maxConcurrent: 4, timeout: 5000, allowedOrigins: ['https://api.example.com:8443'], transport: fetchTransport, credentials: 'include' });
const task = wx.request({
  url: 'https://api.example.com:8443/upload', method: 'PUT', data: new ArrayBuffer(8), header: { 'x-token': 't' },
  responseType: 'arraybuffer', dataType: 'other', timeout: 2000, enableChunked: true, redirect: 'manual',
  success: (res) => console.log(res.statusCode, res.header['Content-Type'], res.cookies, res.data, res.profile),
  fail: (err) => console.error(err.errMsg, err.errno), complete: () => console.log('done'),
});
const onHeaders = (res) => console.log(res.header);
task.onHeadersReceived(onHeaders);
task.onChunkReceived((chunk) => console.log(chunk.data.byteLength));
task.offHeadersReceived(onHeaders);
task.offChunkReceived();
request({ url: '${URL}?q=1', data: { page: 2 }, dataType: 'json', success: (res) => console.log(res.data) });
document.querySelector('#cancel').addEventListener('click', () => task.abort());`,
});

/** The page each library's user would write, per case. */
const SOURCES: Record<string, Record<Page, string>> = {
  ours: ourPages(RUNTIME, `${RUNTIME}/lean`),
  axios: {
    'GET only': `import axios from 'axios';
axios.get('${URL}').then((res) => console.log(res.status, res.data));`,
    'POST JSON with abort': `import axios from 'axios';
const controller = new AbortController();
axios.post('${URL}', { name: 'a', count: 1 }, { signal: controller.signal }).then((res) => console.log(res.data), (err) => console.error(err.message));
document.querySelector('#cancel').addEventListener('click', () => controller.abort());`,
    everything: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://api.example.com:8443', timeout: 5000, headers: { 'x-token': 't' } });
api.interceptors.response.use((res) => res, (err) => Promise.reject(err));
const controller = new AbortController();
api.put('/upload', new ArrayBuffer(8), { responseType: 'arraybuffer', signal: controller.signal, maxRedirects: 0, onDownloadProgress: (e) => console.log(e.loaded) })
  .then((res) => console.log(res.status, res.headers, res.data), (err) => console.error(err.message, axios.isCancel(err)));
api.get('/items', { params: { page: 2 } }).then((res) => console.log(res.data));
document.querySelector('#cancel').addEventListener('click', () => controller.abort());`,
  },
  ky: {
    'GET only': `import ky from 'ky';
ky.get('${URL}').json().then((data) => console.log(data));`,
    'POST JSON with abort': `import ky from 'ky';
const controller = new AbortController();
ky.post('${URL}', { json: { name: 'a', count: 1 }, signal: controller.signal }).json().then((data) => console.log(data), (err) => console.error(err.message));
document.querySelector('#cancel').addEventListener('click', () => controller.abort());`,
    everything: `import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.example.com:8443', timeout: 5000, headers: { 'x-token': 't' }, hooks: { afterResponse: [(_req, _opts, res) => res] } });
const controller = new AbortController();
api.put('upload', { body: new ArrayBuffer(8), signal: controller.signal, redirect: 'manual', onDownloadProgress: (p) => console.log(p.percent) })
  .arrayBuffer().then((data) => console.log(data.byteLength), (err) => console.error(err.message));
api.get('items', { searchParams: { page: 2 } }).json().then((data) => console.log(data));
document.querySelector('#cancel').addEventListener('click', () => controller.abort());`,
  },
  redaxios: {
    'GET only': `import axios from 'redaxios';
axios.get('${URL}').then((res) => console.log(res.status, res.data));`,
    'POST JSON with abort': `import axios from 'redaxios';
const controller = new AbortController();
axios.post('${URL}', { name: 'a', count: 1 }, { signal: controller.signal }).then((res) => console.log(res.data), (err) => console.error(err));
document.querySelector('#cancel').addEventListener('click', () => controller.abort());`,
    everything: `import axios from 'redaxios';
const api = axios.create({ baseURL: 'https://api.example.com:8443', headers: { 'x-token': 't' } });
const controller = new AbortController();
api.put('/upload', new ArrayBuffer(8), { responseType: 'arraybuffer', signal: controller.signal })
  .then((res) => console.log(res.status, res.headers, res.data), (err) => console.error(err));
api.get('/items', { params: { page: 2 } }).then((res) => console.log(res.data));
document.querySelector('#cancel').addEventListener('click', () => controller.abort());`,
  },
};

interface Measure {
  minified: number;
  gzipped: number;
  /** Minified bytes in the output per input file. */
  inputs: Record<string, number>;
}

async function measure(contents: string): Promise<Measure> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'page.js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    metafile: true,
    absWorkingDir: ROOT,
  });
  const code = result.outputFiles[0]!.contents;
  const inputs: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [file, info] of Object.entries(output.inputs)) inputs[file] = (inputs[file] ?? 0) + info.bytesInOutput;
  }
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, inputs };
}

/** A page with no request code at all: its bytes are subtracted from nobody, shown for scale. */
const EMPTY_PAGE = `document.querySelector('#cancel').addEventListener('click', () => console.log('x'));`;

export async function benchSize(): Promise<Section> {
  if (!existsSync(path.join(DIST, 'runtime', 'index.js'))) return { id: 'size', title: TITLE, method: '', rows: [], notes: [], notMeasured: 'dist/runtime/index.js does not exist (npm run build did not make it)' };
  const results: Record<string, Record<Page, Measure>> = {};
  for (const [library, pages] of Object.entries(SOURCES)) {
    results[library] = {} as Record<Page, Measure>;
    for (const page of PAGES) results[library]![page] = await measure(pages[page]);
  }
  const empty = await measure(EMPTY_PAGE);
  const version = (name: string) => (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  const cell = (m: Measure) => `${bytes(m.gzipped)} gz<br>${bytes(m.minified)} min`;
  const full = results['ours']!['everything'];
  const getOnly = results['ours']!['GET only'];
  const budget = (what: string, m: Measure, limit: number): Row => ({ what, ours: cell(m), baseline: `${bytes(limit)} gz`, ratio: times(m.gzipped / limit), target: `≤ ${bytes(limit)} gz`, met: m.gzipped <= limit });
  const rows: Row[] = [
    budget('GET-only page (the lean entry) vs the 1,536 B budget', getOnly, 1536),
    budget('full runtime (the "everything" page) vs the 2,048 B budget', full, 2048),
  ];
  for (const page of PAGES) {
    const ours = results['ours']![page];
    for (const library of ['axios', 'ky', 'redaxios']) {
      const other = results[library]![page];
      rows.push({ what: `${page}: ours vs ${library} ${version(library)}`, ours: cell(ours), baseline: cell(other), ratio: times(ours.gzipped / other.gzipped), target: '' });
    }
  }
  // Where our bytes come from: minified bytes per source module of the runtime, largest first.
  const breakdown = Object.entries(full.inputs)
    .filter(([file]) => file !== 'page.js')
    .sort((a, b) => b[1] - a[1])
    .map(([file, size]) => `${file.replace(/^dist\//, '')} ${size.toLocaleString('en-US')}`)
    .join(', ');
  return {
    id: 'size',
    title: TITLE,
    method: [
      'Each page below is bundled by esbuild (`bundle`, `minify`, `format: esm`, `platform: browser`, `target: es2022`) and',
      `the output gzipped at level 9; the ratio is of the gzipped sizes. Ours is imported as \`${RUNTIME}\` (the package's own export,`,
      `dist/runtime). Pages: GET only; POST JSON with abort; everything (configure, fetchTransport, every option, the task's`,
      'listeners). The libraries get the same three pages written in their own API (`axios.create`, interceptors, ky hooks… for',
      'everything). The first row judges the "everything" page (our full runtime) against the 2,048-byte budget.',
    ].join('\n'),
    rows,
    notes: [
      `A page with no request code at all is ${bytes(empty.gzipped)} gzipped (${bytes(empty.minified)} minified): the pages' own code is in every figure.`,
      `Minified bytes of the full runtime per module (before gzip): ${breakdown}.`,
      `Ours, gzipped: GET only ${bytes(results['ours']!['GET only'].gzipped)}, POST JSON with abort ${bytes(results['ours']!['POST JSON with abort'].gzipped)}, everything ${bytes(results['ours']!['everything'].gzipped)}.`,
    ],
  };
}
