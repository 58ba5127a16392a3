import type { UnpluginMessage } from 'unplugin';
import { babelErrorFrame, babelErrorReason, type BabelError } from '../babel/babel-error.js';
import { dependencyLabel, type Dependency } from './dependency.js';

/**
 * A file the plugin could not parse: where, Babel's reason, and what to do. Its `wx.request`
 * calls cannot be found, so passing it on unchanged would leave them live in the bundle.
 */
export function parseErrorMessage(error: BabelError, id: string, display: string, frameShown: boolean, dependency?: Dependency): UnpluginMessage {
  const line = error.loc?.line ?? 1;
  const column = error.loc?.column ?? 0;
  const reason = babelErrorReason(error, id);
  const frame = babelErrorFrame(error);
  const message = dependency
    ? `in dependency ${dependencyLabel(dependency)}: ${display}:${line}:${column + 1}  warn  ${reason}: babel-plugin-wx-request could not parse this file of the package, so it is bundled unchanged and a wx.request in it stays unported. Leave the package out with the plugin's "exclude" option if it never calls wx.request, or report the syntax to its authors.  parse-error`
    : `${display}:${line}:${column + 1}  error  ${reason}: babel-plugin-wx-request parses every file that may call wx.request (as TypeScript for .ts/.mts/.cts, TypeScript and JSX for .tsx, JSX for .js/.jsx) and could not parse this one. Fix the syntax, or leave the file out with the plugin's "exclude" option if it never calls wx.request.  parse-error`;
  return { message: frameShown ? message : `${message}\n${frame}`, id, loc: { file: id, line, column }, ...(frameShown ? { frame } : {}) } as UnpluginMessage;
}
