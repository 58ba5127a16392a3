/**
 * The transform hook's `code` filter: a regular expression that the native bundlers (Rolldown,
 * Vite 8) test on each file's text on their side, so that the files which cannot reference
 * `request` of a global never cross into JavaScript. It must let through every file the quick
 * check (plugin/core/quick-check.ts, `mayReferenceRequest`) lets through: it is a superset, and the
 * quick check still runs on what it passes. It reads the same shapes more loosely: every mention of
 * a global passes except a read `g.name` / `g?.name` of a plain ASCII name other than `request`
 * with only white space around the dot (a comment there passes; the quick check decides).
 *
 * Written for two engines: Rolldown tries Rust's `regex` crate first and falls back to an
 * ECMAScript engine (regress) only for what the crate rejects, and JavaScript hosts (Rollup,
 * unplugin's loaders) use V8's. So it uses only what both read alike: no lookaround, no
 * backreference, no flags, and no `\w`, `\s`, `\d` (Unicode-wide in the crate, ASCII in
 * JavaScript): explicit ASCII classes instead. A negated class matches any non-ASCII character in
 * both, and `^`/`$` are the text's start and end in both.
 */
import { NETWORK_APIS } from '../core/network-apis.js';

const IDENTIFIER_CHAR = 'A-Za-z0-9_$';
/** The quick check's white space (`\s` would be wider: a no-break space is not trivia there). */
const SPACE = '\\t\\n\\v\\f\\r ';

/** An escape that may spell an ASCII identifier character (`\u0077`, `\u{77}`): the quick check decodes those first. */
const IDENTIFIER_ESCAPE = '\\\\u(?:00[2-7][0-9A-Fa-f]|\\{)';

/** After the dot of `g.` or `g?.` (and white space): what lets the file through. */
const AFTER_DOT = [
  '$', // the end of the text
  `[^${SPACE}A-Za-z_$]`, // not a plain name: a comment, `#`, a digit, `\`, a non-ASCII character …
  `(?:${NETWORK_APIS.join('|')})(?:$|[^${IDENTIFIER_CHAR}])`, // request itself, and its siblings uploadFile and downloadFile
  `[A-Za-z_$][${IDENTIFIER_CHAR}]*(?:[^\\x00-\\x7F]|\\\\)`, // a name that goes on with an escape or a non-ASCII character
].join('|');

/** After a global's name: what lets the file through. */
const AFTER_GLOBAL = [
  '$',
  `[^${IDENTIFIER_CHAR}${SPACE}.?]`, // a call, a computed member, an operator, a comment, …
  `[${SPACE}]+(?:$|[^${SPACE}.?])`, // the same after white space, a name among them (`typeof wx in`)
  `[${SPACE}]*\\?(?:$|[^.]|\\.[0-9])`, // a conditional or `??`, not a chain
  `[${SPACE}]*\\.\\.`, // `..` starts no member read
  `[${SPACE}]*\\??\\.[${SPACE}]*(?:${AFTER_DOT})`,
].join('|');

const filters = new Map<string, RegExp>();

/** The code filter for a list of globals (ASCII identifiers, as the options require). */
export function requestCodeFilter(globals: readonly string[]): RegExp {
  const names = [...globals].sort((a, b) => b.length - a.length).map((name) => name.replaceAll('$', '\\$'));
  const key = names.join('|');
  let filter = filters.get(key);
  if (!filter) {
    filter = new RegExp(`${IDENTIFIER_ESCAPE}|(?:^|[^${IDENTIFIER_CHAR}])(?:${key})(?:${AFTER_GLOBAL})`);
    filters.set(key, filter);
  }
  return filter;
}
