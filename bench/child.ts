// Runs a Node script as a child process and reads its own resource usage (CPU, peak RSS) at exit,
// through a preloaded module: portable, and the same measure for every child.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wx-request-bench-usage-'));
const preload = path.join(dir, 'usage.mjs');
writeFileSync(
  preload,
  `import { writeFileSync } from 'node:fs';
process.on('exit', () => {
  const file = process.env.BENCH_USAGE_FILE;
  if (file) writeFileSync(file, JSON.stringify(process.resourceUsage()));
});
`,
);
let counter = 0;

export interface ChildRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** ms */
  wall: number;
  /** ms, user + system */
  cpu: number;
  /** bytes */
  maxRss: number;
}

/** `node [nodeArgs] script args`, in `cwd`; resolves with its exit code, output and usage. */
export function runNode(script: string, args: readonly string[], options: { cwd: string; nodeArgs?: readonly string[] }): Promise<ChildRun> {
  const usageFile = path.join(dir, `usage-${process.pid}-${counter++}.json`);
  const argv = ['--import', pathToFileURL(preload).href, ...(options.nodeArgs ?? []), script, ...args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, argv, { cwd: options.cwd, env: { ...process.env, BENCH_USAGE_FILE: usageFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - start;
      let usage: NodeJS.ResourceUsage;
      try {
        usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
        rmSync(usageFile, { force: true });
      } catch {
        reject(new Error(`${path.basename(script)} left no resource usage (exit code ${code}): ${stderr.slice(0, 500)}`));
        return;
      }
      // maxRSS is in kilobytes.
      resolve({ code, stdout, stderr, wall, cpu: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRss: usage.maxRSS * 1024 });
    });
  });
}

export function cleanupChildren(): void {
  rmSync(dir, { recursive: true, force: true });
}
