// Rollup + @rollup/plugin-babel (async Babel, the root babel.config.js) + commonjs + node-resolve:
// the sample (fixtures/sample-app, CommonJS) bundled with the runtime inlined, as a CommonJS file
// for Node, then run against the local API server.
import test from 'ava';
import { babel } from '@rollup/plugin-babel';
import commonjsPlugin from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { rollup, type Plugin } from 'rollup';
import { sampleEntrySource } from './harness/entry.js';
import { BABEL_CONFIG, SAMPLE_APP, SAMPLE_FILES, exerciseBuiltSample, tempDir, type Configure } from './harness/run-sample.js';

// Under NodeNext the plugin's (CommonJS-typed) declarations give the default import the module's
// type; at run time it is the plugin function itself.
const commonjs = commonjsPlugin as unknown as typeof commonjsPlugin.default;

const ENTRY = '\0sample-entry';
const RUNTIME_REQUIRE = /\brequire\(\s*['"]babel-plugin-wx-request\/runtime['"]\s*\)/;

const sampleEntry: Plugin = {
  name: 'sample-entry',
  resolveId: (id) => (id === ENTRY ? ENTRY : null),
  load: (id) => (id === ENTRY ? sampleEntrySource() : null),
};

/**
 * fixtures/sample-app has no package.json of its own, so the repository's `"sideEffects": false`
 * covers it, and Rollup (through node-resolve) would drop every page: their only effect is calling
 * Page(). A mini-program's own files do have side effects; say so for the sample's files.
 */
const sampleHasSideEffects: Plugin = {
  name: 'sample-has-side-effects',
  load: (id) => (id.startsWith(SAMPLE_APP) ? { code: readFileSync(id, 'utf8'), moduleSideEffects: true } : null),
};

/** Bundles the sample as CommonJS; `babelFirst` puts @rollup/plugin-babel before @rollup/plugin-commonjs. */
async function bundleSample(babelFirst: boolean): Promise<{ code: string; sample: Map<string, string>; warnings: string[] }> {
  const warnings: string[] = [];
  const babelPlugin = babel({ babelHelpers: 'bundled', configFile: BABEL_CONFIG, include: [`${SAMPLE_APP}/**`] });
  const build = await rollup({
    input: ENTRY,
    plugins: [sampleEntry, sampleHasSideEffects, nodeResolve(), ...(babelFirst ? [babelPlugin, commonjs()] : [commonjs(), babelPlugin])],
    onwarn: (warning) => void warnings.push(`${warning.code}: ${warning.message}`),
  });
  try {
    const { output } = await build.generate({ format: 'cjs', exports: 'named' });
    const [chunk] = output;
    // The sample's modules as rendered into the bundle, by file.
    const sample = new Map(Object.entries(chunk.modules).filter(([id]) => id.startsWith(SAMPLE_APP)).map(([id, module]) => [path.relative(SAMPLE_APP, id), module.code ?? '']));
    return { code: chunk.code, sample, warnings };
  } finally {
    await build.close();
  }
}

test('Rollup + @rollup/plugin-babel: the bundled sample runs in Node and its requests arrive right', async (t) => {
  // Babel first, so the plugin's require() calls (the sample's files are CommonJS scripts) are
  // there when @rollup/plugin-commonjs turns requires into imports. See the next test for why.
  const { code, sample, warnings } = await bundleSample(true);
  t.deepEqual(warnings, []);
  t.deepEqual([...sample.keys()].sort(), SAMPLE_FILES, 'every file of the sample is in the bundle');
  // Scope hoisting renders the runtime's shared stand-in under its own name (`wx`, or `wx$1` beside
  // a global `wx`), so `wx.request` in the bundle is no sign of a call left unrewritten; the run
  // below is: the page's shim `wx` has no request, and a call left on it would throw.
  t.notRegex(code, RUNTIME_REQUIRE, 'the runtime is inlined, not required');
  t.regex(code, /\bfetchTransport\b/, 'the runtime is in the bundle');
  t.log(`bundle: ${code.length} bytes`);

  const out = tempDir('rollup');
  try {
    const file = path.join(out.dir, 'sample.cjs');
    writeFileSync(file, code);
    await exerciseBuiltSample(t, () => (createRequire(import.meta.url)(file) as { configure: Configure }).configure);
  } finally {
    out.remove();
  }
});

// @rollup/plugin-babel's README says commonjs() must come before babel(). In that order, a page
// that uses wx.request but has no require/module.exports of its own (pages/download, search, burst)
// reaches Babel untouched and parses as a script; the plugin must still add an `import` (Rollup's
// babel plugin says it supports static ESM), since nothing would bundle a `require` any more.
test('Rollup, in the order @rollup/plugin-babel documents (commonjs before babel): no require of the runtime is left in the bundle', async (t) => {
  const { code } = await bundleSample(false);
  t.notRegex(code, RUNTIME_REQUIRE);
});
