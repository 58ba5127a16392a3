import { parseSync, traverse, types, type NodePath, type types as t } from '@babel/core';
import { spanKey, type Span } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import { fixFor } from '../core/fixes.js';
import { describeSites, findReferences } from '../babel/find-sites.js';
import { babelFixTarget } from '../babel/fix-target.js';
import { BabelSyntax } from '../babel/syntax-adapter.js';
import type { FileFindings } from './file-findings.js';

/** The parser plugins for a file, by its extension: what @babel/preset-typescript and preset-react would enable. */
function parserPlugins(filename: string): ('typescript' | 'jsx')[] {
  if (/\.(c|m)?tsx$/.test(filename)) return ['typescript', 'jsx'];
  if (/\.(c|m)?ts$/.test(filename)) return ['typescript'];
  return ['jsx'];
}

function programOf(ast: t.File): NodePath<t.Program> | undefined {
  let program: NodePath<t.Program> | undefined;
  traverse(ast, {
    Program(path) {
      program = path;
      path.stop();
    },
  });
  return program;
}

/**
 * The Babel plugin's own reading of a file, without its rewrite: the file's text is parsed with
 * Babel's parser (ESLint's tree is ESTree, and the Babel front end reads Babel's), then the same
 * references are found and the same call sites described. Same-file knowledge only, as in Babel.
 */
export function babelFindings(text: string, filename: string, file: string, globals: readonly string[]): FileFindings {
  let ast: t.File | null;
  try {
    ast = parseSync(text, { filename, configFile: false, babelrc: false, sourceType: 'unambiguous', parserOpts: { plugins: parserPlugins(filename) } });
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = (error as Error).message.replace(/^.*?: /, '').replace(/ \(\d+:\d+\)$/, '');
    return { sites: [], globalUses: [], fixFor: () => undefined, problem: { message, line: loc?.line ?? 1, column: (loc?.column ?? 0) + 1 } };
  }
  const program = ast && programOf(ast);
  if (!program) return { sites: [], globalUses: [], fixFor: () => undefined };
  const reported = new Map<string, NodePath>();
  const evaluator = new Evaluator(new BabelSyntax((span: Span, path: NodePath) => reported.set(spanKey(span), path)));
  const found = findReferences(program, file, globals, types);
  return {
    sites: describeSites(found, file, evaluator),
    globalUses: found.globalUses,
    fixFor(ruleId, span) {
      const path = reported.get(spanKey(span));
      return path && fixFor(ruleId, babelFixTarget(path), text);
    },
  };
}
