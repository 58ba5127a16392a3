// The realistic shape of the benchmark code base: what public WeChat mini-programs look like, as
// measured on three of them (bench/README.md has the figures). Pages (`Page({...})`) and components
// (`Component({...})`) that call the other wx.* APIs all the time (showToast, navigateTo,
// get/setStorageSync, showModal, showLoading …) and reach the server through the app's own
// `util.request` helper; about a tenth of the files call `wx.request` itself (the helper, written
// with a Promise, and pages that call it directly); utility and config modules, some of them
// without any wx at all. Mostly CommonJS, some ES modules, a few TypeScript files. File sizes are
// log-normal around a median of ~2.3 KB with a long tail, as in the measured repositories.
import { WX_REQUEST_TYPES } from './wx-request-types.js';
import { cap, Pick, type FixedFile, type GeneratedFile, type Shape } from './pick.js';
import { name, ORDINARY, t, type Ctx } from './shape-uniform.js';

const NOUNS = ['goods', 'order', 'cart', 'coupon', 'address', 'user', 'shop', 'comment', 'topic', 'brand', 'category', 'footprint', 'collect', 'member', 'points', 'refund', 'invoice', 'search', 'feedback', 'help'];
const API_KEYS = ['IndexUrl', 'GoodsList', 'GoodsDetail', 'GoodsCount', 'CartList', 'CartAdd', 'CartUpdate', 'CartDelete', 'OrderList', 'OrderDetail', 'OrderSubmit', 'OrderCancel', 'CouponList', 'AddressList', 'AddressSave', 'UserInfo', 'CommentList', 'CommentPost', 'TopicList', 'BrandList', 'CatalogList', 'SearchIndex', 'PayPrepay', 'AuthLogin'];
const TITLES = ['加载中', '提交中', '请稍候', '保存成功', '已删除', '操作成功', '网络错误', '请先登录', '库存不足', '已收藏'];
const STORAGE_KEYS = ['token', 'userInfo', 'history', 'cartCount', 'address', 'searchHistory', 'lastCity', 'openid'];

interface RealCtx extends Ctx {
  /** `../../` back to the root from this file. */
  up: string;
  esm: boolean;
  /** Lifecycle methods already written (a page has one onShareAppMessage). */
  lifecycle: Set<string>;
}

const lines = (...parts: Array<string | false>): string => parts.filter((x): x is string => x !== false).join('\n');
const page = (ctx: RealCtx): string => `/pages/${ctx.p.one(NOUNS)}/${ctx.p.one(NOUNS)}`;
const title = (ctx: RealCtx): string => `'${ctx.p.one(TITLES)}'`;
const api = (ctx: RealCtx): string => `api.${ctx.p.one(API_KEYS)}`;

// ---- page and component methods: each one line of `name(...) {` to `},` ----

function navigateMethod(ctx: RealCtx): string {
  const method = ctx.p.one(['navigateTo', 'navigateTo', 'navigateTo', 'redirectTo', 'switchTab', 'reLaunch']);
  const query = method === 'switchTab' ? '' : ` + '?id=' + id`;
  return lines(
    `  go${cap(name(ctx))}(e${t(ctx, ': WxEvent')}) {`,
    '    const id = e.currentTarget.dataset.id;',
    "    if (!id) return;",
    `    wx.${method}({ url: '${page(ctx)}'${query} });`,
    '  },',
  );
}

function toastMethod(ctx: RealCtx): string {
  return lines(
    `  show${cap(name(ctx))}(message${t(ctx, '?: string')}) {`,
    `    wx.showToast({ title: message || ${title(ctx)}, icon: '${ctx.p.one(['none', 'success', 'none'])}', duration: ${ctx.p.one([1500, 2000])} });`,
    '  },',
  );
}

function storageMethod(ctx: RealCtx): string {
  const key = ctx.p.one(STORAGE_KEYS);
  return lines(
    `  save${cap(name(ctx))}(item${t(ctx, ': any')}) {`,
    `    const list = wx.getStorageSync('${key}') || [];`,
    '    const index = list.findIndex((x' + t(ctx, ': any') + ') => x.id === item.id);',
    '    if (index >= 0) list.splice(index, 1);',
    '    list.unshift(item);',
    `    wx.setStorageSync('${key}', list.slice(0, ${ctx.p.int(10, 30)}));`,
    `    this.setData({ ${key}: list });`,
    '  },',
  );
}

