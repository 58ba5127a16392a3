/**
 * The statements that bring in the runtime, as text placed before a file's first statement (on
 * its line, so no line of the user's file moves): `import { wx as _wx } from '<runtime>';` or its
 * `require` twin, and, when the build allows origins with a port, `_allowOrigins([...])`, so the
 * runtime accepts at run time what the build accepted. The Babel front end and the text front end
 * both write exactly this.
 */
export function runtimeImportText(commonJs: boolean, source: string, holder: string, allow: string | undefined, origins: readonly string[]): string {
  const quoted = JSON.stringify(source);
  if (origins.length === 0 || allow === undefined) return commonJs ? `var ${holder} = require(${quoted}).wx; ` : `import { wx as ${holder} } from ${quoted}; `;
  const imports = commonJs ? `var ${holder} = require(${quoted}).wx; var ${allow} = require(${quoted}).allowOrigins;` : `import { wx as ${holder}, allowOrigins as ${allow} } from ${quoted};`;
  return `${imports} ${allow}(${JSON.stringify(origins)}); `;
}
