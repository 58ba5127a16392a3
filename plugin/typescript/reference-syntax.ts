import type * as TS from 'typescript';
import type { BindingKind, DeclaredBinding, PatternProperty, Place, ReferenceSyntax } from '../core/reference-syntax.js';
import { placeOf } from './place.js';
import { TypeScriptSyntax } from './syntax-adapter.js';
import { isReferenceIdentifier, parentOf, skipParens, type Ts } from './syntax.js';

/** A written key (`request`, `'request'`) or a computed one; undefined for another kind of key. */
function keyOf(ts: Ts, name: TS.PropertyName): { name: string | undefined } | { computed: TS.Node } {
  if (ts.isComputedPropertyName(name)) return { computed: name.expression };
  return { name: ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined };
}

/** `{ request: r = f }` in a declaration binds `r`, `...rest` takes the others. */
export function bindingProperty(ts: Ts, element: TS.BindingElement): PatternProperty<TS.Node> {
  if (element.dotDotDotToken) return { kind: 'rest' };
  const key = element.propertyName ? keyOf(ts, element.propertyName) : { name: ts.isIdentifier(element.name) ? element.name.text : undefined };
  return { kind: 'property', key, target: element.name };
}

/** The same in an assignment's object literal (`({ request: r = f } = wx)`): the default left out. */
function literalProperty(ts: Ts, property: TS.ObjectLiteralElementLike): PatternProperty<TS.Node> {
  if (ts.isSpreadAssignment(property)) return { kind: 'rest' };
  if (ts.isShorthandPropertyAssignment(property)) return { kind: 'property', key: { name: property.name.text }, target: property.name };
  if (!ts.isPropertyAssignment(property)) return { kind: 'property', key: { name: undefined }, target: property };
  const value = skipParens(ts, property.initializer);
  const target = ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken ? value.left : value;
  return { kind: 'property', key: keyOf(ts, property.name), target };
}

/**
 * TypeScript's tree for the shared reference finder and role table (plugin/core/find-references.ts,
 * global-roles.ts), beside the evaluator's questions (TypeScriptSyntax): places (place.ts), names
 * through the Resolver (one file's scopes, or the type checker). Parentheses are looked through
 * everywhere, as Babel keeps none, so both front ends give the same answers for the same code.
 */
export class TypeScriptReferenceSyntax extends TypeScriptSyntax implements ReferenceSyntax<TS.Node> {
  placeOf(node: TS.Node): Place<TS.Node> {
    return placeOf(this.ts, node);
  }

  parentOf(node: TS.Node): TS.Node | undefined {
    return parentOf(this.ts, node).parent;
  }

  identifierName(node: TS.Node): string | undefined {
    const inner = skipParens(this.ts, node);
    return this.ts.isIdentifier(inner) ? inner.text : undefined;
  }

  /**
   * A global (no binding of the file) and a `declare`d one are alike to the Resolver, so both are
   * `none` here: `Object` and `Reflect` described by a `declare` still count as the built-ins.
   */
  binding(node: TS.Node): BindingKind {
    const inner = skipParens(this.ts, node);
    return this.ts.isIdentifier(inner) && this.resolver.isGlobal(inner) ? 'none' : 'local';
  }

  /** Read as a value: not a declaration, a key, a type (`typeof wx` in a type, `implements wx`), or a write target (`({ wx } = o)`). */
  isValueMention(node: TS.Node): boolean {
    const ts = this.ts;
    if (!ts.isIdentifier(node) || !isReferenceIdentifier(ts, node)) return false;
    const parent = node.parent;
    if (ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent)) return false;
    return !(ts.isShorthandPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) && this.isAssignmentTarget(parent.parent));
  }

  calleeOf(call: TS.Node): TS.Node | undefined {
    const ts = this.ts;
    return ts.isCallExpression(call) || ts.isNewExpression(call) ? skipParens(ts, call.expression) : undefined;
  }

  callArguments(call: TS.Node): readonly TS.Node[] {
    const ts = this.ts;
    return ts.isCallExpression(call) || ts.isNewExpression(call) ? (call.arguments ?? []).map((argument) => skipParens(ts, argument)) : [];
  }

  isSpread(node: TS.Node): boolean {
    return this.ts.isSpreadElement(node);
  }

  arrayElements(node: TS.Node): readonly (TS.Node | undefined)[] | undefined {
    const ts = this.ts;
    const inner = skipParens(ts, node);
    return ts.isArrayLiteralExpression(inner) ? inner.elements.map((element) => (ts.isOmittedExpression(element) ? undefined : element)) : undefined;
  }

  /** A declaration's object binding pattern, or the object literal an assignment destructures into. */
  objectPattern(node: TS.Node): readonly PatternProperty<TS.Node>[] | undefined {
    const ts = this.ts;
    const inner = skipParens(ts, node);
    if (ts.isObjectBindingPattern(inner)) return inner.elements.map((element) => bindingProperty(ts, element));
    if (ts.isObjectLiteralExpression(inner) && this.isAssignmentTarget(inner)) return inner.properties.map((property) => literalProperty(ts, property));
    return undefined;
  }

  declaredBinding(node: TS.Node): DeclaredBinding<TS.Node> | undefined {
    const ts = this.ts;
    if (!ts.isIdentifier(node)) return undefined;
    const references = this.resolver.referencesOf(node);
    const statement = node.parent?.parent?.parent;
    return {
      constant: this.resolver.constDeclaration(node) !== undefined,
      references,
      reassigned: references.some((reference) => this.isWritten(reference)),
      exported: statement !== undefined && ts.isVariableStatement(statement) && (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false),
    };
  }

  /** The left side of `=` (parentheses around the literal looked through). */
  private isAssignmentTarget(literal: TS.Node): boolean {
    const ts = this.ts;
    const { parent, child } = parentOf(ts, literal);
    return parent !== undefined && ts.isBinaryExpression(parent) && parent.left === child && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
  }

  /** A reference that writes its binding: an assignment's target, `++`, `--`. */
  private isWritten(reference: TS.Node): boolean {
    const ts = this.ts;
    const place = placeOf(ts, reference);
    if (place.kind === 'assignment-left') return true;
    const { parent } = parentOf(ts, reference);
    return parent !== undefined && (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) && (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken);
  }
}
