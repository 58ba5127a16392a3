// The old shape of the benchmark code base ("uniform"): N files of ~100 lines, 10% of them with 1–5
// wx.request calls in eight forms, the rest ordinary code that never mentions wx. Kept as a second
// row: it is what the plugin's overhead was first measured on, and it isolates the cost of the
// files that are traversed from that of the quick check.
import { WX_REQUEST_TYPES } from './wx-request-types.js';
import { cap, Pick, type FixedFile, type GeneratedFile, type Shape } from './pick.js';

export const WORDS = ['user', 'order', 'cart', 'item', 'price', 'coupon', 'address', 'shop', 'goods', 'banner', 'notice', 'member', 'point', 'level', 'message', 'comment', 'photo', 'video', 'city', 'store'];
const ENDPOINTS = ['/items', '/orders', '/user/profile', '/cart', '/coupons', '/address/list', '/shops', '/notices', '/points/history', '/comments'];

export interface Ctx {
  p: Pick;
  ts: boolean;
  /** Unique-suffix counter so names never clash inside a file. */
  n: number;
}

export function name(ctx: Ctx): string {
  ctx.n += 1;
  return `${ctx.p.one(WORDS)}${cap(ctx.p.one(WORDS))}${ctx.n}`;
}

export const t = (ctx: Ctx, type: string): string => (ctx.ts ? type : '');

// ---- ordinary code: each block 6–16 lines ----

function constantsBlock(ctx: Ctx): string {
  const base = name(ctx).toUpperCase();
  const labels = Array.from({ length: ctx.p.int(3, 6) }, () => `'${ctx.p.one(WORDS)}'`);
  return [
    `// Limits and labels of the ${ctx.p.one(WORDS)} list.`,
    `const ${base}_LIMIT = ${ctx.p.int(5, 500)};`,
    `const ${base}_LABELS${t(ctx, ': string[]')} = [${labels.join(', ')}];`,
    `const ${base}_DEFAULTS = { page: 1, size: ${ctx.p.int(10, 50)}, sort: '${ctx.p.one(WORDS)}', desc: ${ctx.p.chance(0.5)} };`,
    `const ${base}_TITLE = \`\${${base}_LABELS.length} ${ctx.p.one(WORDS)}s, at most \${${base}_LIMIT}\`;`,
    '',
  ].join('\n');
}

function loopBlock(ctx: Ctx): string {
  const fn = `sum${cap(name(ctx))}`;
  return [
    '/**',
    ` * Adds up the ${ctx.p.one(WORDS)} values above a threshold, doubling them.`,
    ' */',
    `function ${fn}(items${t(ctx, ': number[]')}, threshold${t(ctx, ': number')})${t(ctx, ': number')} {`,
    '  let total = 0;',
    '  for (const item of items) {',
    `    if (item > threshold) total += item * ${ctx.p.int(2, 9)};`,
    '    else if (item === threshold) continue;',
    '    else total -= item;',
    '  }',
    '  return total;',
    '}',
    '',
  ].join('\n');
}

function classBlock(ctx: Ctx): string {
  const cls = cap(name(ctx));
  return [
    `class ${cls}Store {`,
    `  items${t(ctx, ': Map<string, number>')} = new Map();`,
    `  add(key${t(ctx, ': string')}, value${t(ctx, ': number')})${t(ctx, ': void')} {`,
    '    this.items.set(key, (this.items.get(key) ?? 0) + value);',
    '  }',
    `  get(key${t(ctx, ': string')})${t(ctx, ': number')} {`,
    '    return this.items.get(key) ?? 0;',
    '  }',
    `  get size()${t(ctx, ': number')} {`,
    '    return this.items.size;',
    '  }',
    `  static of(entries${t(ctx, ': Array<[string, number]>')})${t(ctx, `: ${cls}Store`)} {`,
    `    const store = new ${cls}Store();`,
    '    for (const [key, value] of entries) store.add(key, value);',
    '    return store;',
    '  }',
    '}',
    '',
  ].join('\n');
}

