import { HOLE, type ObjectKeys, type RequestOptions, type Span, type StaticValue, type StringPart } from './call-site.js';
import { ARITHMETIC, UNKNOWN, asParts, normaliseParts, type Evaluated } from './evaluated.js';
import type { PropertyShape, SyntaxAdapter } from './syntax-adapter.js';

/**
 * The one place that decides what a value is known to be at build time (SPEC.md "known at build
 * time"): literals, templates, `+` and arithmetic, `const` bindings, members of const object
 * literals, spreads of known objects, and, where the adapter can tell, imported constants and
 * enum members. Every front end (Babel, TypeScript, the checker, ESLint) reads values through it
 * over a SyntaxAdapter that only translates its syntax tree.
 *
 * An `anchor` follows evaluation into other files (type-aware only): spans are reported at the
 * node of the described file that led there, so a user sees a position in the file being checked.
 */

export interface ObjectEntry<N> {
  name: string;
  keySpan: Span;
  /** The value expression, absent for methods and accessors. */
  value: N | undefined;
  /** The node of the described file standing for this entry when it lives in another file. */
  anchor: N | undefined;
}

export interface ObjectDescription<N> {
  entries: ObjectEntry<N>[];
  complete: boolean;
}

type Seen = Set<object>;

/** The options read as values (describeOptions), then `header`, read as an object. */
const VALUE_OPTIONS = ['method', 'url', 'timeout'] as const;
/** Every option whose value the rules read; of every other option only the key matters. */
export const OPTIONS_READ: readonly string[] = [...VALUE_OPTIONS, 'header'];

export class Evaluator<N> {
  constructor(private readonly syntax: SyntaxAdapter<N>) {}

  /** The span users see: the node itself in this file, else the node of this file that led to it. */
  span(node: N, anchor: N | undefined, remember = false, fallback?: Span): Span {
    const inFile = this.syntax.inFile(node);
    const span = this.syntax.spanOf(inFile || anchor === undefined ? node : anchor, fallback);
    if (remember && inFile) this.syntax.remember?.(span, node);
    return span;
  }

  /** The anchor to keep when evaluation moves from `from` to a node that may be in another file. */
  private anchorFor(from: N, anchor: N | undefined): N | undefined {
    return anchor ?? (this.syntax.inFile(from) ? from : undefined);
  }

  evaluate(input: N, seen: Seen = new Set(), anchor?: N): Evaluated {
    const node = this.syntax.unwrap(input);
    const id = this.syntax.identity(node);
    if (seen.has(id)) return UNKNOWN;
    seen.add(id);
    try {
      const shape = this.syntax.shape(node);
      switch (shape.kind) {
        case 'string':
          return { kind: 'string', parts: [shape.value] };
        case 'number':
          return { kind: 'number', value: shape.value };
        case 'other':
        case 'object':
          return { kind: 'other' };
        case 'unary': {
          if (shape.operator !== '-' && shape.operator !== '+') return UNKNOWN;
          const argument = this.evaluate(shape.argument, seen, anchor);
          return argument.kind === 'number' ? { kind: 'number', value: shape.operator === '-' ? -argument.value : argument.value } : UNKNOWN;
        }
        case 'template': {
          const parts: StringPart[] = [];
          shape.quasis.forEach((quasi, index) => {
            parts.push(quasi);
            const expression = shape.expressions[index];
            if (expression !== undefined) parts.push(...asParts(this.evaluate(expression, seen, anchor)));
          });
          return { kind: 'string', parts: normaliseParts(parts) };
        }
        case 'binary': {
          const fold = ARITHMETIC[shape.operator];
          if (!fold) return UNKNOWN;
          const left = this.evaluate(shape.left, seen, anchor);
          const right = this.evaluate(shape.right, seen, anchor);
          if (left.kind === 'number' && right.kind === 'number') return { kind: 'number', value: fold(left.value, right.value) };
          if (shape.operator !== '+') return UNKNOWN;
          // `+` makes a string as soon as one side is one; an unknown side becomes a hole.
          if (left.kind === 'string' || right.kind === 'string') return { kind: 'string', parts: normaliseParts([...asParts(left), ...asParts(right)]) };
          return UNKNOWN;
        }
        case 'identifier': {
          const value = this.syntax.constValue(node);
          return value === undefined ? UNKNOWN : this.evaluate(value, seen, this.anchorFor(node, anchor));
        }
        case 'member':
          return shape.optional ? UNKNOWN : this.evaluateMember(node, shape.object, seen, anchor);
        default:
          return UNKNOWN;
      }
    } finally {
      seen.delete(id);
    }
  }

  /** The name of a static property access: `a.b`, `a['b']`, `` a[`b`] ``, `a['re' + 'quest']`, `a[NAME]`. */
  memberName(node: N): string | undefined {
    const shape = this.syntax.shape(node);
    if (shape.kind !== 'member') return undefined;
    return 'name' in shape.property ? shape.property.name : this.staticKey(shape.property.computed);
  }

  /** The string a key expression stands for, when known (`['referer']`, `[HEADER]`, `[1]`). */
  staticKey(node: N, seen: Seen = new Set(), anchor?: N): string | undefined {
    const value = this.evaluate(node, seen, anchor);
    if (value.kind === 'number') return String(value.value);
    if (value.kind === 'string' && !value.parts.includes(HOLE)) return value.parts.join('');
    return undefined;
  }

