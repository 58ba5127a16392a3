import type { Rule, SourceCode } from 'eslint';
import type * as TS from 'typescript';
import { mayReferenceRequest } from '../core/quick-check.js';
import { displayPath } from '../core/display-path.js';
import { estreeFindings } from './estree-findings.js';
import type { FileFindings } from './file-findings.js';
import { typeScriptFindings } from './typescript-findings.js';

const NOTHING: FileFindings = { sites: [], globalUses: [], fixFor: () => undefined };

// One reading per file and list of globals, whichever of the plugin's rules asks first: the
// rules of one file share a SourceCode object, so seven rules read its tree once.
const cache = new WeakMap<SourceCode, Map<string, FileFindings>>();

function typeInformation(sourceCode: SourceCode): TS.Program | undefined {
  const services = sourceCode.parserServices as { program?: TS.Program | null } | undefined;
  return services?.program ?? undefined;
}

function read(context: Rule.RuleContext, globals: readonly string[]): FileFindings {
  const { sourceCode, filename } = context;
  const text = sourceCode.text;
  // The Babel plugin's own quick check: a file whose globals are only read as `wx.<other API>`
  // cannot reach wx.request, and its tree is not read at all.
  if (!mayReferenceRequest(text, globals)) return NOTHING;
  // A language without a scope manager (not JavaScript) has no wx.request calls to check.
  if (!sourceCode.scopeManager) return NOTHING;
  const file = displayPath(filename, context.cwd);
  const program = typeInformation(sourceCode);
  if (program) return typeScriptFindings(program, text, filename, file, globals) ?? estreeFindings(sourceCode, file, globals);
  return estreeFindings(sourceCode, file, globals);
}

/** The findings of the file being linted, read once and shared by the plugin's rules. */
export function findingsOf(context: Rule.RuleContext, globals: readonly string[]): FileFindings {
  const key = globals.join(',');
  let perGlobals = cache.get(context.sourceCode);
  if (!perGlobals) cache.set(context.sourceCode, (perGlobals = new Map()));
  let findings = perGlobals.get(key);
  if (!findings) perGlobals.set(key, (findings = read(context, globals)));
  return findings;
}
