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
 * Ours ÷ baseline of the CPU medians, of the wall medians, and for interleaved comparisons of the
 * per-item CPU medians (shown, not judged: see bench/README.md). The judged one (CPU unless the
 * caller says wall, as for a bundler that works in its own process) comes first, in bold.
 */
export function timingRatio(ours: Timing, baseline: Timing, judgedOn: 'cpu' | 'wall' = 'cpu'): { cpu: number; wall: number; judged: number; text: string } {
  const cpu = ratio(ours.cpu, baseline.cpu);
  const wall = ratio(ours.wall, baseline.wall);
  const cpuText = `${times(cpu.value, cpu.min, cpu.max)} CPU`;
  const wallText = `${times(wall.value, wall.min, wall.max)} wall`;
  let text = judgedOn === 'cpu' ? `**${cpuText}**<br>${wallText}` : `**${wallText}**<br>${cpuText}`;
  if (ours.cpuOfItemMedians !== undefined && baseline.cpuOfItemMedians !== undefined) {
    text += `<br>${times(ours.cpuOfItemMedians / baseline.cpuOfItemMedians)} CPU, per-file medians`;
  }
  return { cpu: cpu.value, wall: wall.value, judged: judgedOn === 'cpu' ? cpu.value : wall.value, text };
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

/** A section as the report shows it: its result and the conditions of its run (bench/stored-sections.ts). */
export interface Measured {
  section: Section;
  machine: Machine;
  runs: number;
  quick?: boolean;
  codeBase?: string | undefined;
  minutes: number;
}

const load = (l: readonly number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** One line: when, where, under what load, how many runs; and a warning when the machine was busy. */
function conditions(m: Measured): string[] {
  const { machine } = m;
  const out = [
    `*Measured ${machine.date} (${m.minutes.toFixed(1)} min, ${m.runs} runs): ${machine.cpu}, ${machine.cores} cores, Node ${machine.node};` +
      ` load average (1 / 5 / 15 min) ${load(machine.loadBefore)} at the start${machine.loadAfter ? `, ${load(machine.loadAfter)} at the end` : ''}.*`,
  ];
  const busiest = Math.max(...machine.loadBefore.slice(0, 2), ...(machine.loadAfter ?? []).slice(0, 2));
  if (busiest > machine.cores * 0.75) out.push('', `> Other work loaded the machine (load up to ${busiest.toFixed(1)} on ${machine.cores} cores): the interleaving keeps ratios fair, but their spread is wider.`);
  if (m.codeBase) out.push('', `Code base: ${m.codeBase}`);
  return out;
}

/**
 * BENCHMARKS.md: the summary table first, then a few lines per benchmark (what was measured, its
 * table, its notes); how each figure is made is in bench/README.md.
 */
export function render(measured: readonly Measured[], context: { footer?: string[] }): string {
  const sections = measured.map((m) => m.section);
  const out: string[] = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (bench/run.ts) from bench/results/. Do not edit by hand: run it again. -->',
    '',
    'Every ratio is ours ÷ a baseline measured side by side in the same process, interleaved round by round (median,',
    'with the range of the per-round ratios); time targets are judged on CPU time (throughput on wall time), the judged',
    'figure in bold. How each figure is made: [bench/README.md](bench/README.md).',
    '',
  ];
  if (measured.some((m) => m.quick)) out.push('**Quick run (BENCH_QUICK=1): reduced sizes and runs; not the published figures.**', '');
  out.push(...summary(sections), '');
  for (const m of measured) {
    const { section } = m;
    out.push(`## ${section.title}`, '', ...conditions(m), '');
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
