// `npm run bench`: runs every benchmark of the registry below and writes BENCHMARKS.md.
//
//   BENCH_QUICK=1        small sizes and 3 runs, for trying the harness (writes to the temp folder)
//   BENCH_ONLY=plugin,size   run only these benchmarks (their ids below)
//   BENCH_RUNS=n, BENCH_FILES=n, BENCH_REQUESTS=n, BENCH_QUEUED=n   override the sizes
//   BENCH_NOTE="…"       a note printed at the top of the report
//   BENCH_OUT=path       where to write the report
//   BENCH_VERBOSE=0      no per-run log on stderr
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBundlers } from './bundlers.js';
import { benchChecker } from './checker.js';
import { benchESLint } from './eslint.js';
import { cleanupChildren } from './child.js';
import { DEFAULT_SEED, writeCodeBase, type CodeBase, type ShapeName } from './generate.js';
import { ROOT } from './load.js';
import { QUICK, RUNS } from './measure.js';
import { benchPlugin } from './plugin.js';
import { machine, render, type BenchContext, type Benchmark, type Section } from './report.js';
import { benchRuntime } from './runtime.js';
import { benchSize } from './size.js';
import { benchTypeScript } from './typescript.js';

/**
 * The registry: one line per benchmark, in the order of BENCHMARKS.md. A benchmark returns a
 * Section (bench/report.ts); its rows that have a target go into the summary table by themselves.
 */
const BENCHMARKS: Benchmark[] = [
  { id: 'plugin', title: 'Babel plugin overhead', run: benchPlugin },
  { id: 'typescript', title: 'TypeScript transformer overhead', run: (c) => benchTypeScript(c.codeBase()) },
  { id: 'checker', title: 'Checker cost', run: (c) => benchChecker(c.codeBase()) },
  { id: 'eslint', title: 'ESLint plugin overhead', run: (c) => benchESLint(c.codeBase()) },
  { id: 'runtime', title: 'Runtime throughput', run: () => benchRuntime() },
  { id: 'size', title: 'Size', run: () => benchSize() },
  { id: 'bundlers', title: 'Bundler plugins overhead', run: (c) => benchBundlers(c.codeBase()) },
];

const FILES = Number(process.env['BENCH_FILES'] ?? (QUICK ? 200 : 2000));
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = only?.filter((id) => !BENCHMARKS.some((b) => b.id === id)) ?? [];
if (unknown.length) {
  process.stderr.write(`BENCH_ONLY names unknown benchmarks: ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.id).join(', ')}\n`);
  process.exit(2);
}
const selected = BENCHMARKS.filter((b) => !only || only.includes(b.id));

const m = machine();
const started = Date.now();
process.stderr.write(`wx-request benchmarks: ${m.cpu}, ${m.cores} cores, Node ${m.node}; load ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}\n`);

const codeBases = new Map<ShapeName, CodeBase>();
const context: BenchContext = {
  codeBase(shape = 'realistic') {
    let codeBase = codeBases.get(shape);
    if (!codeBase) {
      codeBase = writeCodeBase({ seed: DEFAULT_SEED, files: FILES, shape });
      codeBases.set(shape, codeBase);
      process.stderr.write(`  code base (${shape}): ${codeBase.fileCount} files, ${codeBase.wxFiles} mentioning wx.*, ${codeBase.requestCalls} wx.request calls in ${codeBase.requestFiles} files, in ${codeBase.root}\n`);
    }
    return codeBase;
  },
  quick: QUICK,
  runs: RUNS,
};

const sections: Section[] = [];
for (const [index, benchmark] of BENCHMARKS.entries()) {
  if (!selected.includes(benchmark)) continue;
  // Numbered by place in the registry, whatever the section calls itself.
  const title = `${index + 1}. ${benchmark.title}`;
  const t0 = Date.now();
  process.stderr.write(`\n${title}\n`);
  try {
    const section = await benchmark.run(context);
    sections.push({ ...section, id: benchmark.id, title });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`  failed: ${error instanceof Error ? error.stack : message}\n`);
    sections.push({ id: benchmark.id, title, method: '', rows: [], notes: [], notMeasured: `the benchmark failed: ${message.split('\n')[0]}` });
  }
  process.stderr.write(`  (${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
}
cleanupChildren();
m.loadAfter = os.loadavg();

const notes: string[] = [];
if (process.env['BENCH_NOTE']) notes.push(process.env['BENCH_NOTE']);
const busiest = Math.max(...m.loadBefore.slice(0, 2), ...m.loadAfter.slice(0, 2));
if (busiest > m.cores * 0.75) {
  notes.push(
    `The machine was busy with other work during this run (load average up to ${busiest.toFixed(1)} on ${m.cores} cores): wall-clock times are inflated and noisy, so targets on time are judged on CPU time, which such load inflates far less; the interleaving keeps the ratios fair-ish, but their spread is wider than on an idle machine.`,
  );
}
const described = [...codeBases.values()].map(
  (c) =>
    `${c.shape}: ${c.fileCount.toLocaleString('en-US')} files (${(c.byteCount / 1024 / 1024).toFixed(1)} MiB, ${c.lineCount.toLocaleString('en-US')} lines of JavaScript), ${c.wxFiles} mentioning \`wx.*\`, ${c.requestFiles} with ${c.requestCalls} \`wx.request\` calls; ${c.describe}.`,
);
const codeBaseText = described.length ? `generated by \`bench/generate.ts\` (seed ${DEFAULT_SEED}), as JavaScript and as a strict TypeScript project. ${described.join(' ')}` : 'not used by the selected benchmarks.';
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const footer = [
  '## Reproducing',
  '',
  `\`npm run bench\` builds, runs everything and rewrites this file (this run took ${minutes} min). \`BENCH_QUICK=1\` runs small sizes`,
  `into the temp folder; \`BENCH_ONLY=${BENCHMARKS.map((b) => b.id).join(',')}\` picks benchmarks (see bench/run.ts). Profiling: bench/README.md.`,
];
const markdown = render(sections, m, { runs: RUNS, quick: QUICK, codeBase: codeBaseText, notes, footer });
const complete = !QUICK && !only && FILES === 2000;
const out = process.env['BENCH_OUT'] ?? (complete ? path.join(ROOT, 'BENCHMARKS.md') : path.join(os.tmpdir(), 'BENCHMARKS.partial.md'));
writeFileSync(out, markdown);
process.stderr.write(`\nwrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('\n## ', markdown.indexOf('## Summary') + 5));
process.stdout.write(`${summary}\n`);