function modalMethod(ctx: RealCtx): string {
  return lines(
    `  confirm${cap(name(ctx))}(e${t(ctx, ': WxEvent')}) {`,
    '    const that = this;',
    '    wx.showModal({',
    "      title: '提示',",
    `      content: '确定要${ctx.p.one(['删除', '取消', '提交', '清空'])}吗？',`,
    `      success: function (res${t(ctx, ': any')}) {`,
    '        if (res.confirm) {',
    `          that.setData({ index: e.currentTarget.dataset.index });`,
    `          wx.showToast({ title: ${title(ctx)} });`,
    '        } else if (res.cancel) {',
    "          console.log('cancel');",
    '        }',
    '      },',
    '    });',
    '  },',
  );
}

/** The app's own request helper, not wx.request: most real pages reach the server this way. */
function helperRequestMethod(ctx: RealCtx): string {
  const field = ctx.p.one(NOUNS);
  const post = ctx.p.chance(0.3);
  return lines(
    `  get${cap(name(ctx))}() {`,
    '    const that = this;',
    `    wx.showLoading({ title: ${title(ctx)} });`,
    `    util.request(${api(ctx)}, { page: that.data.page, size: ${ctx.p.one([10, 20])} }${post ? ", 'POST'" : ''}).then(function (res${t(ctx, ': any')}) {`,
    '      wx.hideLoading();',
    '      if (res.errno === 0) {',
    `        that.setData({ ${field}List: that.data.page > 1 ? that.data.${field}List.concat(res.data.data) : res.data.data, total: res.data.count });`,
    '      } else {',
    '        util.showErrorToast(res.errmsg);',
    '      }',
    '    });',
    '  },',
  );
}

function listMethod(ctx: RealCtx): string {
  const field = ctx.p.one(NOUNS);
  return lines(
    `  format${cap(name(ctx))}(list${t(ctx, ': any[]')}) {`,
    `    const result = list.map((item${t(ctx, ': any')}) => ({`,
    '      ...item,',
    `      price: (item.price / 100).toFixed(2),`,
    `      checked: item.checked === ${ctx.p.int(0, 1)},`,
    '      time: util.formatTime(new Date(item.addTime * 1000)),',
    '    }));',
    `    const total = result.reduce((sum${t(ctx, ': number')}, item${t(ctx, ': any')}) => sum + (item.checked ? Number(item.price) * item.number : 0), 0);`,
    `    this.setData({ ${field}List: result, totalPrice: total.toFixed(2), allChecked: result.every((x${t(ctx, ': any')}) => x.checked) });`,
    '  },',
  );
}

function loginCheckMethod(ctx: RealCtx): string {
  return lines(
    `  check${cap(name(ctx))}()${t(ctx, ': boolean')} {`,
    "    const token = wx.getStorageSync('token');",
    '    if (!token) {',
    "      wx.navigateTo({ url: '/pages/auth/login/login' });",
    '      return false;',
    '    }',
    '    app.globalData.hasLogin = true;',
    '    return true;',
    '  },',
  );
}

function paymentMethod(ctx: RealCtx): string {
  return lines(
    `  pay${cap(name(ctx))}(orderId${t(ctx, ': number')}) {`,
    `    util.request(api.PayPrepay, { orderId: orderId }, 'POST').then((res${t(ctx, ': any')}) => {`,
    '      const payParam = res.data;',
    '      wx.requestPayment({',
    '        timeStamp: payParam.timeStamp,',
    '        nonceStr: payParam.nonceStr,',
    '        package: payParam.package,',
    "        signType: 'MD5',",
    '        paySign: payParam.paySign,',
    `        success: () => wx.redirectTo({ url: '/pages/payResult/payResult?status=1&orderId=' + orderId }),`,
    `        fail: () => wx.redirectTo({ url: '/pages/payResult/payResult?status=0&orderId=' + orderId }),`,
    '      });',
    '    });',
    '  },',
  );
}

