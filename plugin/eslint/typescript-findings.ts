import type * as TS from 'typescript';
import { FrontEnd } from '../typescript/analyze.js';
import { typeScriptFixTarget } from '../typescript/fix-target.js';
import { loadTypeScript } from '../typescript/load-typescript.js';
import { CheckerResolver } from '../typescript/scope.js';
import { spanKey } from '../typescript/syntax.js';
import { fixFor } from '../core/fixes.js';
import type { FileFindings } from './file-findings.js';

/**
 * The checker's type-aware reading of a file (`wx-request check`): the TypeScript front end on
 * the program typescript-eslint built (`parserOptions.projectService` or `project`), so imported
 * constants, enum members and re-exports are known. Undefined when the program does not hold
 * this very text (then the caller falls back to same-file knowledge).
 */
export function typeScriptFindings(program: TS.Program, text: string, filename: string, file: string, globals: readonly string[]): FileFindings | undefined {
  const sourceFile = program.getSourceFile(filename);
  if (!sourceFile || sourceFile.text !== text) return undefined;
  const ts = loadTypeScript();
  const resolver = new CheckerResolver(ts, program.getTypeChecker(), sourceFile, true);
  const analysis = new FrontEnd({ ts, sourceFile, file, globals, resolver }).analyze();
  return {
    sites: analysis.sites,
    globalUses: analysis.globalUses,
    fixFor(ruleId, span) {
      const node = analysis.nodes.get(spanKey(span));
      return node && node.getSourceFile() === sourceFile ? fixFor(ruleId, typeScriptFixTarget(ts, node, sourceFile), text) : undefined;
    },
  };
}
