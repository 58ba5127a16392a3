import { isAfterDot } from './token-queries.js';

/**
 * A tokenizer for the text front end (see read-file.ts): enough of JavaScript's lexical grammar
 * to tell code from strings, comments, templates and regular expressions, and no more. Where the
 * grammar needs a parse to decide (is this `/` a division or a regular expression after a `}`?
 * is this `<` JSX?), it does not guess: it says it is unsure, and the file goes to Babel.
 */

export type TokenKind = 'name' | 'punct' | 'string' | 'number' | 'regex' | 'template' | 'private';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The text of a name or punctuator ('' for the other kinds). */
  value: string;
  /** A line break lies between the previous token and this one. */
  newline: boolean;
  /** Brackets (`(`, `[`, `{`, `${`) open around the token; an opener counts outside itself, a closer too. */
  depth: number;
  /** A template token that ends with `${` (more of the template follows). */
  opensSubstitution: boolean;
}

export type Tokens = { tokens: Token[] } | { unsure: string };

/** Names after which a `/` starts a regular expression (an expression is expected next). */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'extends']);
/** Names that are keywords in some places and identifiers in others: what follows cannot be told apart here. */
const CONTEXTUAL = new Set(['of', 'yield', 'await', 'let']);
const CONTROL = new Set(['if', 'while', 'for', 'with']);

