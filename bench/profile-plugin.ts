// Profiling aid for benchmark 1: Babel passes over the generated JavaScript with preset-env and
// the plugin (or without it), so that `node --cpu-prof` shows where the plugin's share goes.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-plugin.ts [files] [with|without|alone] [traversed]
// BENCH_SHAPE=uniform for the old shape; `traversed` keeps only the files the quick check lets
// through (the plugin's real work); BENCH_PASSES=n repeats the pass.
import type { PluginItem } from '@babel/core';
import { writeCodeBase, type ShapeName } from './generate.js';
import { importDist, requireFromRoot } from './load.js';
import { babelVariant, read } from './plugin.js';

const [filesText = '2000', mode = 'with', subset = 'all'] = process.argv.slice(2);
const codeBase = writeCodeBase({ files: Number(filesText), shape: (process.env['BENCH_SHAPE'] ?? 'realistic') as ShapeName });
const loaded = await importDist<{ default: PluginItem }>('plugin/index.js');
const quick = await importDist<{ mayReferenceRequest(source: string, globals: readonly string[]): boolean }>('plugin/core/quick-check.js');
if (typeof loaded === 'string') throw new Error(loaded);
if (typeof quick === 'string') throw new Error(quick);
const presets: PluginItem[] = mode === 'alone' ? [] : [[requireFromRoot('@babel/preset-env'), { targets: 'defaults' }]];
const plugins: PluginItem[] = mode === 'without' ? [] : [[loaded.default, { globals: ['wx'], onDiagnostic: () => {} }]];
const run = babelVariant(presets, plugins);
const sources = read(codeBase).filter(({ code }) => subset !== 'traversed' || quick.mayReferenceRequest(code, ['wx']));
const start = performance.now();
for (let pass = 0; pass < Number(process.env['BENCH_PASSES'] ?? 1); pass++) for (const source of sources) run(source);
process.stdout.write(`${mode} plugin: ${sources.length} files in ${(performance.now() - start).toFixed(0)} ms\n`);
