import type * as TS from 'typescript';
import type { Span } from '../core/call-site.js';

/**
 * Small syntax helpers of the TypeScript front end. Every function takes the `ts` namespace it
 * runs with: the transformer passes the user's `typescript`, the checker passes ts-morph's own
 * copy, and SyntaxKind numbers differ between TypeScript versions.
 */
export type Ts = typeof TS;

/** Babel does not keep parentheses as nodes; skipping them keeps positions identical. */
export function skipParens(ts: Ts, node: TS.Node): TS.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

/** The wrappers Babel's front end looks through: `(x)`, `x as T`, `x!`, `<T>x`, `x satisfies T`. */
export function unwrap(ts: Ts, node: TS.Node): TS.Node {
  let current = node;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

/** The parent of a node and the child on the path to it, skipping parentheses (invisible to Babel). */
export function parentOf(ts: Ts, node: TS.Node): { parent: TS.Node | undefined; child: TS.Node } {
  let child = node;
  let parent = node.parent as TS.Node | undefined;
  while (parent && ts.isParenthesizedExpression(parent)) {
    child = parent;
    parent = parent.parent;
  }
  return { parent, child };
}

/** 1-based span of a node as Babel reports it (parentheses around it excluded). */
export function spanOf(ts: Ts, node: TS.Node, sourceFile: TS.SourceFile = node.getSourceFile()): Span {
  const inner = skipParens(ts, node);
  const start = sourceFile.getLineAndCharacterOfPosition(inner.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(inner.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export { spanKey } from '../core/call-site.js';

export { mayReferenceRequest } from '../core/quick-check.js';

export function isMemberAccess(ts: Ts, node: TS.Node): node is TS.PropertyAccessExpression | TS.ElementAccessExpression {
  return ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node);
}

/** A node written with a `declare` modifier, or inside an ambient context (`.d.ts`, `declare global`). */
export function isAmbient(ts: Ts, node: TS.Node): boolean {
  if (node.getSourceFile().isDeclarationFile) return true;
  for (let current: TS.Node | undefined = node; current; current = current.parent) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) return true;
    if (ts.isFunctionDeclaration(current) && current.body === undefined && current === node) return true;
  }
  return false;
}

/** Whether an identifier is read as a value (not a property name, a declaration name or a label). */
export function isReferenceIdentifier(ts: Ts, id: TS.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isQualifiedName(parent) && parent.right === id) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) || ts.isMethodSignature(parent) || ts.isEnumMember(parent)) && parent.name === id) return false;
  if ((ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isFunctionDeclaration(parent) || ts.isFunctionExpression(parent) || ts.isClassDeclaration(parent) || ts.isClassExpression(parent) || ts.isEnumDeclaration(parent) || ts.isModuleDeclaration(parent) || ts.isInterfaceDeclaration(parent) || ts.isTypeAliasDeclaration(parent) || ts.isTypeParameterDeclaration(parent)) && parent.name === id) return false;
  if (ts.isBindingElement(parent) && (parent.name === id || parent.propertyName === id)) return false;
  if (ts.isImportClause(parent) || ts.isImportSpecifier(parent) || ts.isNamespaceImport(parent) || ts.isImportEqualsDeclaration(parent)) return false;
  if (ts.isExportSpecifier(parent) && parent.name === id && parent.propertyName !== undefined) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isJsxAttribute(parent) || ts.isMetaProperty(parent)) return false;
  return true;
}
