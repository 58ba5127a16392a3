import type { Diagnostic } from './diagnostic.js';
import type { SourceMapLike } from './apply-edits.js';

/**
 * What reading one file gives a host (the bundler plugins): the text front end (plugin/scan) and
 * the Babel plugin run alone (plugin/bundler/transform-file.ts) both answer in these terms.
 */
export interface FileResult {
  /** The rewritten file, or undefined when nothing in it changed; `map: null` when nothing in it moved. */
  output: { code: string; map: SourceMapLike | null } | undefined;
  diagnostics: Diagnostic[];
}
