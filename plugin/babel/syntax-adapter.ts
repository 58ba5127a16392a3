import type { Node, NodePath } from '@babel/core';
import type { Span } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import type { ExpressionShape, SyntaxAdapter } from '../core/syntax-adapter.js';
import { expressionShape, type BabelAccess } from './node-shape.js';
import { constInitializer } from './const-binding.js';
import { spanOf } from './span.js';
import { unwrap } from './unwrap.js';

const PATHS: BabelAccess<NodePath> = {
  node: (path) => path.node,
  child: (path, key) => path.get(key) as NodePath,
  children: (path, key) => path.get(key) as NodePath[],
};

/**
 * Babel's syntax for the shared evaluator: node types to shapes, `const` bindings through Babel's
 * scope. One file only: Babel sees no other file.
 */
export class BabelSyntax implements SyntaxAdapter<NodePath> {
  /** `remember` receives the reported spans' paths (the ESLint front end's fixer uses them). */
  constructor(readonly remember?: (span: Span, path: NodePath) => void) {}

  unwrap = unwrap;
  shape(path: NodePath): ExpressionShape<NodePath> {
    return expressionShape(path, PATHS);
  }
  identity(path: NodePath): Node {
    return path.node;
  }
  constValue = constInitializer;
  inFile(): boolean {
    return true;
  }
  spanOf(path: NodePath, fallback?: Span): Span {
    return spanOf(path.node, fallback);
  }
}

/** The evaluator of the Babel plugin (no fixer listening). */
export const babelEvaluator = new Evaluator(new BabelSyntax());
