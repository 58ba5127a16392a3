// One `npm pack` per test run, shared by every tarball test (AVA runs each file in its own
// process): packed from a clean copy of the repository (the files git knows, plus the dist/ that
// `npm test` has just built), so `files` and the exports map are tested exactly as they would ship.
// prepack (a clean rebuild, two full tsc runs) is skipped here to keep the suite quick; .ci/run
// packs a clean clone with it. The tarball is keyed by the contents of those files; the first
// process to ask packs it under a lock (holding its pid), the others wait.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../../support/fixtures.js';

const STORE = path.join(ROOT, '.tmp/package-tarball');
const STALE_LOCK_MS = 10 * 60_000;

/** The files a clean clone would have: tracked ones and new ones git does not ignore. */
function sourceFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' });
  return [...new Set(listed.split('\0').filter((file) => file !== '' && existsSync(path.join(ROOT, file))))].sort();
}

/** The files under a directory, relative to the root. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

function contentKey(files: string[]): string {
  const hash = createHash('sha256');
  for (const file of [...files, ...filesUnder('dist')]) hash.update(file).update('\0').update(readFileSync(path.join(ROOT, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** Whether the process holding a lock is gone (killed by a timeout, say). */
function isStale(lock: string): boolean {
  try {
    process.kill(Number(readFileSync(path.join(lock, 'pid'), 'utf8')), 0);
    return false;
  } catch {
    return Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS || existsSync(path.join(lock, 'pid'));
  }
}

function pack(files: string[], into: string): void {
  const copy = path.join(into, 'clone');
  for (const file of files) cpSync(path.join(ROOT, file), path.join(copy, file), { dereference: false });
  cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', into, '--loglevel=error'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  rmSync(copy, { recursive: true, force: true });
}

/** The path of the packed tarball of the repository as it is now. */
export async function packedTarball(): Promise<string> {
  if (!existsSync(path.join(ROOT, 'dist/cjs/package.json'))) throw new Error('dist/ is not built: run `npm run build` first (npm test does)');
  const files = sourceFiles();
  const dir = path.join(STORE, contentKey(files));
  const lock = `${dir}.lock`;
  mkdirSync(STORE, { recursive: true });
  for (;;) {
    const found = existsSync(dir) ? readdirSync(dir).find((name) => name.endsWith('.tgz')) : undefined;
    if (found !== undefined) return path.join(dir, found);
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
    } catch {
      if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      const work = `${dir}.partial`;
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      pack(files, work);
      cpSync(work, dir, { recursive: true });
      rmSync(work, { recursive: true, force: true });
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
