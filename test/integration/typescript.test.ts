// The TypeScript transformer (babel-plugin-wx-request/typescript) through tsc's API: the sample
// (fixtures/sample-app, JavaScript, CommonJS) compiled by ts.createProgram with allowJs and
// `before: [createTransformer(program)]`, emitted as CommonJS to a temporary folder, required by
// Node and run against the local API server.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { createTransformer } from 'babel-plugin-wx-request/typescript';
import { WX_REQUEST_LEFT, withoutComments } from './harness/entry.js';
import { SAMPLE_APP, SAMPLE_FILES, SAMPLE_MODULES, exerciseBuiltSample, tempDir, type Configure } from './harness/run-sample.js';

test('the TypeScript transformer through tsc: the compiled sample runs in Node and its requests arrive right', async (t) => {
  const out = tempDir('typescript');
  try {
    const outDir = path.join(out.dir, 'out');
    const program = ts.createProgram({
      rootNames: SAMPLE_FILES.map((file) => path.join(SAMPLE_APP, file)),
      options: { allowJs: true, checkJs: false, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, outDir, rootDir: SAMPLE_APP, types: [], skipLibCheck: true, noEmitOnError: false },
    });
    const diagnostics: string[] = [];
    const emitted: string[] = [];
    const result = program.emit(undefined, (file, text) => {
      ts.sys.writeFile(file, text);
      emitted.push(path.relative(outDir, file));
    }, undefined, false, { before: [createTransformer(program, { onDiagnostic: (diagnostic) => void diagnostics.push(JSON.stringify(diagnostic)) })] });
    t.false(result.emitSkipped);
    t.deepEqual(result.diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')), []);
    t.deepEqual(diagnostics, [], 'the sample breaks no rule');
    t.deepEqual(emitted.sort(), SAMPLE_FILES);
    for (const file of SAMPLE_FILES) {
      t.notRegex(withoutComments(readFileSync(path.join(outDir, file), 'utf8')), WX_REQUEST_LEFT, `every wx.request was rewritten in ${file}`);
    }
    // The emitted files are CommonJS; their folder says so (the repository's package.json says "module").
    writeFileSync(path.join(out.dir, 'package.json'), '{ "type": "commonjs" }\n');

    const require = createRequire(path.join(outDir, 'app.js'));
    await exerciseBuiltSample(t, () => {
      for (const file of SAMPLE_MODULES) require(path.join(outDir, file));
      // The runtime as the emitted files resolve it (through the temporary node_modules link):
      // the same module instance they call.
      return (require('babel-plugin-wx-request/runtime') as { configure: Configure }).configure;
    });
  } finally {
    out.remove();
  }
});
