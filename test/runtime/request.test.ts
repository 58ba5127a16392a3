import test from 'ava';
import { configure, request } from '../../runtime/index.js';
import type { RequestTask } from '../../runtime/index.js';
import { run } from './support/call.js';
import { startServer, type TestServer } from './support/server.js';
import { settledProfile } from './support/settled-profile.js';

let server: TestServer;
let url: (query: string) => string;
test.before(async () => {
  server = await startServer();
  url = (query) => `${server.origin}/r?${query}`;
  configure({ allowedOrigins: [server.origin] });
});
test.after.always(() => server.close());

test('request returns a RequestTask synchronously, not a Promise', async (t) => {
  let task: RequestTask | undefined;
  const outcome = await run({ url: url('') }, (created) => (task = created));
  t.false(task instanceof Promise);
  t.is(typeof task?.abort, 'function');
  t.is(typeof (task as unknown as { then?: unknown }).then, 'undefined');
  t.deepEqual(outcome.events, ['headers', 'success', 'complete']);
});

test('success result: data parsed once, statusCode, header, cookies, errMsg', async (t) => {
  const { success } = await run({ url: url('body={"a":[1,2]}&header=X-Custom:yes') });
  t.deepEqual(success?.data, { a: [1, 2] });
  t.is(success?.statusCode, 200);
  t.is(success?.errMsg, 'request:ok');
  t.deepEqual(success?.cookies, []);
  t.is(success?.header['x-custom'], 'yes');
});

for (const status of [201, 204, 304, 400, 404, 500, 503]) {
  test(`status ${status} is a success, not a fail`, async (t) => {
    const outcome = await run({ url: url(`status=${status}${status === 204 || status === 304 ? '&empty=1' : ''}`) });
    t.deepEqual(outcome.events, ['headers', 'success', 'complete']);
    t.is(outcome.success?.statusCode, status);
  });
}

test('dataType json: a leading BOM is removed before parsing', async (t) => {
  const { success } = await run({ url: url('bom=1&body={"b":1}') });
  t.deepEqual(success?.data, { b: 1 });
});

test('dataType json: invalid JSON gives the raw string, an empty body gives ""', async (t) => {
  t.is((await run({ url: url('body={not json') })).success?.data, '{not json');
  t.is((await run({ url: url('empty=1') })).success?.data, '');
  t.is((await run({ url: url('body=12') })).success?.data as unknown, 12);
});

test('another dataType leaves the body as text', async (t) => {
  t.is((await run({ url: url('body={"a":1}'), dataType: 'text' })).success?.data, '{"a":1}');
  t.is((await run({ url: url('body=é😀'), dataType: 'other' })).success?.data, 'é😀');
});

test('responseType arraybuffer gives an ArrayBuffer and ignores dataType', async (t) => {
  const { success } = await run({ url: url('body={"a":1}'), responseType: 'arraybuffer', dataType: 'json' });
  t.true(success?.data instanceof ArrayBuffer);
  t.is(Buffer.from(success?.data as ArrayBuffer).toString(), '{"a":1}');
  const empty = await run({ url: url('empty=1'), responseType: 'arraybuffer' });
  t.is((empty.success?.data as ArrayBuffer).byteLength, 0);
});

test('HEAD: no body, data is ""', async (t) => {
  const { success } = await run({ url: url('x=1'), method: 'HEAD' });
  t.is(success?.data, '');
  t.is(success?.statusCode, 200);
});

test('res.header is read in any case, Object.keys lists each header once', async (t) => {
  const { success } = await run({ url: url('header=X-Twice:a&header=x-twice:b&header=ETag:"v1"') });
  const header = success!.header;
  t.is(header['Content-Type'], 'application/json');
  t.is(header['content-type'], 'application/json');
  t.is(header['CONTENT-TYPE'], 'application/json');
  t.is(header['ETag'], '"v1"');
  t.is(header['X-Twice'], 'a, b');
  t.true('Content-Type' in header);
  t.true(Object.hasOwn(header, 'X-Twice'));
  t.false('X-Missing' in header);
  const keys = Object.keys(header);
  t.is(new Set(keys.map((key) => key.toLowerCase())).size, keys.length);
  t.true(keys.includes('content-type'));
  t.true(keys.every((key) => key === key.toLowerCase()));
  t.is(JSON.parse(JSON.stringify(header))['content-type'], 'application/json');
  header['Content-Type'] = 'text/plain';
  t.is(header['content-type'], 'text/plain');
  t.is(Object.keys(header).length, keys.length, 'writing in another case does not add a key');
  t.is(typeof header.toString, 'function');
});

