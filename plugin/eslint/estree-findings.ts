import type { SourceCode } from 'eslint';
import { spanKey } from '../core/call-site.js';
import { fixFor } from '../core/fixes.js';
import { estreeFixTarget, findSites } from '../estree/index.js';
import type { FileFindings } from './file-findings.js';

/**
 * The Babel plugin's own reading of a file, without its rewrite, on the tree ESLint parsed
 * (`sourceCode.ast`) and its scope analysis (`sourceCode.scopeManager`): no second parse. Same-file
 * knowledge only, as in Babel.
 */
export function estreeFindings(sourceCode: SourceCode, file: string, globals: readonly string[]): FileFindings {
  const { sites, globalUses, nodes } = findSites(sourceCode.scopeManager, file, globals);
  return {
    sites,
    globalUses,
    fixFor(ruleId, span) {
      const node = nodes.get(spanKey(span));
      return node && fixFor(ruleId, estreeFixTarget(node), sourceCode.text);
    },
  };
}