/** Punctuators of more than one character, longest first within each first character. */
const LONGER = new Map<number, readonly string[]>();
for (const punctuator of ['>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '**', '<<', '>>']) {
  const first = punctuator.charCodeAt(0);
  LONGER.set(first, [...(LONGER.get(first) ?? []), punctuator].sort((a, b) => b.length - a.length));
}
const SINGLE = new Uint8Array(128);
for (const ch of ';,<>+-*/%&|^!~?:=.@') SINGLE[ch.charCodeAt(0)] = 1;

const NAME_START = new Uint8Array(128);
const NAME_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  NAME_START[c] = /[A-Za-z_$]/.test(ch) ? 1 : 0;
  NAME_PART[c] = /[\w$]/.test(ch) ? 1 : 0;
}
const UNICODE_NAME_START = /[\p{ID_Start}]/u;
const UNICODE_NAME_PART = /[\p{ID_Continue}\u200c\u200d]/u;
const UNICODE_SPACE = /[\s\ufeff]/u;
const NUMBER = /(?:0[xXoObB][\da-fA-F_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?/y;

export function tokenize(text: string): Tokens {
  // Line terminators Babel counts that line/column arithmetic here would not, and HTML-like comments.
  if (text.includes('\u2028') || text.includes('\u2029') || text.includes('<!--') || (text.includes('-->') && /^[ \t]*-->/m.test(text))) {
    return { unsure: 'unusual line terminator or HTML-like comment' };
  }
  const tokens: Token[] = [];
  /** Open brackets: '(' of a control statement is 'c', other '(' 'p', '[' 's', '{' 'b', '${' 't'. */
  const open: string[] = [];
  let newline = false;
  let i = text.startsWith('#!') ? lineEnd(text, 0) : 0;
  const n = text.length;
  /** Whether the closing ')' most recently read closed a control statement's condition. */
  let lastParenControl = false;

  const push = (kind: TokenKind, start: number, end: number, value: string, opensSubstitution = false): void => {
    tokens.push({ kind, start, end, value, newline, depth: open.length, opensSubstitution });
    newline = false;
  };

  /** true: an expression is expected (a `/` opens a regular expression); false: an operator is; or 'unsure'. */
  const expressionExpected = (): boolean | 'unsure' => {
    const last = tokens[tokens.length - 1];
    if (!last) return true;
    switch (last.kind) {
      case 'name':
        if (CONTEXTUAL.has(last.value)) return 'unsure';
        return BEFORE_EXPRESSION.has(last.value) && !isAfterDot(tokens, tokens.length - 1);
      case 'punct':
        if (last.value === ')') return lastParenControl;
        if (last.value === ']' || last.value === '++' || last.value === '--') return false;
        if (last.value === '}') return 'unsure';
        return true;
      case 'template':
        return last.opensSubstitution;
      default:
        return false;
    }
  };

  /** Reads a template's characters from `at` (after '`' or a substitution's '}'); returns the end or -1. */
  const templatePart = (start: number, at: number): number => {
    for (let j = at; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92 /* \ */) j++;
      else if (c === 96 /* ` */) {
        push('template', start, j + 1, '');
        return j + 1;
      } else if (c === 36 /* $ */ && text.charCodeAt(j + 1) === 123 /* { */) {
        push('template', start, j + 2, '', true);
        open.push('t');
        return j + 2;
      }
    }
    return -1;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    // White space and line breaks.
    if (c === 10 || c === 13) {
      newline = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === 47 /* / */) {
      const next = text.charCodeAt(i + 1);
      if (next === 47) {
        i = lineEnd(text, i);
        continue;
      }
      if (next === 42 /* * */) {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) return { unsure: 'unclosed comment' };
        if (/[\n\r]/.test(text.slice(i, end))) newline = true;
        i = end + 2;
        continue;
      }
      const expected = expressionExpected();
      if (expected === 'unsure') return { unsure: `"/" at ${i}: division or regular expression` };
      if (expected) {
        const end = regexEnd(text, i);
        if (end < 0) return { unsure: 'unclosed regular expression' };
        push('regex', i, end, '');
        i = end;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) return { unsure: 'a character outside the Basic Multilingual Plane in code' };
    if (c < 128 ? NAME_START[c] : UNICODE_NAME_START.test(text[i]!)) {
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (d < 128 ? !NAME_PART[d] : d >= 0xd800 || !UNICODE_NAME_PART.test(text[j]!)) break;
      }
      if (text.charCodeAt(j) === 92) return { unsure: 'escape in a name' };
      push('name', i, j, text.slice(i, j));
      i = j;
      continue;
    }
    if (c >= 128 && UNICODE_SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      const end = i + (match ? match[0].length : 1);
      const after = text.charCodeAt(end);
      if (after === 92 || (after < 128 && NAME_PART[after])) return { unsure: 'unusual number' };
      push('number', i, end, '');
      i = end;
      continue;
    }
    if (c === 39 || c === 34) {
      const end = stringEnd(text, i, c);
      if (end < 0) return { unsure: 'unclosed string' };
      push('string', i, end, '');
      i = end;
      continue;
    }
    if (c === 96) {
      const end = templatePart(i, i + 1);
      if (end < 0) return { unsure: 'unclosed template' };
      i = end;
      continue;
    }
    if (c === 35 /* # */) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) < 128 && NAME_PART[text.charCodeAt(j)]) j++;
      if (j === i + 1 || text.charCodeAt(j) >= 128 || text.charCodeAt(j) === 92) return { unsure: 'unusual private name' };
      push('private', i, j, text.slice(i, j));
      i = j;
      continue;
    }
    if (c === 92) return { unsure: 'escape in a name' };
    // Brackets.
    if (c === 123 || c === 40 || c === 91) {
      const last = tokens[tokens.length - 1];
      push('punct', i, i + 1, text[i]!);
      open.push(c === 123 ? 'b' : c === 91 ? 's' : last?.kind === 'name' && CONTROL.has(last.value) && !isAfterDot(tokens, tokens.length - 1) ? 'c' : 'p');
      i++;
      continue;
    }
    if (c === 125 || c === 41 || c === 93) {
      const top = open.pop();
      if (top === undefined) return { unsure: 'unbalanced brackets' };
      if (c === 125 && top === 't') {
        const end = templatePart(i, i + 1);
        if (end < 0) return { unsure: 'unclosed template' };
        i = end;
        continue;
      }
      if ((c === 125) !== (top === 'b') || (c === 93) !== (top === 's')) return { unsure: 'unbalanced brackets' };
      if (c === 41) lastParenControl = top === 'c';
      push('punct', i, i + 1, text[i]!);
      i++;
      continue;
    }
    if (c === 60 /* < */ && expressionExpected() !== false) return { unsure: `"<" at ${i}: JSX or a type assertion` };
    // The commonest punctuators stand alone; the others may start a longer one.
    if (c === 44 || c === 59 || c === 58 || (c === 46 && text.charCodeAt(i + 1) !== 46)) {
      push('punct', i, i + 1, c === 44 ? ',' : c === 59 ? ';' : c === 58 ? ':' : '.');
      i++;
      continue;
    }
    let punctuator = LONGER.get(c)?.find((candidate) => text.startsWith(candidate, i));
    // `a?.5:b` is a conditional, not an optional chain.
    if (punctuator === '?.' && text.charCodeAt(i + 2) >= 48 && text.charCodeAt(i + 2) <= 57) punctuator = undefined;
    if (!punctuator && c < 128 && SINGLE[c]) punctuator = text[i]!;
    if (!punctuator) return { unsure: `unexpected character at ${i}` };
    push('punct', i, i + punctuator.length, punctuator);
    i += punctuator.length;
  }
  if (open.length > 0) return { unsure: 'unbalanced brackets' };
  return { tokens };
}


function lineEnd(text: string, from: number): number {
  let j = from;
  while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
  return j;
}

function stringEnd(text: string, from: number, quote: number): number {
  for (let j = from + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === quote) return j + 1;
    if (c === 92) {
      // An escaped line break continues the string (`\` then CR LF counts as one).
      if (text.charCodeAt(j + 1) === 13 && text.charCodeAt(j + 2) === 10) j++;
      j++;
    } else if (c === 10 || c === 13) return -1;
  }
  return -1;
}

function regexEnd(text: string, from: number): number {
  let inClass = false;
  for (let j = from + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || c === 13) return -1;
    if (c === 92) j++;
    else if (c === 91) inClass = true;
    else if (c === 93) inClass = false;
    else if (c === 47 && !inClass) {
      let end = j + 1;
      while (end < text.length && text.charCodeAt(end) < 128 && NAME_PART[text.charCodeAt(end)]) end++;
      return end;
    }
  }
  return -1;
}
