import path from 'node:path';

/**
 * Reading @babel/core's errors, in one place for every tool that reports them (the bundler
 * plugins, `wx-request port`, `wx-request check --list-dependencies`). Babel writes
 * "<file>: <reason> (line:column)" on the first line, then a code frame, and gives the position
 * in `loc` (1-based line, 0-based column).
 */
export interface BabelError extends Error {
  code?: unknown;
  loc?: { line: number; column: number };
}

/** A file Babel could not parse (not an error of a plugin). */
export function isBabelParseError(error: unknown): error is BabelError {
  return error instanceof Error && (error as BabelError).code === 'BABEL_PARSE_ERROR';
}

/**
 * Babel's reason alone: the first line without the file Babel puts before it (the name it was
 * given, or that name resolved, as Babel resolves it) and the position after it.
 */
export function babelErrorReason(error: Error, filename: string): string {
  const head = error.message.split('\n')[0] ?? '';
  const prefix = [`${filename}: `, `${path.resolve(filename)}: `].find((candidate) => head.startsWith(candidate));
  return (prefix ? head.slice(prefix.length) : head).replace(/ \(\d+:\d+\)$/, '');
}

/** The code frame Babel puts under its first line ('' when there is none). */
export function babelErrorFrame(error: Error): string {
  return error.message.split('\n').slice(1).join('\n').replace(/^\n+/, '');
}