function miscMethod(ctx: RealCtx): string {
  let which = ctx.p.int(0, 3);
  const lifecycle = ['onPullDownRefresh', 'onShareAppMessage'][which];
  if (lifecycle && ctx.lifecycle.has(lifecycle)) which = 2;
  else if (lifecycle) ctx.lifecycle.add(lifecycle);
  switch (which) {
    case 0:
      return lines('  onPullDownRefresh() {', '    this.setData({ page: 1 });', `    this.get${cap(ctx.p.one(NOUNS))}List && wx.stopPullDownRefresh();`, '  },');
    case 1:
      return lines('  onShareAppMessage() {', `    return { title: '${ctx.p.one(TITLES)}', path: '${page(ctx)}?id=' + this.data.id };`, '  },');
    case 2:
      return lines(`  copy${cap(name(ctx))}(e${t(ctx, ': WxEvent')}) {`, '    wx.setClipboardData({ data: String(e.currentTarget.dataset.text) });', '  },');
    default:
      return lines(`  preview${cap(name(ctx))}(e${t(ctx, ': WxEvent')}) {`, '    wx.previewImage({ current: e.currentTarget.dataset.src, urls: this.data.gallery });', '  },');
  }
}

const WX_METHODS = [navigateMethod, navigateMethod, toastMethod, storageMethod, storageMethod, modalMethod, helperRequestMethod, helperRequestMethod, listMethod, loginCheckMethod, miscMethod, miscMethod];

// ---- wx.request itself, as real code calls it ----

/** A page or component method that calls wx.request directly, with its callbacks. */
function directRequestMethod(ctx: RealCtx): string {
  const field = ctx.p.one(NOUNS);
  const method = ctx.p.one(['GET', 'POST', 'GET']);
  return lines(
    `  load${cap(name(ctx))}() {`,
    '    const that = this;',
    '    wx.request({',
    `      url: ${api(ctx)},`,
    `      method: '${method}',`,
    `      data: { id: that.data.id, page: that.data.page },`,
    "      header: { 'content-type': 'application/json', 'X-Token': wx.getStorageSync('token') },",
    `      success: function (res${t(ctx, ': WxResponse')}) {`,
    '        if (res.statusCode === 200 && res.data.errno === 0) {',
    `          that.setData({ ${field}: res.data.data });`,
    '        } else {',
    `          wx.showToast({ title: ${title(ctx)}, icon: 'none' });`,
    '        }',
    '      },',
    "      fail: () => wx.showToast({ title: '网络错误', icon: 'none' }),",
    '      complete: () => wx.hideLoading(),',
    '    });',
    '  },',
  );
}

/** A task kept to abort it when the page goes away. */
function taskRequestMethod(ctx: RealCtx): string {
  return lines(
    `  search${cap(name(ctx))}(e${t(ctx, ': WxEvent')}) {`,
    '    if (this.task) this.task.abort();',
    '    this.task = wx.request({',
    `      url: ${api(ctx)},`,
    '      data: { keyword: e.detail.value },',
    `      timeout: ${ctx.p.int(5, 15) * 1000},`,
    `      success: (res${t(ctx, ': WxResponse')}) => this.setData({ results: res.data.data }),`,
    '    });',
    '  },',
  );
}

/** The app's request helper: wx.request wrapped in a Promise, as nearly every mini-program has one. */
function promiseHelper(ctx: RealCtx): string {
  const exported = ctx.esm || ctx.ts ? 'export ' : '';
  return lines(
    '/**',
    ' * 封装微信的的request',
    ' */',
    `${exported}function request(url${t(ctx, ': string')}, data${t(ctx, ': Record<string, unknown>')} = {}, method${t(ctx, ': WxMethod')} = 'GET')${t(ctx, ': Promise<any>')} {`,
    '  return new Promise(function (resolve, reject) {',
    '    wx.request({',
    '      url: url,',
    '      data: data,',
    '      method: method,',
    "      header: { 'Content-Type': 'application/json', 'X-Token': wx.getStorageSync('token') },",
    `      success: function (res${t(ctx, ': WxResponse')}) {`,
    '        if (res.statusCode == 200) {',
    '          if (res.data.errno == 401) {',
    "            wx.navigateTo({ url: '/pages/auth/login/login' });",
    '          } else {',
    '            resolve(res.data);',
    '          }',
    '        } else {',
    '          reject(res.errMsg);',
    '        }',
    '      },',
    `      fail: function (err${t(ctx, ': WxError')}) {`,
    '        reject(err);',
    '      },',
    '    });',
    '  });',
    '}',
    '',
  );
}

