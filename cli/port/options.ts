import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isInside, realLocation } from '../paths.js';
import { UsageError } from '../usage-error.js';

export interface PortOptions {
  input: string;
  outDir: string;
  /** A Babel config file to use instead of the one found in the mini-program folder. */
  config: string | undefined;
  quiet: boolean;
  /** Apply the checker's safe fixes while porting. */
  fix: boolean;
}

export const PORT_USAGE = `Usage: wx-request port <mini-program dir> --out-dir <dir> [--config babel.config.js] [--fix] [--quiet]

Ports every JavaScript/TypeScript file of a mini-program (miniprogram_npm/ and node_modules/ inside
it included) with babel-plugin-wx-request as precise text edits: only the rewritten wx.request
references and the added import change, every other byte (and every file with nothing to rewrite)
stays as it was. Copies every other file, writes a source map beside each rewritten file, prints
the diagnostics, a summary and every file that was not ported, and exits 1 when an error was
found or a file was not ported (2 for bad usage).

  --fix      apply the checker's safe fixes while porting (uppercase method, headers → header,
             Referer removed), so a tree whose only errors are fixable ports in one run
  --config   a Babel config file instead of the one in the mini-program folder (each file's
             project configuration, wx-request.config.* or package.json "wxRequest", is read
             as the plugin reads it)
  --quiet    no progress lines`;

export function parsePortOptions(argv: string[]): PortOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'out-dir': { type: 'string', short: 'o' }, config: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, fix: { type: 'boolean' } },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${PORT_USAGE}`);
  }
  const { positionals, values } = parsed;
  if (positionals.length !== 1) throw new UsageError(`port takes exactly one mini-program directory; got ${positionals.length}.\n\n${PORT_USAGE}`);
  if (!values['out-dir']) throw new UsageError(`port needs --out-dir <dir>: it never writes into its input.\n\n${PORT_USAGE}`);
  const input = path.resolve(positionals[0] ?? '');
  const outDir = path.resolve(values['out-dir']);
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new UsageError(`port: ${positionals[0]} is not a directory.`);
  // Real locations: an --out-dir that is a symbolic link into the input is inside it too.
  if (isInside(realLocation(outDir), realLocation(input))) {
    throw new UsageError(`port: the output directory ${values['out-dir']} is inside the input ${positionals[0]}; choose a directory outside it.`);
  }
  const config = values.config === undefined ? undefined : path.resolve(values.config);
  if (config !== undefined && !existsSync(config)) throw new UsageError(`port: the Babel config file ${values.config} does not exist.`);
  return { input, outDir, config, quiet: values.quiet ?? false, fix: values.fix ?? false };
}
