/**
 * Whether the runtime's import must be a `require`: the rule every front end follows, from facts
 * each reads off its own syntax (Babel's program and scope, TypeScript's source file, the text
 * front end's tokens).
 *
 * Mini-program code is mostly CommonJS but is often parsed as a module (Babel's default); adding
 * an `import` to such a file would turn it into an ES module whose `module.exports` no longer
 * works. So import or export syntax makes an ES module, and else a use of CommonJS's globals makes
 * CommonJS. A file with neither (a page that only calls `Page()`) follows how it was parsed, except
 * that a caller which handles ES modules itself (`supportsStaticESM`, as @rollup/plugin-babel,
 * babel-loader and the bundler plugins say) gets an `import`: after its CommonJS step has run,
 * nothing would bundle a `require`.
 */
export interface ModuleFacts {
  /** The file has `import` or `export` declarations (not `import()` or `import.meta`). */
  moduleSyntax: boolean;
  /**
   * It reads `require`, `module` or `exports` where they are CommonJS's (no binding of the file).
   * Asked only when the file has no module syntax: a front end may walk the file to answer.
   */
  usesCommonJsGlobals: () => boolean;
  /** It was parsed as a script (Babel's `sourceType: 'script'`; a front end that keeps the file's syntax says false). */
  parsedAsScript: boolean;
  /** The caller bundles ES modules itself (Babel's `caller.supportsStaticESM`). */
  callerSupportsEsm: boolean;
}

/** CommonJS's globals, whose unbound use makes a file CommonJS. */
export const COMMONJS_GLOBALS: readonly string[] = ['require', 'module', 'exports'];

export function isCommonJs(facts: ModuleFacts): boolean {
  if (facts.moduleSyntax) return false;
  if (facts.usesCommonJsGlobals()) return true;
  return facts.parsedAsScript && !facts.callerSupportsEsm;
}
