import type * as BabelCore from '@babel/core';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { syntaxFor } from './transform.js';

const require = createRequire(import.meta.url);

/** One call that reached a request function: which one, with what arguments and `this`. */
export interface RecordedCall {
  via: string;
  args: string;
  self: string;
}

/** Functions differ in identity between two runs; compare them by name and source. */
function describeValue(value: unknown, globalObjects: Map<unknown, string>): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'function') return `[Function ${inner.name}: ${String(inner)}]`;
    if (globalObjects.has(inner)) return `[global ${globalObjects.get(inner)}]`;
    if (inner instanceof ArrayBuffer) return `[ArrayBuffer ${inner.byteLength}]`;
    return inner;
  }) ?? 'undefined';
}

/** A stand-in for a RequestTask: every method exists and returns undefined. */
function fakeTask(): object {
  return new Proxy({}, { get: () => () => undefined });
}

/**
 * Runs code in a sandbox where each configured global (`wx`, `qq`…) is a stub mini-program API
 * whose `request` records its calls, and the runtime module is a stub that records too.
 */
export function execute(babel: typeof BabelCore, code: string, filename: string, options: { presets: BabelCore.PluginItem[]; globals: readonly string[]; runtime: string }): RecordedCall[] {
  const presets = [...options.presets];
  const syntax = syntaxFor(filename);
  if (presets.length === 0 && syntax.includes('typescript')) presets.push([require.resolve('@babel/preset-typescript'), { allExtensions: true, isTSX: syntax.includes('jsx') }]);
  const react = require.resolve('@babel/preset-react');
  const has = (preset: BabelCore.PluginItem) => (Array.isArray(preset) ? preset[0] : preset) === react;
  if (syntax.includes('jsx') && !presets.some(has)) presets.push(react);
  const compiled = babel.transformSync(code, {
    babelrc: false,
    configFile: false,
    filename,
    sourceType: 'unambiguous',
    presets,
    plugins: [require.resolve('@babel/plugin-transform-modules-commonjs')],
  });
  const calls: RecordedCall[] = [];
  const globalObjects = new Map<unknown, string>();
  // Each call records which API it reached (request, uploadFile, downloadFile) with its arguments.
  const recorder = (via: string, api = 'request') =>
    function request(this: unknown, ...args: unknown[]) {
      calls.push({ via, args: `${api === 'request' ? '' : `${api} `}${describeValue(args, globalObjects)}`, self: globalObjects.get(this) ?? describeValue(this, globalObjects) });
      return fakeTask();
    };
  const sandbox: Record<string, unknown> = {
    console,
    setTimeout,
    clearTimeout,
    Promise,
    React: { createElement: (...parts: unknown[]) => parts },
    promisify: (fn: (options: object) => unknown) => (options: object = {}) => new Promise((resolve, reject) => fn({ ...options, success: resolve, fail: reject })),
    getApp: () => ({ globalData: { baseUrl: 'https://api.example.com' } }),
    Page: (definition: { onLoad?: () => void }) => definition.onLoad?.call(definition),
    Component: (definition: object) => definition,
  };
  for (const name of options.globals) {
    const api = new Proxy({ request: recorder(`global ${name}`), uploadFile: recorder(`global ${name}`, 'uploadFile'), downloadFile: recorder(`global ${name}`, 'downloadFile') } as Record<string | symbol, unknown>, {
      get: (target, key) => (key in target ? target[key] : () => undefined),
    });
    globalObjects.set(api, name);
    sandbox[name] = api;
  }
  // The stub runtime's `wx` is one shared holder, as the real one is (runtime/holder.ts): what a file
  // assigns to its `request` is what every later call through it reaches. Its `this` counts as the global's.
  const runtimeRequest = recorder('runtime');
  // uploadFile and downloadFile are on it only once their entry's install function ran, as in the real runtime.
  const holder: Record<string, unknown> = { request: runtimeRequest };
  globalObjects.set(holder, 'runtime wx');
  const runtime = { request: runtimeRequest, wx: holder, allowOrigins: () => undefined };
  const module = { exports: {} };
  // The plugin imports the runtime's lean entry for files that only read (runtime-entry.ts).
  const installer = (api: string) => () => void (holder[api] = recorder('runtime', api));
  const entries: Record<string, unknown> = {
    [options.runtime]: runtime,
    [`${options.runtime}/lean`]: runtime,
    [`${options.runtime}/upload-file`]: { useUploadFile: installer('uploadFile') },
    [`${options.runtime}/download-file`]: { useDownloadFile: installer('downloadFile') },
  };
  const sandboxRequire = (specifier: string) => entries[specifier] ?? require(specifier);
  vm.createContext(sandbox);
  const wrapped = vm.runInContext(`(function (require, module, exports) {\n${compiled?.code ?? ''}\n})`, sandbox, { filename }) as (...args: unknown[]) => void;
  wrapped(sandboxRequire, module, module.exports);
  return calls;
}

/**
 * The calls of a file before and after its rewrite, side by side for a test to compare: no call of
 * a global's `request` may be left, the runtime must get the arguments the global got, and the
 * same explicit `this` (`wx.request(o)` ran with `this === wx`, `_wx.request(o)` with the runtime's
 * `wx` in its place: the same owner).
 */
export function rewrittenCalls(before: RecordedCall[], after: RecordedCall[], globals: readonly string[]) {
  const reachedGlobal = before.filter((call) => call.via.startsWith('global'));
  const reachedRuntime = after.filter((call) => call.via === 'runtime');
  const isOwner = (self: string) => self.startsWith('[global') || globals.includes(self) || self === 'runtime wx';
  const explicit = (calls: RecordedCall[]) => calls.map((call) => (isOwner(call.self) ? 'global object' : call.self)).filter((self) => self !== 'undefined' && self !== 'global object');
  return {
    globalAfter: after.filter((call) => call.via.startsWith('global')),
    runtimeBefore: before.filter((call) => call.via === 'runtime'),
    runtimeArgs: reachedRuntime.map((call) => call.args),
    globalArgs: reachedGlobal.map((call) => call.args),
    runtimeThis: explicit(reachedRuntime),
    globalThis: explicit(reachedGlobal),
  };
}
