import type { NodePath, types as t } from '@babel/core';

const ESM_SYNTAX = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration']);
const COMMONJS_GLOBALS = ['require', 'module', 'exports'];

/**
 * Whether the import of the runtime must be a `require`. Mini-program code is mostly CommonJS
 * but is usually parsed with Babel's default `sourceType: "module"`; adding an `import` to such
 * a file would turn it into an ES module whose `module.exports` no longer works.
 */
export function isCommonJs(program: NodePath<t.Program>): boolean {
  if (program.node.sourceType === 'script') return true;
  if (program.node.body.some((statement) => ESM_SYNTAX.has(statement.type))) return false;
  const scope = program.scope;
  return COMMONJS_GLOBALS.some((name) => !scope.hasBinding(name) && referencesGlobal(program, name));
}

function referencesGlobal(program: NodePath<t.Program>, name: string): boolean {
  // Babel records every undeclared name a file uses while it builds the program scope.
  const globals = (program.scope as unknown as { globals: Record<string, unknown> }).globals;
  return Object.hasOwn(globals, name);
}
