import { COMMONJS_GLOBALS, isCommonJs } from '../core/module-kind.js';
import { isNetworkApi } from '../core/network-apis.js';
import { closingIndex, isAfterDot, isName, isPunct } from './token-queries.js';
import type { Token } from './tokenize.js';

/**
 * What the text front end reads from a file's tokens, for the files it can read with certainty:
 * every global is used only as `wx.name` (another API) or called as `wx.request(…)`, so no scope
 * analysis is needed to know that `wx` is the global, that nothing else reaches `request`, and
 * that every reference is a call. Anything else (`wx` as a value, `typeof wx`, `wx[…]`, a
 * declaration of the name, `new wx.request`, TypeScript's `import x = require()`) makes the
 * reading unsure, and the file goes to Babel.
 */

export interface TextRange {
  start: number;
  end: number;
}

export interface RequestCallText {
  /** The global's own token: its text becomes the runtime's `wx`. */
  object: Token;
  /** From the global to the call's closing parenthesis. */
  call: TextRange;
  /** The first argument; undefined when there is none, 'spread' for `wx.request(...list)`. */
  argument: TextRange | 'spread' | undefined;
}

export interface FileReading {
  calls: RequestCallText[];
  /** The runtime must be required, not imported (plugin/core/module-kind.ts's rule, on facts read from the tokens). */
  commonJs: boolean;
  /** Where the file's first statement starts, after a hashbang, comments and directives. */
  firstStatement: number;
  /**
   * Every `const NAME = init` declarator of the file, at any depth, by name (but those set to a call
   * or `this`). Without scopes, a name may mean any of them or none (another binding): the caller
   * decides only what every one of those answers agrees on (answers.ts), so nothing rests on
   * guessing which declarations the tokens hold.
   */
  constants: Map<string, TextRange[]>;
}

export type Reading = FileReading | { unsure: string };

const COMMONJS_NAMES = new Set(COMMONJS_GLOBALS);
const CLOSERS = new Set([')', ']', '}']);
/** Tokens that, after a line break, continue the expression before it (no semicolon is inserted). */
const CONTINUING = new Set(['(', '[', '.', '?.', ',', '?', ':', '+', '-', '*', '/', '%', '**', '&', '|', '^', '&&', '||', '??', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '<<', '>>', '>>>', '=', '+=', '-=', '*=', '/=', '%=', '**=', '&=', '|=', '^=', '<<=', '>>=', '>>>=', '&&=', '||=', '??=', '=>']);
const OPERATOR_NAMES = new Set(['instanceof', 'in']);
const KEYWORD_OPERATORS = new Set(['typeof', 'void', 'delete', 'new', 'return', 'throw', 'case', 'in', 'instanceof', 'of', 'await', 'yield']);


function continues(token: Token): boolean {
  if (token.kind === 'template') return true;
  if (token.kind === 'punct') return CONTINUING.has(token.value);
  return token.kind === 'name' && OPERATOR_NAMES.has(token.value);
}

/** Whether a token can end an expression (so a line break after it may end the statement). */
function endsExpression(token: Token): boolean {
  if (token.kind === 'punct') return CLOSERS.has(token.value) || token.value === '++' || token.value === '--';
  if (token.kind === 'name') return !KEYWORD_OPERATORS.has(token.value);
  return token.kind !== 'template' || token.opensSubstitution !== true;
}

/** Keywords after which a name is declared: `require` there is not CommonJS's. */
const DECLARING_BEFORE = new Set(['let', 'var', 'const', 'function', 'class', 'import', 'as', 'catch', 'enum', 'interface', 'type', 'namespace', 'module', 'declare']);