test('cookies: every Set-Cookie value (Node exposes them)', async (t) => {
  const { success } = await run({ url: url('cookie=a=1; Path=/&cookie=b=2; HttpOnly') });
  t.deepEqual(success?.cookies, ['a=1; Path=/', 'b=2; HttpOnly']);
});

test('onHeadersReceived gets header, statusCode and cookies before success; off removes', async (t) => {
  const seen: unknown[] = [];
  const removed = () => seen.push('removed listener called');
  const outcome = await run({ url: url('status=404&cookie=c=3') }, (task) => {
    task.onHeadersReceived((res) => seen.push([res.statusCode, res.cookies, res.header['Content-Type']]));
    task.onHeadersReceived(removed);
    task.offHeadersReceived(removed);
  });
  t.deepEqual(seen, [[404, ['c=3'], 'application/json']]);
  t.deepEqual(outcome.events, ['headers', 'success', 'complete']);
  const none = await run({ url: url('') }, (task) => task.offHeadersReceived());
  t.deepEqual(none.events, ['success', 'complete'], 'off without argument removes every listener');
});

test('enableChunked: each chunk reaches onChunkReceived as an ArrayBuffer, before success', async (t) => {
  const chunks: string[] = [];
  const outcome = await run({ url: url('chunks=one,two,three&gap=60&type=text/plain'), enableChunked: true }, (task) =>
    task.onChunkReceived(({ data }) => {
      t.true(data instanceof ArrayBuffer);
      chunks.push(Buffer.from(data).toString());
    }),
  );
  // Usually three chunks; a loaded machine may merge writes, never reorder them.
  t.is(chunks.join(''), 'onetwothree');
  t.deepEqual(outcome.events, ['headers', ...chunks.map(() => 'chunk'), 'success', 'complete']);
  t.is(outcome.success?.data, 'onetwothree');
  const plain = await run({ url: url('chunks=a,b&gap=10') });
  t.deepEqual(plain.events, ['headers', 'success', 'complete'], 'no chunk events without enableChunked');
});

test('redirect: follow by default, manual gives the 3xx response', async (t) => {
  const followed = await run({ url: url('redirect=/r%3Fbody%3D%22there%22') });
  t.is(followed.success?.data, 'there');
  const manual = await run({ url: url('redirect=/elsewhere'), redirect: 'manual' });
  t.is(manual.success?.statusCode, 302);
  t.is(manual.success?.header['Location'], '/elsewhere');
});

test('a socket reset is a fail with the network reason and errno 600001', async (t) => {
  const outcome = await run({ url: url('reset=1') });
  t.deepEqual(outcome.events, ['fail', 'complete']);
  t.regex(outcome.fail!.errMsg, /^request:fail ./);
  t.is(outcome.fail!.errno, 600001);
  const cut = await run({ url: url('reset=body') });
  t.deepEqual(cut.events, ['headers', 'fail', 'complete'], 'a body cut short is a fail, after the headers');
  t.is(cut.fail!.errno, 600001);
});

test.serial('nothing listening: fail, not success', async (t) => {
  const closed = await startServer();
  const origin = closed.origin;
  await closed.close();
  configure({ allowedOrigins: [server.origin, origin] });
  const outcome = await run({ url: `${origin}/` });
  configure({ allowedOrigins: [server.origin] });
  t.deepEqual(outcome.events, ['fail', 'complete']);
  t.regex(outcome.fail!.errMsg, /^request:fail .*(ECONNREFUSED|connect)/);
});

