// The result model every benchmark returns, and the writer of BENCHMARKS.md.
import os from 'node:os';
import type { CodeBase, ShapeName } from './generate.js';
import { ratio, type Stat, type Timing } from './measure.js';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** The generated code base of a shape (default 'realistic'), written once per run and shared. */
  codeBase(shape?: ShapeName): CodeBase;
  /** BENCH_QUICK=1: small sizes, few runs. */
  quick: boolean;
  /** Measured runs per variant. */
  runs: number;
}

/**
 * One entry of the registry in bench/run.ts. Adding a benchmark is one line there:
 * `{ id: 'eslint', title: 'ESLint overhead', run: benchEslint },`. Its rows with a target show up in
 * the summary table of BENCHMARKS.md on their own.
 */
export interface Benchmark {
  /** Name for BENCH_ONLY. */
  id: string;
  /** Section heading (numbered by its place in the registry). */
  title: string;
  run: (context: BenchContext) => Promise<Section>;
}

export interface Row {
  what: string;
  ours: string;
  baseline: string;
  /** Ours ÷ baseline (or as the row says). */
  ratio: string;
  target: string;
  /** true/false when the row has a target, undefined otherwise. */
  met?: boolean | undefined;
  /** The short result for the summary table (default: `ratio`). */
  summary?: string;
}

/**
 * A row's target and verdict: `judge(1.013, '≤', 1.02, '(CPU)')` gives
 * `{ target: '≤ 1.02 (CPU)', met: true }`, to spread into a Row.
 */
export function judge(value: number, direction: '≤' | '≥', limit: number, unit = ''): { target: string; met: boolean } {
  return { target: `${direction} ${limit.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`, met: direction === '≤' ? value <= limit : value >= limit };
}

export interface Section {
  id: string;
  title: string;
  /** What is measured, how, on what. */
  method: string;
  rows: Row[];
  notes: string[];
  /** Set when the benchmark could not run: the section prints only this. */
  notMeasured?: string;
}

export function ms(s: Stat): string {
  const digits = s.median < 100 ? 1 : 0;
  return `${s.median.toFixed(digits)} ms (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}

/** CPU and wall medians of a timing, each with its min–max. */
export function timing(t: Timing): string {
  return `${ms(t.cpu)} CPU<br>${ms(t.wall)} wall`;
}

/**
 * Ours ÷ baseline of the CPU medians (the one judged), of the wall medians, and for interleaved
 * comparisons of the per-item CPU medians (shown, not judged: see the note in render()).
 */
export function timingRatio(ours: Timing, baseline: Timing): { cpu: number; wall: number; judged: number; text: string } {
  const cpu = ratio(ours.cpu, baseline.cpu);
  const wall = ratio(ours.wall, baseline.wall);
  let text = `**${times(cpu.value, cpu.min, cpu.max)} CPU**<br>${times(wall.value, wall.min, wall.max)} wall`;
  if (ours.cpuOfItemMedians !== undefined && baseline.cpuOfItemMedians !== undefined) {
    text += `<br>${times(ours.cpuOfItemMedians / baseline.cpuOfItemMedians)} CPU, per-file medians`;
  }
  return { cpu: cpu.value, wall: wall.value, judged: cpu.value, text };
}

export function times(value: number, min?: number, max?: number): string {
  return min === undefined || max === undefined ? `${value.toFixed(3)}×` : `${value.toFixed(3)}× (${min.toFixed(3)}–${max.toFixed(3)})`;
}

export function bytes(n: number): string {
  return n >= 10_000 ? `${(n / 1024).toFixed(1)} KiB (${n.toLocaleString('en-US')} B)` : `${n.toLocaleString('en-US')} B`;
}

export function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  platform: string;
  date: string;
  loadBefore: number[];
  loadAfter?: number[];
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    loadBefore: os.loadavg(),
  };
}

function table(rows: readonly Row[]): string {
  const lines = ['| what | ours | baseline | ratio | target | met |', '|---|---|---|---|---|---|'];
  for (const row of rows) {
    const met = row.met === undefined ? '' : row.met ? 'yes' : '**no**';
    lines.push(`| ${row.what} | ${row.ours} | ${row.baseline} | ${row.ratio} | ${row.target} | ${met} |`);
  }
  return lines.join('\n');
}

/** The summary table: every row of every section that has a target. */
function summary(sections: readonly Section[]): string[] {
  const out = ['## Summary', '', '| benchmark | result | target | met |', '|---|---|---|---|'];
  for (const section of sections) {
    if (section.notMeasured) {
      out.push(`| ${section.title} | not measured: ${section.notMeasured} | | **no** |`);
      continue;
    }
    for (const row of section.rows.filter((r) => r.met !== undefined)) {
      out.push(`| ${section.title}: ${row.what} | ${row.summary ?? row.ratio} | ${row.target} | ${row.met ? 'yes' : '**no**'} |`);
    }
  }
  return out;
}

export function render(sections: readonly Section[], m: Machine, context: { runs: number; quick: boolean; codeBase: string; notes: string[]; footer?: string[] }): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
  const out: string[] = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts). Do not edit by hand: run it again. -->',
    '',
    `Every ratio is ours ÷ a baseline measured side by side in the same run, interleaved, median of ${context.runs} runs; time targets are`,
    'judged on CPU time. How each figure is made: [bench/README.md](bench/README.md).',
    '',
  ];
  if (context.quick) out.push('**Quick run (BENCH_QUICK=1): reduced sizes and runs; not the published figures.**', '');
  out.push(...summary(sections), '');
  for (const note of context.notes) out.push(`> ${note}`, '');
  out.push(
    `Run on ${m.date}: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM, Node ${m.node}, ${m.platform};`,
    `load average (1 / 5 / 15 min) ${load(m.loadBefore)} at the start${m.loadAfter ? `, ${load(m.loadAfter)} at the end` : ''}.`,
    '',
    `Code base: ${context.codeBase}`,
    '',
  );
  for (const section of sections) {
    out.push(`## ${section.title}`, '');
    if (section.notMeasured) {
      out.push(`Not measured: ${section.notMeasured}`, '');
      continue;
    }
    out.push(section.method, '', table(section.rows), '');
    for (const note of section.notes) out.push(`- ${note}`);
    if (section.notes.length) out.push('');
  }
  if (context.footer?.length) out.push(...context.footer, '');
  return out.join('\n');
}