function asyncBlock(ctx: Ctx): string {
  const fn = `load${cap(name(ctx))}`;
  return [
    `async function ${fn}(id${t(ctx, ': number')})${t(ctx, ': Promise<string>')} {`,
    '  try {',
    `    const value = await Promise.resolve(id * ${ctx.p.int(2, 9)});`,
    `    const parts = await Promise.all([value, value + 1].map(async (v) => v.toString(${ctx.p.one([10, 16, 36])})));`,
    `    return \`${ctx.p.one(WORDS)}-\${parts.join('-')}\`;`,
    '  } catch (error) {',
    '    return String(error);',
    '  } finally {',
    `    ${ctx.p.chance(0.5) ? 'id = 0;' : 'void id;'}`,
    '  }',
    '}',
    '',
  ].join('\n');
}

function arrayBlock(ctx: Ctx): string {
  const v = name(ctx);
  const numbers = Array.from({ length: ctx.p.int(4, 8) }, () => ctx.p.int(0, 99));
  return [
    `const ${v} = [${numbers.join(', ')}]`,
    `  .map((x) => x * ${ctx.p.int(2, 5)})`,
    `  .filter((x) => x % ${ctx.p.int(2, 7)} !== 0)`,
    `  .reduce((acc${t(ctx, ': Record<string, number>')}, x, i) => ({ ...acc, [\`k\${i}\`]: x }), {});`,
    `const ${v}Keys = Object.keys(${v}).sort().reverse();`,
    `const ${v}Max = Math.max(...Object.values(${v}), 0);`,
    '',
  ].join('\n');
}

function objectBlock(ctx: Ctx): string {
  const iface = `${cap(name(ctx))}Options`;
  const fn = `merge${iface}`;
  const lines = [];
  if (ctx.ts) {
    lines.push(`interface ${iface} {`, '  page: number;', '  size: number;', '  sort?: string;', '  desc?: boolean;', '}');
  }
  lines.push(
    `function ${fn}(base${t(ctx, `: ${iface}`)}, extra${t(ctx, `: Partial<${iface}>`)})${t(ctx, `: ${iface}`)} {`,
    '  const { page, size, ...rest } = { ...base, ...extra };',
    `  const safeSize = Math.min(size, ${ctx.p.int(20, 100)});`,
    '  return { page: Math.max(page, 1), size: safeSize, ...rest };',
    '}',
    '',
  );
  return lines.join('\n');
}

function switchBlock(ctx: Ctx): string {
  const fn = `label${cap(name(ctx))}`;
  return [
    `function ${fn}(status${t(ctx, ': number')})${t(ctx, ': string')} {`,
    '  switch (status) {',
    `    case 0: return '${ctx.p.one(WORDS)}';`,
    `    case 1: return '${ctx.p.one(WORDS)}';`,
    `    case 2: return '${ctx.p.one(WORDS)}';`,
    `    default: return status > ${ctx.p.int(3, 9)} ? 'many' : 'unknown';`,
    '  }',
    '}',
    '',
  ].join('\n');
}

function closureBlock(ctx: Ctx): string {
  const fn = `debounce${cap(name(ctx))}`;
  return [
    `function ${fn}(fn${t(ctx, ': (...args: unknown[]) => void')}, wait = ${ctx.p.int(50, 500)}) {`,
    `  let timer${t(ctx, ': ReturnType<typeof setTimeout> | undefined')};`,
    `  return (...args${t(ctx, ': unknown[]')}) => {`,
    '    if (timer !== undefined) clearTimeout(timer);',
    '    timer = setTimeout(() => fn(...args), wait);',
    '  };',
    '}',
    '',
  ].join('\n');
}

export const ORDINARY = [constantsBlock, loopBlock, classBlock, asyncBlock, arrayBlock, objectBlock, switchBlock, closureBlock];

// ---- wx.request calls, in the forms ported code has; every one passes the rules ----