test('a known method in any letter case is sent uppercase, as WeChat sends it (SDKs pass \'get\' and \'post\')', async (t) => {
  for (const method of ['post', 'Get', 'pUt', 'delete', 'options', 'head']) {
    const outcome = await run({ url: url(`tag=case-${method}`), method: method as never, data: { a: 1 } });
    t.is(outcome.success?.statusCode, 200, method);
    const seen = server.requests.find((recorded) => recorded.url.includes(`tag=case-${method}`));
    t.is(seen?.method, method.toUpperCase(), method);
  }
  const posted = server.requests.find((recorded) => recorded.url.includes('tag=case-post'));
  t.is(posted?.body.toString(), '{"a":1}', 'the uppercased method decides the body: POST sends JSON');
  t.is(posted?.headers['content-type'], 'application/json');
  const got = server.requests.find((recorded) => recorded.url.includes('tag=case-Get'));
  t.true(got?.url.endsWith('a=1'), 'and GET puts data in the query');
});

test('request headers: Referer dropped in any case, names sent once, content-type default only with a body', async (t) => {
  await run({ url: url('tag=referer'), header: { Referer: 'https://x', REFERER: 'https://y', 'X-One': 1, 'x-one': 2, 'X-Skip': undefined }, method: 'GET' });
  await run({ url: url('tag=post-default'), method: 'POST', data: 'x' });
  const get = server.requests.find((seen) => seen.url.endsWith('tag=referer'));
  const post = server.requests.find((seen) => seen.url.endsWith('tag=post-default'));
  t.is(get?.headers['referer'], undefined);
  t.is(get?.headers['x-one'], '2');
  t.false('x-skip' in get!.headers);
  t.is(get?.headers['content-type'], undefined);
  t.is(post?.headers['content-type'], 'application/json');
});

const invalid: [string, Parameters<typeof request>[0], RegExp, number][] = [
  ['an unsupported method', { url: 'https://api.example.com/x', method: 'PATCH' }, /^request:fail method "PATCH" unsupported$/, 1001],
  ['an unsupported method in lower case', { url: 'https://api.example.com/x', method: 'patch' }, /^request:fail method "patch" unsupported$/, 1001],
  ['TRACE in lower case', { url: 'https://api.example.com/x', method: 'trace' }, /^request:fail method "trace" unsupported$/, 1001],
  ['TRACE', { url: 'https://api.example.com/x', method: 'TRACE' }, /^request:fail method "TRACE" unsupported$/, 1001],
  ['CONNECT', { url: 'https://api.example.com/x', method: 'CONNECT' }, /^request:fail method "CONNECT" unsupported$/, 1001],
  ['a port', { url: 'https://api.example.com:8080/x' }, /^request:fail port of "https:\/\/api\.example\.com:8080" not allowed \(url-no-port\)$/, 600002],
  ['a default port', { url: 'https://api.example.com:443/x' }, /"https:\/\/api\.example\.com:443" not allowed/, 600002],
  ['an IPv6 host with a port', { url: 'http://[::1]:8080/x' }, /port of "http:\/\/\[::1\]:8080" not allowed/, 600002],
  ['credentials', { url: 'https://user:pw@api.example.com/x' }, /^request:fail url carries credentials/, 600002],
  ['a file: URL', { url: 'file:///etc/passwd' }, /^request:fail url scheme "file:" not allowed$/, 600002],
  ['a data: URL', { url: 'data:text/plain,hi' }, /scheme "data:"/, 600002],
  ['a relative URL without a page', { url: '/api/x' }, /^request:fail url "\/api\/x" invalid$/, 1001],
  ['no url', { url: '' }, /^request:fail url must be a non-empty string$/, 1001],
  ['a request header with CR/LF in a value', { url: 'https://a.com/', header: { 'X-Evil': 'a\r\nInjected: 1' } }, /^request:fail header "X-Evil" invalid$/, 1001],
  ['a request header with a LF alone', { url: 'https://a.com/', header: { 'X-Evil': 'a\nb' } }, /^request:fail header "X-Evil" invalid$/, 1001],
  ['a request header with an invalid name', { url: 'https://a.com/', header: { 'Bad Name': 'x' } }, /^request:fail header "Bad Name" invalid$/, 1001],
  ['a request header name with a colon', { url: 'https://a.com/', header: { 'X:Y': 'x' } }, /^request:fail header "X:Y" invalid$/, 1001],
  ['data JSON cannot write', { url: 'https://a.com/', method: 'POST', data: { n: 1n } }, /^request:fail .*BigInt/, 1001],
];
for (const [label, options, pattern, errno] of invalid) {
  test.serial(`${label}: fail with a clear errMsg, nothing sent`, async (t) => {
    let transportCalled = false;
    configure({ transport: () => ((transportCalled = true), Promise.reject(new Error('sent'))) });
    const outcome = await run(options);
    configure({ transport: (await import('../../runtime/index.js')).fetchTransport });
    t.deepEqual(outcome.events, ['fail', 'complete']);
    t.regex(outcome.fail!.errMsg, pattern);
    t.is(outcome.fail!.errno, errno);
    t.false(transportCalled);
  });
}

