import * as babel from '@babel/core';
import plugin from '../../plugin/index.js';
import { wxRequestMetadata } from '../../plugin/babel/plugin.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { resolveOptions, type WxRequestOptions } from '../../plugin/core/options.js';
import { runtimeImportText } from '../../plugin/core/runtime-import.js';
import type { TextEdit } from '../../plugin/core/text-edits.js';
import { parserOptionsFor } from '../../plugin/babel/parser-options.js';
import { displayPath } from '../../plugin/core/display-path.js';
import { readText } from '../../plugin/scan/transform-text.js';

interface BabelReading {
  diagnostics: Diagnostic[];
  edits: TextEdit[];
}

/** The Babel plugin alone on a file, as the bundler integrations run it: its diagnostics and edits. */
function babelReading(code: string, file: string, options: WxRequestOptions): BabelReading {
  try {
    const result = babel.transformSync(code, {
      filename: file,
      configFile: false,
      babelrc: false,
      browserslistConfigFile: false,
      code: false,
      ast: false,
      caller: { name: 'test', supportsStaticESM: true, supportsDynamicImport: true },
      plugins: [[plugin, { ...options, onDiagnostic() {} }]],
      ...parserOptionsFor(file),
    });
    const metadata = wxRequestMetadata(result);
    return { diagnostics: metadata.diagnostics, edits: metadata.edits ?? [] };
  } catch (error) {
    const failure = error as { code?: string; diagnostics?: Diagnostic[] };
    if (failure.code === 'WX_REQUEST_RULES') return { diagnostics: failure.diagnostics ?? [], edits: [] };
    throw error;
  }
}

export type Comparison = { read: false } | { read: true; differences: string[] };

/**
 * The text front end beside the Babel plugin on one file: when it reads the file, it must decide
 * what the plugin decides: the same diagnostics, the same `wx` replaced, the runtime import the
 * plugin writes (same module, same form, before the same statement).
 */
export function compareWithBabel(code: string, file: string, options: WxRequestOptions = {}): Comparison {
  const resolved = resolveOptions(options);
  const read = readText(code, file, displayPath(file, process.cwd()), resolved);
  if (!read) return { read: false };
  const expected = babelReading(code, file, options);
  const differences: string[] = [];
  // A file with errors: the Babel plugin's error carries the errors alone.
  const failed = expected.edits.length === 0 && expected.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const ours = failed ? read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : read.diagnostics;
  if (JSON.stringify(ours) !== JSON.stringify(expected.diagnostics)) differences.push(`diagnostics: ${JSON.stringify(ours)}, Babel: ${JSON.stringify(expected.diagnostics)}`);
  if (expected.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { read: true, differences };
  const replaced = expected.edits.filter((edit) => edit.end > edit.start);
  const holders = read.reading.calls.map(({ object }) => ({ start: object.start, end: object.end, text: '_wx' }));
  if (JSON.stringify(holders) !== JSON.stringify(replaced)) differences.push(`replaced ${JSON.stringify(holders)}, Babel: ${JSON.stringify(replaced)}`);
  const inserted = expected.edits.filter((edit) => edit.end === edit.start);
  const origins = [...resolved.allowedOrigins];
  const text = runtimeImportText({ commonJs: read.reading.commonJs, source: read.entry, holder: '_wx', allow: origins.length > 0 ? '_allowOrigins' : undefined, origins, installs: [] });
  const ourImport = read.reading.calls.length > 0 ? [{ start: read.reading.firstStatement, end: read.reading.firstStatement, text }] : [];
  if (JSON.stringify(ourImport) !== JSON.stringify(inserted)) differences.push(`import ${JSON.stringify(ourImport)}, Babel: ${JSON.stringify(inserted)}`);
  return { read: true, differences };
}
