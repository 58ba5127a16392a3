// `npm run bench`: runs every benchmark and writes BENCHMARKS.md.
//
//   BENCH_QUICK=1        small sizes and 3 runs, for trying the harness (writes to the temp folder)
//   BENCH_ONLY=plugin,size   run only these sections (plugin, typescript, checker, runtime, size)
//   BENCH_RUNS=n, BENCH_FILES=n, BENCH_REQUESTS=n, BENCH_QUEUED=n   override the sizes
//   BENCH_NOTE="…"       a note printed at the top of the report
//   BENCH_OUT=path       where to write the report
//   BENCH_VERBOSE=0      no per-run log on stderr
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchBundlers } from './bundlers.js';
import { benchChecker } from './checker.js';
import { cleanupChildren } from './child.js';
import { writeCodeBase, type CodeBase } from './generate.js';
import { ROOT } from './load.js';
import { QUICK, RUNS } from './measure.js';
import { benchPlugin } from './plugin.js';
import { machine, render, type Section } from './report.js';
import { benchRuntime } from './runtime.js';
import { benchSize } from './size.js';
import { benchTypeScript } from './typescript.js';

const SEED = 20260101;
const FILES = Number(process.env['BENCH_FILES'] ?? (QUICK ? 200 : 2000));
const ALL = ['plugin', 'typescript', 'checker', 'runtime', 'size', 'bundlers'] as const;
const only = process.env['BENCH_ONLY']?.split(',').map((s) => s.trim()).filter(Boolean);
const selected = ALL.filter((id) => !only || only.includes(id));

const TITLES: Record<(typeof ALL)[number], string> = {
  plugin: '1. Babel plugin overhead',
  typescript: '2. TypeScript transformer overhead',
  checker: '3. Checker cost',
  runtime: '4. Runtime throughput',
  size: '5. Size',
  bundlers: '6. Bundler plugins overhead',
};

const m = machine();
const started = Date.now();
process.stderr.write(`wx-request benchmarks: ${m.cpu}, ${m.cores} cores, Node ${m.node}; load ${m.loadBefore.map((l) => l.toFixed(2)).join(' ')}\n`);

let codeBase: CodeBase | undefined;
const needsCode = selected.some((id) => id === 'plugin' || id === 'typescript' || id === 'checker' || id === 'bundlers');
if (needsCode) {
  codeBase = writeCodeBase({ seed: SEED, files: FILES });
  process.stderr.write(`code base: ${codeBase.fileCount} files, ${codeBase.lineCount} lines, ${codeBase.requestCalls} wx.request calls in ${codeBase.requestFiles} files, in ${codeBase.root}\n`);
}

const runners: Record<(typeof ALL)[number], () => Promise<Section>> = {
  plugin: () => benchPlugin(codeBase!),
  typescript: () => benchTypeScript(codeBase!),
  checker: () => benchChecker(codeBase!),
  runtime: () => benchRuntime(),
  size: () => benchSize(),
  bundlers: () => benchBundlers(codeBase!),
};

const sections: Section[] = [];
for (const id of ALL) {
  if (!selected.includes(id)) continue;
  const t0 = Date.now();
  process.stderr.write(`\n${TITLES[id]}\n`);
  try {
    sections.push(await runners[id]());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`  failed: ${error instanceof Error ? error.stack : message}\n`);
    sections.push({ id, title: TITLES[id], method: '', rows: [], notes: [], notMeasured: `the benchmark failed: ${message.split('\n')[0]}` });
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
    `The machine was busy with other work during this run (load average up to ${busiest.toFixed(1)} on ${m.cores} cores): wall-clock times are inflated and noisy, so targets on time are judged on CPU time, which such load inflates far less; the interleaving keeps the ratios fair, but their spread is wider than on an idle machine.`,
  );
}
const codeBaseText = codeBase
  ? `${codeBase.fileCount.toLocaleString('en-US')} files (${codeBase.lineCount.toLocaleString('en-US')} lines of JavaScript, about ${Math.round(codeBase.lineCount / codeBase.fileCount)} per file), ${codeBase.requestFiles} of them with ${codeBase.requestCalls} \`wx.request\` calls in eight forms, generated as JavaScript (CommonJS) and as TypeScript (ES modules, strict) by \`bench/generate.ts\` with seed ${SEED}, plus a shared module and a declarations file.`
  : 'not used by the selected benchmarks.';
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const footer = [
  '## Reproducing',
  '',
  `\`npm run bench\` builds, runs everything and rewrites this file (this run took ${minutes} min). \`BENCH_QUICK=1\` runs small sizes`,
  'into the temp folder; `BENCH_ONLY=plugin,typescript,checker,runtime,size` picks sections (see bench/run.ts). To see what',
  'dominates a figure: `node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-plugin.ts` (or',
  '`bench/profile-runtime.ts ours|fetch`), then `npx tsx bench/profile-top.ts /tmp/prof/<file>.cpuprofile`.',
];
const markdown = render(sections, m, { runs: RUNS, quick: QUICK, codeBase: codeBaseText, notes, footer });
const complete = !QUICK && !only && FILES === 2000;
const out = process.env['BENCH_OUT'] ?? (complete ? path.join(ROOT, 'BENCHMARKS.md') : path.join(os.tmpdir(), 'BENCHMARKS.partial.md'));
writeFileSync(out, markdown);
process.stderr.write(`\nwrote ${out} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('\n## ', markdown.indexOf('## Summary') + 5));
process.stdout.write(`${summary}\n`);
