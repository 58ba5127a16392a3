import test from 'ava';
import * as babel from '@babel/core';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import plugin from '../plugin/index.js';

test('a rewritten call maps back to the user line and column', (t) => {
  const input = "const page = 1;\n\nfunction load() {\n  return wx.request({ url: 'https://a.com/' });\n}\n";
  const result = babel.transformSync(input, { babelrc: false, configFile: false, filename: 'page.js', sourceMaps: true, plugins: [plugin] });
  const code = result?.code ?? '';
  const lines = code.split('\n');
  const line = lines.findIndex((text) => text.includes('_wx.request({'));
  t.not(line, -1);
  const column = lines[line]?.indexOf('_wx.request') ?? -1;
  const map = new TraceMap(result?.map as never);
  const original = originalPositionFor(map, { line: line + 1, column });
  t.deepEqual({ line: original.line, column: original.column }, { line: 4, column: 9 });
});