function requestCall(ctx: Ctx): string {
  const endpoint = ctx.p.one(ENDPOINTS);
  const method = ctx.p.one(['GET', 'POST', 'PUT', 'DELETE']);
  const id = name(ctx);
  const data = method === 'GET' ? `{ page: ${ctx.p.int(1, 9)} }` : `{ ${ctx.p.one(WORDS)}: '${ctx.p.one(WORDS)}', count: ${ctx.p.int(1, 9)} }`;
  const res = `res${t(ctx, ': WxResponse')}`;
  switch (ctx.p.int(0, 7)) {
    case 0:
      return [
        `function fetch${cap(id)}()${t(ctx, ': void')} {`,
        '  wx.request({',
        `    url: BASE + '${endpoint}',`,
        `    method: '${method}',`,
        `    data: ${data},`,
        `    success: (${res}) => console.log(res.statusCode, res.data),`,
        '  });',
        '}',
        '',
      ].join('\n');
    case 1:
      return [
        `function post${cap(id)}(id${t(ctx, ': number')})${t(ctx, ': void')} {`,
        '  wx.request({',
        `    url: \`\${BASE}${endpoint}/\${id}\`,`,
        "    method: 'POST',",
        `    data: ${data},`,
        "    header: { 'content-type': 'application/json' },",
        `    timeout: ${ctx.p.int(1, 30) * 1000},`,
        `    fail: (err${t(ctx, ': WxError')}) => console.log(err.errMsg),`,
        '  });',
        '}',
        '',
      ].join('\n');
    case 2:
      return [
        `function cancelable${cap(id)}()${t(ctx, ': () => void')} {`,
        '  const task = wx.request({',
        `    url: API_ROOT + '${endpoint}',`,
        `    method: '${method}',`,
        `    complete: () => console.log('${id} done'),`,
        '  });',
        '  return () => task.abort();',
        '}',
        '',
      ].join('\n');
    case 3:
      return [
        `function promised${cap(id)}()${t(ctx, ': Promise<WxResponse>')} {`,
        '  return new Promise((resolve, reject) => {',
        `    wx.request({ url: BASE + '${endpoint}', method: '${method}', success: resolve, fail: reject });`,
        '  });',
        '}',
        '',
      ].join('\n');
    case 4:
      return [
        `function called${cap(id)}(ctx${t(ctx, ': unknown')})${t(ctx, ': void')} {`,
        `  wx.request.call(ctx, { url: BASE + '${endpoint}', method: '${method}', data: ${data} });`,
        '}',
        '',
      ].join('\n');
    case 5:
      return [
        `function destructured${cap(id)}()${t(ctx, ': void')} {`,
        '  const { request } = wx;',
        `  request({ url: BASE + '${endpoint}', dataType: 'json', success: (${res}) => console.log(res.data) });`,
        '}',
        '',
      ].join('\n');
    case 6:
      return [
        `function computed${cap(id)}()${t(ctx, ': void')} {`,
        `  wx['request']({ url: BASE + '${endpoint}', method: '${method}', responseType: 'text' });`,
        '}',
        '',
      ].join('\n');
    default:
      return [
        `const ${id}Options = {`,
        `  url: BASE + '${endpoint}',`,
        `  method: '${method}'${t(ctx, ' as const')},`,
        `  header: { 'x-${ctx.p.one(WORDS)}': '${ctx.p.int(1, 99)}' },`,
        '};',
        `function stored${cap(id)}()${t(ctx, ': void')} {`,
        `  wx.request(${id}Options);`,
        '}',
        '',
      ].join('\n');
  }
}

function pageBlock(ctx: Ctx, requests: number): string {
  const field = ctx.p.one(WORDS);
  const lines = [
    'Page({',
    `  data: { ${field}: [], loading: false, page: 1 },`,
    `  onLoad(query${t(ctx, ': Record<string, string>')}) {`,
    `    this.setData({ loading: true, page: Number(query.page ?? 1) });`,
    '  },',
    '  onPullDownRefresh() {',
    `    this.setData({ ${field}: [], page: 1 });`,
    '  },',
    '  onReachBottom() {',
    '    this.setData({ page: Number(this.data.page) + 1 });',
    '  },',
  ];
  if (requests > 0) {
    lines.push(
      '  onShow() {',
      '    wx.request({',
      `      url: BASE + '${ctx.p.one(ENDPOINTS)}',`,
      "      method: 'GET',",
      `      success: (res${t(ctx, ': WxResponse')}) => this.setData({ ${field}: res.data, loading: false }),`,
      '    });',
      '  },',
    );
  }
  lines.push('});', '');
  return lines.join('\n');
}

