// The differential fuzzer's loop, shared by its fixed-seed slice in `npm test`
// (test/scan/text-front-end-fuzz.test.ts) and its long run (`npm run fuzz`, scripts/fuzz-text-front-end.ts).
import { readFileSync } from 'node:fs';
import { randomProgram } from './fuzz-programs.js';
import { compareWithBabel } from './text-front-end.js';

export interface FuzzCounts {
  /** Programs made, those Babel parses (the others are the generator's invalid combinations), and those the text front end read. */
  programs: number;
  valid: number;
  read: number;
  /** Programs read differently from the Babel plugin: every one is a bug. */
  differences: { code: string; file: string; differences: string[] }[];
}

const isParseError = (error: unknown) => error instanceof SyntaxError || (error as { code?: string }).code === 'BABEL_PARSE_ERROR';

/** Compares one file; undefined when Babel cannot parse it. */
function compareOne(code: string, file: string, counts: FuzzCounts): void {
  let comparison;
  try {
    comparison = compareWithBabel(code, file);
  } catch (error) {
    if (isParseError(error)) return;
    throw error;
  }
  counts.valid++;
  if (!comparison.read) return;
  counts.read++;
  if (comparison.differences.length > 0) counts.differences.push({ code, file, differences: comparison.differences });
}

/** `count` random programs from seeds `seed`, `seed + 1`, …: each compared with the Babel plugin. */
export function fuzzPrograms(count: number, seed: number, progress?: (counts: FuzzCounts) => void): FuzzCounts {
  const counts: FuzzCounts = { programs: 0, valid: 0, read: 0, differences: [] };
  for (let index = 0; index < count; index++) {
    const { code, file } = randomProgram(seed + index);
    counts.programs++;
    compareOne(code, file, counts);
    if (progress && (index + 1) % 10_000 === 0) progress(counts);
  }
  return counts;
}

/** Real files (installed mini-program packages), each compared with the Babel plugin. */
export function fuzzFiles(files: readonly string[]): FuzzCounts {
  const counts: FuzzCounts = { programs: 0, valid: 0, read: 0, differences: [] };
  for (const file of files) {
    counts.programs++;
    compareOne(readFileSync(file, 'utf8'), file, counts);
  }
  return counts;
}
