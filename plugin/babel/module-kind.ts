import type { NodePath, types as t } from '@babel/core';

const ESM_SYNTAX = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration']);
const COMMONJS_GLOBALS = ['require', 'module', 'exports'];

/**
 * Whether the import of the runtime must be a `require`. Mini-program code is mostly CommonJS
 * but is often parsed as a module (Babel's default); adding an `import` to such a file would turn
 * it into an ES module whose `module.exports` no longer works. A file with neither syntax (a page
 * that only calls `Page()`) follows how it was parsed, except that a bundler which handles ES
 * modules itself (`supportsStaticESM`, as @rollup/plugin-babel and babel-loader say) gets an
 * `import`: after its CommonJS step has run, nothing would bundle a `require`.
 */
export function isCommonJs(program: NodePath<t.Program>, callerSupportsEsm: boolean): boolean {
  if (program.node.body.some((statement) => ESM_SYNTAX.has(statement.type))) return false;
  const scope = program.scope;
  if (COMMONJS_GLOBALS.some((name) => !scope.hasBinding(name) && referencesGlobal(program, name))) return true;
  return program.node.sourceType === 'script' && !callerSupportsEsm;
}

function referencesGlobal(program: NodePath<t.Program>, name: string): boolean {
  // Babel records every undeclared name a file uses while it builds the program scope.
  const globals = (program.scope as unknown as { globals: Record<string, unknown> }).globals;
  return Object.hasOwn(globals, name);
}
