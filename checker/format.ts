import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from '../plugin/core/diagnostic.js';
import { formatDiagnostic } from '../plugin/core/format.js';
import { RULES } from '../plugin/core/rules/index.js';
import type { Format } from './args.js';
import type { CheckResult, FileProblem } from './check.js';
import type { DependencyPackage, DependencyResult } from './dependencies.js';
import { PARSE_ERROR_RULE } from './parse-error.js';
import { uncheckedMessage, type UncheckedSite } from './unchecked.js';

export interface FormatSettings {
  format: Format;
  listUnchecked: boolean;
  cwd: string;
}

const UNCHECKED_RULE = 'unchecked-call';
const PROBLEM_RULE = { unreadable: 'unreadable-file', 'no-match': 'no-matching-file', project: 'bad-project' } as const;

function packageVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    for (const candidate of ['../../package.json', '../package.json']) {
      try {
        const pkg = require(candidate) as { name?: string; version?: string };
        if (pkg.name === 'babel-plugin-wx-request' && pkg.version) return pkg.version;
      } catch {
        // try the next location
      }
    }
  } catch {
    // fall through
  }
  return '0.0.0';
}

export const VERSION = packageVersion();

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface Counts {
  errors: number;
  warnings: number;
  unchecked: number;
  fixable: number;
  problems: number;
}

export function countResult(result: CheckResult): Counts {
  const diagnostics = result.files.flatMap((file) => file.diagnostics);
  return {
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warn').length,
    unchecked: result.files.reduce((sum, file) => sum + file.unchecked.length, 0),
    fixable: result.files.reduce((sum, file) => sum + file.fixes.size, 0),
    problems: result.problems.length,
  };
}

export function summaryLine(result: CheckResult): string {
  const counts = countResult(result);
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), `${plural(counts.unchecked, 'call site')} not statically known`];
  if (counts.problems > 0) parts.push(`${plural(counts.problems, 'file')} not checked`);
  let line = parts.join(', ');
  if (counts.fixable > 0) line += ` (${counts.fixable} fixable with --fix)`;
  return line;
}

function uncheckedOf(result: CheckResult, settings: FormatSettings): UncheckedSite[] {
  return settings.listUnchecked ? result.files.flatMap((file) => file.unchecked) : [];
}

function formatText(result: CheckResult, settings: FormatSettings): string {
  const blocks: string[] = [];
  for (const problem of result.problems) blocks.push(`${problem.message}  ${PROBLEM_RULE[problem.kind]}`);
  for (const file of result.files) {
    const entries: { line: number; column: number; text: string }[] = file.diagnostics.map((diagnostic) => ({
      line: diagnostic.line,
      column: diagnostic.column,
      text: formatDiagnostic(diagnostic, file.source) + (file.fixes.has(diagnostic) ? '\n  (fixable with --fix)' : ''),
    }));
    if (settings.listUnchecked) {
      for (const site of file.unchecked) entries.push({ line: site.line, column: site.column, text: `${site.file}:${site.line}:${site.column}  note  ${uncheckedMessage(site)}  ${UNCHECKED_RULE}` });
    }
    entries.sort((a, b) => a.line - b.line || a.column - b.column);
    blocks.push(...entries.map((entry) => entry.text));
  }
  if (result.fixed > 0) blocks.push(`Fixed ${plural(result.fixed, 'problem')}.`);
  blocks.push(summaryLine(result));
  return `${blocks.join('\n\n')}\n`;
}

interface JsonEntry {
  ruleId: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fixable?: boolean;
}

function problemEntry(problem: FileProblem): JsonEntry {
  return { ruleId: PROBLEM_RULE[problem.kind], severity: 'error', message: problem.message, file: problem.file, line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.column };
}

