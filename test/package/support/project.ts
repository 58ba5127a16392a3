// A fresh temporary project that installed the packed tarball and a pipeline's tools, at the
// versions the repository itself tests with (its devDependencies, which the root's npm ci has
// put in npm's cache, so --prefer-offline installs without the network).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../support/fixtures.js';
import { packedTarball } from './tarball.js';

const run = promisify(execFile);
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** `name@range` as the repository's devDependencies pin it. */
export function pinned(name: string): string {
  const range = manifest.devDependencies[name];
  if (range === undefined) throw new Error(`${name} is not a devDependency of the repository: add it there so CI's npm ci caches it`);
  return `${name}@${range}`;
}

/** The environment a user's shell would have: AVA's NODE_ENV=test would switch Babel's "test" env on. */
function userEnvironment(): NodeJS.ProcessEnv {
  const { NODE_ENV: _avaSetsIt, ...environment } = process.env;
  return environment;
}

export interface Project {
  dir: string;
  /** Writes a file of the project (directories made as needed). */
  write(file: string, text: string): void;
  /** Deletes the project (test.after.always). */
  remove(): void;
  /** Runs a command in the project; resolves with its output, rejects with it on a non-zero exit. */
  exec(command: string, args: string[], env?: Record<string, string>): Promise<{ stdout: string; stderr: string }>;
}

/** A temp project with `packages` (exact specs, e.g. from pinned()) and the tarball installed. */
export async function createProject(name: string, packages: string[], packageJson: object = {}): Promise<Project> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `wx-request-${name}-`));
  const project: Project = {
    dir,
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
    exec: (command, args, env = {}) => run(command, args, { cwd: dir, env: { ...userEnvironment(), ...env }, maxBuffer: 64 * 1024 * 1024 }),
  };
  project.write('package.json', `${JSON.stringify({ name: `wx-request-${name}`, private: true, ...packageJson }, null, 2)}\n`);
  await project.exec('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', await packedTarball(), ...packages]);
  return project;
}
