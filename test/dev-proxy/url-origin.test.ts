import test from 'ava';
import { HOLE, type StaticValue, type StringPart } from '../../plugin/core/call-site.js';
import { originOf } from '../../plugin/core/url-origin.js';

const span = { line: 1, column: 1, endLine: 1, endColumn: 2 };
const url = (...parts: StringPart[]): StaticValue => ({ kind: 'string', parts, span });

test('a known absolute URL gives its origin, lower case, port kept', (t) => {
  t.deepEqual(originOf(url('https://API.example.com/items?x=1')), { kind: 'origin', origin: 'https://api.example.com' });
  t.deepEqual(originOf(url('http://127.0.0.1:3100')), { kind: 'origin', origin: 'http://127.0.0.1:3100' });
  t.deepEqual(originOf(url('https://[::1]:8443/x')), { kind: 'origin', origin: 'https://[::1]:8443' });
  t.deepEqual(originOf(url('https://user@api.example.com/x')), { kind: 'origin', origin: 'https://api.example.com' });
});

test('a closed authority before an unknown part is known; an open one is only likely', (t) => {
  t.deepEqual(originOf(url('https://api.example.com/users/', HOLE)), { kind: 'origin', origin: 'https://api.example.com' });
  const open = originOf(url('https://api.example.com', HOLE));
  t.is(open.kind, 'unknown');
  t.is(open.kind === 'unknown' ? open.likely : undefined, 'https://api.example.com');
});

test('paths on the page are relative; what could still become a scheme is not', (t) => {
  t.deepEqual(originOf(url('/api/items')), { kind: 'relative' });
  t.deepEqual(originOf(url('./x', HOLE)), { kind: 'relative' });
  t.deepEqual(originOf(url('items?id=', HOLE)), { kind: 'relative' });
  t.is(originOf(url('https', HOLE)).kind, 'unknown');
  t.is(originOf(url(HOLE, '/x')).kind, 'unknown');
  t.is(originOf(url('//cdn.example.com/x')).kind, 'unknown');
  t.is(originOf({ kind: 'unknown', span }).kind, 'unknown');
  t.is(originOf(undefined).kind, 'unknown');
});
