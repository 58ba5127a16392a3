// wx.uploadFile and wx.downloadFile in headless Chromium, against the node:http file server of the
// Node tests (multipart parsed by busboy, files of known bytes), on an origin of its own that sends
// CORS headers: upload progress from XMLHttpRequest, a download's tempFilePath as an <img src>,
// the download-then-upload round trip, abort, and the GET-only runtime untouched.
import test from 'ava';
import http from 'node:http';
import { once } from 'node:events';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/fixtures.js';
import { knownBytes, startFileServer, type FileServer } from './file-server.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;
let page: Page;
let files: FileServer;
let site: http.Server;

test.before(async () => {
  const bundle = await build({
    stdin: {
      contents: "import { configure } from './runtime/index.ts'; import { uploadFile, filePathOf } from './runtime/upload-file.ts'; import { downloadFile } from './runtime/download-file.ts'; window.wxRuntime = { configure, uploadFile, filePathOf, downloadFile };",
      resolveDir: ROOT,
      loader: 'js',
      sourcefile: 'page.js',
    },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  files = await startFileServer({ 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*' });
  site = http.createServer((request, response) => {
    response.writeHead(200, { 'content-type': request.url === '/bundle.js' ? 'text/javascript' : 'text/html' });
    response.end(request.url === '/bundle.js' ? script : '<!doctype html><script type="module" src="/bundle.js"></script>');
  });
  site.listen(0, '127.0.0.1');
  await once(site, 'listening');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  page = await browser.newPage();
  // tsx names the functions passed to page.evaluate with esbuild's `__name` helper: the page needs one too.
  await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
  await page.goto(`http://127.0.0.1:${(site.address() as { port: number }).port}/`);
  await page.waitForFunction(() => 'wxRuntime' in window);
  await page.evaluate((origin) => (window as any).wxRuntime.configure({ allowedOrigins: [origin] }), files.origin);
});

test.after.always(async () => {
  await browser?.close();
  site?.closeAllConnections();
  site?.close();
  await files?.close();
});

test.serial('upload: XMLHttpRequest reports the bytes of the whole body sent, ending at 100; the server gets every byte', async (t) => {
  const size = 4 * 1024 * 1024;
  const result = await page.evaluate<{ res: any; progress: any[] }, { origin: string; size: number }>(
    ({ origin, size }) =>
      new Promise<{ res: any; progress: any[] }>((resolve, reject) => {
        const { uploadFile, filePathOf } = (window as any).wxRuntime;
        const bytes = new Uint8Array(size);
        for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 0xff;
        const progress: any[] = [];
        const task = uploadFile({ url: `${origin}/upload/big`, filePath: filePathOf(new Blob([bytes])), name: 'file', formData: { kind: 'big' }, success: (res: any) => resolve({ res, progress }), fail: reject });
        task.onProgressUpdate((event: any) => progress.push(event));
      }),
    { origin: files.origin, size },
  );
  t.is(result.res.statusCode, 200);
  t.is(result.res.errMsg, 'uploadFile:ok');
  // Over loopback the browser may send 4 MiB between two of its progress ticks (it reports every
  // 50 ms or so): at least the last one comes, and it is XMLHttpRequest's, since it counts the
  // whole multipart body (the file and the form's envelope), as fetch never could.
  t.true(result.progress.length >= 1);
  t.is(result.progress.at(-1).progress, 100);
  t.true(result.progress.at(-1).totalBytesExpectedToSend > size, 'the multipart body, larger than the file');
  t.is(result.progress.at(-1).totalBytesSent, result.progress.at(-1).totalBytesExpectedToSend);
  for (let i = 1; i < result.progress.length; i++) t.true(result.progress[i].totalBytesSent >= result.progress[i - 1].totalBytesSent);
  const parsed = files.uploads.at(-1)!;
  t.deepEqual(parsed.fields, { kind: 'big' });
  t.deepEqual(parsed.files[0]!.bytes, knownBytes(size));
});

test.serial("download: the tempFilePath is a blob: URL an <img> loads; a download, then an upload of it", async (t) => {
  const seen = await page.evaluate(
    (origin) =>
      new Promise<{ path: string; width: number; uploaded: number }>((resolve, reject) => {
        const { downloadFile, uploadFile } = (window as any).wxRuntime;
        downloadFile({
          url: `${origin}/image.png`,
          fail: reject,
          success: ({ tempFilePath }: { tempFilePath: string }) => {
            const image = new Image();
            image.onerror = () => reject(new Error('the image did not load'));
            image.onload = () =>
              uploadFile({ url: `${origin}/upload/poster`, filePath: tempFilePath, name: 'poster', fail: reject, success: (res: any) => resolve({ path: tempFilePath, width: image.naturalWidth, uploaded: JSON.parse(res.data).received[0] }) });
            image.src = tempFilePath;
          },
        });
      }),
    files.origin,
  );
  t.regex(seen.path, /^blob:http:\/\/127\.0\.0\.1:\d+\//);
  t.is(seen.width, 2);
  t.true(seen.uploaded > 0);
  t.is(files.uploads.at(-1)!.files[0]!.field, 'poster');
});

test.serial('abort a running download in the browser: downloadFile:fail abort, and the server sees the connection close', async (t) => {
  const arrived = once(files.events, 'arrived');
  const closed = once(files.events, 'closed');
  const outcome = page.evaluate(
    (origin) =>
      new Promise<string>((resolve) => {
        const task = (window as any).wxRuntime.downloadFile({ url: `${origin}/hold/browser`, fail: (err: any) => resolve(err.errMsg), success: () => resolve('success') });
        (window as any).abortDownload = () => task.abort();
      }),
    files.origin,
  );
  await arrived;
  await page.evaluate(() => (window as any).abortDownload());
  t.is(await outcome, 'downloadFile:fail abort');
  t.deepEqual(await closed, ['/hold/browser']);
});

test.serial('in the browser too: a timeout fails with downloadFile:fail timeout', async (t) => {
  // (The 10-at-a-time queue is measured in Node: Chromium itself opens at most 6 HTTP/1.1
  // connections per host, so a server on one host never sees more than 6 at once from a page.)
  const timedOut = await page.evaluate((origin) => new Promise<string>((resolve) => (window as any).wxRuntime.downloadFile({ url: `${origin}/hold/browser-timeout`, timeout: 200, fail: (err: any) => resolve(err.errMsg), success: () => resolve('success') })), files.origin);
  t.is(timedOut, 'downloadFile:fail timeout');
  files.releaseHeld();
});
