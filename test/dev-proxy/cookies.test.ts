import test from 'ava';
import { checkDevProxy, devCookie, requestedOrigin, upstreamCookies } from '../../plugin/bundler/dev-proxy.js';

const API = 'https://api.example.com';

test('an upstream cookie lives on the dev origin, scoped to its proxy path, under a prefixed name', (t) => {
  const cookie = devCookie('sid=abc; Domain=api.example.com; Path=/v1; HttpOnly; Secure; SameSite=None', API, false);
  t.regex(cookie, /^__wxp_[0-9a-f]{8}_sid=abc; Path=\/__wx-request-proxy\/https\/api\.example\.com\/v1; HttpOnly; SameSite=Lax$/);
  // On an https dev server Secure and SameSite=None stay.
  t.regex(devCookie('sid=abc; Secure; SameSite=None', API, true), /; Secure; SameSite=None$/);
  t.regex(devCookie('sid=abc', API, true), /Path=\/__wx-request-proxy\/https\/api\.example\.com\/$/);
});

test('only the cookies the upstream set go back up, under their own names', (t) => {
  const mine = devCookie('sid=abc', API, false).split(';')[0]!;
  const other = devCookie('x=1', 'https://other.example.com', false).split(';')[0]!;
  t.is(upstreamCookies(`theme=dark; ${mine}; ${other}`, API), 'sid=abc');
  t.is(upstreamCookies('theme=dark', API), undefined);
  t.is(upstreamCookies(undefined, API), undefined);
});

test('the proxy path names its origin; the option takes true, false or origins', (t) => {
  t.is(requestedOrigin('/__wx-request-proxy/https/API.example.com/x?y=1'), API);
  t.is(requestedOrigin('/__wx-request-proxy/http/127.0.0.1:3100/'), 'http://127.0.0.1:3100');
  t.is(requestedOrigin('/__wx-request-proxy/'), '');
  t.is(requestedOrigin('/api/x'), undefined);
  t.deepEqual(checkDevProxy(['https://API.example.com/']), [API]);
  t.is(checkDevProxy(undefined), false);
  t.throws(() => checkDevProxy(['https://api.example.com/path']), { message: /option "devProxy" has "https:\/\/api\.example\.com\/path", which is not an origin/ });
  t.throws(() => checkDevProxy('yes'), { message: /option "devProxy" must be true, false or a list of origins/ });
});
