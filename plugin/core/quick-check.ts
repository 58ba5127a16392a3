/** One pattern per list of globals: a global's name as a whole word (`wx`, not `wxml`). */
const patterns = new Map<string, RegExp>();

function mentionsGlobal(source: string, globals: readonly string[]): boolean {
  const key = globals.join(',');
  let pattern = patterns.get(key);
  if (!pattern) {
    const names = globals.map((name) => name.replaceAll('$', '\\$')).join('|');
    pattern = new RegExp(`(?:^|[^\\w$])(?:${names})(?:$|[^\\w$])`);
    patterns.set(key, pattern);
  }
  return pattern.test(source);
}

/**
 * Whether a file's text could reference `wx.request` at all, so that the many files that cannot
 * are not traversed. Any spelling of the reference names the global (`wx`, or the other
 * configured ones) or the word `request`, unless it is written with escapes (`\u0077x`); a
 * computed name (`wx['req' + 'uest']`, `const { [N]: r } = wx`) still names the global.
 */
export function mayReferenceRequest(source: string, globals: readonly string[]): boolean {
  if (source.includes('request')) return true;
  if (source.includes('\\u') || source.includes('\\x')) return true;
  return mentionsGlobal(source, globals);
}
