import type { UnpluginMessage } from 'unplugin';
import type { Diagnostic } from '../core/diagnostic.js';
import { codeFrame, formatDiagnostic, formatErrors } from '../core/format.js';
import { dependencyLabel, type Dependency } from './dependency.js';

/**
 * Whether the host prints a message's `frame` itself (Rollup, Rolldown, Vite and its overlay do);
 * the others show the message alone, so it must carry the frames.
 */
export type FrameShown = boolean;

function location(diagnostic: Diagnostic, id: string): UnpluginMessage['loc'] {
  // The bundlers' convention (Rollup's, esbuild's): 1-based lines, 0-based columns.
  return { file: id, line: diagnostic.line, column: diagnostic.column - 1 };
}

/**
 * The one error of a file with rule errors: every error (so all are fixed in one round), each
 * with file:line:column, message and rule id, and the code frames; positioned at the first.
 */
export function ruleErrorMessage(errors: readonly Diagnostic[], source: string, id: string, frameShown: FrameShown): UnpluginMessage {
  const [first] = errors as [Diagnostic];
  const frames = errors.map((error) => (errors.length > 1 ? `${formatDiagnostic(error)}\n${codeFrame(source, error)}` : codeFrame(source, error)));
  return {
    message: frameShown ? errors.map((error) => formatDiagnostic(error)).join('\n') : formatErrors(errors, source),
    id,
    loc: location(first, id),
    code: 'WX_REQUEST_RULES',
    meta: { diagnostics: errors },
    ...(frameShown ? { frame: frames.join('\n\n') } : {}),
  } as UnpluginMessage;
}

/**
 * One warning, with its frame. In a dependency it names the package and version first: the user
 * cannot fix it there, but may report it upstream or allow the origin.
 */
export function warningMessage(warning: Diagnostic, source: string, id: string, frameShown: FrameShown, dependency?: Dependency): UnpluginMessage {
  const head = dependency ? `in dependency ${dependencyLabel(dependency)} (a warning, not an error: a dependency's code is not yours to edit; its calls are rewritten all the same): ` : '';
  return {
    message: head + (frameShown ? formatDiagnostic(warning) : formatDiagnostic(warning, source)),
    id,
    loc: location(warning, id),
    code: warning.ruleId,
    meta: { diagnostic: warning },
    ...(frameShown ? { frame: codeFrame(source, warning) } : {}),
  } as UnpluginMessage;
}
