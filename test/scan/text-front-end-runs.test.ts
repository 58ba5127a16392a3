// The text front end's rewrite at run time: `wx` → `_w` and the runtime import on a line of its own
// (a new last line in an ES module, where it is hoisted; a code-free line before the first
// statement in CommonJS). Every fixture it rewrites must make the same calls, with the same
// arguments and owner, as the original made of the global.
import test from 'ava';
import * as babel from '@babel/core';
import { createRequire } from 'node:module';
import { DEFAULT_RUNTIME, resolveOptions } from '../../plugin/core/options.js';
import { transformText } from '../../plugin/scan/transform-text.js';
import { execute, rewrittenCalls } from '../support/execute.js';
import { loadFixtures } from '../support/fixtures.js';

const require = createRequire(import.meta.url);
const resolvePreset = (name: string) => require.resolve(name);

test('every fixture the text front end rewrites: the calls reach the runtime with the same arguments and this', (t) => {
  let ran = 0;
  for (const fixture of loadFixtures()) {
    if (fixture.options.exec === false) continue;
    const options = fixture.options.plugin ?? {};
    const output = transformText(fixture.input, fixture.inputFile, fixture.name, resolveOptions({ ...options, onDiagnostic: () => {} }))?.output;
    if (!output) continue;
    const globals = (options['globals'] as string[] | undefined) ?? ['wx'];
    const runtime = (options['runtime'] as string | undefined) ?? DEFAULT_RUNTIME;
    const presets = (fixture.options.babel?.presets ?? []).map((preset) => (typeof preset === 'string' ? resolvePreset(preset) : [resolvePreset(preset[0]), preset[1]]));
    const settings = { presets, globals, runtime };
    const calls = rewrittenCalls(execute(babel, fixture.input, fixture.inputFile, settings), execute(babel, output.code, fixture.inputFile, settings), globals);
    t.deepEqual(calls.globalAfter, calls.runtimeBefore, `${fixture.name}: no call of a global request is left`);
    t.deepEqual(calls.runtimeArgs, calls.globalArgs, fixture.name);
    t.deepEqual(calls.runtimeThis, calls.globalThis, fixture.name);
    ran++;
  }
  t.log(`${ran} fixtures rewritten by the text front end and run`);
  t.true(ran >= 20, `${ran} ran`);
});

test('an ES module that calls wx.request at its top level reaches the runtime (the import at the end is hoisted)', (t) => {
  const code = "export const before = 1;\nwx.request({ url: 'https://api.example.com/top' });\n";
  const output = transformText(code, '/project/page.mjs', 'page.mjs', resolveOptions({}))?.output;
  t.true(output?.code.trimEnd().endsWith('from "babel-plugin-wx-request/runtime/lean";'));
  const settings = { presets: [], globals: ['wx'], runtime: DEFAULT_RUNTIME };
  const after = execute(babel, output?.code ?? '', '/project/page.mjs', settings);
  t.deepEqual(after.map((call) => call.via), ['runtime']);
});
