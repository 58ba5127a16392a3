// Timing helpers: warm-up, then N runs of each variant interleaved (A B A B …) so that drift in
// the machine's load hits both alike; every figure is a median with its min–max.
import { performance } from 'node:perf_hooks';

export const QUICK = process.env['BENCH_QUICK'] === '1';
/** Measured runs per variant (the issue asks for at least 5). */
export const RUNS = Number(process.env['BENCH_RUNS'] ?? (QUICK ? 3 : 5));

export interface Stat {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function stat(samples: readonly number[]): Stat {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples: [...samples] };
}

export type Task = () => unknown | Promise<unknown>;

/** A variant: `setup` runs untimed before each run (fresh state), `run` is timed (ms). */
export interface Variant {
  name: string;
  setup?: () => unknown | Promise<unknown>;
  run: (prepared: unknown) => unknown | Promise<unknown>;
}

function log(message: string): void {
  if (process.env['BENCH_VERBOSE'] !== '0') process.stderr.write(`  ${message}\n`);
}

export interface Timing {
  /** Wall-clock ms. */
  wall: Stat;
  /** CPU ms of this process (user + system, all its threads): far less sensitive to other load on the machine. */
  cpu: Stat;
  /**
   * Interleaved comparisons only: the sum over items of each item's median CPU time across the
   * rounds. A GC pause or a preemption lands on one sample of one item and drops out of its median,
   * so this ratio is far steadier than that of the round totals on a busy machine.
   */
  cpuOfItemMedians?: number;
}

/** One warm-up run of each variant, then `runs` timed rounds, each running every variant once in turn. */
export async function compare(variants: readonly Variant[], runs = RUNS): Promise<Timing[]> {
  const wall: number[][] = variants.map(() => []);
  const cpu: number[][] = variants.map(() => []);
  for (const variant of variants) {
    const prepared = await variant.setup?.();
    await variant.run(prepared);
    log(`warm-up ${variant.name}`);
  }
  for (let round = 0; round < runs; round++) {
    // Alternate the order every round, so neither variant always runs first.
    const order = variants.map((_, i) => i);
    if (round % 2) order.reverse();
    for (const i of order) {
      const variant = variants[i] as Variant;
      const prepared = await variant.setup?.();
      const startCpu = process.cpuUsage();
      const start = performance.now();
      await variant.run(prepared);
      const elapsed = performance.now() - start;
      const used = process.cpuUsage(startCpu);
      const cpuMs = (used.user + used.system) / 1000;
      (wall[i] as number[]).push(elapsed);
      (cpu[i] as number[]).push(cpuMs);
      log(`run ${round + 1}/${runs} ${variant.name}: ${elapsed.toFixed(1)} ms wall, ${cpuMs.toFixed(1)} ms CPU`);
    }
  }
  return variants.map((_, i) => ({ wall: stat(wall[i] as number[]), cpu: stat(cpu[i] as number[]) }));
}

/**
 * Per-item interleaving, for work made of many small items (files): every round runs each variant
 * on item 1, then each on item 2, …, alternating which goes first, and sums each variant's CPU and
 * wall time over the round. Load that comes and goes on the machine then hits every variant within
 * milliseconds of the same moment. The warm-up runs every variant on the first `warmUp` items.
 * `beforeRound` runs untimed before the warm-up and before every round (fresh state).
 */
export async function compareInterleaved<T>(items: readonly T[], variants: ReadonlyArray<{ name: string; run: (item: T) => unknown }>, options: { runs?: number; warmUp?: number; beforeRound?: () => void } = {}): Promise<Timing[]> {
  const runs = options.runs ?? RUNS;
  const warmUp = Math.min(items.length, options.warmUp ?? 300);
  options.beforeRound?.();
  for (const variant of variants) for (const item of items.slice(0, warmUp)) await variant.run(item);
  log(`warm-up: ${warmUp} items per variant`);
  const wall: number[][] = variants.map(() => []);
  const cpu: number[][] = variants.map(() => []);
  const perItem: number[][][] = variants.map(() => items.map(() => []));
  for (let round = 0; round < runs; round++) {
    const wallSum = variants.map(() => 0);
    const cpuSum = variants.map(() => 0);
    options.beforeRound?.();
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as T;
      const order = variants.map((_, i) => i);
      if ((index + round) % 2) order.reverse();
      for (const i of order) {
        const startCpu = process.cpuUsage();
        const start = performance.now();
        await (variants[i] as { run: (item: T) => unknown }).run(item);
        wallSum[i] = (wallSum[i] as number) + performance.now() - start;
        const used = process.cpuUsage(startCpu);
        cpuSum[i] = (cpuSum[i] as number) + (used.user + used.system) / 1000;
        perItem[i]![index]!.push((used.user + used.system) / 1000);
      }
    }
    variants.forEach((variant, i) => {
      (wall[i] as number[]).push(wallSum[i] as number);
      (cpu[i] as number[]).push(cpuSum[i] as number);
      log(`run ${round + 1}/${runs} ${variant.name}: ${(wallSum[i] as number).toFixed(1)} ms wall, ${(cpuSum[i] as number).toFixed(1)} ms CPU`);
    });
  }
  return variants.map((_, i) => ({
    wall: stat(wall[i] as number[]),
    cpu: stat(cpu[i] as number[]),
    cpuOfItemMedians: perItem[i]!.reduce((sum, samples) => sum + stat(samples).median, 0),
  }));
}

/** Ratio of the medians, and the spread of the per-round ratios (a paired view of the noise). */
export function ratio(ours: Stat, baseline: Stat): { value: number; min: number; max: number } {
  const paired = ours.samples.map((value, i) => value / (baseline.samples[i] as number));
  const sorted = paired.sort((a, b) => a - b);
  return { value: ours.median / baseline.median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}
