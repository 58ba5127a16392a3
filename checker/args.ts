import { RULE_IDS } from '../plugin/core/rules/index.js';
import type { SeveritySetting } from '../plugin/core/diagnostic.js';
import { ORIGIN_FORMATS, type OriginFormat } from './origins-format.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
/** The formats of --list-dependencies: a list of packages is no diagnostic (SARIF, GitHub annotations). */
export const DEPENDENCY_FORMATS: readonly Format[] = ['text', 'json'];

export interface CheckArguments {
  paths: string[];
  project: string | undefined;
  format: Format;
  rules: Record<string, SeveritySetting>;
  allowedOrigins: string[];
  listUnchecked: boolean;
  /** List the installed packages that reference wx.request instead of checking files. */
  listDependencies: boolean;
  fix: boolean;
  /** --config <file> or --no-config; undefined: each file's nearest wx-request.config.* */
  configFile: string | false | undefined;
}

export type ParsedCommand = { command: 'help' } | { command: 'origins-help' } | { command: 'version' } | { command: 'check'; args: CheckArguments } | { command: 'origins'; args: OriginsArguments };

/** `wx-request origins`: the files to read and how to print what they call. */
export interface OriginsArguments {
  paths: string[];
  project: string | undefined;
  format: OriginFormat;
  configFile: string | false | undefined;
}

export const ORIGINS_USAGE = `Usage: wx-request origins [paths or globs…] [options]

Lists every origin the code calls through wx.request, with the file:line:column of each call site,
and the call sites whose origin cannot be known at build time. It is also the list WeChat's admin
console asks for (the request domain allow-list), and the origins a dev server's devProxy forwards to.

Options:
  --project <tsconfig.json>      read the files of a TypeScript project, following imports across files
  --format <${ORIGIN_FORMATS.join('|')}>  a listing (text, json), or a reverse proxy's configuration
                                 for the same paths as devProxy (nginx, caddy; README "CORS")
  --config <file>                the configuration file to use (default: each file's nearest)
  --no-config                    read no configuration file
  -h, --help                     show this help

Exit codes: 0 listed, 1 a file does not parse (its calls are not listed), 2 bad usage or a path that
matches nothing or cannot be read.`;