class Reader {
  readonly calls: RequestCallText[] = [];
  readonly constants = new Map<string, TextRange[]>();
  esm = false;
  commonJsGlobal = false;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly globals: ReadonlySet<string>,
  ) {}

  /** Reads the name token at `index`; a string is the reason the file cannot be read here. */
  name(index: number): string | undefined {
    const tokens = this.tokens;
    const token = tokens[index]!;
    if (isAfterDot(tokens, index)) return undefined;
    const next = tokens[index + 1];
    const before = tokens[index - 1];
    if (this.globals.has(token.value)) return this.global(index);
    if (COMMONJS_NAMES.has(token.value)) {
      if (!(isPunct(next, '.') || isPunct(next, '(')) || (before?.kind === 'name' && DECLARING_BEFORE.has(before.value))) return `${token.value} used otherwise than as module.x, exports.x or require()`;
      this.commonJsGlobal = true;
      return undefined;
    }
    if (token.depth === 0 && (token.value === 'import' || token.value === 'export')) return this.moduleSyntax(index);
    if (token.value === 'const' && !isName(next, 'enum')) return this.constList(index);
    return undefined;
  }

  private global(index: number): string | undefined {
    const tokens = this.tokens;
    const token = tokens[index]!;
    const property = tokens[index + 2];
    if (!isPunct(tokens[index + 1], '.') || property?.kind !== 'name') return `${token.value} used as a value`;
    // uploadFile and downloadFile go to Babel (their runtime installs are its rewrite's).
    if (property.value !== 'request') return isNetworkApi(property.value) ? `${token.value}.${property.value}: read by Babel` : undefined;
    const before = tokens[index - 1];
    const open = index + 3;
    if (!isPunct(tokens[open], '(') || isName(before, 'new') || isPunct(before, '@')) return `${token.value}.request used otherwise than called`;
    const close = this.closing(open);
    if (close < 0) return 'unbalanced call';
    const first = tokens[open + 1]!;
    let argument: RequestCallText['argument'];
    if (open + 1 === close) argument = undefined;
    else if (isPunct(first, '...')) argument = 'spread';
    else {
      let last = open + 1;
      while (last + 1 < close && !(tokens[last + 1]!.depth === first.depth && isPunct(tokens[last + 1], ','))) last++;
      argument = { start: first.start, end: tokens[last]!.end };
    }
    this.calls.push({ object: token, call: { start: token.start, end: tokens[close]!.end }, argument });
    return undefined;
  }

  private closing(open: number): number {
    return closingIndex(this.tokens, open);
  }


  private moduleSyntax(index: number): string | undefined {
    const tokens = this.tokens;
    const next = tokens[index + 1];
    if (tokens[index]!.value === 'import') {
      // `import(…)` and `import.meta` are expressions.
      if (isPunct(next, '(') || isPunct(next, '.')) return undefined;
      const equals = isName(next, 'type') ? tokens[index + 3] : tokens[index + 2];
      if (next?.kind === 'name' && isPunct(equals, '=')) return 'TypeScript import = require()';
    } else if (isPunct(next, '=') || isName(next, 'as') || isName(next, 'import')) {
      return 'TypeScript export =';
    }
    this.esm = true;
    return undefined;
  }

  /** Reads `const a = 1, { b } = c, d: T = 2` from its `const` token: the named declarators with an initializer. */
  private constList(index: number): string | undefined {
    const tokens = this.tokens;
    const depth = tokens[index]!.depth;
    let j = index + 1;
    for (;;) {
      const token = tokens[j];
      if (!token) return undefined;
      let name: string | undefined;
      if (token.kind === 'name') {
        name = token.value;
        j++;
      } else if (isPunct(token, '{') || isPunct(token, '[')) {
        j = this.closing(j) + 1;
        if (j === 0) return 'unbalanced pattern';
      } else {
        return undefined;
      }
      if (isPunct(tokens[j], ':')) j = this.skipType(j + 1, depth);
      if (!isPunct(tokens[j], '=')) return undefined;
      const end = this.expressionEnd(j + 1, depth);
      if (end === j + 1) return 'empty initializer';
      if (name !== undefined) {
        if (!this.isOpaque(j + 1, end)) {
          const range = { start: tokens[j + 1]!.start, end: tokens[end - 1]!.end };
          const list = this.constants.get(name);
          if (list) list.push(range);
          else this.constants.set(name, [range]);
        }
      }
      j = end;
      if (!isPunct(tokens[j], ',') || tokens[j]!.depth !== depth) return undefined;
      j++;
    }
  }

  /**
   * `f(…)`, `a.b(…)`, `this`: an initializer the evaluator never sees into (a call, like `this`, is
   * unknown to it), so that the `const` is the same as one without a value and needs no parse.
   * The rule itself is the evaluator's, asked of the parsed node in syntax-adapter.ts (which also
   * sees `new X()`, `(f())`); this is its shortcut for the shapes the tokens show plainly.
   */
  private isOpaque(from: number, end: number): boolean {
    const tokens = this.tokens;
    if (end - from === 1 && isName(tokens[from], 'this')) return true;
    if (tokens[from]?.kind !== 'name') return false;
    let j = from + 1;
    while (isPunct(tokens[j], '.') && tokens[j + 1]?.kind === 'name') j += 2;
    return isPunct(tokens[j], '(') && this.closing(j) === end - 1;
  }

  /** Past a type annotation: `<`/`>` are brackets in a type, so `Map<K, V>` holds its comma. */
  private skipType(from: number, depth: number): number {
    const tokens = this.tokens;
    let angles = 0;
    let j = from;
    for (; j < tokens.length; j++) {
      const token = tokens[j]!;
      if (token.depth < depth) break;
      if (token.kind === 'punct' && token.depth === depth) {
        if (token.value === '<') angles++;
        else if (token.value === '>' || token.value === '>>' || token.value === '>>>') angles -= token.value.length;
        else if (angles <= 0 && (token.value === '=' || token.value === ',' || token.value === ';')) break;
      }
    }
    return j;
  }

  /**
   * The index after an initializer starting at `from`: at its own depth, a `,` or `;`, a bracket
   * closing around it, or a line break after which the expression cannot go on.
   */
  expressionEnd(from: number, depth: number): number {
    const tokens = this.tokens;
    let j = from;
    for (; j < tokens.length; j++) {
      const token = tokens[j]!;
      if (token.depth < depth) break;
      if (token.depth > depth) continue;
      if (token.kind === 'punct' && (token.value === ',' || token.value === ';')) break;
      if (token.kind === 'punct' && CLOSERS.has(token.value)) continue;
      if (j > from && token.newline && endsExpression(tokens[j - 1]!) && !continues(token)) break;
    }
    return j;
  }

  /** Where the first statement starts: after the directive prologue (`'use strict';`). */
  firstStatement(): number | string {
    const tokens = this.tokens;
    let j = 0;
    while (tokens[j]?.kind === 'string') {
      const next = tokens[j + 1];
      if (isPunct(next, ';')) j += 2;
      else if (!next || (next.newline && !continues(next))) j += 1;
      else break;
    }
    const first = tokens[j];
    if (!first) return 'no statement';
    if (isPunct(first, '@')) return 'a decorator first';
    return first.start;
  }
}

export function readFile(tokens: readonly Token[], globals: readonly string[]): Reading {
  const reader = new Reader(tokens, new Set(globals));
  for (let index = 0; index < tokens.length; index++) {
    if (tokens[index]!.kind !== 'name') continue;
    const unsure = reader.name(index);
    if (unsure !== undefined) return { unsure };
  }
  const firstStatement = reader.firstStatement();
  if (typeof firstStatement === 'string') return { unsure: firstStatement };
  const commonJs = isCommonJs({
    moduleSyntax: reader.esm,
    usesCommonJsGlobals: () => reader.commonJsGlobal,
    // Only the bundler plugins run this front end, and they handle ES modules themselves (as their
    // Babel caller says: supportsStaticESM), so how the file would be parsed does not matter.
    parsedAsScript: false,
    callerSupportsEsm: true,
  });
  return { calls: reader.calls, commonJs, firstStatement, constants: reader.constants };
}
