import type { NodePath, types as t } from '@babel/core';
import { addNamed } from '@babel/helper-module-imports';
import { isCommonJs } from './module-kind.js';

/**
 * Adds `import { request as _request } from '<runtime>'` (or its `require` twin in CommonJS) the
 * first time a file needs it, and hands out copies of the local name afterwards.
 */
export function runtimeImporter(program: NodePath<t.Program>, source: string, types: typeof t, callerSupportsEsm: boolean): () => t.Identifier {
  let local: t.Identifier | undefined;
  return () => {
    local ??= addRuntimeImport(program, source, callerSupportsEsm);
    return types.cloneNode(local);
  };
}

function addRuntimeImport(program: NodePath<t.Program>, source: string, callerSupportsEsm: boolean): t.Identifier {
  const node = program.node;
  const sourceType = node.sourceType;
  // helper-module-imports writes a `require` for scripts and an `import` for modules.
  node.sourceType = isCommonJs(program, callerSupportsEsm) ? 'script' : 'module';
  try {
    return addNamed(program, 'request', source, { nameHint: 'request' }) as t.Identifier;
  } finally {
    node.sourceType = sourceType;
  }
}
