import type { CallSite } from '../core/call-site.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { checkCallSites } from '../core/engine.js';
import { Evaluator } from '../core/evaluate.js';
import { DEFAULT_RUNTIME, type ResolvedOptions } from '../core/options.js';
import { runtimeEntry } from '../core/runtime-entry.js';
import { runtimeImportText } from '../core/runtime-import.js';
import { applyEdits } from '../core/apply-edits.js';
import type { FileResult } from '../core/file-result.js';
import { TextEdits } from '../core/text-edits.js';
import { agreedResult } from './answers.js';
import { Fragments, Unsure } from './fragments.js';
import { readFile, type FileReading, type TextRange } from './read-file.js';
import { FragmentSyntax } from './syntax-adapter.js';
import { importPlacement } from './import-placement.js';
import { editWithMap } from './token-map.js';
import { tokenize, type Token } from './tokenize.js';

/** More combinations of `const` answers than this, and the file goes to Babel. */
const MOST_RUNS = 32;
/**
 * Names for the runtime's `wx` as long as `wx`, so that no column moves: the first the file does
 * not use anywhere (as a word, in code or not); `<name>AllowOrigins` goes with it.
 */
const HOLDERS: readonly [string, RegExp][] = ['_w', '$w', '_x', '$x'].map((name) => [name, new RegExp(`(?<![\\w$])\\${name}(?![\\w$])|\\${name}AllowOrigins`)]);

interface Described {
  diagnostics: Diagnostic[];
  entry: string;
}

function describe(reading: FileReading, fragments: Fragments, file: string, options: ResolvedOptions, syntax: FragmentSyntax): Described {
  const evaluator = new Evaluator(syntax);
  const sites = reading.calls.map(({ call, argument }): CallSite => {
    const span = fragments.span(call);
    if (argument === undefined || argument === 'spread') return { file, span, options: { unknown: span } };
    return { file, span, options: evaluator.describeOptions(fragments.expression(argument), span) };
  });
  return { diagnostics: checkCallSites(sites, options), entry: runtimeEntry(options.runtime, DEFAULT_RUNTIME, sites, true) };
}

/**
 * Parses, a few parses in all, every piece the evaluator may ask for: the call arguments, then the
 * `const`s of every name they mention, then those of the names these mention, and so on.
 */
function parsePieces(reading: FileReading, fragments: Fragments): void {
  let pieces: TextRange[] = reading.calls.flatMap(({ argument }) => (typeof argument === 'object' ? [argument] : []));
  const optionObjects = new Set(pieces.map((piece) => piece.start));
  const named = new Set<string>();
  while (pieces.length > 0) {
    const names = fragments.parse(pieces, optionObjects);
    pieces = [...names].filter((name) => !named.has(name)).flatMap((name) => (named.add(name), reading.constants.get(name) ?? []));
  }
}

/** What the text front end reads from a file it can read: the Babel plugin's decisions, without its parse. */
export interface TextReading {
  diagnostics: Diagnostic[];
  /** The runtime module the file imports (lean or full, runtime-entry.ts). */
  entry: string;
  reading: FileReading;
  tokens: readonly Token[];
  lineStarts: readonly number[];
}

/**
 * The text front end: the Babel plugin's reading of a file, without parsing the file, when its
 * tokens show that no scope analysis is needed (read-file.ts); undefined when they do not, and the
 * file goes to Babel. Only the call arguments (and the `const`s they name) are parsed, by Babel's
 * parser; the rules and the evaluator are the shared ones.
 */
export function readText(code: string, id: string, file: string, options: ResolvedOptions): TextReading | undefined {
  // helper-module-imports would reuse an import of the runtime that the file already has.
  if (code.includes(options.runtime)) return undefined;
  const tokens = tokenize(code);
  if ('unsure' in tokens) return undefined;
  const reading = readFile(tokens.tokens, options.globals);
  if ('unsure' in reading) return undefined;
  const fragments = new Fragments(code, id, tokens.tokens);
  if (reading.calls.length === 0) return { diagnostics: [], entry: options.runtime, reading, tokens: tokens.tokens, lineStarts: fragments.lineStarts };
  let described: Described | undefined;
  try {
    parsePieces(reading, fragments);
    described = agreedResult((choose) => describe(reading, fragments, file, options, new FragmentSyntax(fragments, reading.constants, choose)), (result) => JSON.stringify(result), MOST_RUNS);
  } catch (error) {
    if (error instanceof Unsure) return undefined;
    throw error;
  }
  if (!described) return undefined;
  return { ...described, reading, tokens: tokens.tokens, lineStarts: fragments.lineStarts };
}

/**
 * The Babel plugin's result for a file that readText can read, or undefined. The rewrite is the
 * Babel plugin's (the global becomes the runtime's `wx` in each call), written so that no column
 * moves (import-placement.ts), so that most files need no source map.
 * `id` is the file's path (for its parser options and source map), `file` the path users see.
 */
export function transformText(code: string, id: string, file: string, options: ResolvedOptions): FileResult | undefined {
  const read = readText(code, id, file, options);
  if (!read) return undefined;
  const { diagnostics, entry, reading } = read;
  if (reading.calls.length === 0) return { output: undefined, diagnostics };
  const holder = HOLDERS.find(([, pattern]) => !pattern.test(code))?.[0];
  if (holder === undefined) return undefined;
  for (const diagnostic of diagnostics) options.onDiagnostic?.(diagnostic);
  // As from the Babel plugin, whose error carries the errors alone.
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) return { output: undefined, diagnostics: errors };
  const origins = [...options.allowedOrigins];
  const placement = importPlacement(code, read.tokens, read.lineStarts, reading.firstStatement, !reading.commonJs && origins.length === 0);
  const edits = new TextEdits();
  edits.insert(placement.at, placement.before + runtimeImportText({ commonJs: reading.commonJs, source: entry, holder, allow: origins.length > 0 ? `${holder}AllowOrigins` : undefined, origins, installs: [] }));
  for (const { object } of reading.calls) edits.replace(object, holder);
  const list = edits.list()!;
  // Nothing moved: the file maps to itself, which is what a missing map says to every host.
  if (!placement.moves) return { output: { code: applyEdits(code, list), map: null }, diagnostics };
  return { output: editWithMap(code, id, read.tokens, read.lineStarts, list), diagnostics };
}
