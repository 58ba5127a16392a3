// wx.uploadFile and wx.downloadFile in Node, against a real node:http server on 127.0.0.1 that
// parses multipart/form-data (busboy) and serves files of known bytes (test/runtime/file-server.ts).
// Every wait is on an event (the server's, or the callbacks'), never on a delay.
import test from 'ava';
import { once } from 'node:events';
import { configure } from '../../runtime/index.js';
import { downloadFile, useDownloadFile } from '../../runtime/download-file.js';
import { filePathOf, uploadFile, useUploadFile } from '../../runtime/upload-file.js';
import { request } from '../../runtime/request.js';
import { wx } from '../../runtime/holder.js';
import { readFile } from '../../runtime/file-store.js';
import type { DownloadProgress } from '../../runtime/file-types.js';
import { knownBytes, startFileServer, type FileServer } from './file-server.js';

let server: FileServer;

test.before(async () => {
  server = await startFileServer();
  // The test server has a port: allowed, as the build's allowedOrigins would.
  configure({ allowedOrigins: [server.origin] });
});

test.after.always(() => server?.close());

type Outcome<T> = { ok: true; res: T; completed: unknown } | { ok: false; err: { errMsg: string; errno: number }; completed: unknown };

/** Runs a call with success/fail/complete and resolves once `complete` ran, with what each callback got. */
function settle<T>(start: (callbacks: { success(res: T): void; fail(err: { errMsg: string; errno: number }): void; complete(res: unknown): void }) => unknown): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    let outcome: { ok: boolean; res?: T; err?: { errMsg: string; errno: number } };
    start({
      success: (res) => (outcome = { ok: true, res }),
      fail: (err) => (outcome = { ok: false, err }),
      complete: (completed) => resolve({ ...outcome, completed } as Outcome<T>),
    });
  });
}

test.serial('upload: the file under its field, every formData field, the header; no Referer; the body as text', async (t) => {
  const path = filePathOf(new Blob([new Uint8Array(knownBytes(5000))]));
  const outcome = await settle<{ data: string; statusCode: number; errMsg: string }>((callbacks) =>
    uploadFile({ url: `${server.origin}/upload/avatar`, filePath: path, name: 'avatar', formData: { user: '42', tags: ['a', 'b'] }, header: { Authorization: 'Bearer t', Referer: 'https://x' }, ...callbacks }),
  );
  t.true(outcome.ok);
  if (!outcome.ok) return;
  t.is(outcome.res.errMsg, 'uploadFile:ok');
  t.is(outcome.res.statusCode, 200);
  t.is(typeof outcome.res.data, 'string', 'the body is never parsed');
  t.deepEqual(JSON.parse(outcome.res.data), { received: [5000], fields: { user: '42', tags: '["a","b"]' } });
  t.is(outcome.completed, outcome.res, 'complete gets the same object');
  const parsed = server.uploads.at(-1)!;
  t.is(parsed.files[0]!.field, 'avatar');
  t.deepEqual(parsed.files[0]!.bytes, knownBytes(5000));
  t.is(parsed.headers.authorization, 'Bearer t');
  t.is(parsed.headers.referer, undefined);
});

test.serial('upload: a 404 is a success with its status; an unreadable path and a port not allowed fail unsent', async (t) => {
  const missing = await settle<{ statusCode: number }>((callbacks) => uploadFile({ url: `${server.origin}/upload/missing`, filePath: filePathOf(new Blob(['x'])), name: 'f', ...callbacks }));
  t.true(missing.ok);
  if (missing.ok) t.is(missing.res.statusCode, 404);
  const unreadable = await settle((callbacks) => uploadFile({ url: `${server.origin}/upload/x`, filePath: 'blob:nodedata:no-such-file', name: 'f', ...callbacks }));
  t.false(unreadable.ok);
  if (!unreadable.ok) t.regex(unreadable.err.errMsg, /^uploadFile:fail file not found: blob:nodedata:no-such-file/);
  const before = server.uploads.length;
  const port = await settle((callbacks) => uploadFile({ url: 'https://api.example.com:8443/up', filePath: filePathOf(new Blob(['x'])), name: 'f', ...callbacks }));
  t.false(port.ok);
  if (!port.ok) t.is(port.err.errMsg, 'uploadFile:fail port of "https://api.example.com:8443" not allowed (url-no-port)');
  t.is(server.uploads.length, before);
});

