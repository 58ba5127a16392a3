// Each benchmark's last published result, one JSON file per benchmark in bench/results/, so that
// BENCHMARKS.md is always the whole set: `BENCH_ONLY=size npm run bench` re-measures the size and
// rewrites that section alone, and every section says when and under what load it was measured.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './load.js';
import type { Measured } from './report.js';

export const RESULTS = path.join(ROOT, 'bench', 'results');

const fileOf = (id: string) => path.join(RESULTS, `${id}.json`);

export function storeSection(stored: Measured): void {
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(fileOf(stored.section.id), `${JSON.stringify(stored, null, 2)}\n`);
}

/** The stored result of a benchmark, or undefined when it was never published (or the file is unreadable). */
export function loadSection(id: string): Measured | undefined {
  if (!existsSync(fileOf(id))) return undefined;
  try {
    return JSON.parse(readFileSync(fileOf(id), 'utf8')) as Measured;
  } catch {
    return undefined;
  }
}