/** async/await over a one-off Promise around wx.request. */
function awaitRequestFunction(ctx: RealCtx): string {
  const fn = `fetch${cap(name(ctx))}`;
  const exported = ctx.esm || ctx.ts ? 'export ' : '';
  return lines(
    `${exported}async function ${fn}(id${t(ctx, ': number')}) {`,
    `  const res = await new Promise${t(ctx, '<WxResponse>')}((resolve, reject) => {`,
    `    wx.request({ url: ${api(ctx)} + '?id=' + id, method: 'GET', success: resolve, fail: reject });`,
    '  });',
    '  return res.data;',
    '}',
    '',
  );
}

// ---- files ----

type Kind = 'page' | 'component' | 'util' | 'plain';

function imports(ctx: RealCtx, kind: Kind): string {
  const util = `${ctx.up}utils/util`;
  const config = `${ctx.up}config/api`;
  const out: string[] = [];
  if (ctx.esm || ctx.ts) {
    const ext = ctx.ts ? '' : '.js';
    if (kind !== 'util') out.push(`import * as util from '${util}${ext}';`);
    out.push(`import { api } from '${config}${ext}';`);
  } else {
    if (kind !== 'util') out.push(`const util = require('${util}.js');`);
    out.push(`const api = require('${config}.js');`);
  }
  if (kind !== 'util') out.push(`const app = getApp()${t(ctx, ' as any')};`);
  return out.join('\n');
}

/** Data fields of a page or component, for its `data: {...}`. */
function dataFields(ctx: RealCtx): string {
  const fields = Array.from({ length: ctx.p.int(3, 8) }, () => {
    const key = name(ctx);
    return `    ${key}: ${ctx.p.one(['[]', '{}', "''", '0', 'false', 'true', '1'])},`;
  });
  return ['    page: 1,', '    id: 0,', ...fields].join('\n');
}

function pageFile(ctx: RealCtx, target: number, requests: number, pay: boolean): string {
  const methods: string[] = [];
  const direct = Array.from({ length: requests }, () => (ctx.p.chance(0.75) ? directRequestMethod(ctx) : taskRequestMethod(ctx)));
  if (pay) methods.push(paymentMethod(ctx));
  methods.push(
    lines(
      `  onLoad(options${t(ctx, ': Record<string, string>')}) {`,
      `    this.setData({ id: Number(options.id || 0) });`,
      `    wx.setNavigationBarTitle({ title: options.title || '${ctx.p.one(TITLES)}' });`,
      '  },',
    ),
  );
  let size = methods.join('\n').length + direct.join('\n').length + 400;
  while (size < target) {
    const method = ctx.p.one(WX_METHODS)(ctx);
    methods.push(method);
    size += method.length + 1;
  }
  // The direct calls sit among the other methods, not at the end.
  for (const method of direct) methods.splice(ctx.p.int(1, methods.length), 0, method);
  return lines(imports(ctx, 'page'), '', 'Page({', '  data: {', dataFields(ctx), '  },', ...methods, '});', '');
}

function componentFile(ctx: RealCtx, target: number, requests: number): string {
  const methods: string[] = Array.from({ length: requests }, () => directRequestMethod(ctx).replace(/^ {2}/gm, '    '));
  let size = methods.join('\n').length + 500;
  while (size < target) {
    const method = ctx.p.one(WX_METHODS)(ctx).replace(/^ {2}/gm, '    ');
    methods.push(method);
    size += method.length + 1;
  }
  return lines(
    imports(ctx, 'component'),
    '',
    'Component({',
    '  options: { multipleSlots: true },',
    '  properties: {',
    `    ${ctx.p.one(NOUNS)}: { type: Object, value: {} },`,
    `    show: { type: Boolean, value: ${ctx.p.chance(0.5)} },`,
    '  },',
    '  data: {',
    dataFields(ctx).replace(/^/gm, ''),
    '  },',
    '  lifetimes: {',
    '    attached() {',
    "      const info = wx.getSystemInfoSync();",
    '      this.setData({ windowHeight: info.windowHeight });',
    '    },',
    '  },',
    '  methods: {',
    `    close() {`,
    `      this.triggerEvent('close', { ${ctx.p.one(NOUNS)}: this.data.id });`,
    '    },',
    ...methods,
    '  },',
    '});',
    '',
  );
}

