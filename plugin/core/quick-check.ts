/**
 * The quick check: whether a file's text could reference `wx.request` (or the `request` of another
 * configured global) at all, so that the many files that cannot are never traversed. Real
 * mini-program code mentions `wx` in nearly every file (`wx.showToast`, `wx.navigateTo`), so "the
 * file names the global" lets most files through; this check reads what follows each mention.
 *
 * It works on the text, not on a syntax tree, and must never say "skip" for a file the plugin would
 * find a reference (or a warning) in. So it does not try to tell code from strings, comments or
 * regular expressions: telling them apart needs a parse (`/` is a division or a regular expression,
 * `'` inside a regular expression opens no string), and a wrong guess would hide code. Instead every
 * mention of a global, wherever it is, lets the file through, except the one shape that provably
 * cannot reach `request`: a property read `wx.name` (or `wx?.name`) whose name is a plain identifier
 * other than `request`. A mention inside a string or a comment may let a file through that did not
 * need it; that costs time, never correctness.
 *
 * Everything else lets the file through: `wx.request`, a computed `wx[...]`, `wx` as a value
 * (`const { request } = wx`, `const api = wx`, `f(wx)`, `wx ? wx : qq`, `Object.keys(wx)`,
 * `Object.defineProperty(wx, …)`, `typeof wx`), a declaration of the name, and names spelled with
 * escapes once decoded (`\u0077x.request`, `wx.\u0072equest`).
 */

import { isNetworkApi } from './network-apis.js';

/** One pattern per list of globals: each mention of a global as a whole word (`wx`, not `wxml`). */
const patterns = new Map<string, RegExp>();

function mentionPattern(globals: readonly string[]): RegExp {
  const key = globals.join(',');
  let pattern = patterns.get(key);
  if (!pattern) {
    const names = globals.map((name) => name.replaceAll('$', '\\$')).join('|');
    pattern = new RegExp(`(?<![\\w$])(?:${names})(?![\\w$])`, 'g');
    patterns.set(key, pattern);
  }
  return pattern;
}

/** `\u0077`, `\u{77}`: an escape that spells an ASCII identifier character. */
const IDENTIFIER_ESCAPE = /\\u(?:([0-9a-fA-F]{4})|\{([0-9a-fA-F]{1,6})\})/g;
const ASCII_IDENTIFIER_CHAR = /^[\w$]$/;

/**
 * The text with escapes that spell ASCII identifier characters decoded, so that `\u0077x` reads as
 * `wx`. Only identifier characters are decoded (never a quote, a dot or a bracket), so the decoding
 * cannot change how the code around an escape reads; the names that matter (the globals, which
 * the options hold to ASCII identifiers, and `request`) are ASCII.
 */
function decodeIdentifierEscapes(source: string): string {
  if (!source.includes('\\u')) return source;
  return source.replace(IDENTIFIER_ESCAPE, (escape, four: string | undefined, braced: string | undefined) => {
    const char = String.fromCodePoint(Math.min(parseInt(four ?? braced ?? '0', 16), 0x10ffff));
    return ASCII_IDENTIFIER_CHAR.test(char) ? char : escape;
  });
}

const SPACE = new Set([' ', '\t', '\n', '\r', '\v', '\f']);

/** The index after ASCII white space and comments from `i` (an unclosed comment runs to the end). */
function skipTrivia(text: string, i: number): number {
  for (;;) {
    while (i < text.length && SPACE.has(text[i] as string)) i++;
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('/*', i)) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else {
      return i;
    }
  }
}

const DIGIT = /^[0-9]$/;
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;

/**
 * The property name of a read `.name` / `?.name` that starts at `i` (right after the global), or
 * undefined when what follows is anything else: a computed `[...]`, a call, an operator, `?.5`
 * (a conditional, not a chain), or a name that goes on with a character this check does not read
 * (a backslash, anything outside ASCII), which might make it a different name than it looks.
 */
function propertyName(text: string, i: number): string | undefined {
  let at = skipTrivia(text, i);
  if (text[at] === '?' && text[at + 1] === '.') {
    // `wx?.5 : 0` is a conditional expression: `?.` right before a digit starts no chain.
    if (DIGIT.test(text[at + 2] ?? '')) return undefined;
    at += 2;
  } else if (text[at] === '.' && text[at + 1] !== '.') {
    at += 1;
  } else {
    return undefined;
  }
  at = skipTrivia(text, at);
  IDENTIFIER.lastIndex = at;
  const match = IDENTIFIER.exec(text);
  if (!match) return undefined;
  const next = text.charCodeAt(at + match[0].length);
  if (next === 0x5c /* \ */ || next >= 0x80) return undefined;
  return match[0];
}

/**
 * Whether the mention ending at `start` is itself a property name (`this.wx`, `a?.wx`): then it is
 * not the global. Only white space on the same line is skipped backwards, since reading back over a
 * line could land in a comment (`// done.` on the line before).
 */
function isPropertyOfSomethingElse(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return text[i] === '.' && text[i - 1] !== '.';
}

/**
 * Whether a file's text could reference `request` of one of the `globals` (or use a global in a way
 * the plugin reports): false only when every mention of every global is a read of another property.
 */
export function mayReferenceRequest(source: string, globals: readonly string[]): boolean {
  const text = decodeIdentifierEscapes(source);
  const pattern = mentionPattern(globals);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (isPropertyOfSomethingElse(text, match.index)) continue;
    const name = propertyName(text, match.index + match[0].length);
    if (name === undefined || isNetworkApi(name)) return true;
  }
  return false;
}
