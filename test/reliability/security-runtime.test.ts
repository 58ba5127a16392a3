// Security of the runtime, against a real node:http server on 127.0.0.1: what never leaves it
// (Referer, bad header names, CR/LF values, credentials, non-http schemes) and what pollutes
// nothing (`__proto__`, `constructor`, `prototype` in data). Each request carries a unique id so
// the test can tell what reached the transport and what reached the server.
import test from 'ava';
import { configure, fetchTransport, request } from '../../runtime/index.js';
import type { FailResult, RequestOption, SuccessResult, TransportRequest } from '../../runtime/index.js';
import { startRecordServer, type RecordServer, type Seen } from './support/record-server.js';

let server: RecordServer;
const handed: TransportRequest[] = [];

test.before(async () => {
  server = await startRecordServer();
  configure({
    allowedOrigins: [server.origin],
    transport: (prepared) => {
      handed.push(prepared);
      return fetchTransport(prepared);
    },
  });
});
test.after.always(() => server.close());

let nextId = 0;
interface Sent {
  success?: SuccessResult;
  fail?: FailResult;
  /** What the runtime handed to the transport, and what the server got, for this request. */
  transport: TransportRequest[];
  seen: Seen[];
  id: string;
}

const idOf = (url: string) => {
  try {
    return new URL(url, 'http://x').searchParams.get('id');
  } catch {
    return null;
  }
};

function send(options: Omit<RequestOption, 'url'> & { url?: string | ((origin: string, id: string) => string); path?: string }): Promise<Sent> {
  const id = `s${++nextId}`;
  const url =
    typeof options.url === 'function'
      ? options.url(server.origin, id)
      : options.url ?? `${server.origin}${options.path ?? '/x'}${(options.path ?? '').includes('?') ? '&' : '?'}id=${id}`;
  return new Promise((resolve) => {
    const sent: Sent = { transport: [], seen: [], id };
    request({
      ...options,
      url,
      success: (res) => (sent.success = res),
      fail: (err) => (sent.fail = err),
      complete: () =>
        // A negative check's wait. Whether the runtime sent a request at all is `transport`, recorded
        // when the transport is handed it (before complete); the wait gives a request sent anyway the
        // time to reach the server too. A late timer only waits longer: it cannot hide one. A request
        // that should be seen was recorded before its response, so before complete.
        setTimeout(() => {
          sent.transport = handed.filter((prepared) => idOf(prepared.url) === id || prepared.url === url);
          sent.seen = server.requests.filter((seen) => idOf(seen.url) === id);
          resolve(sent);
        }, 100),
    });
  });
}

const headerNames = (seen: Seen) => seen.rawHeaders.filter((_, index) => index % 2 === 0).map((name) => name.toLowerCase());

// ---------- Referer ----------

const referers: [string, () => Record<string, unknown>][] = [
  ['a literal Referer', () => ({ Referer: 'https://evil.example/', 'X-Keep': '1' })],
  ['lower case', () => ({ referer: 'https://evil.example/', 'X-Keep': '1' })],
  ['upper case', () => ({ REFERER: 'https://evil.example/', 'X-Keep': '1' })],
  ['mixed case', () => ({ rEfErEr: 'https://evil.example/', 'X-Keep': '1' })],
  ['every case at once', () => ({ Referer: 'a', referer: 'b', REFERER: 'c', 'X-Keep': '1' })],
  ['a spread', () => ({ ...{ Referer: 'https://evil.example/' }, 'X-Keep': '1' })],
  ['a getter', () => ({ get Referer() { return 'https://evil.example/'; }, 'X-Keep': '1' })],
  ['an object with a null prototype', () => Object.assign(Object.create(null) as object, { Referer: 'https://evil.example/', 'X-Keep': '1' })],
  ['a class instance', () => new (class { Referer = 'https://evil.example/'; 'X-Keep' = '1'; })()],
  ['JSON.parse', () => JSON.parse('{"Referer":"https://evil.example/","X-Keep":"1"}') as Record<string, unknown>],
  ['a computed key', () => ({ [['Ref', 'erer'].join('')]: 'https://evil.example/', 'X-Keep': '1' })],
  ['a Proxy', () => new Proxy({ Referer: 'https://evil.example/', 'X-Keep': '1' }, {})],
];

