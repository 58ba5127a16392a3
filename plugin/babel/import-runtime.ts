import type { NodePath, types as t } from '@babel/core';
import { addNamed } from '@babel/helper-module-imports';
import { isCommonJs } from './module-kind.js';

/**
 * Adds `import { request as _request } from '<runtime>'` (or its `require` twin in CommonJS) the
 * first time a file needs it, and hands out copies of the local name afterwards.
 */
export function runtimeImporter(program: NodePath<t.Program>, source: string, types: typeof t): () => t.Identifier {
  let local: t.Identifier | undefined;
  return () => {
    local ??= addRuntimeImport(program, source);
    return types.cloneNode(local);
  };
}

function addRuntimeImport(program: NodePath<t.Program>, source: string): t.Identifier {
  const node = program.node;
  const sourceType = node.sourceType;
  // helper-module-imports writes a `require` for scripts; a CommonJS file parsed as a module is one.
  if (isCommonJs(program)) node.sourceType = 'script';
  try {
    return addNamed(program, 'request', source, { nameHint: 'request' }) as t.Identifier;
  } finally {
    node.sourceType = sourceType;
  }
}
