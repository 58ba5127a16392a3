import type { Scope, SourceCode } from 'eslint';

/**
 * A fast pass over ESLint's own scope analysis, so that the many files that use `wx` only for
 * other APIs (`wx.showToast`, `wx.navigateTo`) are not parsed again with Babel's parser. It can
 * only say "no": a file is skipped when every reference to a configured global is a plain
 * `wx.<name>` read of another name. Anything else (`wx.request`, `wx[name]`, `const { request } =
 * wx`, `fn(wx)`, wrappers) goes to the front end, which decides. JavaScript only: TypeScript's
 * `declare const wx` is a variable to typescript-eslint's scope manager but the global to us.
 */
export function mayCallRequest(sourceCode: SourceCode, globals: readonly string[]): boolean {
  const scope = sourceCode.scopeManager?.globalScope;
  if (!scope) return true;
  const references: Scope.Reference[] = scope.through.filter((reference) => globals.includes(reference.identifier.name));
  for (const name of globals) {
    // A global named in the ESLint config (`languageOptions.globals`) is a variable without definitions.
    const variable = scope.set.get(name);
    if (variable && variable.defs.length === 0) references.push(...variable.references);
  }
  return references.some((reference) => {
    const id = reference.identifier;
    const parent = (id as { parent?: { type: string; object?: unknown; computed?: boolean; property?: { type: string; name?: string } } }).parent;
    if (!parent) return true;
    const otherName = parent.type === 'MemberExpression' && parent.object === id && !parent.computed && parent.property?.type === 'Identifier' && parent.property.name !== 'request';
    return !otherName;
  });
}