for (const [title, header] of referers) {
  test(`Referer never leaves the runtime: ${title}`, async (t) => {
    const sent = await send({ header: header() });
    t.truthy(sent.success, `the request itself goes: ${sent.fail?.errMsg}`);
    t.is(sent.transport.length, 1);
    t.false(Object.keys(sent.transport[0]!.headers).some((name) => name.toLowerCase() === 'referer'), 'not handed to the transport');
    t.is(sent.seen.length, 1);
    t.false(headerNames(sent.seen[0]!).includes('referer'), 'not on the wire');
    t.true(headerNames(sent.seen[0]!).includes('x-keep'), 'the other headers go');
  });
}

test('the caller header object is not mutated by dropping Referer', async (t) => {
  const header = { Referer: 'x', 'X-Keep': '1' };
  await send({ header });
  t.deepEqual(header, { Referer: 'x', 'X-Keep': '1' });
});

// ---------- header names and values ----------

const badNames = ['X-A B', 'Bad:Name', 'X-\u00e9', 'X-\u0000', 'X-A\r\nInjected', '', 'X-Zero\u200bWidth', 'Referer ', '(x)', 'a"b'];
for (const name of badNames) {
  test(`a header name with invalid characters is refused and never sent: ${JSON.stringify(name)}`, async (t) => {
    const sent = await send({ header: { [name]: 'v' } });
    t.falsy(sent.success);
    t.regex(sent.fail?.errMsg ?? '', /^request:fail header ".*" invalid$/s);
    t.is(typeof sent.fail?.errno, 'number');
    t.is(sent.transport.length, 0);
    t.is(sent.seen.length, 0);
  });
}

const badValues: [string, unknown][] = [
  ['CR', 'a\rb'],
  ['LF', 'a\nb'],
  ['CRLF with an injected header', 'a\r\nX-Injected: 1'],
  ['CRLF at the end', 'token\r\n'],
  ['NUL', 'a\u0000b'],
  ['CRLF from toString()', { toString: () => 'a\r\nX-Injected: 1' }],
  ['CRLF in an array', ['a', 'b\r\nX-Injected: 1']],
];
for (const [title, value] of badValues) {
  test(`a header value with ${title} is refused and never sent`, async (t) => {
    const sent = await send({ header: { 'X-Token': value } });
    t.falsy(sent.success);
    t.regex(sent.fail?.errMsg ?? '', /^request:fail header "X-Token" invalid$/);
    t.is(sent.transport.length, 0);
    t.is(sent.seen.length, 0);
    t.false(server.requests.some((seen) => headerNames(seen).includes('x-injected')));
  });
}

test('a getter read twice cannot smuggle CR/LF past the check (the value is read once)', async (t) => {
  let reads = 0;
  const header = {
    get 'X-Token'() {
      reads++;
      return reads === 1 ? 'clean' : 'a\r\nX-Injected: 1';
    },
  };
  const sent = await send({ header });
  t.false(server.requests.some((seen) => headerNames(seen).includes('x-injected')));
  if (sent.success) t.is(sent.seen[0]?.rawHeaders[sent.seen[0].rawHeaders.findIndex((name) => name.toLowerCase() === 'x-token') + 1], 'clean');
});

test('a header getter that throws is a fail with its message, and nothing is sent', async (t) => {
  const sent = await send({
    header: {
      get 'X-Token'(): string {
        throw new Error('no token yet');
      },
    },
  });
  t.is(sent.fail?.errMsg, 'request:fail no token yet');
  t.is(sent.seen.length, 0);
});

test('a header value outside Latin-1 is a fail with an errMsg, not a crash, and nothing is sent', async (t) => {
  const sent = await send({ header: { 'X-Name': '\u4e2d\u6587' } });
  t.falsy(sent.success);
  t.regex(sent.fail?.errMsg ?? '', /^request:fail \S/);
  t.is(sent.seen.length, 0);
});

// ---------- data: __proto__, constructor, prototype ----------

const hostile = () => JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted2":1}},"prototype":{"polluted3":1},"ok":1}') as Record<string, unknown>;

function assertClean(t: { false(value: boolean, message?: string): void }) {
  for (const name of ['polluted', 'polluted2', 'polluted3']) {
    t.false(name in Object.prototype, `Object.prototype.${name}`);
    t.false(name in {}, `({}).${name}`);
  }
}

test('data with __proto__/constructor/prototype keys goes into the query as data (GET)', async (t) => {
  const sent = await send({ method: 'GET', data: hostile() });
  assertClean(t);
  const query = new URL(sent.seen[0]!.url, 'http://x').searchParams;
  t.is(query.get('__proto__'), '{"polluted":1}');
  t.is(query.get('constructor'), '{"prototype":{"polluted2":1}}');
  t.is(query.get('prototype'), '{"polluted3":1}');
  t.is(query.get('ok'), '1');
});