function formatJson(result: CheckResult, settings: FormatSettings): string {
  const entries: JsonEntry[] = [
    ...result.problems.map(problemEntry),
    ...result.files.flatMap((file) => file.diagnostics.map((diagnostic): JsonEntry => ({ ...diagnostic, fixable: file.fixes.has(diagnostic) }))),
    ...uncheckedOf(result, settings).map((site): JsonEntry => ({ ruleId: UNCHECKED_RULE, severity: 'note', message: uncheckedMessage(site), file: site.file, line: site.line, column: site.column, endLine: site.endLine, endColumn: site.endColumn })),
  ];
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** GitHub workflow commands: data escapes %, CR, LF; property values also `:` and `,`. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

function annotation(kind: 'error' | 'warning' | 'notice', entry: { file: string; line: number; column: number; endLine?: number; endColumn?: number }, title: string, message: string): string {
  const properties = [`file=${escapeProperty(entry.file)}`];
  if (entry.line > 0) properties.push(`line=${entry.line}`, `col=${entry.column}`);
  if (entry.endLine !== undefined && entry.endLine > 0) properties.push(`endLine=${entry.endLine}`);
  if (entry.endColumn !== undefined && entry.endLine === entry.line && entry.endColumn > 0) properties.push(`endColumn=${entry.endColumn}`);
  properties.push(`title=${escapeProperty(title)}`);
  return `::${kind} ${properties.join(',')}::${escapeData(message)}`;
}

function formatGithub(result: CheckResult, settings: FormatSettings): string {
  const lines: string[] = [];
  for (const problem of result.problems) lines.push(annotation('error', problem, PROBLEM_RULE[problem.kind], problem.message));
  for (const file of result.files) {
    for (const diagnostic of file.diagnostics) lines.push(annotation(diagnostic.severity === 'error' ? 'error' : 'warning', diagnostic, `wx-request ${diagnostic.ruleId}`, diagnostic.message));
  }
  for (const site of uncheckedOf(result, settings)) lines.push(annotation('notice', site, `wx-request ${UNCHECKED_RULE}`, uncheckedMessage(site)));
  lines.push(summaryLine(result));
  return `${lines.join('\n')}\n`;
}

function sarifLevel(diagnostic: Diagnostic): 'error' | 'warning' {
  return diagnostic.severity === 'error' ? 'error' : 'warning';
}

function region(entry: { line: number; column: number; endLine: number; endColumn: number }): Record<string, number> {
  return { startLine: Math.max(1, entry.line), startColumn: Math.max(1, entry.column), endLine: Math.max(1, entry.endLine), endColumn: Math.max(1, entry.endColumn) };
}

function location(file: string, entry: { line: number; column: number; endLine: number; endColumn: number }) {
  return { physicalLocation: { artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' }, region: region(entry) } };
}

/** A SARIF rule of the checker itself (not of the rule engine): a parse error, a blind spot. */
function toolRule(id: string, level: 'error' | 'note', text: { short: string; full: string; help: string; markdown?: string }) {
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: text.short },
    fullDescription: { text: text.full },
    help: { text: text.help, markdown: text.markdown ?? text.help },
    defaultConfiguration: { level: level as 'error' | 'warning' },
    properties: { tags: ['wechat', 'wx.request'] },
  };
}

/** SARIF 2.1.0 as GitHub code scanning reads it: rules with help text, results with physical locations. */
export function sarifLog(result: CheckResult, settings: FormatSettings): object {
  const rules = RULES.map((rule) => ({
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.help}\n\nExample: ${rule.example}`, markdown: `${rule.help}\n\nExample:\n\n\`\`\`js\n${rule.example}\n\`\`\`` },
    defaultConfiguration: { level: rule.defaultSeverity === 'error' ? 'error' : 'warning' },
    properties: { tags: ['wechat', 'wx.request'] },
  }));
  rules.push(
    toolRule(PARSE_ERROR_RULE, 'error', {
      short: 'A file that does not parse: its wx.request calls were not checked.',
      full: 'The file has a syntax error, so the rules could not read it. The other files are checked as usual.',
      help: 'Fix the syntax error at the reported position and run the check again.',
    }),
  );
  if (settings.listUnchecked) {
    rules.push(
      toolRule(UNCHECKED_RULE, 'note', {
        short: 'A wx.request call whose method, url or header cannot be known at build time.',
        full: 'The rules only check what is known at build time; this call site is a blind spot.',
        help: 'Make the options a literal or a const (in any file) so the rules can check them.',
        markdown: 'Make the options a literal or a `const` (in any file) so the rules can check them.',
      }),
    );
  }
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const results: object[] = [];
  for (const file of result.files) {
    for (const diagnostic of file.diagnostics) {
      results.push({ ruleId: diagnostic.ruleId, ruleIndex: index.get(diagnostic.ruleId) ?? 0, level: sarifLevel(diagnostic), message: { text: diagnostic.message }, locations: [location(diagnostic.file, diagnostic)] });
    }
  }
  for (const site of uncheckedOf(result, settings)) {
    results.push({ ruleId: UNCHECKED_RULE, ruleIndex: index.get(UNCHECKED_RULE) ?? 0, level: 'note', message: { text: uncheckedMessage(site) }, locations: [location(site.file, site)] });
  }
  const notifications = result.problems.map((problem) => ({
    level: 'error',
    message: { text: problem.message },
    descriptor: { id: PROBLEM_RULE[problem.kind] },
    ...(problem.line > 0 ? { locations: [location(problem.file, { line: problem.line, column: problem.column, endLine: problem.line, endColumn: problem.column })] } : {}),
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'wx-request', informationUri: 'https://www.npmjs.com/package/babel-plugin-wx-request', version: VERSION, semanticVersion: VERSION, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(settings.cwd.endsWith('/') ? settings.cwd : `${settings.cwd}/`).href } },
        invocations: [{ executionSuccessful: result.problems.length === 0, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatResult(result: CheckResult, settings: FormatSettings): string {
  switch (settings.format) {
    case 'json':
      return formatJson(result, settings);
    case 'sarif':
      return `${JSON.stringify(sarifLog(result, settings), null, 2)}\n`;
    case 'github':
      return formatGithub(result, settings);
    default:
      return formatText(result, settings);
  }
}

/** --list-dependencies: how many of a package's files are named before `…`. */
const LISTED_FILES = 3;

function requestName(globals: readonly string[]): string {
  return globals.map((name) => `${name}.request`).join(' or ');
}

/** A package name in a regular expression on a path: `.` escaped, the scope's `/` either separator. */
function namePattern(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('/', '[\\\\/]');
}

function dependencyLine(pkg: DependencyPackage, request: string): string {
  const label = pkg.version === null ? pkg.name : `${pkg.name}@${pkg.version}`;
  // The folder is shown when it is not the usual node_modules/<name> (nested, miniprogram_npm, elsewhere).
  const where = pkg.folder === `node_modules/${pkg.name}` ? '' : ` (${pkg.folder})`;
  const count = pkg.files.length;
  const files = pkg.files.slice(0, LISTED_FILES).join(', ') + (count > LISTED_FILES ? ', …' : '');
  return `${label}${where}  ${count} ${count === 1 ? 'file references' : 'files reference'} ${request}: ${files}`;
}

/** The closing lines: the count, and how to include the node_modules packages with babel-loader. */
function dependencySummary(result: DependencyResult, request: string): string {
  const { packages } = result;
  const verb = packages.length === 1 ? 'references' : 'reference';
  const inMiniProgramNpm = packages.filter((pkg) => pkg.container === 'miniprogram_npm').length;
  const names = [...new Set(packages.filter((pkg) => pkg.container === 'node_modules').map((pkg) => pkg.name))];
  let text = `${packages.length} of ${plural(result.scannedPackages, 'installed package')} ${verb} ${request}`;
  // A miniprogram_npm folder is part of the mini-program's sources: `exclude: /node_modules/` keeps it.
  text += inMiniProgramNpm > 0 ? ` (${inMiniProgramNpm} in miniprogram_npm, which exclude: /node_modules/ does not skip).` : '.';
  if (names.length === 0) return text;
  const them = inMiniProgramNpm > 0 ? 'those in node_modules' : names.length === 1 ? 'it' : 'them';
  return `${text}\nTo port ${them} with babel-loader, replace exclude: /node_modules/ with include: [path.resolve('src'), /node_modules[\\\\/](${names.map(namePattern).join('|')})[\\\\/]/]`;
}

/** `--list-dependencies` in the text or json format (the notes of the json format go to stderr). */
export function formatDependencies(result: DependencyResult, format: Format): string {
  if (format === 'json') {
    const entries = result.packages.map(({ name, version, folder, files }) => ({ name, version, folder, files }));
    return `${JSON.stringify(entries, null, 2)}\n`;
  }
  const request = requestName(result.globals);
  const blocks: string[] = [];
  for (const problem of result.problems) blocks.push(`${problem.message}  ${PROBLEM_RULE[problem.kind]}`);
  if (result.packages.length > 0) blocks.push(result.packages.map((pkg) => dependencyLine(pkg, request)).join('\n'));
  if (result.notes.length > 0) blocks.push(result.notes.map((note) => `note: ${note}`).join('\n'));
  if (result.packages.length > 0) blocks.push(dependencySummary(result, request));
  else if (result.searched.length > 0) blocks.push(`No installed package references ${request} (looked in ${result.searched.join(', ')}: ${plural(result.scannedPackages, 'package')}).`);
  else blocks.push(`No installed package references ${request}: no node_modules folder in or above ${result.roots.join(', ')}, and no miniprogram_npm folder below.`);
  return `${blocks.join('\n\n')}\n`;
}
