import { readFileSync } from 'node:fs';

/**
 * webpack and Rspack give our loader to every module a rule's `use` names, and a loader's round
 * trip (and, in Rspack, the call from native code into it) costs far more than reading a small file.
 * Most modules cannot reference wx.request (the app's other pages, and nearly every dependency),
 * so the rule's `use` (unplugin asks `transformInclude` there) reads the file and names the loader
 * only for text that passes the code filter, the same test the loader would make first. esbuild's
 * onLoad asks the same before its own (asynchronous) read and the handler's work. A
 * resource with a query (`?raw`, another loader's part of a file) is not the file on disk, and a
 * file that cannot be read here is the host's to report: both get the loader, which decides.
 * `globals` are the code filter's (ASCII names, as the options require).
 */
export function passesCodeFilter(id: string, codeFilter: RegExp, globals: readonly string[]): boolean {
  if (/[?#]/.test(id)) return true;
  let bytes: Buffer;
  try {
    bytes = readFileSync(id);
  } catch {
    return true;
  }
  // The filter matches only where a global's name or a `\u` escape is: most files (nearly every
  // dependency's) hold neither, which a byte search (memchr-fast, no decoding) tells at once.
  if (!bytes.includes(ESCAPE) && !globals.some((name) => bytes.includes(name, 0, 'latin1'))) return false;
  return codeFilter.test(bytes.toString('utf8'));
}

const ESCAPE = Buffer.from('\\u', 'latin1');