test('data with __proto__/constructor/prototype keys goes into a JSON body as data (POST)', async (t) => {
  const sent = await send({ method: 'POST', data: hostile() });
  assertClean(t);
  const body = JSON.parse(sent.seen[0]!.body) as Record<string, unknown>;
  t.deepEqual(Object.keys(body), ['__proto__', 'constructor', 'prototype', 'ok']);
  t.deepEqual(body['__proto__'], { polluted: 1 });
});

test('data with __proto__/constructor/prototype keys goes into a form body as data', async (t) => {
  const sent = await send({ method: 'POST', header: { 'content-type': 'application/x-www-form-urlencoded' }, data: hostile() });
  assertClean(t);
  const form = new URLSearchParams(sent.seen[0]!.body);
  t.deepEqual([...form.keys()], ['__proto__', 'constructor', 'prototype', 'ok']);
  t.is(form.get('__proto__'), '{"polluted":1}');
});

test('a header object from JSON.parse with __proto__ pollutes nothing', async (t) => {
  const sent = await send({ header: JSON.parse('{"__proto__":{"polluted":1},"X-Keep":"1"}') as Record<string, unknown> });
  assertClean(t);
  t.truthy(sent.success ?? sent.fail);
});

test('a response body and response headers named __proto__/constructor pollute nothing', async (t) => {
  const sent = await send({ path: `/x?body=${encodeURIComponent('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted2":1}}}')}&header=constructor:evil` });
  assertClean(t);
  const data = sent.success?.data as Record<string, unknown>;
  t.deepEqual(Object.getOwnPropertyNames(data), ['__proto__', 'constructor']);
  t.is(Object.getPrototypeOf(data), Object.prototype);
  t.is((sent.success?.header as Record<string, unknown>)['constructor'], 'evil');
});

// ---------- URLs ----------

const refusedUrls: [string, (origin: string, id: string) => string, RegExp][] = [
  ['credentials', (origin, id) => `${origin.replace('http://', 'http://user:pw@')}/x?id=${id}`, /^request:fail url carries credentials/],
  ['a user name only', (origin, id) => `${origin.replace('http://', 'http://user@')}/x?id=${id}`, /^request:fail url carries credentials/],
  ['percent-encoded credentials', (origin, id) => `${origin.replace('http://', 'http://%75ser:%70w@')}/x?id=${id}`, /^request:fail url carries credentials/],
  ['credentials on https', () => 'https://user:pw@example.com/', /^request:fail url carries credentials/],
  ['javascript:', () => 'javascript:alert(1)', /^request:fail url scheme "javascript:" not allowed$/],
  ['file:', () => 'file:///etc/passwd', /^request:fail url scheme "file:" not allowed$/],
  ['data:', () => 'data:text/plain,hi', /^request:fail url scheme "data:" not allowed$/],
  ['ftp:', () => 'ftp://example.com/x', /^request:fail url scheme "ftp:" not allowed$/],
  ['blob:', () => 'blob:https://example.com/uuid', /^request:fail url scheme "blob:" not allowed$/],
  ['ws:', () => 'ws://example.com/', /^request:fail url scheme "ws:" not allowed$/],
  ['JavaScript: in capitals', () => 'JavaScript:alert(1)', /^request:fail url scheme "javascript:" not allowed$/],
  ['javascript: after spaces', () => '  javascript:alert(1)', /^request:fail url scheme "javascript:" not allowed$/],
];
for (const [title, url, message] of refusedUrls) {
  test(`a URL with ${title} fails with a clear errMsg, and no request is made`, async (t) => {
    const sent = await send({ url });
    t.falsy(sent.success);
    t.regex(sent.fail?.errMsg ?? '', message);
    t.is(typeof sent.fail?.errno, 'number');
    t.is(sent.transport.length, 0, 'not handed to the transport');
    t.is(sent.seen.length, 0, 'nothing reached the server');
  });
}

test('a URL with CR/LF cannot inject a header (the URL parser drops them)', async (t) => {
  const sent = await send({ path: '/a\r\nX-Injected: 1' });
  t.false(server.requests.some((seen) => headerNames(seen).includes('x-injected')));
  t.truthy(sent.success ?? sent.fail);
});
