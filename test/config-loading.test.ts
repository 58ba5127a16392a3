import test from 'ava';
import * as babel from '@babel/core';
import path from 'node:path';
import { ROOT } from './support/fixtures.js';

// The root babel.config.js names the plugin the way users do: plugins: ['wx-request'].
const configFile = path.join(ROOT, 'babel.config.js');
const filename = path.join(ROOT, 'fixtures/basic-call/page.js');
const code = "wx.request({ url: 'https://api.example.com/items' });\nmodule.exports = {};\n";

test('babel.config.js loads the built plugin through transformSync (the babel-jest path)', (t) => {
  const result = babel.transformSync(code, { configFile, filename });
  t.regex(result?.code ?? '', /var _wx = require\("babel-plugin-wx-request\/runtime\/lean"\)\.wx;\n_wx\.request\(/);
});

test('babel.config.js loads the built plugin through transformAsync (the @rollup/plugin-babel path)', async (t) => {
  const result = await babel.transformAsync(code, { configFile, filename });
  t.regex(result?.code ?? '', /_wx\.request\(\{/);
});

test('both plugin names resolve: "wx-request" and "babel-plugin-wx-request"', (t) => {
  for (const name of ['wx-request', 'babel-plugin-wx-request']) {
    const result = babel.transformSync("export const task = wx.request({ url: 'https://a.com/' });", {
      babelrc: false,
      configFile: false,
      filename,
      cwd: ROOT,
      plugins: [name],
    });
    t.regex(result?.code ?? '', /^import \{ wx as _wx \} from "babel-plugin-wx-request\/runtime\/lean";/, name);
  }
});
