import { parseExpression, type ParserOptions } from '@babel/parser';
import type { Node } from '@babel/core';
import type { Span } from '../core/call-site.js';
import { OPTIONS_READ } from '../core/evaluate.js';
import { parserOptionsFor } from '../babel/parser-options.js';
import type { TextRange } from './read-file.js';
import { closingIndex, isPunct } from './token-queries.js';
import type { Token } from './tokenize.js';

/**
 * Whether the evaluator may ask for the value of a name between these tokens: not a property
 * (`a.name`), an object key (`{ name: …`) or a callee (`name(…)`, whose result it never reads).
 */
function mayBeAsked(before: Token | undefined, after: Token | undefined): boolean {
  if (before?.kind === 'punct' && (before.value === '.' || before.value === '?.')) return false;
  if (after?.kind !== 'punct') return true;
  if (after.value === '(') return false;
  return !(after.value === ':' && before?.kind === 'punct' && (before.value === '{' || before.value === ','));
}

/** A property key as written: a name, or a string without escapes. */
function keyName(code: string, token: Token): string | undefined {
  if (token.kind === 'name') return token.value;
  if (token.kind !== 'string') return undefined;
  const text = code.slice(token.start + 1, token.end - 1);
  return text.includes('\\') ? undefined : text;
}

/** Thrown when a piece of the file does not parse as the reading expected: the file goes to Babel. */
export class Unsure extends Error {}

/**
 * The expressions of one file that the text front end may need (call arguments, `const`
 * initializers), parsed by Babel's own parser where they stand: each node carries the line and
 * column it has in the file, exactly as in a parse of the whole file (offsets do not stay, and
 * nothing reads them). A parse has a cost of its own, whatever its size, so pieces are parsed
 * together: one text, blank but for the pieces and the line breaks between them, read as one array
 * `[piece, piece, …]`. A piece inside another (a `const` in a callback) goes into a text of its own level.
 */
export class Fragments {
  readonly lineStarts: number[] = [0];
  private readonly options: ParserOptions;
  private readonly parsed = new Map<number, Node>();