  /** What is known of an expression, with the span of the expression itself. */
  staticValue(node: N, anchor: N | undefined, fallback?: Span): StaticValue {
    const span = this.span(node, anchor, true, fallback);
    return { ...this.evaluate(node, new Set(), this.anchorFor(node, anchor)), span } as StaticValue;
  }

  /**
   * `CONFIG.BASE_URL` where CONFIG is a `const` object literal whose keys are all known (an
   * unknown spread could override the property); else what the adapter knows (enum members, exports).
   */
  private memberValue(member: N, object: N, seen: Seen, anchor: N | undefined): { expression: N; anchor: N | undefined } | { constant: string | number } | undefined {
    const description = this.describeObject(object, seen, anchor);
    if (description) {
      const name = this.memberName(member);
      if (name === undefined || !description.complete) return undefined;
      const entry = description.entries.findLast((candidate) => candidate.name === name);
      return entry?.value === undefined ? undefined : { expression: entry.value, anchor: entry.anchor ?? this.anchorFor(member, anchor) };
    }
    const external = this.syntax.externalMember?.(member);
    if (!external || 'constant' in external) return external;
    return { expression: external.expression, anchor: this.anchorFor(member, anchor) };
  }

  private evaluateMember(member: N, object: N, seen: Seen, anchor: N | undefined): Evaluated {
    const value = this.memberValue(member, object, seen, anchor);
    if (!value) return UNKNOWN;
    if ('constant' in value) return typeof value.constant === 'number' ? { kind: 'number', value: value.constant } : { kind: 'string', parts: [value.constant] };
    return this.evaluate(value.expression, seen, value.anchor);
  }

  /**
   * The keys of an object literal, following `const` bindings, members of known objects and spreads
   * of known objects, in source order (a later key overrides an earlier one, as at run time).
   */
  describeObject(input: N, seen: Seen = new Set(), anchor?: N): ObjectDescription<N> | undefined {
    let node = this.syntax.unwrap(input);
    let objectAnchor = anchor;
    let shape = this.syntax.shape(node);
    if (shape.kind === 'identifier') {
      const value = this.syntax.constValue(node);
      if (value !== undefined) {
        objectAnchor = this.anchorFor(node, anchor);
        node = this.syntax.unwrap(value);
        shape = this.syntax.shape(node);
      }
    }
    // `header: CONFIG.header` with CONFIG a const object literal.
    if (shape.kind === 'member') {
      const id = this.syntax.identity(node);
      if (seen.has(id)) return undefined;
      seen.add(id);
      const value = this.memberValue(node, shape.object, seen, objectAnchor);
      seen.delete(id);
      return value && !('constant' in value) ? this.describeObject(value.expression, seen, value.anchor) : undefined;
    }
    if (shape.kind === 'call' && this.syntax.helperResult) {
      const result = this.syntax.helperResult(node);
      if (result !== undefined) {
        objectAnchor = this.anchorFor(node, anchor);
        node = this.syntax.unwrap(result);
        shape = this.syntax.shape(node);
      }
    }
    const id = this.syntax.identity(node);
    if (shape.kind !== 'object' || seen.has(id)) return undefined;
    seen.add(id);
    try {
      return this.describeProperties(shape.properties, seen, objectAnchor);
    } finally {
      seen.delete(id);
    }
  }

  private describeProperties(properties: readonly PropertyShape<N>[], seen: Seen, anchor: N | undefined): ObjectDescription<N> {
    const entries: ObjectEntry<N>[] = [];
    let complete = true;
    for (const property of properties) {
      if (property.kind === 'spread') {
        const spread = this.describeObject(property.argument, seen, this.anchorFor(property.argument, anchor));
        if (spread) entries.push(...spread.entries);
        complete &&= spread?.complete ?? false;
        continue;
      }
      if (property.kind === 'unreadable') {
        complete = false;
        continue;
      }
      const computed = 'computed' in property.key;
      const name = 'computed' in property.key ? this.staticKey(property.key.computed, seen, anchor) : property.key.name;
      // `{ __proto__: x }` sets the prototype; it adds no own key.
      if (name === undefined || (!computed && name === '__proto__' && property.plain)) {
        complete = false;
        continue;
      }
      const inFile = this.syntax.inFile(property.keyNode);
      entries.push({ name, keySpan: this.span(property.keyNode, anchor, true), value: property.value, anchor: inFile ? undefined : anchor });
    }
    return { entries, complete };
  }

  private keysOf(object: ObjectDescription<N>): ObjectKeys {
    return { keys: object.entries.map((entry) => ({ name: entry.name, span: entry.keySpan })), complete: object.complete };
  }

  /** The rules' view of a call's options argument (CallSite.options). */
  describeOptions(argument: N, fallback?: Span): RequestOptions | { unknown: Span } {
    const object = this.describeObject(argument);
    if (!object) return { unknown: this.span(argument, undefined, false, fallback) };
    const options: RequestOptions = this.keysOf(object);
    const last = (name: string) => object.entries.findLast((entry) => entry.name === name);
    for (const name of VALUE_OPTIONS) {
      const entry = last(name);
      if (entry) options[name] = entry.value === undefined ? { kind: 'unknown', span: entry.keySpan } : this.staticValue(entry.value, entry.anchor, entry.keySpan);
    }
    const header = last('header');
    if (header) {
      const headerObject = header.value === undefined ? undefined : this.describeObject(header.value, new Set(), header.anchor);
      options.header = headerObject ? this.keysOf(headerObject) : { unknown: header.value === undefined ? header.keySpan : this.span(header.value, header.anchor, false, header.keySpan) };
    }
    return options;
  }
}
