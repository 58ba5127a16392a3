import test from 'ava';
import * as babel from '@babel/core';
import plugin from '../plugin/index.js';
import { DEFAULT_RUNTIME } from '../plugin/core/options.js';
import { applyEdits } from '../plugin/core/apply-edits.js';
import type { TextEdit } from '../plugin/core/text-edits.js';
import { execute } from './support/execute.js';
import { loadFixtures, type Fixture } from './support/fixtures.js';
import { syntaxFor } from './support/transform.js';

function reported(result: babel.BabelFileResult | null): TextEdit[] | undefined {
  return (result?.metadata as { wxRequest?: { edits?: TextEdit[] } } | undefined)?.wxRequest?.edits;
}

/** The plugin's edits of one fixture, as a tool reads them from result.metadata. */
function editsOf(fixture: Fixture, code = fixture.input): TextEdit[] {
  const result = babel.transformSync(code, {
    babelrc: false,
    configFile: false,
    filename: fixture.inputFile,
    cwd: fixture.dir,
    sourceType: fixture.options.babel?.sourceType ?? 'module',
    parserOpts: { plugins: syntaxFor(fixture.inputFile) },
    plugins: [[plugin, { ...fixture.options.plugin, onDiagnostic: () => undefined }]],
  });
  const edits = reported(result);
  if (!edits) throw new Error(`no edits reported for ${fixture.name}`);
  return edits;
}

// Rewrite fixtures whose input the plugin rewrites with its own presets-free parse.
const fixtures = loadFixtures().filter((fixture) => fixture.output !== undefined && fixture.error === undefined && (fixture.options.babel?.presets ?? []).length === 0);

for (const fixture of fixtures) {
  test(`edits of ${fixture.name}: sorted, disjoint, and the edited text behaves as the plugin's output`, (t) => {
    const edits = editsOf(fixture);
    for (let index = 1; index < edits.length; index += 1) t.true(edits[index - 1]!.end <= edits[index]!.start, 'edits are sorted and do not overlap');
    const edited = applyEdits(fixture.input, edits);
    // Edits keep every line where it was.
    t.is(edited.split('\n').length, fixture.input.split('\n').length);
    // It parses, and the plugin finds nothing left to rewrite in it.
    t.deepEqual(editsOf(fixture, edited), []);
    if (fixture.options.exec === false) return;
    const globals = (fixture.options.plugin?.['globals'] as string[] | undefined) ?? ['wx'];
    const runtime = (fixture.options.plugin?.['runtime'] as string | undefined) ?? DEFAULT_RUNTIME;
    const settings = { presets: [], globals, runtime };
    t.deepEqual(execute(babel, edited, fixture.inputFile, settings), execute(babel, fixture.output ?? '', fixture.inputFile, settings));
  });
}

test('a file with nothing to rewrite reports no edits', (t) => {
  const result = babel.transformSync("wx.showToast({ title: 'hi' });\nconst x = 1;\n", { babelrc: false, configFile: false, filename: 'page.js', plugins: [plugin] });
  t.deepEqual(reported(result), []);
});

test('with allowedOrigins the edits add the runtime import and one allowOrigins call on the first line', (t) => {
  const source = "'use strict';\n// page\nwx.request({ url: 'https://api.example.com:8443/items' });\n";
  const result = babel.transformSync(source, { babelrc: false, configFile: false, filename: 'page.js', sourceType: 'module', plugins: [[plugin, { allowedOrigins: ['https://api.example.com:8443'] }]] });
  t.is(
    applyEdits(source, reported(result) ?? []),
    "'use strict';\n// page\nimport { wx as _wx, allowOrigins as _allowOrigins } from \"babel-plugin-wx-request/runtime/lean\"; _allowOrigins([\"https://api.example.com:8443\"]); _wx.request({ url: 'https://api.example.com:8443/items' });\n",
  );
  t.regex(result?.code ?? '', /_allowOrigins\(\["https:\/\/api\.example\.com:8443"\]\);\n_wx\.request/);
});
