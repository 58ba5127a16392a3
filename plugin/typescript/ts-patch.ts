import type * as ts from 'typescript';
import type { WxRequestOptions } from '../core/options.js';
import { createTransformer } from './index.js';

// The keys of a tsconfig "plugins" entry that are ts-patch's own (its PluginConfig); every other
// key is one of our options, validated as such.
const TS_PATCH_KEYS = new Set(['name', 'transform', 'resolvePathAliases', 'tsConfig', 'import', 'isEsm', 'type', 'after', 'afterDeclarations', 'transformProgram']);

/**
 * The transformer as ts-patch (`tspc`) calls a "program" transformer from tsconfig.json:
 *
 *     "plugins": [{ "transform": "babel-plugin-wx-request/typescript", "import": "tsPatch", "allowedOrigins": [...] }]
 *
 * ts-patch passes the whole entry; its own keys are dropped, the rest are the transformer's options.
 */
export function tsPatch(program: ts.Program, config: Record<string, unknown> = {}): ts.TransformerFactory<ts.SourceFile> {
  const options = Object.fromEntries(Object.entries(config).filter(([key]) => !TS_PATCH_KEYS.has(key)));
  return createTransformer(program, options as WxRequestOptions);
}