/** A module of the app's own helpers: storage, auth, formatting; wx calls in most of them. */
function utilFile(ctx: RealCtx, target: number, requests: number, wxFree: boolean): string {
  const blocks: string[] = [];
  const exported: string[] = [];
  const add = (block: string) => {
    const fn = /^(?:export )?(?:async )?function (\w+)|^(?:export )?class (\w+)/m.exec(block);
    if (fn) exported.push((fn[1] ?? fn[2]) as string);
    blocks.push(block);
  };
  if (requests > 0) add(ctx.p.chance(0.6) ? promiseHelper(ctx) : awaitRequestFunction(ctx));
  for (let i = 1; i < requests; i++) add(awaitRequestFunction(ctx));
  let size = blocks.join('\n').length + 200;
  while (size < target) {
    const block = wxFree || ctx.p.chance(0.5) ? ctx.p.one(ORDINARY)(ctx) : utilWxBlock(ctx);
    add(block);
    size += block.length + 1;
  }
  const esm = ctx.esm || ctx.ts;
  const body = esm ? blocks.map((b) => b.replace(/^(async function|function|class) /m, 'export $1 ').replace(/^export export /m, 'export ')) : blocks;
  const unique = [...new Set(exported)];
  const tail = esm ? '' : `module.exports = { ${unique.join(', ')} };\n`;
  return lines(requests > 0 || !wxFree ? imports(ctx, 'util') : false, '', ...body, tail);
}

function utilWxBlock(ctx: RealCtx): string {
  const fn = name(ctx);
  switch (ctx.p.int(0, 2)) {
    case 0:
      return lines(
        `function get${cap(fn)}(key${t(ctx, ': string')}, fallback${t(ctx, ': any')}) {`,
        '  try {',
        '    const value = wx.getStorageSync(key);',
        "    return value === '' ? fallback : value;",
        '  } catch (e) {',
        '    return fallback;',
        '  }',
        '}',
        '',
      );
    case 1:
      return lines(
        `function check${cap(fn)}()${t(ctx, ': Promise<boolean>')} {`,
        '  return new Promise(function (resolve) {',
        '    wx.checkSession({',
        '      success: () => resolve(true),',
        '      fail: () => resolve(false),',
        '    });',
        '  });',
        '}',
        '',
      );
    default:
      return lines(
        `function toast${cap(fn)}(msg${t(ctx, ': string')}) {`,
        `  wx.showToast({ title: msg, image: '/static/images/icon_error.png' });`,
        '}',
        '',
      );
  }
}

/** The fixed files every generated mini-program has: the api table and the request helper. */
function fixedFiles(ts: boolean): { util: string; api: string; app: string } {
  const p = new Pick(1);
  const ctx: RealCtx = { p, ts, n: 0, up: '../', esm: false, lifecycle: new Set() };
  const table = API_KEYS.map((key) => `  ${key}: ApiRoot + '${key.replace(/[A-Z]/g, (c, i: number) => (i ? '/' : '') + c.toLowerCase())}',`).join('\n');
  const apiText = ts
    ? `const ApiRoot = 'https://api.example.com/api/';\nexport const api = {\n${table}\n};\n`
    : `const ApiRoot = 'https://api.example.com/api/';\nmodule.exports = {\n${table}\n};\n`;
  const helpers = lines(
    promiseHelper(ctx),
    `${ts ? 'export ' : ''}function formatTime(date${t(ctx, ': Date')})${t(ctx, ': string')} {`,
    '  const pad = (n' + t(ctx, ': number') + ") => (n < 10 ? '0' + n : String(n));",
    "  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map(pad).join('/') + ' ' + [date.getHours(), date.getMinutes()].map(pad).join(':');",
    '}',
    '',
    `${ts ? 'export ' : ''}function showErrorToast(msg${t(ctx, ': string')}) {`,
    "  wx.showToast({ title: msg, image: '/static/images/icon_error.png' });",
    '}',
    '',
  );
  const utilText = ts
    ? helpers
    : `${helpers}\nmodule.exports = { request, formatTime, showErrorToast };\n`;
  const app = lines(
    'App({',
    '  globalData: { hasLogin: false, userInfo: null },',
    '  onLaunch() {',
    "    const logs = wx.getStorageSync('logs') || [];",
    '    logs.unshift(Date.now());',
    "    wx.setStorageSync('logs', logs);",
    '    wx.login({ success: (res' + t(ctx, ': any') + ') => console.log(res.code) });',
    '  },',
    '});',
    '',
  );
  return { util: utilText, api: apiText, app };
}

