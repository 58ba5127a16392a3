import { OptionsError } from '../plugin/core/options.js';
import { parseArguments, UsageError, USAGE } from './args.js';
import { countResult, formatResult, VERSION } from './format.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/**
 * A mistake in the options: a configuration file's names the file; otherwise only --allowed-origin
 * and --config can be wrong here (--rule was checked while parsing).
 */
function usageMessage(error: OptionsError): string {
  if (error.source !== undefined) return `${error.source}: ${error.reason}`;
  if (error.reason.startsWith('option "configFile" ')) return `--config ${error.reason.replace(/^option "configFile" /, '')}`;
  return `--allowed-origin: ${error.reason.replace(/^option "allowedOrigins" has /, '')}`;
}

/** `wx-request check …`: resolves to the exit code (0 clean, 1 errors, 2 usage or unreadable/unparseable files). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const parsed = parseArguments(argv);
    if (parsed.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (parsed.command === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const { args } = parsed;
    // ts-morph (and its TypeScript) loads only once the command line is known to be right.
    const { check } = await import('./check.js');
    let result;
    try {
      result = check({ paths: args.paths, project: args.project, cwd: io.cwd, rules: args.rules, allowedOrigins: args.allowedOrigins, fix: args.fix, configFile: args.configFile });
    } catch (error) {
      if (error instanceof OptionsError) throw new UsageError(usageMessage(error));
      throw error;
    }
    io.stdout(formatResult(result, { format: args.format, listUnchecked: args.listUnchecked, cwd: io.cwd }));
    // Problems with files also go to stderr, so they are seen whatever the format.
    if (args.format !== 'text') for (const problem of result.problems) io.stderr(`wx-request: ${problem.message}\n`);
    const counts = countResult(result);
    if (counts.problems > 0) return 2;
    return counts.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`wx-request: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`wx-request: internal error: ${message}\n`);
    if (process.env['WX_REQUEST_DEBUG'] && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return 2;
  }
}
