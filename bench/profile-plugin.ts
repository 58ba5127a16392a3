// Profiling aid for benchmark 1: one Babel pass over the generated JavaScript with preset-env and
// the plugin, so that `node --cpu-prof` shows where the plugin's share goes.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-plugin.ts [files] [with|without]
import { readFileSync } from 'node:fs';
import { transformSync, type PluginItem } from '@babel/core';
import { writeCodeBase } from './generate.js';
import { importDist, requireFromRoot } from './load.js';

const [filesText = '2000', mode = 'with'] = process.argv.slice(2);
const codeBase = writeCodeBase({ files: Number(filesText), shape: (process.env['BENCH_SHAPE'] ?? 'realistic') as 'realistic' | 'uniform' });
const loaded = await importDist<{ default: PluginItem }>('plugin/index.js');
if (typeof loaded === 'string') throw new Error(loaded);
const presets: PluginItem[] = [[requireFromRoot('@babel/preset-env'), { targets: 'defaults' }]];
const plugins: PluginItem[] = mode === 'with' ? [[loaded.default, { globals: ['wx'], onDiagnostic: () => {} }]] : [];
const sources = codeBase.jsFiles.map((file) => ({ file, code: readFileSync(file, 'utf8') }));
const start = performance.now();
for (const { file, code } of sources) transformSync(code, { filename: file, configFile: false, babelrc: false, sourceType: 'unambiguous', presets, plugins });
process.stdout.write(`${mode} plugin: ${sources.length} files in ${(performance.now() - start).toFixed(0)} ms\n`);
