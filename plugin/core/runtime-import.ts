/**
 * The statements that bring in the runtime, for every front end: one import of the runtime's `wx`
 * (as a local name that clashes with nothing), and, when the build allows origins with a port, of
 * `allowOrigins`, called right after with those origins, so the runtime accepts at run time what
 * the build accepted. In CommonJS each name is a `var … = require(…).name`. The Babel plugin builds
 * its nodes with these names (import-runtime.ts), the TypeScript transformer its nodes from
 * `runtimeImportBindings`, and the Babel plugin's edits and the text front end write `runtimeImportText`.
 */

/** The runtime's exports the rewrite imports; they are also the bases of the local names (`_wx`, `_allowOrigins`). */
export const RUNTIME_EXPORTS = { holder: 'wx', allowOrigins: 'allowOrigins' } as const;

export interface RuntimeImport {
  /** A `require` rather than an `import` (plugin/core/module-kind.ts). */
  commonJs: boolean;
  /** The module: the runtime entry (runtime-entry.ts). */
  source: string;
  /** The local name of the runtime's `wx`. */
  holder: string;
  /** The local name of `allowOrigins`, when origins are allowed (and only then). */
  allow: string | undefined;
  origins: readonly string[];
}

/** The local name of `allowOrigins`, when the import brings it in and calls it (origins are allowed). */
export function allowOriginsCallee({ allow, origins }: RuntimeImport): string | undefined {
  return origins.length > 0 ? allow : undefined;
}

/** The names imported, in order, each as [export, local]. */
export function runtimeImportBindings(runtime: RuntimeImport): [string, string][] {
  const allow = allowOriginsCallee(runtime);
  return allow === undefined ? [[RUNTIME_EXPORTS.holder, runtime.holder]] : [[RUNTIME_EXPORTS.holder, runtime.holder], [RUNTIME_EXPORTS.allowOrigins, allow]];
}

/** The statements as text, placed before a file's first statement (on its line, so no line of the user's file moves). */
export function runtimeImportText(runtime: RuntimeImport): string {
  const quoted = JSON.stringify(runtime.source);
  const bindings = runtimeImportBindings(runtime);
  const imports = runtime.commonJs
    ? bindings.map(([name, local]) => `var ${local} = require(${quoted}).${name};`).join(' ')
    : `import { ${bindings.map(([name, local]) => `${name} as ${local}`).join(', ')} } from ${quoted};`;
  const allow = allowOriginsCallee(runtime);
  return allow === undefined ? `${imports} ` : `${imports} ${allow}(${JSON.stringify(runtime.origins)}); `;
}
