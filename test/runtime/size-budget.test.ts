// The runtime's size budget (issue 13): each page bundled by esbuild (browser, ESM, minified) from
// the runtime's source, gzipped at level 9. `npm run bench` (bench/size.ts) measures the same pages
// from the package's dist/ export, next to axios, ky and redaxios.
import test from 'ava';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ROOT } from '../support/fixtures.js';

/** A GET-only page: what the plugin writes for a file of plain reads. */
const GET_ONLY = `import { wx } from './runtime/lean.ts';
wx.request({ url: 'https://api.example.com/items', success: (res) => console.log(res.statusCode, res.data) });`;

/** Everything the runtime offers: every export, option and listener. */
const EVERYTHING = `import { wx, request, configure, allowOrigins, fetchTransport } from './runtime/index.ts';
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
request({ url: 'https://api.example.com/items', method: 'POST', header: { 'content-type': 'application/x-www-form-urlencoded' }, data: { page: 2 } });
task.abort();`;

async function gzipped(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'page.js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2020', write: false, logLevel: 'silent' });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

// Today's sizes plus a little: a change that makes a page larger must say so here.
const CEILING = { getOnly: 3100, everything: 4300 };
// The targets, not met yet (see the README's runtime section): test.failing passes while
// the page is over budget and fails the day it fits, so the ceiling above is then lowered to it.
const BUDGET = { getOnly: 1536, everything: 2048 };

test('no page grows past its ceiling', async (t) => {
  const getOnly = await gzipped(GET_ONLY);
  const everything = await gzipped(EVERYTHING);
  t.log(`GET-only page ${getOnly} B, everything ${everything} B (min+gz)`);
  t.true(getOnly <= CEILING.getOnly, `GET-only page: ${getOnly} B > ${CEILING.getOnly} B`);
  t.true(everything <= CEILING.everything, `everything: ${everything} B > ${CEILING.everything} B`);
});

test.failing('the GET-only page fits 1,536 B and everything 2,048 B (issue 13 budget, not met yet)', async (t) => {
  t.true((await gzipped(GET_ONLY)) <= BUDGET.getOnly);
  t.true((await gzipped(EVERYTHING)) <= BUDGET.everything);
});
