// Tree-shaking: a browser bundle of a page that only GETs JSON, built the way a user's would be
// (Rollup + @rollup/plugin-babel with the root babel.config.js, node-resolve for the browser),
// minified with esbuild; and the same page bundled and minified by esbuild itself (Babel in an
// esbuild plugin). What the bundle keeps of the runtime is checked by the identifiers and strings
// that survive minification (property names, string and regular-expression literals).
import test from 'ava';
import { babel } from '@rollup/plugin-babel';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { transformAsync } from '@babel/core';
import { build as esbuild, transform as esbuildTransform } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { BABEL_CONFIG, tempDir } from './harness/run-sample.js';

// A page that only GETs JSON: no method, no header, no data, no enableChunked. `export {}` makes it
// an ES module for Babel's sourceType "unambiguous", so the plugin adds an import, not a require.
const GET_JSON_PAGE = `
const show = (res) => {
  document.body.textContent = JSON.stringify(res.data);
};
wx.request({ url: 'https://api.example.com/v1/items', success: show });
export {};
`;

/** Fingerprints of the parts a GET-with-JSON page does not need, as they survive minification. */
const FORM_SERIALIZER = 'x-www-form-urlencoded'; // serialize(): the form body branch's content-type test
// The option the chunk reader reads (runtime/chunks.ts). The task keeps its onChunkReceived and
// offChunkReceived methods in any bundle: they are part of WeChat's RequestTask interface.
const CHUNK_READER = ['enableChunked'];
/** Present in any bundle of request(): the fetch transport. */
const FETCH_TRANSPORT = 'getSetCookie';
/** Present only if configure() (not imported by the page) were bundled. */
const CONFIGURE = 'configure: ';
/** Present only if the plugin's rule objects (not just the messages the runtime uses) were bundled. */
const RULE_METADATA = 'accepts only';

interface Bundle {
  code: string;
  gzip: number;
}

const bundled = (code: string): Bundle => ({ code, gzip: gzipSync(code, { level: 9 }).length });

async function withPage<T>(run: (entry: string) => Promise<T>): Promise<T> {
  const out = tempDir('tree-shaking');
  try {
    const entry = path.join(out.dir, 'get-json-page.js');
    writeFileSync(entry, GET_JSON_PAGE);
    return await run(entry);
  } finally {
    out.remove();
  }
}

/** Rollup + @rollup/plugin-babel for the browser, then minified by esbuild. */
function rollupBundle(): Promise<Bundle> {
  return withPage(async (entry) => {
    const warnings: string[] = [];
    const build = await rollup({
      input: entry,
      plugins: [nodeResolve({ browser: true }), babel({ babelHelpers: 'bundled', configFile: BABEL_CONFIG, include: [entry] })],
      onwarn: (warning) => void warnings.push(`${warning.code}: ${warning.message}`),
    });
    try {
      if (warnings.length) throw new Error(warnings.join('\n'));
      const { output } = await build.generate({ format: 'iife' });
      const minified = await esbuildTransform(output[0].code, { minify: true, target: 'es2022', legalComments: 'none' });
      return bundled(minified.code);
    } finally {
      await build.close();
    }
  });
}

/** esbuild bundling and minifying for the browser, the page compiled by Babel (the root config) on load. */
function esbuildBundle(): Promise<Bundle> {
  return withPage(async (entry) => {
    const result = await esbuild({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      legalComments: 'none',
      plugins: [
        {
          name: 'babel-wx-request',
          setup(build) {
            build.onLoad({ filter: /get-json-page\.js$/ }, async (args) => {
              const result = await transformAsync(readFileSync(args.path, 'utf8'), { filename: args.path, configFile: BABEL_CONFIG });
              return { contents: result?.code ?? '', loader: 'js' };
            });
          },
        },
      ],
    });
    return bundled(result.outputFiles[0]!.text);
  });
}

interface Case {
  bundler: string;
  make: () => Promise<Bundle>;
  /** Whether the bundler drops the unused Rule objects of plugin/core/rules/*.ts (see below). */
  dropsRuleObjects: boolean;
}

const CASES: Case[] = [
  { bundler: 'Rollup + @rollup/plugin-babel, minified by esbuild', make: rollupBundle, dropsRuleObjects: true },
  // The runtime imports its messages and MAX_TIMEOUT from plugin/core/rules/messages.ts, which holds
  // no Rule object, so even esbuild (which keeps unused objects whose template literals might have
  // side effects) bundles none of the rules' documentation.
  { bundler: 'esbuild', make: esbuildBundle, dropsRuleObjects: true },
];

/** The page's own call, as it would read (minified) had the plugin not rewritten it. */
const PAGE_CALL_LEFT = /wx\.request\(\{\s*url:\s*["']https:\/\/api\.example\.com\/v1\/items/;

for (const { bundler, make, dropsRuleObjects } of CASES) {
  test(`tree-shaking (${bundler}): a GET-with-JSON page bundles request() and the fetch transport only`, async (t) => {
    const { code, gzip } = await make();
    t.log(`minified: ${code.length} bytes, gzipped: ${gzip} bytes`);
    t.notRegex(code, PAGE_CALL_LEFT, 'the call was rewritten');
    t.true(code.includes(FETCH_TRANSPORT), 'the fetch transport is there');
    t.false(code.includes(CONFIGURE), 'configure() is dropped: the page does not import it');
    t.false(/\brequire\(/.test(code), 'no require() left for the browser');
    t.is(!code.includes(RULE_METADATA), dropsRuleObjects, dropsRuleObjects ? "the plugin's rule objects are dropped: only the messages the runtime shows remain" : 'the rule objects are still bundled (see CASES)');
    // The plugin imports the runtime's lean entry for this page (every call a plain GET, options
    // known): it has neither the form body encoding nor the chunk reader.
    t.false(code.includes(FORM_SERIALIZER), 'no form body serializer');
    for (const name of CHUNK_READER) t.false(code.includes(name), `no chunk reader (${name})`);
  });
}
