import type * as TS from 'typescript';
import type { Span } from '../core/call-site.js';
import type { ExpressionShape, PropertyShape, SyntaxAdapter } from '../core/syntax-adapter.js';
import type { Resolver } from './scope.js';
import { isMemberAccess, skipParens, spanKey, spanOf, unwrap, type Ts } from './syntax.js';

/** The operator text of a binary or prefix operator (only the arithmetic ones matter). */
function operatorText(ts: Ts, operator: TS.SyntaxKind): string {
  if (operator === ts.SyntaxKind.PlusToken) return '+';
  if (operator === ts.SyntaxKind.MinusToken) return '-';
  if (operator === ts.SyntaxKind.AsteriskToken) return '*';
  if (operator === ts.SyntaxKind.SlashToken) return '/';
  return ts.tokenToString(operator) ?? '?';
}

/** `1_000` is 1000; the literal's text keeps the separators. */
export function numericValue(text: string): number {
  return Number(text.replaceAll('_', ''));
}

/**
 * TypeScript's syntax for the shared evaluator (plugin/core/evaluate.ts): SyntaxKinds to shapes,
 * names through the Resolver (one file's scopes, or the type checker across files).
 */
export class TypeScriptSyntax implements SyntaxAdapter<TS.Node> {
  /** Nodes of this file behind each reported span (method values, keys), for `--fix`. */
  readonly nodes = new Map<string, TS.Node>();

  constructor(
    protected readonly ts: Ts,
    protected readonly sourceFile: TS.SourceFile,
    protected readonly resolver: Resolver,
  ) {
    if (resolver.propertyValue) this.externalMember = (member) => (isMemberAccess(ts, member) ? resolver.propertyValue?.(member) : undefined);
    if (resolver.helperResult) this.helperResult = (call) => (ts.isCallExpression(call) ? resolver.helperResult?.(call) : undefined);
  }

  externalMember?: SyntaxAdapter<TS.Node>['externalMember'];
  helperResult?: SyntaxAdapter<TS.Node>['helperResult'];

  unwrap(node: TS.Node): TS.Node {
    return unwrap(this.ts, node);
  }

  identity(node: TS.Node): TS.Node {
    return node;
  }

  constValue(node: TS.Node): TS.Node | undefined {
    return this.ts.isIdentifier(node) ? this.resolver.valueOf(node) : undefined;
  }

  inFile(node: TS.Node): boolean {
    return node.getSourceFile() === this.sourceFile;
  }

  spanOf(node: TS.Node): Span {
    return spanOf(this.ts, node, node.getSourceFile());
  }

  remember(span: Span, node: TS.Node): void {
    this.nodes.set(spanKey(span), skipParens(this.ts, node));
  }

  private property(property: TS.ObjectLiteralElementLike): PropertyShape<TS.Node> {
    const ts = this.ts;
    if (ts.isSpreadAssignment(property)) return { kind: 'spread', argument: property.expression };
    const name = property.name as TS.PropertyName;
    let value: TS.Expression | undefined;
    if (ts.isPropertyAssignment(property)) value = property.initializer;
    else if (ts.isShorthandPropertyAssignment(property)) value = property.name;
    const shape = { kind: 'property' as const, keyNode: name as TS.Node, value, plain: ts.isPropertyAssignment(property) };
    if (ts.isComputedPropertyName(name)) return { ...shape, key: { computed: name.expression }, keyNode: skipParens(ts, name.expression) };
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return { ...shape, key: { name: name.text } };
    if (ts.isNumericLiteral(name)) return { ...shape, key: { name: String(numericValue(name.text)) } };
    return { ...shape, key: { name: undefined } };
  }

  shape(node: TS.Node): ExpressionShape<TS.Node> {
    const ts = this.ts;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
    if (ts.isNumericLiteral(node)) return { kind: 'number', value: numericValue(node.text) };
    if (ts.isObjectLiteralExpression(node)) return { kind: 'object', properties: node.properties.map((property) => this.property(property)) };
    if (
      node.kind === ts.SyntaxKind.TrueKeyword ||
      node.kind === ts.SyntaxKind.FalseKeyword ||
      node.kind === ts.SyntaxKind.NullKeyword ||
      ts.isArrayLiteralExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isFunctionExpression(node)
    ) {
      return { kind: 'other' };
    }
    if (ts.isPrefixUnaryExpression(node)) return { kind: 'unary', operator: operatorText(ts, node.operator), argument: node.operand };
    if (ts.isTemplateExpression(node)) {
      return { kind: 'template', quasis: [node.head.text, ...node.templateSpans.map((span) => span.literal.text)], expressions: node.templateSpans.map((span) => span.expression) };
    }
    if (ts.isBinaryExpression(node)) return { kind: 'binary', operator: operatorText(ts, node.operatorToken.kind), left: node.left, right: node.right };
    if (ts.isIdentifier(node)) return { kind: 'identifier' };
    if (ts.isPropertyAccessExpression(node)) {
      return { kind: 'member', object: node.expression, property: { name: ts.isIdentifier(node.name) ? node.name.text : undefined }, optional: ts.isOptionalChain(node) };
    }
    if (ts.isElementAccessExpression(node)) return { kind: 'member', object: node.expression, property: { computed: node.argumentExpression }, optional: ts.isOptionalChain(node) };
    if (ts.isCallExpression(node)) return { kind: 'call' };
    return { kind: 'unknown' };
  }
}