  constructor(
    private readonly code: string,
    id: string,
    private readonly tokens: readonly Token[],
  ) {
    const { sourceType, parserOpts } = parserOptionsFor(id);
    // A piece may come from inside an async function or a method (`const res = await p`, `super.x`).
    this.options = { sourceType: sourceType ?? 'unambiguous', plugins: parserOpts?.plugins as ParserOptions['plugins'], allowAwaitOutsideFunction: true, allowSuperOutsideMethod: true, allowNewTargetOutsideFunction: true };
    // Line breaks as Babel counts them: LF, CR, and CR LF as one (the tokenizer refused U+2028/9).
    if (code.includes('\r')) {
      for (let i = 0; i < code.length; i++) {
        const c = code.charCodeAt(i);
        if (c === 10 || (c === 13 && code.charCodeAt(i + 1) !== 10)) this.lineStarts.push(i + 1);
      }
    } else {
      for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
  }

  /**
   * Parses the pieces not parsed yet, together (one text per level of nesting); returns the names
   * they mention. `optionObjects`: the starts of the pieces that are a call's options.
   */
  parse(ranges: readonly TextRange[], optionObjects: ReadonlySet<number>): Set<string> {
    const names = new Set<string>();
    const levels: TextRange[][] = [];
    const open: TextRange[] = [];
    for (const range of [...ranges].sort((a, b) => a.start - b.start || b.end - a.end)) {
      if (this.parsed.has(range.start) || open.at(-1)?.start === range.start) continue;
      while (open.length > 0 && open[open.length - 1]!.end <= range.start) open.pop();
      if (open.length > 0 && open[open.length - 1]!.end < range.end) throw new Unsure('pieces overlap');
      (levels[open.length] ??= []).push(range);
      open.push(range);
    }
    for (const level of levels) this.parseTogether(level, optionObjects, names);
    return names;
  }

  /** The index of the last line start at or before an offset. */
  private lineIndex(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** A range as users read it (Babel's spanOf: 1-based columns). */
  span(range: TextRange): Span {
    const start = this.lineIndex(range.start);
    const end = this.lineIndex(range.end);
    return { line: start + 1, column: range.start - this.lineStarts[start]! + 1, endLine: end + 1, endColumn: range.end - this.lineStarts[end]! + 1 };
  }

  /** The 0-based line and column of an offset. */
  private position(offset: number): { line: number; column: number } {
    const line = this.lineIndex(offset);
    return { line, column: offset - this.lineStarts[line]! };
  }

  /**
   * Blank text in place of `[start, end)`, for a parser that counts lines and columns only: the
   * line breaks, then as many spaces as `end`'s column. (Offsets do not stay; nothing reads them.)
   */
  private blank(start: number, end: number): string {
    const first = this.lineIndex(start);
    const last = this.lineIndex(end);
    if (first === last) return ' '.repeat(end - start);
    return '\n'.repeat(last - first) + ' '.repeat(end - this.lineStarts[last]!);
  }

  /** The index of the first token at or after an offset. */
  private tokenAt(offset: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.tokens[middle]!.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /**
   * A piece's text with what no rule reads blanked, and the names it mentions elsewhere (not after
   * a `.`). Blanked: the inside of every function body (a `{` right after `)` or `=>`; `(x): T {`,
   * with a return type, keeps its body), and, in an options object, the value of every option whose
   * value the rules do not read (`success: …`, `data: …` become `0`). Those are most of a call's text.
   */
  private reduced(range: TextRange, options: boolean, names: Set<string>): string {
    const { code, tokens } = this;
    let text = '';
    let at = range.start;
    const first = this.tokenAt(range.start);
    // An options object written in place: `{ … }`, its properties one level inside.
    const propertyDepth = options && isPunct(tokens[first], '{') && this.closing(first) === this.tokenAt(range.end) - 1 ? tokens[first]!.depth + 1 : -1;
    for (let j = first; j < tokens.length && tokens[j]!.start < range.end; j++) {
      const token = tokens[j]!;
      const before = tokens[j - 1];
      if (token.depth === propertyDepth && (j === first + 1 || isPunct(before, ',')) && isPunct(tokens[j + 1], ':')) {
        const key = keyName(code, token);
        if (key !== undefined && !OPTIONS_READ.includes(key)) {
          let end = j + 2;
          while (end < tokens.length && !(tokens[end]!.depth === propertyDepth && isPunct(tokens[end], ',')) && tokens[end]!.depth >= propertyDepth) end++;
          const value = tokens[j + 2]!;
          text += code.slice(at, value.start) + '0' + this.blank(value.start + 1, tokens[end - 1]!.end);
          at = tokens[end - 1]!.end;
          j = end - 1;
          continue;
        }
      }
      if (token.kind === 'name') {
        if (mayBeAsked(before, tokens[j + 1])) names.add(token.value);
        continue;
      }
      if (!(isPunct(token, '{') && before?.kind === 'punct' && (before.value === ')' || before.value === '=>'))) continue;
      const close = this.closing(j);
      if (close < 0 || tokens[close]!.start >= range.end) break;
      text += code.slice(at, token.end) + this.blank(token.end, tokens[close]!.start);
      at = tokens[close]!.start;
      j = close;
    }
    return text + code.slice(at, range.end);
  }

  private closing(open: number): number {
    return closingIndex(this.tokens, open);
  }


  /** Parses pieces of one level as `[piece, piece, …]`, starting at the character before the first. */
  private parseTogether(ranges: readonly TextRange[], optionObjects: ReadonlySet<number>, names: Set<string>): void {
    const first = ranges[0]!.start - 1;
    let text = '';
    let at = first;
    ranges.forEach((range, index) => {
      // Every piece has a character before it (the call's `(`, the `=`, a line break): it becomes
      // `[` or `,`, followed by the line break it may have been.
      const before = range.start - 1;
      const lineBreak = this.lineIndex(before) === this.lineIndex(range.start) ? '' : this.blank(before, range.start);
      text += this.blank(at, before) + (index === 0 ? '[' : ',') + lineBreak + this.reduced(range, optionObjects.has(range.start), names);
      at = range.end;
    });
    text += ']';
    const { line, column } = this.position(first);
    let array: Node;
    try {
      array = parseExpression(text, { ...this.options, startLine: line + 1, startColumn: column }) as Node;
    } catch (error) {
      throw new Unsure(`the pieces do not parse: ${(error as Error).message}`);
    }
    const elements = array.type === 'ArrayExpression' ? array.elements : [];
    if (elements.length !== ranges.length) throw new Unsure('a piece does not stand alone');
    ranges.forEach((range, index) => {
      const element = elements[index];
      const where = this.position(range.start);
      if (!element || (!element.extra?.['parenthesized'] && (element.loc?.start.line !== where.line + 1 || element.loc.start.column !== where.column))) throw new Unsure(`a piece at ${range.start} does not stand alone`);
      this.parsed.set(range.start, element as Node);
    });
  }

  /** A piece's node (parsed alone if `parse` was not given it). */
  expression(range: TextRange): Node {
    const known = this.parsed.get(range.start);
    if (known) return known;
    this.parseTogether([range], new Set(), new Set());
    return this.parsed.get(range.start)!;
  }
}
