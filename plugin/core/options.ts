import type { Diagnostic, Severity, SeveritySetting } from './diagnostic.js';
import { RULES, RULE_IDS } from './rules/index.js';
import { normaliseOrigin } from '../../runtime/origin.js';

/** The options shared by the Babel plugin, the TypeScript transformer and the checker. */
export interface WxRequestOptions {
  /** Severity per rule id: 'error', 'warn' or 'off'. */
  rules?: Record<string, SeveritySetting>;
  /** Origins (`https://api.example.com:8443`) whose port is allowed by `url-no-port`. */
  allowedOrigins?: string[];
  /** The global objects whose `request` is rewritten. Default `['wx']`. */
  globals?: string[];
  /** The module the rewritten calls import `request` from. */
  runtime?: string;
  /** Receives every diagnostic. Default: warnings are printed to stderr. */
  onDiagnostic?: (diagnostic: Diagnostic) => void;
  /**
   * The project configuration file (`wx-request.config.*`): `false` reads none, a path reads that
   * one; by default the nearest one above each file is read (plugin/config/project-config.ts).
   */
  configFile?: false | string;
}

/** The options a configuration file may give: data, no function, no pointer to another file. */
export type FileOptions = Pick<WxRequestOptions, 'rules' | 'allowedOrigins' | 'globals' | 'runtime'>;
export const FILE_OPTION_NAMES: readonly string[] = ['rules', 'allowedOrigins', 'globals', 'runtime'];

export interface ResolvedOptions {
  rules: Record<string, SeveritySetting>;
  allowedOrigins: ReadonlySet<string>;
  globals: readonly string[];
  runtime: string;
  onDiagnostic: ((diagnostic: Diagnostic) => void) | undefined;
}

export const DEFAULT_RUNTIME = 'babel-plugin-wx-request/runtime';
const SEVERITIES: readonly SeveritySetting[] = ['error', 'warn', 'off'];
const OPTION_NAMES = ['rules', 'allowedOrigins', 'globals', 'runtime', 'onDiagnostic', 'configFile'];
// scheme://host[:port][/]: a host of dot-separated labels (no wildcard, no empty label) or an IPv6 literal.
const ORIGIN = /^(https?|wss?):\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*)(:(\d{1,5}))?\/?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A user's mistake in the options: the message names the option and what it accepts, and, for a
 * configuration file, the file (`source`). `reason` is the message without the package prefix.
 */
export class OptionsError extends Error {
  override name = 'WxRequestOptionsError';
  constructor(
    readonly reason: string,
    readonly source?: string,
  ) {
    super(`babel-plugin-wx-request: ${source === undefined ? '' : `${source}: `}${reason}`);
  }
}

function fail(message: string): never {
  throw new OptionsError(message);
}

/** Where options come from: a configuration file accepts fewer of them, and its errors name it. */
export interface OptionsSource {
  /** The file as the user sees it (`wx-request.config.json`, `package.json "wxRequest"`). */
  source: string;
  accepted: readonly string[];
}

/** An object literal (or one with a null prototype): a Map or a class instance would be read wrongly. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function nearest(name: string, candidates: readonly string[]): string {
  const lower = name.toLowerCase();
  const match = candidates.find((candidate) => candidate.toLowerCase() === lower || candidate.toLowerCase().startsWith(lower.slice(0, 4)));
  return match ? ` Did you mean "${match}"?` : '';
}

function resolveRules(value: unknown): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  for (const rule of RULES) rules[rule.id] = rule.defaultSeverity;
  if (value === undefined) return rules;
  if (!isPlainObject(value)) fail(`option "rules" must be an object of rule id → 'error' | 'warn' | 'off'; got ${describe(value)}.`);
  for (const [id, severity] of Object.entries(value)) {
    if (!RULE_IDS.includes(id)) fail(`option "rules" names an unknown rule "${id}".${nearest(id, RULE_IDS)} Known rules: ${RULE_IDS.join(', ')}.`);
    if (!SEVERITIES.includes(severity as SeveritySetting)) {
      fail(`option "rules" gives rule "${id}" the severity ${describe(severity)}; use 'error', 'warn' or 'off'.`);
    }
    rules[id] = severity as SeveritySetting;
  }
  return rules;
}

function resolveOrigins(value: unknown): Set<string> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) fail(`option "allowedOrigins" must be an array of origins such as "https://api.example.com:8443"; got ${describe(value)}.`);
  return new Set(
    value.map((entry: unknown) => {
      const match = typeof entry === 'string' ? ORIGIN.exec(entry) : null;
      if (!match || Number(match[5] ?? 0) > 65535) {
        fail(`option "allowedOrigins" has ${describe(entry)}, which is not an origin: write scheme://host:port with nothing after it, such as "https://api.example.com:8443".`);
      }
      return normaliseOrigin(entry as string);
    }),
  );
}

function resolveGlobals(value: unknown): string[] {
  if (value === undefined) return ['wx'];
  if (!Array.isArray(value) || value.length === 0 || !value.every((name) => typeof name === 'string' && IDENTIFIER.test(name))) {
    fail(`option "globals" must be a non-empty array of identifiers such as ['wx', 'qq', 'tt', 'swan']; got ${describe(value)}.`);
  }
  return [...new Set(value as string[])];
}

function resolveRuntime(value: unknown): string {
  if (value === undefined) return DEFAULT_RUNTIME;
  if (typeof value !== 'string' || value.trim() === '') fail(`option "runtime" must be a module specifier string such as "${DEFAULT_RUNTIME}"; got ${describe(value)}.`);
  return value;
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'an array';
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'no prototype'})`;
  return `${typeof value} ${String(value)}`;
}

/**
 * Validates the user's options up front, so a mistake is reported once, before any file. With a
 * `from`, the options are a configuration file's: only its accepted names, and errors name it.
 */
export function resolveOptions(input: unknown, from?: OptionsSource): ResolvedOptions {
  if (from === undefined) return resolveValidated(input, OPTION_NAMES);
  try {
    return resolveValidated(input, from.accepted);
  } catch (error) {
    throw error instanceof OptionsError ? new OptionsError(error.reason, from.source) : error;
  }
}

function resolveValidated(input: unknown, accepted: readonly string[]): ResolvedOptions {
  const options = input ?? {};
  if (!isPlainObject(options)) fail(`options must be an object; got ${describe(options)}.`);
  for (const name of Object.keys(options)) {
    if (accepted.includes(name)) continue;
    if (OPTION_NAMES.includes(name)) fail(`option "${name}" is given to the plugin itself, not in a configuration file. Accepted here: ${accepted.join(', ')}.`);
    fail(`unknown option "${name}".${nearest(name, accepted)} Accepted options: ${accepted.join(', ')}.`);
  }
  const { onDiagnostic, configFile } = options;
  if (onDiagnostic !== undefined && typeof onDiagnostic !== 'function') fail(`option "onDiagnostic" must be a function (diagnostic) => void; got ${describe(onDiagnostic)}.`);
  if (configFile !== undefined && configFile !== false && (typeof configFile !== 'string' || configFile.trim() === '')) {
    fail(`option "configFile" must be false (read no configuration file) or the path of one, such as "./wx-request.config.json"; got ${describe(configFile)}.`);
  }
  return {
    rules: resolveRules(options.rules),
    allowedOrigins: resolveOrigins(options.allowedOrigins),
    globals: resolveGlobals(options.globals),
    runtime: resolveRuntime(options.runtime),
    onDiagnostic: onDiagnostic as ResolvedOptions['onDiagnostic'],
  };
}

export type { Severity };
