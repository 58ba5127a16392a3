import type { Node } from '@babel/core';
import type { Span } from '../core/call-site.js';
import type { ExpressionShape, SyntaxAdapter } from '../core/syntax-adapter.js';
import { expressionShape, type BabelAccess } from '../babel/node-shape.js';
import { spanOf } from '../babel/span.js';
import { unwrapNode } from '../babel/unwrap.js';
import type { Fragments } from './fragments.js';
import type { TextRange } from './read-file.js';
import type { Choose } from './answers.js';

const NODES: BabelAccess<Node> = {
  node: (node) => node,
  child: (node, key) => (node as unknown as Record<string, Node>)[key]!,
  children: (node, key) => (node as unknown as Record<string, Node[]>)[key]!,
};

/** A `const` initializer that no reading can see into (a call, `this`, `await x`): the same as no value at all. */
function isOpaque(node: Node): boolean {
  const kind = expressionShape(unwrapNode(node), NODES).kind;
  return kind === 'call' || kind === 'unknown';
}

/**
 * Babel's nodes, parsed piece by piece, for the shared evaluator. Without scopes, an identifier
 * may stand for any `const` of its name in the file, or for none (a parameter or a `let` closer
 * to it): the adapter asks `choose` which, and the caller tries every answer (answers.ts). That
 * is every binding Babel's scopes could give the name (one of its consts, or one whose value the
 * evaluator does not know), so an agreed answer is Babel's whichever it is: nothing is guessed.
 */
export class FragmentSyntax implements SyntaxAdapter<Node> {
  constructor(
    private readonly fragments: Fragments,
    private readonly constants: ReadonlyMap<string, readonly TextRange[]>,
    private readonly choose: Choose,
  ) {}

  unwrap = unwrapNode;
  shape(node: Node): ExpressionShape<Node> {
    return expressionShape(node, NODES);
  }
  identity(node: Node): Node {
    return node;
  }
  constValue(node: Node): Node | undefined {
    if (node.type !== 'Identifier') return undefined;
    const values = (this.constants.get(node.name) ?? []).map((range) => this.fragments.expression(range)).filter((value) => !isOpaque(value));
    if (values.length === 0) return undefined;
    const choice = this.choose(node, values.length + 1);
    return choice === 0 ? undefined : values[choice - 1];
  }
  inFile(): boolean {
    return true;
  }
  spanOf(node: Node, fallback?: Span): Span {
    return spanOf(node, fallback);
  }
}
