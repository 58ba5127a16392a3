/**
 * A small mini-program, as WeChat code, that intercepts wx.request the ways real apps do. Each
 * file is ported (Babel, TypeScript, `wx-request port`) and then run in a fresh Node.js process
 * against a node:http server: what it observes must be what it would observe on WeChat.
 */
export const SOURCES: Record<string, string> = {
  // Read before any wrapper exists: stays the original, as on WeChat.
  'early.cjs': 'module.exports = wx.request;\n',
  // The app's auth wrapper, CommonJS, installed by app.js on WeChat.
  'app.cjs': [
    'const original = wx.request;',
    'wx.request = function withAuth(options) {',
    "  return original({ ...options, header: { ...(options.header || {}), Authorization: 'Bearer app' } });",
    '};',
    'wx.request.__wrapped = true;',
    'module.exports = { restore() { wx.request = original; } };',
    '',
  ].join('\n'),
  // A page, ES module, that only calls wx.request and defines the property the other ways.
  'page.mjs': [
    'const call = (send, path) => new Promise((resolve, reject) => send({ url: globalThis.ORIGIN + path, success: (result) => resolve(result.data), fail: reject }));',
    'export const plain = (path) => call((options) => wx.request(options), path);',
    'export async function run(early) {',
    '  const out = { wrapped: wx.request.__wrapped === true };',
    "  out.viaWrapper = await plain('/wrapped');",
    "  out.early = await call(early, '/early');",
    "  out.withCall = await call((options) => wx.request.call(wx, options), '/call');",
    "  const saved = Object.getOwnPropertyDescriptor(wx, 'request');",
    "  Object.defineProperty(wx, 'request', { configurable: true, writable: true, value: function mock(options) { options.success({ data: { mocked: true }, statusCode: 200, header: {} }); return {}; } });",
    "  out.mocked = await plain('/mocked');",
    "  out.readBack = Object.getOwnPropertyDescriptor(wx, 'request').value.name;",
    '  let reads = 0;',
    "  Object.defineProperty(wx, 'request', { configurable: true, get() { reads += 1; return saved.value; } });",
    "  out.viaGetter = await plain('/getter');",
    '  out.getterReads = reads;',
    "  out.hasGetter = typeof Object.getOwnPropertyDescriptor(wx, 'request').get === 'function';",
    "  Object.defineProperty(wx, 'request', saved);",
    '  return out;',
    '}',
    '',
  ].join('\n'),
  // The other way round: a wrapper installed by an ES module, seen by a CommonJS page.
  'monitor.mjs': [
    'export const seen = [];',
    'const original = wx.request;',
    'wx.request = (options) => { seen.push(options.url.replace(globalThis.ORIGIN, "")); return original(options); };',
    'export function restore() { wx.request = original; }',
    '',
  ].join('\n'),
  'legacy.cjs': [
    'exports.load = (path) => new Promise((resolve, reject) => {',
    '  wx.request({ url: globalThis.ORIGIN + path, success: (result) => resolve(result.data), fail: reject });',
    '});',
    '',
  ].join('\n'),
};

/** Drives the ported files in a fresh process and prints what they observed as JSON. */
export const MAIN = `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
globalThis.ORIGIN = process.env.ORIGIN;
if (process.env.WITH_WX === '1') globalThis.wx = { showToast() {} };
if (process.env.CONFIGURE === '1') (await import('babel-plugin-wx-request/runtime')).configure({ allowedOrigins: [process.env.ORIGIN] });
const early = require('./early.cjs');
const app = require('./app.cjs');
const page = await import('./page.mjs');
const result = await page.run(early);
app.restore();
result.restored = await page.plain('/restored');
const monitor = await import('./monitor.mjs');
const legacy = require('./legacy.cjs');
result.legacy = await legacy.load('/legacy');
monitor.restore();
await legacy.load('/unmonitored');
result.monitored = monitor.seen;
result.globalWx = typeof globalThis.wx === 'object' && Object.keys(globalThis.wx);
process.stdout.write(JSON.stringify(result));
`;

/** What WeChat would show: the server answers with the path and the Authorization header it got. */
export function expected(withWx: boolean): unknown {
  const answer = (path: string, auth: string | null) => ({ path, auth });
  return {
    wrapped: true,
    viaWrapper: answer('/wrapped', 'Bearer app'),
    early: answer('/early', null),
    withCall: answer('/call', 'Bearer app'),
    mocked: { mocked: true },
    readBack: 'mock',
    viaGetter: answer('/getter', 'Bearer app'),
    getterReads: 1,
    hasGetter: true,
    restored: answer('/restored', null),
    legacy: answer('/legacy', null),
    monitored: ['/legacy'],
    globalWx: withWx ? ['showToast'] : false,
  };
}
