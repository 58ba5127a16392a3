import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(ROOT, 'fixtures');

export interface FixtureOptions {
  /** Options for the plugin. */
  plugin?: Record<string, unknown>;
  /** Babel options beside the plugin: presets (names of installed presets) and sourceType. */
  babel?: { presets?: Array<string | [string, Record<string, unknown>]>; sourceType?: 'module' | 'script' | 'unambiguous' };
  /** Babel options used instead of `babel` under @babel/core 8, whose presets take other options. */
  babel8?: FixtureOptions['babel'];
  /** Why the TypeScript transformer does not rewrite this fixture's form (a known limitation): its rewrite is not compared. */
  babelOnly?: string;
  /** False when the code cannot run in the stub sandbox (it needs globals the sandbox lacks). */
  exec?: boolean;
}

export interface Fixture {
  name: string;
  dir: string;
  inputFile: string;
  input: string;
  options: FixtureOptions;
  /** Expected output, absent when the fixture expects the transform to fail. */
  output: string | undefined;
  /** Expected output under @babel/core 8 where its presets print differently (output.babel8.js). */
  outputBabel8: string | undefined;
  outputBabel8File: string;
  /** Expected message of the thrown error, for fixtures with error diagnostics. */
  error: string | undefined;
  diagnostics: unknown[] | undefined;
}

const INPUTS = ['input.js', 'input.jsx', 'input.ts', 'input.tsx', 'input.cjs', 'input.mjs'];

function read(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Every folder under fixtures/ with an input file is a plugin fixture. */
export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const dir = path.join(FIXTURES, entry.name);
      const inputName = INPUTS.find((name) => existsSync(path.join(dir, name)));
      if (!inputName) return [];
      const inputFile = path.join(dir, inputName);
      const outputName = inputName.replace('input', 'output');
      const diagnostics = read(path.join(dir, 'diagnostics.json'));
      const options = read(path.join(dir, 'options.json'));
      return [
        {
          name: entry.name,
          dir,
          inputFile,
          input: readFileSync(inputFile, 'utf8'),
          options: options ? (JSON.parse(options) as FixtureOptions) : {},
          output: read(path.join(dir, outputName)),
          outputBabel8: read(path.join(dir, outputName.replace('output', 'output.babel8'))),
          outputBabel8File: path.join(dir, outputName.replace('output', 'output.babel8')),
          error: read(path.join(dir, 'error.txt')),
          diagnostics: diagnostics ? (JSON.parse(diagnostics) as unknown[]) : undefined,
        },
      ];
    });
}
