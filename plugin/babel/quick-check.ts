/**
 * Whether a file's text could reference `wx.request` at all, so that the many files that cannot
 * are not traversed. Beyond the plain word, escapes (`wx['re\u0071uest']`) and computed access on
 * a global (`wx[name]`, `wx?.[name]`) could spell it.
 */
export function mayReferenceRequest(source: string, globals: readonly string[]): boolean {
  if (source.includes('request')) return true;
  if (source.includes('\\u') || source.includes('\\x')) return true;
  return globals.some((name) => source.includes(`${name}[`) || source.includes(`${name}?.[`));
}
