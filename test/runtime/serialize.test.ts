import test from 'ava';
import { configure, request } from '../../runtime/index.js';
import { encodeObjectBody } from '../../runtime/form-body.js';
import { requestHeaders } from '../../runtime/header.js';
import { appendQuery, encodeForm, serialize, type Body } from '../../runtime/serialize.js';
import type { Method } from '../../runtime/types.js';
import { startServer, type TestServer } from './support/server.js';

interface Row {
  method: Method;
  header?: Record<string, string>;
  data?: unknown;
  url: string;
  /** Expected: the final URL (fragment kept), the body bytes (string = its UTF-8), the content-type sent. */
  finalUrl: string;
  body?: string | number[];
  contentType?: string;
}

const JSON_CT = 'application/json';
const FORM = 'application/x-www-form-urlencoded';
const bytes = (...values: number[]) => new Uint8Array(values);

// prettier-ignore
const rows: Row[] = [
  // GET: the query string
  { method: 'GET', data: { a: 1, b: 'x' }, url: '/p', finalUrl: '/p?a=1&b=x' },
  { method: 'GET', data: { a: 1 }, url: '/p?x=0', finalUrl: '/p?x=0&a=1' },
  { method: 'GET', data: { a: 1 }, url: '/p#frag', finalUrl: '/p?a=1#frag' },
  { method: 'GET', data: { a: 1 }, url: '/p?x=0#frag', finalUrl: '/p?x=0&a=1#frag' },
  { method: 'GET', data: { a: 1 }, url: '/p?x=0#frag?y=1', finalUrl: '/p?x=0&a=1#frag?y=1' },
  { method: 'GET', data: { a: 1 }, url: '/p?', finalUrl: '/p?a=1' },
  { method: 'GET', data: { a: 1 }, url: '/p?x=0&', finalUrl: '/p?x=0&a=1' },
  { method: 'GET', data: { a: undefined, b: 2 }, url: '/p', finalUrl: '/p?b=2' },
  { method: 'GET', data: { a: null }, url: '/p', finalUrl: '/p?a=null' },
  { method: 'GET', data: { n: 0, f: 1.5, neg: -2, big: 1e21 }, url: '/p', finalUrl: '/p?n=0&f=1.5&neg=-2&big=1e%2B21' },
  { method: 'GET', data: { t: true, f: false }, url: '/p', finalUrl: '/p?t=true&f=false' },
  { method: 'GET', data: { 名: '值', e: 'é😀' }, url: '/p', finalUrl: '/p?%E5%90%8D=%E5%80%BC&e=%C3%A9%F0%9F%98%80' },
  { method: 'GET', data: { 'a&b': 'c=d', q: "?#/ +%;,@!'()*~" }, url: '/p', finalUrl: "/p?a%26b=c%3Dd&q=%3F%23%2F%20%2B%25%3B%2C%40!'()*~" },
  { method: 'GET', data: { o: { b: 1 } }, url: '/p', finalUrl: '/p?o=%7B%22b%22%3A1%7D' },
  { method: 'GET', data: { arr: [1, 'x'] }, url: '/p', finalUrl: '/p?arr=%5B1%2C%22x%22%5D' },
  { method: 'GET', data: { fn: () => 1, s: Symbol('s'), k: 'v' }, url: '/p', finalUrl: '/p?k=v' },
  { method: 'GET', data: 'a=1&b=2', url: '/p', finalUrl: '/p?a=1&b=2' },
  { method: 'GET', data: 'a=1', url: '/p?x=0#h', finalUrl: '/p?x=0&a=1#h' },
  { method: 'GET', data: {}, url: '/p', finalUrl: '/p' },
  { method: 'GET', data: '', url: '/p?x=0', finalUrl: '/p?x=0' },
  { method: 'GET', data: null, url: '/p', finalUrl: '/p' },
  { method: 'HEAD', data: { a: 1 }, url: '/p', finalUrl: '/p?a=1' },
  { method: 'GET', header: { 'Content-Type': JSON_CT }, data: { a: 1 }, url: '/p', finalUrl: '/p?a=1', contentType: JSON_CT },
  // Other methods: the body
  { method: 'POST', data: { a: 1, b: [1, 2], c: { d: null } }, url: '/p', finalUrl: '/p', body: '{"a":1,"b":[1,2],"c":{"d":null}}', contentType: JSON_CT },
  { method: 'POST', data: { a: 1 }, url: '/p?x=0#h', finalUrl: '/p?x=0#h', body: '{"a":1}', contentType: JSON_CT },
  { method: 'POST', header: { 'content-type': 'application/json; charset=utf-8' }, data: { a: 'é' }, url: '/p', finalUrl: '/p', body: '{"a":"é"}', contentType: 'application/json; charset=utf-8' },
  { method: 'POST', header: { 'Content-Type': 'application/vnd.api+json' }, data: { a: 1 }, url: '/p', finalUrl: '/p', body: '{"a":1}', contentType: 'application/vnd.api+json' },
  { method: 'POST', header: { 'Content-Type': FORM }, data: { a: 1, b: 'x y', u: undefined }, url: '/p', finalUrl: '/p', body: 'a=1&b=x%20y', contentType: FORM },
  { method: 'POST', header: { 'CONTENT-TYPE': 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' }, data: { a: 'é', n: null }, url: '/p', finalUrl: '/p', body: 'a=%C3%A9&n=null', contentType: 'Application/X-WWW-Form-Urlencoded; charset=UTF-8' },
  { method: 'PUT', header: { 'Content-Type': FORM }, data: { o: { x: [1] } }, url: '/p', finalUrl: '/p', body: 'o=%7B%22x%22%3A%5B1%5D%7D', contentType: FORM },
  { method: 'POST', header: { 'Content-Type': FORM }, data: 'a=1&b=2', url: '/p', finalUrl: '/p', body: 'a=1&b=2', contentType: FORM },
  { method: 'POST', header: { 'Content-Type': 'text/plain' }, data: { a: 1 }, url: '/p', finalUrl: '/p', body: '{"a":1}', contentType: 'text/plain' },
  { method: 'POST', data: 'raw text', url: '/p', finalUrl: '/p', body: 'raw text', contentType: JSON_CT },
  { method: 'POST', header: { 'Content-Type': 'text/plain;charset=UTF-8' }, data: 'héllo', url: '/p', finalUrl: '/p', body: 'héllo', contentType: 'text/plain;charset=UTF-8' },
  { method: 'POST', data: 42, url: '/p', finalUrl: '/p', body: '42', contentType: JSON_CT },
  { method: 'POST', data: { s: '😀', t: true }, url: '/p', finalUrl: '/p', body: '{"s":"😀","t":true}', contentType: JSON_CT },
  { method: 'POST', data: bytes(1, 2, 3).buffer, url: '/p', finalUrl: '/p', body: [1, 2, 3], contentType: JSON_CT },
  { method: 'PUT', header: { 'Content-Type': 'application/octet-stream' }, data: bytes(0, 1, 2, 3, 4).subarray(1, 4), url: '/p', finalUrl: '/p', body: [1, 2, 3], contentType: 'application/octet-stream' },
  { method: 'POST', header: { 'Content-Type': 'application/octet-stream' }, data: new DataView(bytes(9, 8, 7, 6).buffer, 2), url: '/p', finalUrl: '/p', body: [7, 6], contentType: 'application/octet-stream' },
  { method: 'POST', header: { 'Content-Type': 'application/octet-stream' }, data: new Int16Array([1, -1]), url: '/p', finalUrl: '/p', body: [1, 0, 255, 255], contentType: 'application/octet-stream' },
  { method: 'POST', url: '/p', finalUrl: '/p' },
  { method: 'POST', data: null, url: '/p', finalUrl: '/p' },
  { method: 'DELETE', data: { id: 1 }, url: '/p', finalUrl: '/p', body: '{"id":1}', contentType: JSON_CT },
  { method: 'OPTIONS', data: { a: 1 }, url: '/p', finalUrl: '/p', body: '{"a":1}', contentType: JSON_CT },
];

function toBytes(body: Body | undefined): number[] | undefined {
  if (body === undefined) return undefined;
  if (typeof body == 'string') return [...Buffer.from(body)];
  if (ArrayBuffer.isView(body)) return [...new Uint8Array(body.buffer, body.byteOffset, body.byteLength)];
  return [...new Uint8Array(body)];
}

const expectedBytes = (row: Row) => (row.body === undefined ? undefined : typeof row.body == 'string' ? [...Buffer.from(row.body)] : row.body);
const name = (row: Row, index: number) => `#${index + 1} ${row.method} ${row.url} ${row.header ? JSON.stringify(row.header) : ''}`;

test('the golden table has at least 30 rows', (t) => {
  t.true(rows.length >= 30);
});

for (const [index, row] of rows.entries()) {
  test(`serialize ${name(row, index)}`, (t) => {
    const out = { method: row.method, url: row.url, headers: requestHeaders(row.header), body: undefined as Body | undefined };
    serialize(out, row.data, encodeObjectBody);
    t.is(out.url, row.finalUrl);
    t.deepEqual(toBytes(out.body), expectedBytes(row));
    t.is(out.headers['content-type'], row.contentType);
  });
}

let server: TestServer;
test.before(async () => {
  server = await startServer();
  configure({ allowedOrigins: [server.origin] });
});
test.after.always(() => server.close());

// The same rows through fetch to a real server: what arrives on the wire.
test.serial('every golden row arrives at the server as the table says, data and header untouched', async (t) => {
  for (const [index, row] of rows.entries()) {
    server.reset();
    const header = row.header && { ...row.header };
    const before = JSON.stringify(row.data);
    const result = await new Promise<string>((resolve) => {
      request({ url: server.origin + row.url, method: row.method, data: row.data as string, header, complete: (res) => resolve(res.errMsg) });
    });
    t.is(result, 'request:ok', name(row, index));
    const seen = server.requests[0]!;
    t.is(seen.method, row.method, name(row, index));
    // On the wire: the URL as the WHATWG parser writes it (fragment dropped, `'` escaped in the query).
    const wire = new URL(row.finalUrl, server.origin);
    t.is(seen.url, wire.pathname + wire.search, name(row, index));
    t.deepEqual(seen.body.length ? [...seen.body] : undefined, expectedBytes(row), name(row, index));
    t.is(seen.headers['content-type'], row.contentType, name(row, index));
    t.deepEqual(header, row.header, 'the header object is not changed');
    t.is(JSON.stringify(row.data), before, 'the data is not changed');
  }
});

function failureOf(fn: () => unknown): { errMsg: string; errno: number } | undefined {
  try {
    fn();
  } catch (caught) {
    return caught as { errMsg: string; errno: number };
  }
  return undefined;
}

const serialized = (method: Method, data: unknown) => () => serialize({ method, url: '/p', headers: {}, body: undefined }, data, encodeObjectBody);

test('GET and HEAD with binary data fail before sending', (t) => {
  t.like(failureOf(serialized('GET', bytes(1))), { errMsg: 'request:fail GET cannot send binary data', errno: 1001 });
  t.like(failureOf(serialized('HEAD', new ArrayBuffer(2))), { errMsg: 'request:fail HEAD cannot send binary data', errno: 1001 });
  t.is(failureOf(serialized('POST', { n: 1n, o: { n: 1n } })) instanceof TypeError, true, 'JSON.stringify of a BigInt throws');
});

test('encodeForm and appendQuery on their own', (t) => {
  t.is(encodeForm({ a: [{ b: 1 }], c: '' }), 'a=%5B%7B%22b%22%3A1%7D%5D&c=');
  t.is(appendQuery('https://a.com/x?y=1#z', ''), 'https://a.com/x?y=1#z');
  t.is(appendQuery('https://a.com/x#', 'a=1'), 'https://a.com/x?a=1#');
});
