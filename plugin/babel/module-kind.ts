import type { NodePath, types as t } from '@babel/core';
import { COMMONJS_GLOBALS, isCommonJs as isCommonJsFile } from '../core/module-kind.js';

const ESM_SYNTAX = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration']);

/** Whether the import of the runtime must be a `require` (plugin/core/module-kind.ts's rule, on Babel's program). */
export function isCommonJs(program: NodePath<t.Program>, callerSupportsEsm: boolean): boolean {
  return isCommonJsFile({
    moduleSyntax: program.node.body.some((statement) => ESM_SYNTAX.has(statement.type)),
    usesCommonJsGlobals: () => COMMONJS_GLOBALS.some((name) => !program.scope.hasBinding(name) && referencesGlobal(program, name)),
    parsedAsScript: program.node.sourceType === 'script',
    callerSupportsEsm,
  });
}

function referencesGlobal(program: NodePath<t.Program>, name: string): boolean {
  // Babel records every undeclared name a file uses while it builds the program scope.
  const globals = (program.scope as unknown as { globals: Record<string, unknown> }).globals;
  return Object.hasOwn(globals, name);
}