/** The mini-program globals the generated TypeScript uses, loosely typed as real projects do. */
const GLOBALS_D_TS = `${WX_REQUEST_TYPES}interface WxEvent { currentTarget: { dataset: Record<string, any> }; detail: any }
declare const wx: { request(options: WxRequestOptions): WxRequestTask; [api: string]: any };
declare function Page(options: Record<string, any> & ThisType<any>): void;
declare function Component(options: Record<string, any> & ThisType<any>): void;
declare function App(options: Record<string, any> & ThisType<any>): void;
declare function getApp(): any;
`;

interface Plan {
  kind: Kind;
  requests: number;
  esm: boolean;
  tsInJsTree: boolean;
  pay: boolean;
  wxFree: boolean;
  size: number;
  dir: string;
}

function plan(p: Pick, requestShare: number): Plan {
  const roll = p.int(0, 99);
  const kind: Kind = roll < 48 ? 'page' : roll < 72 ? 'component' : roll < 90 ? 'util' : 'plain';
  const requests = kind !== 'plain' && p.chance(requestShare / 0.9) ? (p.chance(0.8) ? 1 : p.int(2, 3)) : 0;
  const esm = p.chance(kind === 'util' || kind === 'plain' ? 0.3 : 0.1);
  const tsInJsTree = p.chance(0.05);
  const pay = kind === 'page' && p.chance(0.04);
  // A quarter of the helper modules never touch wx (formatters, validators, data tables).
  const wxFree = kind === 'plain' || (kind === 'util' && requests === 0 && p.chance(0.25));
  const size = Math.round(Math.min(40_000, Math.max(300, p.logNormal(2300, 0.85))));
  const dir = p.one(NOUNS);
  return { kind, requests, esm, tsInJsTree, pay, wxFree, size, dir };
}

function fileText(seed: number, index: number, chosen: Plan, ts: boolean): string {
  // The text's own choices come from a second generator, so the JavaScript and TypeScript
  // versions make the same ones.
  const p = new Pick(seed * 100_003 + index + 7);
  const up = '../../';
  const ctx: RealCtx = { p, ts, n: 0, up, esm: chosen.esm, lifecycle: new Set() };
  const head = `// ${cap(chosen.kind)} ${index}: generated by bench/generate.ts (realistic shape, seed ${seed}).\n`;
  switch (chosen.kind) {
    case 'page':
      return head + pageFile(ctx, chosen.size, chosen.requests, chosen.pay);
    case 'component':
      return head + componentFile(ctx, chosen.size, chosen.requests);
    default:
      return head + utilFile(ctx, chosen.size, chosen.requests, chosen.wxFree);
  }
}

export function realisticShape(seed: number, files: number, requestShare = 0.1): Shape {
  const out: GeneratedFile[] = [];
  // Three of the files are the fixed app.js, config/api.js and utils/util.js.
  for (let i = 0; i < Math.max(0, files - 3); i++) {
    const chosen = plan(new Pick(seed * 100_003 + i), requestShare);
    const folder = { page: 'pages', component: 'components', util: 'utils', plain: 'lib' }[chosen.kind];
    const stem = `${folder}/${chosen.dir}-${String(i).padStart(4, '0')}/index`;
    const js = fileText(seed, i, chosen, chosen.tsInJsTree);
    const ts = fileText(seed, i, chosen, true);
    out.push({ jsPath: `${stem}.${chosen.tsInJsTree ? 'ts' : 'js'}`, tsPath: `${stem}.ts`, js, ts, requests: chosen.requests });
  }
  const js = fixedFiles(false);
  const ts = fixedFiles(true);
  return {
    files: out,
    jsFixed: [
      { path: 'app.js', text: js.app, source: true },
      { path: 'config/api.js', text: js.api, source: true },
      { path: 'utils/util.js', text: js.util, source: true },
    ],
    tsFixed: [
      { path: 'app.ts', text: ts.app, source: true },
      { path: 'config/api.ts', text: ts.api, source: true },
      { path: 'utils/util.ts', text: ts.util, source: true },
      { path: 'globals.d.ts', text: GLOBALS_D_TS, source: false },
    ],
    describe:
      'realistic shape: pages (`Page({...})`) and components (`Component({...})`) that call the other wx.* APIs and the app\'s own `util.request` helper, utility and config modules, about a tenth of the files calling `wx.request` (a Promise helper, direct calls with callbacks, kept tasks); mostly CommonJS, some ES modules, a few TypeScript files; sizes log-normal around 2.3 KB',
  };
}