test.serial('a port is allowed when its origin is listed in allowedOrigins (any case, trailing slash)', async (t) => {
  configure({ allowedOrigins: [`${server.origin.toUpperCase().replace('HTTP', 'http')}/`] });
  const outcome = await run({ url: url('') });
  configure({ allowedOrigins: [server.origin] });
  t.is(outcome.success?.statusCode, 200);
  configure({ allowedOrigins: [] });
  const refused = await run({ url: url('') });
  configure({ allowedOrigins: [server.origin] });
  t.regex(refused.fail!.errMsg, /\(url-no-port\)$/);
});

test('a port that is not the one allowed is still refused', async (t) => {
  const outcome = await run({ url: 'http://127.0.0.1:8/' });
  t.regex(outcome.fail!.errMsg, /url-no-port/);
});

test('ignored WeChat-only options are accepted', async (t) => {
  const outcome = await run({ url: url(''), enableHttp2: true, enableQuic: true, enableCache: true, enableHttpDNS: true, httpDNSServiceId: 'x', forceCellularNetwork: true, useHighPerformanceMode: true, enableProfile: true });
  t.is(outcome.success?.statusCode, 200);
});

test('the lean entry shares the settings (allowedOrigins) and the one request: once the full entry is loaded, it encodes forms too', async (t) => {
  const lean = await import('../../runtime/lean.js');
  const done = (options: Parameters<typeof lean.request>[0]) => new Promise<{ statusCode?: number; errMsg: string }>((resolve) => lean.request({ ...options, complete: resolve }));
  const read = await done({ url: url('id=lean-get&body={"ok":true}') });
  t.is(read.errMsg, 'request:ok', 'the port of the test server is allowed through the shared configure()');
  t.is(read.statusCode, 200);
  await done({ url: url('id=lean-post'), method: 'POST', header: { 'content-type': 'application/x-www-form-urlencoded' }, data: { a: 1 } });
  const sent = server.requests.find((request) => request.url.includes('id=lean-post'));
  t.is(sent?.body.toString(), 'a=1', 'one request, as WeChat has one wx.request: the full entry (loaded by this file) installed the form encoding');
  const full = await import('../../runtime/index.js');
  t.is(lean.request, full.request);
  t.is(lean.wx, full.wx, 'one wx stand-in whichever entry a file imports');
});

test('res.profile: every field of WeChat\'s RequestProfile, epoch milliseconds; in Node the fetch Resource Timing entry fills the network phases', async (t) => {
  const profile = await new Promise<Record<string, unknown>>((resolve) =>
    request({
      url: url('id=profile'),
      // Node adds the entry on a later turn of the event loop: read the profile once the runtime found it.
      success: (res) => void settledProfile(res).then((profile) => resolve({ ...profile })),
    }),
  );
  const fields = 'SSLconnectionEnd SSLconnectionStart connectEnd connectStart domainLookUpEnd domainLookUpStart downstreamThroughputKbpsEstimate estimate_nettype fetchStart httpDNSDomainLookUpEnd httpDNSDomainLookUpStart httpRttEstimate invokeStart peerIP port protocol queueEnd queueStart receivedBytedCount redirectEnd redirectStart requestEnd requestStart responseEnd responseStart rtt sendBytesCount socketReused throughputKbps transportRttEstimate usingHighPerformanceMode';
  t.deepEqual(Object.keys(profile).sort(), fields.split(' '));
  const time = (name: string) => profile[name] as number;
  t.true(Math.abs(time('invokeStart') - Date.now()) < 60_000, 'an epoch time');
  t.true(time('invokeStart') <= time('queueEnd') && time('queueEnd') <= time('fetchStart') + 1 && time('fetchStart') <= time('requestStart') && time('requestStart') <= time('responseEnd'));
  t.is(profile['rtt'], 0, 'what the web cannot know is 0');
  t.is(profile['socketReused'], false);
});
