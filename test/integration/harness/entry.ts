import { SAMPLE_APP, SAMPLE_MODULES } from './run-sample.js';
import path from 'node:path';

/**
 * The source of an entry module for bundlers that inline the runtime: it loads the sample's app
 * and pages in the demo's order and re-exports the bundled runtime's configure, so the test
 * configures the very instance the bundled pages call.
 */
export function sampleEntrySource(): string {
  const files = SAMPLE_MODULES.map((file) => JSON.stringify(path.join(SAMPLE_APP, file)));
  return [...files.map((file) => `import ${file};`), `export { configure } from 'babel-plugin-wx-request/runtime';`, ''].join('\n');
}

/** The code without comments (roughly: also cuts strings at `//`), for checks on what is called. */
export function withoutComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
}

/** A wx.request still called (or taken off wx) in built code; the shim has none, so it would throw. */
export const WX_REQUEST_LEFT = /\bwx\.request\b(?!:)|\{\s*request\s*\}\s*=\s*wx\b|\bwx\[['"]request['"]\]/;
