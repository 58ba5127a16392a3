import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slots } from '../../support/slots.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('./wx-request.ts', import.meta.url));
/** tsx's loader by absolute URL, so a child whose cwd is a temporary folder still finds it. */
export const TSX = import.meta.resolve('tsx');

export interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

// At most two CLI processes at once on this two-core budget.
const slot = slots(2);

/** Runs `wx-request <args>` from source in a child process; never rejects. */
export function wxRequest(args: string[], options: { cwd?: string; timeout?: number } = {}): Promise<Run> {
  return slot(() => spawn(args, options));
}

function spawn(args: string[], options: { cwd?: string; timeout?: number }): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX, ENTRY, ...args],
      { cwd: options.cwd ?? ROOT, timeout: options.timeout ?? 60_000, env: { ...process.env, WX_REQUEST_DEBUG: '' } },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({ code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0, signal: failed?.signal ?? null, stdout, stderr });
      },
    );
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `wx-rel-${prefix}-`));
}

/** A stack trace of ours: "    at fn (/path/file.ts:1:2)" lines. */
export const STACK = /\n\s+at .+[(/\\].+:\d+:\d+\)?/;

/**
 * The same command run in this process, which is much cheaper than a child starting tsx: `port`
 * through cli/port/run.ts with its output streams, `check` through checker/cli.ts with its io.
 * Paths are resolved against `cwd` here (port resolves them against process.cwd()). What a child
 * would print as a crash (an error main() does not handle) comes back as stderr with its stack,
 * so the "no stack trace" checks see it. Cases that could hang (a FIFO) use wxRequest instead.
 */
export async function wxRequestHere(args: string[], options: { cwd?: string } = {}): Promise<Run> {
  const cwd = options.cwd ?? ROOT;
  let stdout = '';
  let stderr = '';
  const sink = (write: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        write(String(chunk));
        callback();
      },
    });
  try {
    if (args[0] === 'check') {
      const { main } = await import('../../../checker/cli.js');
      const code = await main(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd });
      return { code, signal: null, stdout, stderr };
    }
    const { runPort } = await import('../../../cli/port/run.js');
    const { UsageError } = await import('../../../cli/usage-error.js');
    const rest = args.slice(1);
    const resolved = rest.map((arg) => (arg.startsWith('-') ? arg : path.resolve(cwd, arg)));
    try {
      const code = await runPort(resolved, sink((text) => (stdout += text)), sink((text) => (stderr += text)));
      return { code, signal: null, stdout, stderr };
    } catch (error) {
      if (error instanceof UsageError) return { code: 2, signal: null, stdout, stderr: `${stderr}wx-request: ${error.message}\n` };
      throw error;
    }
  } catch (error) {
    return { code: 1, signal: null, stdout, stderr: `${stderr}${error instanceof Error ? error.stack : String(error)}\n` };
  }
}