test.serial('download: a large body with Content-Length, progress in order ending at 100; tempFilePath reads back the same bytes', async (t) => {
  const size = 1024 * 1024;
  const progress: DownloadProgress[] = [];
  const outcome = await settle<{ tempFilePath: string; statusCode: number; errMsg: string }>((callbacks) => {
    const task = downloadFile({ url: `${server.origin}/file/${size}`, ...callbacks });
    task.onProgressUpdate((event) => progress.push(event));
  });
  t.true(outcome.ok);
  if (!outcome.ok) return;
  t.is(outcome.res.errMsg, 'downloadFile:ok');
  t.regex(outcome.res.tempFilePath, /^blob:/);
  t.true(progress.length >= 2, `${progress.length} progress events`);
  for (let i = 1; i < progress.length; i++) {
    t.true(progress[i]!.totalBytesWritten >= progress[i - 1]!.totalBytesWritten, 'bytes never go back');
    t.true(progress[i]!.progress >= progress[i - 1]!.progress, 'progress never goes back');
  }
  t.deepEqual(progress.at(-1), { progress: 100, totalBytesWritten: size, totalBytesExpectedToWrite: size });
  t.true(progress.every((event) => event.totalBytesExpectedToWrite === size));
  const body = Buffer.from(await (await readFile(outcome.res.tempFilePath)).arrayBuffer());
  t.deepEqual(body, knownBytes(size));
});

test.serial('download: without Content-Length the expected total is 0 until the last event, which says 100', async (t) => {
  const progress: DownloadProgress[] = [];
  const outcome = await settle((callbacks) => {
    const task = downloadFile({ url: `${server.origin}/file/200000/unsized`, ...callbacks });
    task.onProgressUpdate((event) => progress.push(event));
  });
  t.true(outcome.ok);
  t.deepEqual(progress.at(-1), { progress: 100, totalBytesWritten: 200000, totalBytesExpectedToWrite: 200000 });
  t.true(progress.slice(0, -1).every((event) => event.progress === 0 && event.totalBytesExpectedToWrite === 0));
});

test.serial('a download, then an upload of its tempFilePath: the round trip mini-program code makes', async (t) => {
  const downloaded = await settle<{ tempFilePath: string }>((callbacks) => downloadFile({ url: `${server.origin}/file/70000`, ...callbacks }));
  t.true(downloaded.ok);
  if (!downloaded.ok) return;
  const uploaded = await settle<{ statusCode: number }>((callbacks) => uploadFile({ url: `${server.origin}/upload/again`, filePath: downloaded.res.tempFilePath, name: 'copy', ...callbacks }));
  t.true(uploaded.ok);
  t.deepEqual(server.uploads.at(-1)!.files[0]!.bytes, knownBytes(70000));
});

test.serial('abort while running: <api>:fail abort, and the connection to the server is closed', async (t) => {
  const arrived = once(server.events, 'arrived');
  const closed = once(server.events, 'closed');
  let task!: ReturnType<typeof downloadFile>;
  const outcome = settle((callbacks) => (task = downloadFile({ url: `${server.origin}/hold/running`, ...callbacks })));
  await arrived;
  task.abort();
  task.abort(); // twice is harmless
  const aborted = await outcome;
  t.false(aborted.ok);
  if (!aborted.ok) t.deepEqual(aborted.err, { errMsg: 'downloadFile:fail abort', errno: 600003 });
  t.deepEqual(await closed, ['/hold/running']);
});

test.serial('abort while queued: fails at once and is never sent, while the ten running go on', async (t) => {
  const arrivals: string[] = [];
  const onArrived = (url: string) => arrivals.push(url);
  server.events.on('arrived', onArrived);
  try {
    const tenth = new Promise<void>((resolve) => server.events.on('arrived', () => arrivals.filter((url) => url.startsWith('/hold/qa-')).length === 10 && resolve()));
    const running = Array.from({ length: 10 }, (_, i) => settle((callbacks) => uploadFile({ url: `${server.origin}/hold/qa-${i}`, filePath: filePathOf(new Blob(['x'])), name: 'f', ...callbacks })));
    let queued!: ReturnType<typeof uploadFile>;
    const aborted = settle((callbacks) => (queued = uploadFile({ url: `${server.origin}/hold/qa-queued`, filePath: filePathOf(new Blob(['x'])), name: 'f', ...callbacks })));
    await tenth;
    queued.abort();
    const outcome = await aborted;
    t.false(outcome.ok);
    if (!outcome.ok) t.is(outcome.err.errMsg, 'uploadFile:fail abort');
    server.releaseHeld();
    const results = await Promise.all(running);
    t.true(results.every((result) => result.ok));
    t.false(arrivals.includes('/hold/qa-queued'), 'the aborted upload was never sent');
  } finally {
    server.events.off('arrived', onArrived);
  }
});

