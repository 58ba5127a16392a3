import type { Scope } from 'eslint';
import { spanKey, type CallSite } from '../core/call-site.js';
import { Evaluator } from '../core/evaluate.js';
import { describeSites, findReferences } from '../core/find-references.js';
import type { GlobalUse } from '../core/global-use.js';
import type { Node } from './node.js';
import { EstreeSyntax } from './syntax-adapter.js';

export interface EstreeSites {
  sites: CallSite[];
  /** The uses of the global object through which `request` escapes (global-escape). */
  globalUses: GlobalUse[];
  /** The node behind each span a rule may report (values, keys), for a fix. */
  nodes: Map<string, Node>;
}

/**
 * The Babel plugin's reading of a file, on ESLint's tree and scope analysis instead of a second
 * parse: the references of the globals come from the scope manager, and the shared finder
 * (plugin/core/find-references.ts) and evaluator describe the same call sites from them.
 */
export function findSites(scopeManager: Scope.ScopeManager, file: string, globals: readonly string[]): EstreeSites {
  const nodes = new Map<string, Node>();
  const syntax = new EstreeSyntax(scopeManager, (span, node) => nodes.set(spanKey(span), node));
  const reader = { syntax, evaluator: new Evaluator(syntax), globals };
  const found = findReferences(reader, syntax.globalIdentifiers(globals), file);
  return { sites: describeSites(reader, found, file), globalUses: found.globalUses, nodes };
}