/** A mistake on the command line: exit code 2, the message names the flag and what it accepts. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: wx-request check [paths or globs…] [options]

Checks wx.request calls against WeChat's request rules, following values across files.

Options:
  --project <tsconfig.json>      check the files of a TypeScript project (JavaScript too, with allowJs)
  --format <text|json|sarif|github>  output format (default: text)
  --rule <id>=<error|warn|off>   set a rule's severity; repeat for several rules
  --allowed-origin <URL>         an origin whose port is allowed (https://api.example.com:8443); repeatable,
                                 added to the configuration's allowedOrigins
  --config <file>                the configuration file to use (default: each file's nearest wx-request.config.*
                                 or package.json "wxRequest", up to its package root)
  --no-config                    read no configuration file
  --list-unchecked               list the call sites whose method, url or header cannot be known
  --list-dependencies            list the installed packages whose code references wx.request (to include them
                                 in a Babel or TypeScript build that skips node_modules) instead of checking;
                                 --format text or json
  --fix                          apply the safe fixes in place (uppercase method, headers→header, drop Referer)
  -h, --help                     show this help
  -v, --version                  print the version

Without paths and without --project, ./tsconfig.json is used when it exists, else the current directory.
--list-dependencies reads the node_modules of the project root (the folder of --project's tsconfig, else the
current directory) and of each directory given (or of the nearest folder above that has one), and the
miniprogram_npm folders below them. It checks no file of the project and exits 0 (2 for bad usage or
configuration, or a path that does not exist).
Exit codes: 0 no errors (warnings allowed), 1 at least one error (a file that does not parse is one: parse-error),
2 bad usage or configuration (a flag, a tsconfig, a path that matches nothing or cannot be read).
Rules: ${RULE_IDS.join(', ')}.`;

const SEVERITIES = ['error', 'warn', 'off'];
const VALUE_FLAGS = new Set(['--project', '--format', '--rule', '--allowed-origin', '--config']);
const BOOLEAN_FLAGS = new Set(['--list-unchecked', '--list-dependencies', '--fix', '--no-config']);

function parseRule(value: string, rules: Record<string, SeveritySetting>): void {
  const match = /^([^=]+)=(.*)$/.exec(value);
  if (!match) throw new UsageError(`--rule expects <rule id>=<error|warn|off>, such as --rule url-no-port=warn; got "${value}".`);
  const [, id = '', severity = ''] = match;
  if (!RULE_IDS.includes(id)) throw new UsageError(`--rule names an unknown rule "${id}". Known rules: ${RULE_IDS.join(', ')}.`);
  if (!SEVERITIES.includes(severity)) throw new UsageError(`--rule ${id}= accepts error, warn or off; got "${severity}".`);
  rules[id] = severity as SeveritySetting;
}

function setConfig(args: CheckArguments, value: string | false): void {
  if (args.configFile !== undefined) throw new UsageError('--config and --no-config may be given once, and not together.');
  args.configFile = value;
}

export function parseArguments(argv: readonly string[]): ParsedCommand {
  if (argv.length === 0) throw new UsageError(`no command given.\n\n${USAGE}`);
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { command: 'help' };
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command === 'origins') return parseOrigins(rest);
  if (command !== 'check') throw new UsageError(`unknown command "${command}"; the command is "check".\n\n${USAGE}`);

  const args: CheckArguments = { paths: [], project: undefined, format: 'text', rules: {}, allowedOrigins: [], listUnchecked: false, listDependencies: false, fix: false, configFile: undefined };
  let onlyPaths = false;
  for (let index = 0; index < rest.length; index += 1) {
    const argument = rest[index] ?? '';
    if (onlyPaths || !argument.startsWith('-') || argument === '-') {
      args.paths.push(argument);
      continue;
    }
    if (argument === '--') {
      onlyPaths = true;
      continue;
    }
    if (argument === '-h' || argument === '--help') return { command: 'help' };
    const equals = argument.indexOf('=');
    const flag = equals === -1 ? argument : argument.slice(0, equals);
    if (BOOLEAN_FLAGS.has(flag)) {
      if (equals !== -1) throw new UsageError(`${flag} takes no value.`);
      if (flag === '--fix') args.fix = true;
      else if (flag === '--no-config') setConfig(args, false);
      else if (flag === '--list-dependencies') args.listDependencies = true;
      else args.listUnchecked = true;
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) {
      throw new UsageError(`unknown option "${flag}". Options: --project, --format, --rule, --allowed-origin, --config, --no-config, --list-unchecked, --list-dependencies, --fix, --help.`);
    }
    let value: string | undefined;
    if (equals !== -1) value = argument.slice(equals + 1);
    else {
      value = rest[index + 1];
      index += 1;
    }
    if (value === undefined || value === '') throw new UsageError(`${flag} needs a value${flag === '--format' ? `: one of ${FORMATS.join(', ')}` : ''}.`);
    switch (flag) {
      case '--project':
        if (args.project !== undefined) throw new UsageError('--project may be given once.');
        args.project = value;
        break;
      case '--format':
        if (!(FORMATS as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${value}".`);
        args.format = value as Format;
        break;
      case '--rule':
        parseRule(value, args.rules);
        break;
      case '--config':
        setConfig(args, value);
        break;
      default:
        args.allowedOrigins.push(value);
    }
  }
  if (args.listDependencies) {
    if (!DEPENDENCY_FORMATS.includes(args.format)) throw new UsageError(`--list-dependencies prints --format ${DEPENDENCY_FORMATS.join(' or ')}; got "${args.format}" (sarif and github are for diagnostics).`);
    for (const [given, flag] of [[args.fix, '--fix'], [args.listUnchecked, '--list-unchecked']] as const) {
      if (given) throw new UsageError(`--list-dependencies lists packages and checks no file: it cannot be combined with ${flag}.`);
    }
  }
  return { command: 'check', args };
}

/** The flags `origins` shares with `check`; the others (rules, fixes, listings) are check's own. */
const ORIGINS_FLAGS = new Set(['--project', '--format', '--config', '--no-config']);

function parseOrigins(rest: readonly string[]): ParsedCommand {
  for (const argument of rest) {
    if (argument === '-h' || argument === '--help') return { command: 'origins-help' };
    if (argument === '--') break;
    const flag = argument.split('=')[0] ?? '';
    if (argument.startsWith('--') && !ORIGINS_FLAGS.has(flag)) {
      throw new UsageError(`unknown option "${flag}" for origins. Options: --project, --format, --config, --no-config, --help.`);
    }
  }
  // The shared flags parse as check's do; only the formats differ.
  const formatAt = rest.findIndex((argument) => argument === '--format' || argument.startsWith('--format='));
  let format: OriginFormat = 'text';
  const forCheck = [...rest];
  if (formatAt !== -1) {
    const given = rest[formatAt]!.includes('=') ? rest[formatAt]!.slice('--format='.length) : rest[formatAt + 1];
    if (!given) throw new UsageError(`--format needs a value: one of ${ORIGIN_FORMATS.join(', ')}.`);
    if (!(ORIGIN_FORMATS as readonly string[]).includes(given)) throw new UsageError(`--format must be one of ${ORIGIN_FORMATS.join(', ')}; got "${given}".`);
    format = given as OriginFormat;
    forCheck.splice(formatAt, rest[formatAt]!.includes('=') ? 1 : 2);
  }
  const parsed = parseArguments(['check', ...forCheck]);
  if (parsed.command !== 'check') return parsed;
  const { paths, project, configFile } = parsed.args;
  return { command: 'origins', args: { paths, project, format, configFile } };
}