test.serial('timeout: per call, and networkTimeout for the app, capped at 60000', async (t) => {
  const started = Date.now();
  const timedOut = await settle((callbacks) => downloadFile({ url: `${server.origin}/hold/timeout`, timeout: 200, ...callbacks }));
  t.false(timedOut.ok);
  if (!timedOut.ok) t.deepEqual(timedOut.err, { errMsg: 'downloadFile:fail timeout', errno: 5 });
  t.true(Date.now() - started >= 190, 'not before the timeout (10 ms of timer tolerance)');
  configure({ networkTimeout: { uploadFile: 150 } });
  try {
    const upload = await settle((callbacks) => uploadFile({ url: `${server.origin}/hold/upload-timeout`, filePath: filePathOf(new Blob(['x'])), name: 'f', ...callbacks }));
    t.false(upload.ok);
    if (!upload.ok) t.is(upload.err.errMsg, 'uploadFile:fail timeout');
    t.throws(() => configure({ networkTimeout: 5 as never }), { message: 'configure: invalid networkTimeout' });
  } finally {
    configure({ networkTimeout: { uploadFile: 60000 } });
    server.releaseHeld();
  }
});

test.serial('queues: at most 10 of each API at once, each in its own queue; the 11th waits for a slot', async (t) => {
  const arrivals: string[] = [];
  const onArrived = (url: string) => arrivals.push(url);
  server.events.on('arrived', onArrived);
  try {
    const eleventh = once(server.events, 'arrived-11');
    const count = (prefix: string) => arrivals.filter((url) => url.startsWith(prefix)).length;
    const watch = (url: string) => {
      if (count('/hold/dl-') === 10 && count('/hold/up-') === 10 && count('/hold/rq-') === 10) server.events.emit('arrived-11');
      void url;
    };
    server.events.on('arrived', watch);
    const done: Promise<unknown>[] = [];
    for (let i = 0; i < 11; i++) {
      done.push(settle((callbacks) => downloadFile({ url: `${server.origin}/hold/dl-${i}`, ...callbacks })));
      done.push(settle((callbacks) => uploadFile({ url: `${server.origin}/hold/up-${i}`, filePath: filePathOf(new Blob(['x'])), name: 'f', ...callbacks })));
      done.push(settle((callbacks) => request({ url: `${server.origin}/hold/rq-${i}`, ...callbacks })));
    }
    // Ten of each arrived, and none of the eleventh: one queue of ten per API.
    await eleventh;
    t.is(count('/hold/dl-'), 10);
    t.is(count('/hold/up-'), 10);
    t.is(count('/hold/rq-'), 10);
    t.false(arrivals.includes('/hold/dl-10') || arrivals.includes('/hold/up-10') || arrivals.includes('/hold/rq-10'));
    // Releasing the held ten lets each eleventh go, then releases it too.
    const next = new Promise<void>((resolve) => {
      const seen = new Set<string>();
      server.events.on('arrived', (url: string) => {
        if (url.endsWith('-10')) seen.add(url);
        if (seen.size === 3) resolve();
      });
    });
    server.releaseHeld();
    await next;
    server.releaseHeld();
    await Promise.all(done);
    server.events.off('arrived', watch);
  } finally {
    server.events.off('arrived', onArrived);
  }
});

test.serial("the install functions put the APIs on the runtime's wx, as the rewrite calls them", (t) => {
  useUploadFile();
  useDownloadFile();
  t.is(wx.uploadFile, uploadFile);
  t.is(wx.downloadFile, downloadFile);
});

test.serial("download with filePath: res.filePath is the option, and that path uploads the same bytes; offProgressUpdate stops a listener", async (t) => {
  const kept: DownloadProgress[] = [];
  const removed: DownloadProgress[] = [];
  const outcome = await settle<{ tempFilePath: string; filePath: string }>((callbacks) => {
    const task = downloadFile({ url: `${server.origin}/file/90000`, filePath: 'user/poster.bin', ...callbacks });
    const dropped = (event: DownloadProgress) => removed.push(event);
    task.onProgressUpdate((event) => kept.push(event));
    task.onProgressUpdate(dropped);
    task.offProgressUpdate(dropped);
  });
  t.true(outcome.ok);
  if (!outcome.ok) return;
  t.is(outcome.res.filePath, 'user/poster.bin');
  t.not(outcome.res.tempFilePath, outcome.res.filePath);
  t.is(kept.at(-1)?.progress, 100);
  t.deepEqual(removed, [], 'a listener taken off gets nothing');
  const uploaded = await settle((callbacks) => uploadFile({ url: `${server.origin}/upload/from-path`, filePath: 'user/poster.bin', name: 'poster', ...callbacks }));
  t.true(uploaded.ok);
  const file = server.uploads.at(-1)!.files[0]!;
  t.deepEqual(file.bytes, knownBytes(90000));
  t.is(file.filename, 'poster.bin', "the file's name is the path's last part");
});
