import path from 'node:path';
import type { TransformOptions } from '@babel/core';

type ParserPlugins = NonNullable<NonNullable<TransformOptions['parserOpts']>['plugins']>;

/**
 * How a file is parsed, from its extension alone, as the host bundlers decide it: TypeScript for
 * .ts .mts .cts (no JSX: `<T>x` is a type assertion there), TypeScript and JSX for .tsx, JSX for
 * .js .jsx. A .mjs is an ES module and a .cjs a script; any other file is whichever its syntax says.
 */
export function parserOptionsFor(id: string): Pick<TransformOptions, 'sourceType' | 'parserOpts'> {
  const extension = path.extname(id).toLowerCase();
  const typescript = ['.ts', '.mts', '.cts', '.tsx'].includes(extension);
  const plugins: ParserPlugins = [];
  // TypeScript's own rule: .mts and .cts files disallow the `<T>() => …` forms JSX would confuse.
  if (typescript) plugins.push(['typescript', { disallowAmbiguousJSXLike: extension === '.mts' || extension === '.cts' }], 'decorators-legacy');
  if (extension === '.tsx' || extension === '.jsx' || extension === '.js') plugins.push('jsx');
  const sourceType = extension === '.mjs' || extension === '.mts' ? 'module' : extension === '.cjs' ? 'script' : 'unambiguous';
  return { sourceType, parserOpts: { plugins } };
}
