import test from 'ava';
import * as babel from '@babel/core';
import plugin from '../plugin/index.js';

const source = (code: string, options: object = {}) =>
  /from "([^"]+)"/.exec(babel.transformSync(code, { babelrc: false, configFile: false, filename: 'page.js', sourceType: 'module', plugins: [[plugin, options]] })?.code ?? '')?.[1];

const FULL = 'babel-plugin-wx-request/runtime';
const LEAN = 'babel-plugin-wx-request/runtime/lean';

test('a file whose every call is a plain GET or HEAD imports the lean runtime', (t) => {
  t.is(source("wx.request({ url: 'https://a.com/', success() {} });"), LEAN);
  t.is(source("wx.request({ url: 'https://a.com/', method: 'HEAD' });\nwx.request.call(wx, { url: 'https://a.com/', data: { q: 1 } });"), LEAN);
});

test('anything the lean runtime might not serve imports the full one', (t) => {
  t.is(source("wx.request({ url: 'https://a.com/', method: 'POST', data: { a: 1 } });"), FULL, 'a body');
  t.is(source("wx.request({ url: 'https://a.com/', enableChunked: true });"), FULL, 'chunks');
  t.is(source('wx.request(options);'), FULL, 'options not known');
  t.is(source("wx.request({ url: 'https://a.com/', ...more });"), FULL, 'an unknown spread');
  t.is(source("wx.request({ url: 'https://a.com/', method: m });"), FULL, 'a method not known');
  t.is(source("const r = wx.request;\nr({ url: 'https://a.com/' });"), FULL, 'the function is kept');
  t.is(source("export const get = promisify(wx.request);"), FULL, 'the function is passed on');
  t.is(source("const { request } = wx;\nrequest({ url: 'https://a.com/' });"), FULL, 'destructured');
  t.is(source("wx.request({ url: 'https://a.com/' });\nwx.request({ url: 'https://a.com/', method: 'PUT', data: 'x' });"), FULL, 'one call that writes');
});

test('a custom runtime option is used as it is', (t) => {
  t.is(source("wx.request({ url: 'https://a.com/' });", { runtime: 'my-runtime' }), 'my-runtime');
});