function fileText(seed: number, index: number, lines: number, requestShare: number, ts: boolean): { text: string; requests: number } {
  const p = new Pick(seed * 100_003 + index);
  const ctx: Ctx = { p, ts, n: 0 };
  const isPage = p.chance(0.4);
  const requests = p.chance(requestShare) ? p.int(1, 5) : 0;
  const head: string[] = [`// ${isPage ? 'Page' : 'Module'} ${index}: generated by bench/generate.ts (uniform shape, seed ${seed}).`];
  if (requests > 0) {
    head.push(ts ? "import { BASE, API_ROOT } from '../../shared';" : "const { BASE, API_ROOT } = require('../../shared');");
  }
  head.push('');
  const blocks: string[] = [];
  // A page's own onShow makes one of its calls.
  let remaining = isPage && requests > 0 ? requests - 1 : requests;
  // Spread the calls among the ordinary blocks.
  let count = head.length;
  const exported: string[] = [];
  while (count < lines - (isPage ? 30 : 14)) {
    let block: string;
    if (remaining > 0 && p.chance(0.35)) {
      block = requestCall(ctx);
      remaining--;
    } else {
      block = p.one(ORDINARY)(ctx);
    }
    const fn = /^(?:async )?function (\w+)|^class (\w+)/m.exec(block);
    if (fn) exported.push((fn[1] ?? fn[2]) as string);
    blocks.push(block);
    count += block.split('\n').length - 1;
  }
  while (remaining > 0) {
    blocks.push(requestCall(ctx));
    remaining--;
  }
  if (isPage) blocks.push(pageBlock(ctx, requests));
  const tail = ts ? `export { ${exported.join(', ')} };\n` : `module.exports = { ${exported.join(', ')} };\n`;
  return { text: head.join('\n') + '\n' + blocks.join('\n') + tail, requests };
}

const SHARED_JS = `// Shared constants of the generated mini-program.
const BASE = 'https://api.example.com/v1';
const API_ROOT = 'https://api.example.com';
module.exports = { BASE, API_ROOT };
`;

const SHARED_TS = `// Shared constants of the generated mini-program.
export const BASE = 'https://api.example.com/v1';
export const API_ROOT = 'https://api.example.com';
`;

/** The mini-program globals the generated TypeScript uses (a tiny subset of miniprogram-api-typings). */
const GLOBALS_D_TS = `${WX_REQUEST_TYPES}declare const wx: { request(options: WxRequestOptions): WxRequestTask; showToast(options: { title: string }): void };
interface PageInstance { data: Record<string, unknown>; setData(data: Record<string, unknown>): void }
declare function Page(options: Record<string, unknown> & ThisType<PageInstance>): void;
`;

/** The old shape: `files` files of about `lines` lines, `requestShare` of them with 1–5 wx.request calls. */
export function uniformShape(seed: number, files: number, lines = 100, requestShare = 0.1): Shape {
  const out: GeneratedFile[] = [];
  for (let i = 0; i < files; i++) {
    const js = fileText(seed, i, lines, requestShare, false);
    const ts = fileText(seed, i, lines, requestShare, true);
    const stem = `${i % 5 === 0 ? 'pages' : 'components'}/m${String(i).padStart(4, '0')}/index`;
    out.push({ jsPath: `${stem}.js`, tsPath: `${stem}.ts`, js: js.text, ts: ts.text, requests: js.requests });
  }
  const jsFixed: FixedFile[] = [{ path: 'shared.js', text: SHARED_JS, source: true }];
  const tsFixed: FixedFile[] = [
    { path: 'shared.ts', text: SHARED_TS, source: true },
    { path: 'globals.d.ts', text: GLOBALS_D_TS, source: false },
  ];
  return {
    files: out,
    jsFixed,
    tsFixed,
    describe: `uniform shape (the old one): files of about ${lines} lines; ${Math.round(requestShare * 100)}% call \`wx.request\` in eight forms, the others never mention \`wx\``,
  };
}
