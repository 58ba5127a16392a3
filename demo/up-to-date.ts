import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The newest modification time of the files at and under `paths` (0 for a path that does not exist). */
function newest(paths: string[]): number {
  let time = 0;
  for (const entry of paths) {
    let stats;
    try {
      stats = statSync(entry);
    } catch {
      continue;
    }
    time = Math.max(time, stats.isDirectory() ? newest(readdirSync(entry).map((name) => path.join(entry, name))) : stats.mtimeMs);
  }
  return time;
}

/** Whether `output` exists and is newer than every file of `inputs`: then rebuilding it would give it again. */
export function isUpToDate(output: string, inputs: string[]): boolean {
  const outputTime = newest([output]);
  return outputTime > 0 && outputTime > newest(inputs);
}
