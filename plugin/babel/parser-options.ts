import path from 'node:path';
import type { TransformOptions } from '@babel/core';

type ParserPlugins = NonNullable<NonNullable<TransformOptions['parserOpts']>['plugins']>;
export type ParserPlugin = ParserPlugins[number];

/**
 * How Babel's parser reads a file, by its extension: the one place that says it, for the bundler
 * plugins (and the text front end's fragments), `wx-request port` and `wx-request check
 * --list-dependencies`. TypeScript's own rule decides the TypeScript files: .ts .mts .cts are
 * TypeScript without JSX (`<T>x` is a type assertion there), .tsx is TypeScript with JSX, and .mts
 * and .cts disallow the `<T>() => …` forms JSX would confuse.
 */
const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx'];

/** The TypeScript syntax of a file (with JSX for .tsx), or undefined when it is not a TypeScript file. */
export function typeScriptPlugins(extension: string): ParserPlugin[] | undefined {
  if (!TYPESCRIPT_EXTENSIONS.includes(extension)) return undefined;
  const typescript: ParserPlugin = ['typescript', { disallowAmbiguousJSXLike: extension === '.mts' || extension === '.cts' }];
  return extension === '.tsx' ? [typescript, 'jsx'] : [typescript];
}

/**
 * The bundlers' parse, from the extension alone, as the host bundlers decide it: TypeScript (with
 * legacy decorators) for the TypeScript files, JSX for .js .jsx. A .mjs is an ES module and a .cjs
 * a script; any other file is whichever its syntax says.
 */
export function parserOptionsFor(id: string): Pick<TransformOptions, 'sourceType' | 'parserOpts'> {
  const extension = path.extname(id).toLowerCase();
  const typescript = typeScriptPlugins(extension);
  const plugins: ParserPlugins = typescript ? [...typescript, 'decorators-legacy'] : extension === '.jsx' || extension === '.js' ? ['jsx'] : [];
  const sourceType = extension === '.mjs' || extension === '.mts' ? 'module' : extension === '.cjs' ? 'script' : 'unambiguous';
  return { sourceType, parserOpts: { plugins } };
}

/**
 * The port's parses, tried in order, for a file whose Babel config names its own parser plugins
 * (`own`, first): a TypeScript file as TypeScript, then with decorators; any other file as its
 * config says, then with the syntax real mini-program trees contain without declaring it (JSX,
 * decorators in .js files, then Flow annotations).
 */
export function parserAttempts(extension: string, own: readonly ParserPlugin[]): ParserPlugin[][] {
  const typescript = typeScriptPlugins(extension);
  if (typescript) return [[...own, ...typescript], [...own, ...typescript, 'decorators-legacy']];
  return [[...own], [...own, 'jsx', 'decorators-legacy'], [...own, 'flow', 'jsx', 'decorators-legacy']];
}
