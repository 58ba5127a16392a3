// The bundler plugins read each folder's configuration once per build, not once per file: a new
// build of the same plugin (a rebuild in watch and dev modes) reads the disk again.
import test from 'ava';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rolldown, type Plugin } from 'rolldown';
import wxRequest from '../../plugin/bundler/rolldown.js';

async function build(dir: string, plugin: Plugin): Promise<string> {
  const bundle = await rolldown({ input: path.join(dir, 'page.js'), logLevel: 'silent', external: [/^babel-plugin-wx-request\//], plugins: [plugin] });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    return output[0].code;
  } finally {
    await bundle.close();
  }
}

test('a configuration changed between two builds of one plugin applies to the second', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-request-config-per-build-'));
  try {
    writeFileSync(path.join(dir, 'page.js'), "wx.request({ url: 'https://api.example.com/a', method: 'get' });\n");
    writeFileSync(path.join(dir, 'wx-request.config.json'), JSON.stringify({ rules: { 'method-uppercase': 'off' } }));
    const plugin = wxRequest({ onDiagnostic: () => {} }) as Plugin;
    t.regex(await build(dir, plugin), /from "babel-plugin-wx-request\/runtime"/);
    writeFileSync(path.join(dir, 'wx-request.config.json'), JSON.stringify({ rules: { 'method-uppercase': 'error' } }));
    const error = await t.throwsAsync(build(dir, plugin));
    t.regex(error?.message ?? '', /method-uppercase/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
