import path from 'node:path';
import type * as TS from 'typescript';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { checkCallSites } from '../../plugin/core/engine.js';
import { FIXABLE_RULES } from '../../plugin/core/fixes.js';
import type { ResolvedOptions } from '../../plugin/core/options.js';
import type { Ts } from '../../plugin/typescript/syntax.js';
import type { TextEdit } from './edits.js';

let typescript: Promise<Ts> | undefined;

/** TypeScript is loaded only for `port --fix`: ts-morph's copy, a dependency of the package. */
function loadTypeScript(): Promise<Ts> {
  typescript ??= import('ts-morph').then((module) => module.default.ts as unknown as Ts);
  return typescript;
}

function scriptKind(ts: Ts, filename: string): TS.ScriptKind {
  switch (path.extname(filename)) {
    case '.ts':
    case '.mts':
    case '.cts':
      return ts.ScriptKind.TS;
    case '.tsx':
      return ts.ScriptKind.TSX;
    case '.jsx':
      return ts.ScriptKind.JSX;
    default:
      return ts.ScriptKind.JS;
  }
}

export interface SafeFixes {
  edits: TextEdit[];
  /** The diagnostics these edits fix, as `ruleId:line:column`, to leave them out of the report. */
  fixed: Set<string>;
}

export function diagnosticKey(diagnostic: Diagnostic): string {
  return `${diagnostic.ruleId}:${diagnostic.line}:${diagnostic.column}`;
}

/**
 * The checker's safe fixes for one file (checker/fix.ts computes them; nothing is computed twice):
 * the file is read by the TypeScript front end, which describes the same call sites as the Babel
 * plugin, and the fixes come with the offsets of the original text.
 */
export async function safeFixes(source: string, filename: string, file: string, options: ResolvedOptions): Promise<SafeFixes> {
  const ts = await loadTypeScript();
  const [{ analyzeSourceFile }, { LexicalResolver }, { fixesFor }] = await Promise.all([
    import('../../plugin/typescript/analyze.js'),
    import('../../plugin/typescript/scope.js'),
    import('../../checker/fix.js'),
  ]);
  const sourceFile = ts.createSourceFile(filename, source, ts.ScriptTarget.Latest, true, scriptKind(ts, filename));
  const analysis = analyzeSourceFile({ ts, sourceFile, file, globals: options.globals, resolver: new LexicalResolver(ts, sourceFile) });
  const diagnostics = checkCallSites(analysis.sites, options).filter((diagnostic) => FIXABLE_RULES.has(diagnostic.ruleId));
  const fixes = fixesFor(ts, sourceFile, diagnostics, analysis.nodes);
  return { edits: [...fixes.values()], fixed: new Set([...fixes.keys()].map(diagnosticKey)) };
}
