// webpack 5 + babel-loader (the root babel.config.js), through webpack's Node API, target node:
// the sample (fixtures/sample-app, CommonJS) bundled with the runtime inlined, run against the
// local API server. One build, in production mode (so package.json "sideEffects" is honoured, as in
// a user's release build) without minifying.
import test from 'ava';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import webpack, { type Configuration, type Stats } from 'webpack';
import { WX_REQUEST_LEFT, sampleEntrySource, withoutComments } from './harness/entry.js';
import { BABEL_CONFIG, ROOT, SAMPLE_APP, SAMPLE_FILES, exerciseBuiltSample, tempDir, type Configure } from './harness/run-sample.js';

const require = createRequire(import.meta.url);

function compile(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close((closeError) => {
        if (error ?? closeError) reject(error ?? closeError);
        else resolve(stats!);
      });
    });
  });
}

test('webpack 5 + babel-loader: the bundled sample runs in Node and its requests arrive right', async (t) => {
  const out = tempDir('webpack');
  try {
    const entry = path.join(out.dir, 'entry.mjs');
    writeFileSync(entry, sampleEntrySource());
    const stats = await compile({
      mode: 'production',
      target: 'node20',
      context: ROOT,
      entry,
      output: { path: path.join(out.dir, 'dist'), filename: 'sample.cjs', library: { type: 'commonjs2' } },
      optimization: { minimize: false },
      cache: false,
      devtool: false,
      module: {
        rules: [
          {
            test: /\.js$/,
            include: SAMPLE_APP,
            use: { loader: require.resolve('babel-loader'), options: { configFile: BABEL_CONFIG, cacheDirectory: false } },
            // fixtures/sample-app has no package.json of its own, so the repository's covers it:
            // - `"type": "module"` would make webpack parse the sample's CommonJS files as strict
            //   ES modules and leave every require() in the bundle, unresolved;
            // - `"sideEffects": false` would make it drop every page (their only effect is Page()).
            // A mini-program's own files are CommonJS-or-ESM scripts with side effects: say so.
            type: 'javascript/auto',
            sideEffects: true,
          },
        ],
      },
    });
    const info = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true, source: true, ids: true });
    t.deepEqual(info.errors?.map((error) => error.message) ?? [], []);
    t.deepEqual(info.warnings?.map((warning) => warning.message) ?? [], []);
    const file = path.join(out.dir, 'dist/sample.cjs');
    const code = readFileSync(file, 'utf8');
    // The sample's modules as babel-loader gave them to webpack (concatenated modules are nested).
    const modules = (info.modules ?? []).flatMap((module) => [module, ...(module.modules ?? [])]);
    const sample = modules.filter((module) => module.nameForCondition?.startsWith(SAMPLE_APP));
    t.deepEqual([...new Set(sample.map((module) => path.relative(SAMPLE_APP, module.nameForCondition!)))].sort(), SAMPLE_FILES);
    for (const module of sample) {
      t.notRegex(withoutComments(String(module.source)), WX_REQUEST_LEFT, `every wx.request was rewritten in ${module.name}`);
    }
    t.notRegex(code, /\brequire\(\s*['"]babel-plugin-wx-request/, 'the runtime is inlined, not required');
    t.regex(code, /\bfetchTransport\b/, 'the runtime is in the bundle');
    t.log(`bundle: ${code.length} bytes, ${info.modules?.length ?? 0} modules`);

    await exerciseBuiltSample(t, () => (require(file) as { configure: Configure }).configure);
  } finally {
    out.remove();
  }
});
