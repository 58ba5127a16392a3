import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixtures.js';
import { slots } from './slots.js';

/** What one run of the `wx-request` bin printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const BIN = path.join(ROOT, 'bin', 'wx-request.js');
// At most two CLI processes at once on this two-core budget (shared by every test file that asks).
const slot = slots(2);

/** `wx-request <args…>` as users run it: the bin entry over the built dist/, a child process, no colours. */
export function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  return slot(
    () =>
      new Promise((resolve) => {
        execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
        });
      }),
  );
}
