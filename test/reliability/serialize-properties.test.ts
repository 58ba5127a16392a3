// Property tests of what the runtime hands to its transport for generated `data`, `header` and
// URLs: the query and the bodies decode back to the data, keys such as __proto__ are data,
// nothing is mutated or polluted, and the caller's query and fragment are kept. A capturing
// transport stands in for the network (configure({ transport }), the documented hook).
import test from 'ava';
import fc from 'fast-check';
import assert from 'node:assert/strict';
import { configure, request } from '../../runtime/index.js';
import type { RequestOption, TransportRequest } from '../../runtime/index.js';

const SEED = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 20261126;
const RUNS = 1000;

let last: TransportRequest | undefined;
test.before(() => {
  configure({
    maxConcurrent: 10,
    transport: async (prepared) => {
      last = prepared;
      return { statusCode: 200, headers: [], cookies: [], body: null };
    },
  });
});

/** fc.assert, but the failure (fast-check 4 keeps it in `cause`) is part of the message, with the seed. */
async function check<T extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<T>): Promise<void> {
  const details = await fc.check(property, { seed: SEED, numRuns: RUNS });
  if (details.failed) {
    throw new Error(
      `failed with FC_SEED=${SEED} after ${details.numRuns} runs, ${details.numShrinks} shrinks\ncounterexample: ${fc.stringify(details.counterexample)}\n${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`,
    );
  }
}

/** Runs one request through the capturing transport; resolves with what it was handed (or the errMsg). */
function hand(options: RequestOption): Promise<TransportRequest | string> {
  last = undefined;
  return new Promise((resolve) =>
    request({
      ...options,
      success: () => resolve(last as TransportRequest),
      fail: (err) => resolve(err.errMsg),
    }),
  );
}

const key = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'a b', 'a&b=c', '#', '?', '%', '中文', '😀'),
);
const leaf = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const value = fc.oneof({ weight: 4, arbitrary: leaf }, { weight: 1, arbitrary: fc.array(leaf, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), leaf, { maxKeys: 3 }) }, { weight: 1, arbitrary: fc.constant(undefined) });
/** Objects with own keys like __proto__ (as JSON.parse makes them). */
const data = fc.dictionary(key, value, { maxKeys: 6 }).map((entries) => {
  const object: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(entries)) Object.defineProperty(object, name, { value: item, enumerable: true, writable: true, configurable: true });
  return object;
});
const baseUrl = fc.constantFrom('https://a.com/p', 'https://a.com/p?x=1', 'https://a.com/p?', 'https://a.com/p?x=1&', 'https://a.com/p#frag', 'https://a.com/p?x=1#f?g=2', 'https://a.com/');

/** What each entry must become: left out when undefined, JSON for objects (and null), else its text. */
function expected(object: Record<string, unknown>): [string, string][] {
  return Object.keys(object)
    .filter((name) => object[name] !== undefined)
    .map((name) => [name, typeof object[name] === 'object' ? JSON.stringify(object[name]) : String(object[name])]);
}

const clean = () => !('polluted' in Object.prototype) && Object.keys(Object.prototype).length === 0;

test.serial('GET: the query decodes back to the data, after the caller query and before the fragment', async (t) => {
  await check(
    fc.asyncProperty(baseUrl, data, async (url, object) => {
      const copy = fc.stringify(object);
      const sent = await hand({ url, data: object });
      if (typeof sent === 'string') throw new Error(`failed: ${sent}`);
      const hash = url.indexOf('#');
      const fragment = hash < 0 ? '' : url.slice(hash);
      if (!sent.url.endsWith(fragment)) throw new Error(`fragment lost: ${sent.url}`);
      const base = hash < 0 ? url : url.slice(0, hash);
      if (!sent.url.startsWith(base)) throw new Error(`caller URL changed: ${sent.url}`);
      const added = sent.url.slice(base.length, sent.url.length - fragment.length).replace(/^[?&]/, '');
      const pairs = added === '' ? [] : added.split('&').map((pair) => pair.split('=').map(decodeURIComponent) as [string, string]);
      assert.deepEqual(pairs, expected(object), `url ${sent.url}`);
      assert.equal(fc.stringify(object), copy, 'data not mutated');
      if (!clean()) throw new Error('Object.prototype polluted');
    }),
  );
  t.pass();
});

test.serial('POST: a JSON body parses back to the data; a form body decodes back to it', async (t) => {
  await check(
    fc.asyncProperty(data, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/vnd.api+json', undefined), async (object, contentType) => {
      const sent = await hand({ url: 'https://a.com/p', method: 'POST', data: object, header: contentType ? { 'Content-Type': contentType } : {} });
      if (typeof sent === 'string') throw new Error(`failed: ${sent}`);
      assert.equal(sent.headers['content-type'], contentType ?? 'application/json');
      assert.equal(sent.body, JSON.stringify(object));
      const form = await hand({ url: 'https://a.com/p', method: 'PUT', data: object, header: { 'CONTENT-TYPE': 'application/x-www-form-urlencoded' } });
      if (typeof form === 'string') throw new Error(`failed: ${form}`);
      const body = String(form.body);
      assert.deepEqual(body === '' ? [] : body.split('&').map((pair) => pair.split('=').map(decodeURIComponent)), expected(object));
      if (!clean()) throw new Error('Object.prototype polluted');
    }),
  );
  t.pass();
});

test.serial('headers: any generated header object either fails with an errMsg or sends valid names, no Referer, values without CR/LF', async (t) => {
  const name = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('Referer', 'referer', 'REFERER', 'X-Token', 'Content-Type', '__proto__', 'constructor'));
  const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a\r\nb', 'a\nb', '\r', 'ok', ''), fc.integer(), fc.constant(null), fc.constant(undefined));
  await check(
    fc.asyncProperty(fc.dictionary(name, text, { maxKeys: 5 }), async (entries) => {
      const header: Record<string, unknown> = {};
      for (const [field, item] of Object.entries(entries)) Object.defineProperty(header, field, { value: item, enumerable: true, writable: true, configurable: true });
      const sent = await hand({ url: 'https://a.com/p', header });
      if (typeof sent === 'string') {
        assert.match(sent, /^request:fail header ".*" invalid$/s);
        return;
      }
      for (const [field, item] of Object.entries(sent.headers)) {
        if (!/^[!#$%&'*+.^`|~\w-]+$/.test(field) || field !== field.toLowerCase()) throw new Error(`header name ${JSON.stringify(field)} sent`);
        if (field === 'referer') throw new Error('Referer sent');
        if (/[\r\n\0]/.test(item)) throw new Error(`CR/LF sent in ${field}`);
      }
      if (!clean()) throw new Error('Object.prototype polluted');
    }),
  );
  t.pass();
});
