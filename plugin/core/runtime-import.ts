/**
 * The statements that bring in the runtime, for every front end: one import of the runtime's `wx`
 * (as a local name that clashes with nothing), and, when the build allows origins with a port, of
 * `allowOrigins`, called right after with those origins, so the runtime accepts at run time what
 * the build accepted. In CommonJS each name is a `var … = require(…).name`. The Babel plugin builds
 * its nodes with these names (import-runtime.ts), the TypeScript transformer its nodes from
 * `runtimeImportBindings`, and the Babel plugin's edits and the text front end write `runtimeImportText`.
 */

import { FILE_APIS, type NetworkApi } from './network-apis.js';

/** The runtime's exports the rewrite imports; they are also the bases of the local names (`_wx`, `_allowOrigins`). */
export const RUNTIME_EXPORTS = { holder: 'wx', allowOrigins: 'allowOrigins' } as const;

/** The entry of the default runtime that serves each API other than request, and its install function. */
const INSTALLERS: Readonly<Record<string, { entry: string; name: string }>> = {
  uploadFile: { entry: 'upload-file', name: 'useUploadFile' },
  downloadFile: { entry: 'download-file', name: 'useDownloadFile' },
};

/**
 * What a file that references uploadFile or downloadFile installs on the runtime's `wx`: each such
 * API has an entry of its own (`<runtime>/upload-file`), so that a page pays only for the APIs it
 * uses, and its install function, called once, puts the function on the shared `wx` stand-in.
 * Only the default runtime has these entries; a runtime of the user's provides them on its `wx`.
 */
export function runtimeInstalls(apis: Iterable<NetworkApi>, runtime: string, defaultRuntime: string): { source: string; name: string }[] {
  if (runtime !== defaultRuntime) return [];
  return FILE_APIS.filter((api) => [...apis].includes(api)).map((api) => ({ source: `${runtime}/${INSTALLERS[api]!.entry}`, name: INSTALLERS[api]!.name }));
}

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
  /** The install functions to import and call (runtimeInstalls), each with its local name. */
  installs: readonly { source: string; name: string; local: string }[];
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
  const installs = runtime.installs
    .map(({ source, name, local }) => `${runtime.commonJs ? `var ${local} = require(${JSON.stringify(source)}).${name};` : `import { ${name} as ${local} } from ${JSON.stringify(source)};`} ${local}();`)
    .join(' ');
  const all = [imports, ...(installs ? [installs] : []), ...(allow === undefined ? [] : [`${allow}(${JSON.stringify(runtime.origins)});`])];
  return `${all.join(' ')} `;
}
