// Profiling aid for benchmark 1: the plugin's own CPU inside Babel's run (its visitor calls, timed
// through Babel's wrapPluginVisitorMethod) as a share of everything else preset-env does for the same
// files: far steadier on a busy machine than the difference of two totals. Compares the plugin of
// dist/ with that of another build (BENCH_BASELINE_DIST=<a copy of an older dist/>, kept under
// node_modules/ so that its imports resolve), file by file, interleaved.
//   BENCH_BASELINE_DIST=node_modules/.wx-before/dist BENCH_RUNS=5 npx tsx bench/plugin-own.ts
import path from 'node:path';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { transformSync, type PluginItem } from '@babel/core';
import { writeCodeBase, type ShapeName } from './generate.js';
import { ROOT, requireFromRoot } from './load.js';
import { read } from './plugin.js';
const shape = (process.env['BENCH_SHAPE'] ?? 'realistic') as ShapeName;
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const load = async (dist: string) => ((await import(pathToFileURL(path.join(dist, 'plugin/index.js')).href)) as { default: PluginItem }).default;
const baseline = process.env['BENCH_BASELINE_DIST'];
const builds: Record<string, PluginItem> = { ...(baseline ? { before: await load(path.resolve(ROOT, baseline)) } : {}), after: await load(path.join(ROOT, 'dist')) };
const sources = read(writeCodeBase({ files: 2000, shape }));
const env: PluginItem = [requireFromRoot('@babel/preset-env'), { targets: 'defaults' }];
const ts: PluginItem = [requireFromRoot('@babel/preset-typescript'), {}];
const opts = { globals: ['wx'], onDiagnostic: () => {} };
let own = 0;
const wrap = (key: string, _type: string, fn: (...a: unknown[]) => unknown) =>
  key !== 'wx-request' ? fn : function (this: unknown, ...a: unknown[]) { const c = process.cpuUsage(); try { return fn.apply(this, a); } finally { const u = process.cpuUsage(c); own += u.user + u.system; } };
const variants = Object.entries(builds).map(([name, plugin]) => ({ name, plugins: [[plugin, opts]] as PluginItem[] }));
const totals: Record<string, { own: number[]; all: number[] }> = { before: { own: [], all: [] }, after: { own: [], all: [] } };
for (let round = 0; round <= runs; round++) {
  const sum: Record<string, { own: number; all: number }> = { before: { own: 0, all: 0 }, after: { own: 0, all: 0 } };
  sources.forEach(({ file, code }, i) => {
    const order = (i + round) % 2 ? [...variants].reverse() : variants;
    for (const v of order) {
      own = 0;
      const c = process.cpuUsage();
      transformSync(code, { filename: file, configFile: false, babelrc: false, sourceType: 'unambiguous', presets: file.endsWith('.ts') ? [env, ts] : [env], plugins: v.plugins, wrapPluginVisitorMethod: wrap } as never);
      const u = process.cpuUsage(c);
      sum[v.name]!.own += own / 1000;
      sum[v.name]!.all += (u.user + u.system) / 1000;
    }
  });
  if (round === 0) continue; // warm-up
  for (const v of variants) { totals[v.name]!.own.push(sum[v.name]!.own); totals[v.name]!.all.push(sum[v.name]!.all); }
  console.log(`round ${round}: ` + variants.map((v) => `${v.name} own ${sum[v.name]!.own.toFixed(0)} ms of ${sum[v.name]!.all.toFixed(0)} ms (${((sum[v.name]!.own / (sum[v.name]!.all - sum[v.name]!.own)) * 100).toFixed(2)}%)`).join('; ') + `; load ${os.loadavg()[0]!.toFixed(1)}`);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
for (const v of variants) { const t = totals[v.name]!; const shares = t.own.map((o, i) => o / (t.all[i]! - o)).sort((a, b) => a - b); console.log(`${shape} ${v.name}: own median ${med(t.own).toFixed(0)} ms per code base; share of the rest ${(med(shares) * 100).toFixed(2)}% (min ${(shares[0]! * 100).toFixed(2)}, max ${(shares.at(-1)! * 100).toFixed(2)})`); }
