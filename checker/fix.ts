import type * as TS from 'typescript';
import type { Diagnostic } from '../plugin/core/diagnostic.js';
import { spanKey, type Ts } from '../plugin/typescript/syntax.js';

/** A text replacement in one file; fixes are plain text edits, so the file's formatting stays. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

function isLiteral(ts: Ts, node: TS.Node): node is TS.StringLiteral | TS.NoSubstitutionTemplateLiteral {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/** `'post'` → `'POST'`, when the literal has no escapes (its raw text is its value). */
function uppercaseMethod(ts: Ts, node: TS.Node, sourceFile: TS.SourceFile): Edit | undefined {
  if (!isLiteral(ts, node)) return undefined;
  const start = node.getStart(sourceFile) + 1;
  const end = node.getEnd() - 1;
  if (sourceFile.text.slice(start, end) !== node.text) return undefined;
  return { start, end, text: node.text.toUpperCase() };
}

function propertyOfKey(ts: Ts, key: TS.Node): TS.ObjectLiteralElementLike | undefined {
  let property: TS.Node | undefined = key.parent;
  if (property && ts.isComputedPropertyName(property)) property = property.parent;
  if (!property || !ts.isObjectLiteralElementLike(property) || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  return property;
}

function propertyName(ts: Ts, property: TS.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return undefined;
}

/** `headers: {…}` → `header: {…}`, unless the object already has a `header`. */
function renameHeaders(ts: Ts, key: TS.Node, sourceFile: TS.SourceFile): Edit | undefined {
  if (!(ts.isIdentifier(key) || ts.isStringLiteral(key)) || key.text !== 'headers') return undefined;
  const property = propertyOfKey(ts, key);
  if (!property || property.name !== key) return undefined;
  const object = property.parent as TS.ObjectLiteralExpression;
  if (object.properties.some((other) => ts.isSpreadAssignment(other) || propertyName(ts, other) === 'header')) return undefined;
  const start = key.getStart(sourceFile);
  if (ts.isShorthandPropertyAssignment(property)) return { start, end: key.getEnd(), text: 'header: headers' };
  if (ts.isStringLiteral(key)) return { start: start + 1, end: key.getEnd() - 1, text: 'header' };
  return { start, end: key.getEnd(), text: 'header' };
}

/** Deletes a `Referer: …` entry with its comma, and its whole line when it stands alone on it. */
function deleteReferer(ts: Ts, key: TS.Node, sourceFile: TS.SourceFile): Edit | undefined {
  const literalKey = ts.isIdentifier(key) || isLiteral(ts, key);
  if (!literalKey || key.text.toLowerCase() !== 'referer') return undefined;
  const property = propertyOfKey(ts, key);
  if (!property || !(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) return undefined;
  const text = sourceFile.text;
  const object = property.parent as TS.ObjectLiteralExpression;
  const index = object.properties.indexOf(property);
  const start = property.getStart(sourceFile);
  const end = property.getEnd();
  let after = end;
  while (text[after] === ' ' || text[after] === '\t') after += 1;
  const comma = text[after] === ',';
  if (comma) after += 1;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text.slice(lineStart, start).trim() === '') {
    let lineEnd = after;
    while (text[lineEnd] === ' ' || text[lineEnd] === '\t') lineEnd += 1;
    if (text[lineEnd] === '\n') return { start: lineStart, end: lineEnd + 1, text: '' };
    if (text[lineEnd] === '\r') return { start: lineStart, end: lineEnd + (text[lineEnd + 1] === '\n' ? 2 : 1), text: '' };
  }
  if (comma) {
    while (text[after] === ' ' || text[after] === '\t') after += 1;
    return { start, end: after, text: '' };
  }
  const previous = object.properties[index - 1];
  if (previous) return { start: previous.getEnd(), end, text: '' };
  return { start, end, text: '' };
}

/** The safe fixes for a file's diagnostics; `nodes` maps reported spans to the nodes behind them. */
export function fixesFor(ts: Ts, sourceFile: TS.SourceFile, diagnostics: readonly Diagnostic[], nodes: ReadonlyMap<string, TS.Node>): Map<Diagnostic, Edit> {
  const fixes = new Map<Diagnostic, Edit>();
  for (const diagnostic of diagnostics) {
    const node = nodes.get(spanKey(diagnostic));
    if (!node || node.getSourceFile() !== sourceFile) continue;
    let edit: Edit | undefined;
    if (diagnostic.ruleId === 'method-uppercase') edit = uppercaseMethod(ts, node, sourceFile);
    else if (diagnostic.ruleId === 'unknown-option') edit = renameHeaders(ts, node, sourceFile);
    else if (diagnostic.ruleId === 'no-referer-header') edit = deleteReferer(ts, node, sourceFile);
    if (edit) fixes.set(diagnostic, edit);
  }
  return fixes;
}

/** Applies non-overlapping edits, last first so earlier offsets stay valid. */
export function applyEdits(text: string, edits: readonly Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let applied = 0;
  let limit = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  for (const edit of sorted) {
    const key = `${edit.start}:${edit.end}:${edit.text}`;
    if (seen.has(key)) continue;
    if (edit.end > limit) continue;
    seen.add(key);
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
    applied += 1;
  }
  return { text: result, applied };
}
