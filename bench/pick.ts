// Seeded choices for the code-base generators: the same seed gives the same files on every run.
import { rng } from '../scripts/seeded-random.js';

export class Pick {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = rng(seed);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  one<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A log-normal draw (Box–Muller): file sizes of real code bases are roughly log-normal. */
  logNormal(median: number, sigma: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
  }
}

export function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** One generated source file, in its JavaScript and its TypeScript version. */
export interface GeneratedFile {
  /** Path of the JavaScript tree's file, relative, with its extension (a few are `.ts` there too). */
  jsPath: string;
  /** Path of the TypeScript tree's file, relative, with its extension. */
  tsPath: string;
  js: string;
  ts: string;
  /** wx.request calls in the file. */
  requests: number;
}

/** A fixed file of a tree (shared module, declarations, config). */
export interface FixedFile {
  path: string;
  text: string;
  /** Counted as a source file of the code base (not a declarations or config file). */
  source: boolean;
}

export interface Shape {
  files: GeneratedFile[];
  jsFixed: FixedFile[];
  tsFixed: FixedFile[];
  /** One line for the report: what the code base looks like. */
  describe: string;
}
