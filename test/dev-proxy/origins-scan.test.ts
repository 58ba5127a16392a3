import test from 'ava';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createOptionsResolver } from '../../plugin/config/project-config.js';
import { devProxyOrigins } from '../../plugin/bundler/dev-proxy-origins.js';

/** `devProxy: true`: the origins of the app's files and of its `dependencies`, plus allowedOrigins; the list when one is given. */
test('devProxy: true finds the origins of the app and of its dependencies, as the build reads them', (t) => {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-request-scan-'));
  try {
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'app', dependencies: { 'shop-sdk': '1.0.0' } }),
      'wx-request.config.json': JSON.stringify({ allowedOrigins: ['https://api.example.com:8443'] }),
      'src/api.js': "const BASE = 'https://api.example.com';\nexport const get = (path) => wx.request({ url: BASE + path });\nexport const cdn = () => wx.request({ url: 'https://cdn.example.com/list' });\n",
      'src/local.js': "wx.request({ url: '/api/me' });\nwx.request({ url: getApp().base + '/x' });\n",
      'src/broken.js': 'wx.request({ url: "https://broken.example.com" ',
      'node_modules/shop-sdk/index.js': "module.exports = () => wx.request({ url: 'https://sdk.example.com/v1/goods', method: 'post' });\n",
      'node_modules/dev-tool/index.js': "wx.request({ url: 'https://not-a-dependency.example.com/' });\n",
      '.cache/old.js': "wx.request({ url: 'https://hidden.example.com/' });\n",
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    }
    const optionsFor = createOptionsResolver({}, { cwd: root });
    t.deepEqual(devProxyOrigins(true, root, {}, optionsFor), ['https://api.example.com', 'https://api.example.com:8443', 'https://cdn.example.com', 'https://sdk.example.com']);
    t.deepEqual(devProxyOrigins(['https://only.example.com'], root, {}, optionsFor), ['https://only.example.com']);
    t.deepEqual(devProxyOrigins(false, root, {}, optionsFor), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
