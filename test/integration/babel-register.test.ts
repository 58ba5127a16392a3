// The babel-jest path: Node requires the sample's own files (fixtures/sample-app, CommonJS) and
// @babel/register compiles each one on the way with the root babel.config.js, so the plugin turns
// every wx.request into a require of babel-plugin-wx-request/runtime, which Node then loads
// (an ES module, through require(esm)).
import test from 'ava';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BABEL_CONFIG, SAMPLE_APP, SAMPLE_FILES, SAMPLE_MODULES, exerciseBuiltSample, type Configure } from './harness/run-sample.js';

const require = createRequire(import.meta.url);

interface Register {
  (options: Record<string, unknown>): void;
  revert(): void;
}

test('@babel/register: the sample required through Babel runs in Node and its requests arrive right', async (t) => {
  const register = require('@babel/register') as Register;
  register({ configFile: BABEL_CONFIG, only: [SAMPLE_APP], extensions: ['.js'], cache: false });
  const compiled: string[] = [];
  try {
    await exerciseBuiltSample(t, () => {
      for (const file of SAMPLE_MODULES) require(path.join(SAMPLE_APP, file));
      for (const id of Object.keys(require.cache)) if (id.startsWith(SAMPLE_APP)) compiled.push(path.relative(SAMPLE_APP, id));
      // The runtime as the sample's files resolve it: the same module instance they call.
      const runtime = createRequire(path.join(SAMPLE_APP, 'app.js'))('babel-plugin-wx-request/runtime') as { configure: Configure };
      return runtime.configure;
    });
  } finally {
    register.revert();
    for (const id of Object.keys(require.cache)) if (id.startsWith(SAMPLE_APP)) delete require.cache[id];
  }
  t.deepEqual(compiled.sort(), SAMPLE_FILES);
});
