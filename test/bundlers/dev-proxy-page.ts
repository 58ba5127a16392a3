// The page of the dev proxy tests: mini-program code as it is, calling an API server that sends no
// CORS headers (its origin written into the code, so `devProxy: true` finds it when the dev server
// starts). Each call's outcome is left on `window.results`; `window.abortSlow()` aborts the call
// the server holds open.

/** The page's source, with the API's origin in a `const` as mini-program code keeps its base URL. */
export function devProxyPage(api: string): string {
  return `import { configure } from 'babel-plugin-wx-request/runtime';

const API = ${JSON.stringify(api)};
// An origin the dev server was not given (known at run time only).
const other = new URLSearchParams(location.search).get('other');
configure({ allowedOrigins: [other] });
const results = (window.results = {});
document.cookie = 'devonly=1; path=/';

function send(name, start) {
  return new Promise((resolve) => {
    start({
      success: (res) => { results[name] = { statusCode: res.statusCode, data: res.data, header: res.header }; resolve(); },
      fail: (err) => { results[name] = { errMsg: err.errMsg }; resolve(); },
    });
  });
}

async function main() {
  await send('get', (on) => wx.request({ url: API + '/items?from=page', data: { q: 'tea', page: 2 }, ...on }));
  if (results.get.errMsg) return;
  await send('json', (on) => wx.request({ url: API + '/json', method: 'POST', data: { name: 'latte', size: 2 }, ...on }));
  await send('form', (on) => wx.request({ url: API + '/form', method: 'POST', header: { 'content-type': 'application/x-www-form-urlencoded' }, data: { a: 1, b: 'x y' }, ...on }));
  await send('missing', (on) => wx.request({ url: API + '/missing', ...on }));
  await send('boom', (on) => wx.request({ url: API + '/boom', ...on }));
  await send('login', (on) => wx.request({ url: API + '/login', ...on }));
  await send('whoami', (on) => wx.request({ url: API + '/whoami', ...on }));
  const chunks = [];
  await send('chunks', (on) => {
    const task = wx.request({ url: API + '/chunks', enableChunked: true, responseType: 'arraybuffer', ...on });
    task.onChunkReceived(({ data }) => {
      chunks.push(new TextDecoder().decode(data));
      // The server sends the rest only once this arrived: a proxy that buffered would never finish.
      if (chunks.length === 1) wx.request({ url: API + '/chunks/next' });
    });
  });
  results.chunkTexts = chunks;
  await send('other', (on) => wx.request({ url: other + '/x', ...on }));
  await send('slow', (on) => {
    const task = wx.request({ url: API + '/slow', ...on });
    window.abortSlow = () => task.abort();
  });
}
main().then(
  () => { document.body.dataset.done = 'true'; },
  (error) => { document.body.dataset.error = String(error?.message ?? error); },
);
`;
}
