// Loads what the benchmarks measure from dist/ (what `npm run build` makes and users run), by path,
// so that type-checking bench/ does not depend on a build.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
export const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));

/** Imports dist/<relative> or returns the reason it cannot. */
export async function importDist<T>(relative: string): Promise<T | string> {
  const file = path.join(DIST, relative);
  if (!existsSync(file)) return `${path.relative(ROOT, file)} does not exist (npm run build did not make it)`;
  try {
    return (await import(pathToFileURL(file).href)) as T;
  } catch (error) {
    return `importing ${path.relative(ROOT, file)} failed: ${(error as Error).message.split('\n')[0]}`;
  }
}
