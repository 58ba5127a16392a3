import { OptionsError, type WxRequestOptions } from '../plugin/core/options.js';
import { createOptionsResolver } from '../plugin/config/project-config.js';
import { missingPeerMessage } from '../cli/package-info.js';
import { ORIGINS_USAGE, parseArguments, UsageError, USAGE, type CheckArguments, type OriginsArguments } from './args.js';
import { countResult, formatDependencies, formatResult, VERSION } from './format.js';

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

/**
 * `check --list-dependencies`: the installed packages that reference wx.request, from the project
 * root's options (its configuration's `globals` under the command line). Checks no file: exit 0,
 * or 2 for a path or tsconfig that cannot be read. Babel (a peer dependency) is loaded only here.
 */
async function listDependencies(args: CheckArguments, io: CliIo): Promise<number> {
  let dependencies: typeof import('./dependencies.js');
  try {
    dependencies = await import('./dependencies.js');
  } catch (error) {
    const message = missingPeerMessage(error, '@babel/core', 'wx-request check --list-dependencies');
    throw message === undefined ? error : new UsageError(message);
  }
  let result;
  try {
    const optionsFor = createOptionsResolver({ rules: args.rules as WxRequestOptions['rules'], configFile: args.configFile }, { cwd: io.cwd, addAllowedOrigins: args.allowedOrigins });
    result = await dependencies.listDependencies({ paths: args.paths, project: args.project, cwd: io.cwd, optionsFor });
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(usageMessage(error));
    throw error;
  }
  io.stdout(formatDependencies(result, args.format));
  if (args.format !== 'text') {
    for (const problem of result.problems) io.stderr(`wx-request: ${problem.message}\n`);
    for (const note of result.notes) io.stderr(`wx-request: note: ${note}\n`);
  }
  return result.problems.length > 0 ? 2 : 0;
}

/** `wx-request origins`: exit 0, 1 when a file does not parse, 2 for bad usage, configuration or paths. */
async function origins(args: OriginsArguments, io: CliIo): Promise<number> {
  const [{ findOrigins }, { formatOrigins }] = await Promise.all([import('./origins.js'), import('./origins-format.js')]);
  let result;
  try {
    result = findOrigins({ paths: args.paths, project: args.project, cwd: io.cwd, configFile: args.configFile });
  } catch (error) {
    if (error instanceof OptionsError) throw new UsageError(usageMessage(error));
    throw error;
  }
  io.stdout(formatOrigins(result, args.format));
  // Problems also go to stderr when the output is for a machine (or a server's configuration).
  if (args.format !== 'text') for (const problem of result.problems) io.stderr(`wx-request: ${problem.message}\n`);
  if (result.problems.length > 0) return 2;
  return result.unparsed.length > 0 ? 1 : 0;
}

/** `wx-request check …`: resolves to the exit code (0 clean, 1 errors incl. files that do not parse, 2 bad usage or configuration). */
export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  try {
    const parsed = parseArguments(argv);
    if (parsed.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (parsed.command === 'origins-help') {
      io.stdout(`${ORIGINS_USAGE}\n`);
      return 0;
    }
    if (parsed.command === 'origins') return await origins(parsed.args, io);
    if (parsed.command === 'version') {
      io.stdout(`${VERSION}\n`);
      return 0;
    }
    const { args } = parsed;
    if (args.listDependencies) return await listDependencies(args, io);
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
