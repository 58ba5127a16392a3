import type { NodePath, types as t } from '@babel/core';
import { addNamed } from '@babel/helper-module-imports';
import { RUNTIME_EXPORTS, runtimeImportText } from '../core/runtime-import.js';
import { isCommonJs } from './module-kind.js';

export interface RuntimeImport {
  /** The local name of the runtime's `wx` (`_wx`, or `_wx2` beside a user's `_wx`). */
  holder: t.Identifier;
  /** The same statements as text, for the edit placed before the file's first statement. */
  text: string;
}

/**
 * Adds the runtime's import (plugin/core/runtime-import.ts: `import { wx as _wx } from '<runtime>'`,
 * its `require` twin in CommonJS, and `_allowOrigins([...])` when the build allows origins with a
 * port). helper-module-imports names the locals and places the statements at the top of the body
 * (merging the two imports of one module); the same statements as text go on the first statement's
 * own line, so that no line of the user's file moves.
 */
export function addRuntimeImport(program: NodePath<t.Program>, source: string, types: typeof t, callerSupportsEsm: boolean, origins: readonly string[], installing: readonly { source: string; name: string }[] = []): RuntimeImport {
  const node = program.node;
  const sourceType = node.sourceType;
  const commonJs = isCommonJs(program, callerSupportsEsm);
  // helper-module-imports writes a `require` for scripts and an `import` for modules.
  node.sourceType = commonJs ? 'script' : 'module';
  try {
    const before = node.body.length;
    const holder = addNamed(program, RUNTIME_EXPORTS.holder, source, { nameHint: RUNTIME_EXPORTS.holder }) as t.Identifier;
    const allow = origins.length === 0 ? undefined : (addNamed(program, RUNTIME_EXPORTS.allowOrigins, source, { nameHint: RUNTIME_EXPORTS.allowOrigins }) as t.Identifier);
    const installs = installing.map((install) => ({ ...install, local: (addNamed(program, install.name, install.source, { nameHint: install.name }) as t.Identifier).name }));
    // The calls go right after the imports: `useUploadFile()`, then `allowOrigins([...])`.
    const calls = [
      ...installs.map(({ local }) => types.expressionStatement(types.callExpression(types.identifier(local), []))),
      ...(allow ? [types.expressionStatement(types.callExpression(types.cloneNode(allow), [types.arrayExpression(origins.map((origin) => types.stringLiteral(origin)))]))] : []),
    ];
    const added = node.body.length - before;
    if (calls.length > 0) {
      if (added === 0) program.unshiftContainer('body', calls);
      else (program.get('body')[added - 1] as NodePath).insertAfter(calls);
    }
    return { holder, text: runtimeImportText({ commonJs, source, holder: holder.name, allow: allow?.name, origins, installs }) };
  } finally {
    node.sourceType = sourceType;
  }
}
