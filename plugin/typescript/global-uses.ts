import type * as TS from 'typescript';
import type { GlobalUseKind } from '../core/global-use.js';
import type { Resolver } from './scope.js';
import { isMemberAccess, isReferenceIdentifier, skipParens, type Ts } from './syntax.js';

/** What the front end answers about names and keys (FrontEnd implements it). */
export interface GlobalUseReader {
  memberName(node: TS.Node): string | undefined;
  keyName(node: TS.Node): string | undefined;
  isRequestReference(node: TS.Node): boolean;
  isRequestPatternElement(element: TS.BindingElement): boolean;
}

/** plugin/core/global-roles.ts (Babel's and ESTree's role table) on TypeScript's tree: the same roles for the same code. */
export type GlobalRole = 'harmless' | 'holder' | 'this' | GlobalUseKind;

const PROPERTY_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  Object: ['defineProperty', 'getOwnPropertyDescriptor', 'hasOwn'],
  Reflect: ['defineProperty', 'getOwnPropertyDescriptor', 'get', 'set', 'has', 'deleteProperty'],
};

function isTransparent(ts: Ts, node: TS.Node): boolean {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node) || ts.isSatisfiesExpression(node);
}

export class GlobalUses {
  constructor(
    private readonly ts: Ts,
    private readonly reader: GlobalUseReader,
    private readonly resolver: Resolver,
  ) {}

  /** A value mention of a global object's name (not a type, a key or a declaration). */
  isMention(node: TS.Node, globals: readonly string[]): node is TS.Identifier {
    const ts = this.ts;
    if (!ts.isIdentifier(node) || !globals.includes(node.text) || !isReferenceIdentifier(ts, node)) return false;
    const parent = node.parent;
    if (ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent) || ts.isTypeReferenceNode(parent) || ts.isExpressionWithTypeArguments(parent) || ts.isShorthandPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) && this.isAssignmentTarget(parent.parent)) return false;
    return this.resolver.isGlobal(node);
  }

  private isAssignmentTarget(literal: TS.Node): boolean {
    const parent = literal.parent;
    return this.ts.isBinaryExpression(parent) && parent.left === literal && parent.operatorToken.kind === this.ts.SyntaxKind.EqualsToken;
  }

  private isStaticRequestKey(node: TS.Node | undefined): boolean {
    return node !== undefined && !this.ts.isSpreadElement(node) && this.reader.keyName(node) === 'request';
  }

  private isPropertyFunction(callee: TS.Node): boolean {
    const ts = this.ts;
    if (!isMemberAccess(ts, callee) || callee.questionDotToken) return false;
    const object = skipParens(ts, callee.expression);
    if (!ts.isIdentifier(object) || !Object.hasOwn(PROPERTY_FUNCTIONS, object.text) || !this.resolver.isGlobal(object)) return false;
    const method = this.reader.memberName(callee);
    return method !== undefined && PROPERTY_FUNCTIONS[object.text]!.includes(method);
  }

  /** `Reflect.apply(wx.request, wx, [o])`: the owner passed as `this`. */
  private isReflectApplyOwner(call: TS.CallExpression, argument: TS.Node): boolean {
    const ts = this.ts;
    const callee = skipParens(ts, call.expression);
    if (call.arguments[1] !== argument || !isMemberAccess(ts, callee) || callee.questionDotToken || this.reader.memberName(callee) !== 'apply') return false;
    const object = skipParens(ts, callee.expression);
    const target = call.arguments[0];
    return ts.isIdentifier(object) && object.text === 'Reflect' && this.resolver.isGlobal(object) && target !== undefined && this.reader.isRequestReference(skipParens(ts, target));
  }

  private argumentRole(call: TS.CallExpression | TS.NewExpression, argument: TS.Node): GlobalRole {
    const ts = this.ts;
    if (ts.isNewExpression(call)) return 'argument';
    if (this.isReflectApplyOwner(call, argument)) return 'this';
    if (call.arguments[0] !== argument) return 'argument';
    const callee = skipParens(ts, call.expression);
    const method = isMemberAccess(ts, callee) ? this.reader.memberName(callee) : undefined;
    if ((method === 'call' || method === 'apply' || method === 'bind') && isMemberAccess(ts, callee) && this.reader.isRequestReference(skipParens(ts, callee.expression))) return 'this';
    if (this.isPropertyFunction(callee) && this.isStaticRequestKey(call.arguments[1])) return 'holder';
    return 'argument';
  }

  private isTestedOnly(node: TS.Node): boolean {
    const ts = this.ts;
    const parent = node.parent;
    if (!parent) return false;
    if (isTransparent(ts, parent)) return this.isTestedOnly(parent);
    if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.expression === node;
    if (ts.isConditionalExpression(parent)) return parent.condition === node;
    if (ts.isForStatement(parent)) return parent.condition === node;
    if (ts.isPrefixUnaryExpression(parent)) return parent.operator === ts.SyntaxKind.ExclamationToken;
    if (ts.isExpressionStatement(parent)) return true;
    if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (operator === ts.SyntaxKind.CommaToken) return parent.left === node || this.isTestedOnly(parent);
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) return this.isTestedOnly(parent);
    }
    return false;
  }

  private patternRole(elements: readonly { request: boolean; rest: boolean; dynamic: boolean }[], rewritten: boolean): GlobalRole {
    if (elements.some((element) => element.request)) return rewritten ? 'harmless' : 'value';
    if (elements.some((element) => element.rest)) return 'rest';
    return elements.some((element) => element.dynamic) ? 'dynamic-key' : 'harmless';
  }

  private bindingPatternRole(pattern: TS.ObjectBindingPattern): GlobalRole {
    const ts = this.ts;
    return this.patternRole(
      pattern.elements.map((element) => ({
        request: this.reader.isRequestPatternElement(element),
        rest: element.dotDotDotToken !== undefined,
        dynamic: element.propertyName !== undefined && ts.isComputedPropertyName(element.propertyName) && this.reader.keyName(element.propertyName.expression) === undefined,
      })),
      true,
    );
  }

  private literalPatternRole(literal: TS.ObjectLiteralExpression, rewritten: boolean): GlobalRole {
    const ts = this.ts;
    return this.patternRole(
      literal.properties.map((property) => {
        const name = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
        const computed = name !== undefined && ts.isComputedPropertyName(name);
        const key = name === undefined ? undefined : computed ? this.reader.keyName(name.expression) : ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
        return { request: key === 'request', rest: ts.isSpreadAssignment(property), dynamic: computed && key === undefined };
      }),
      rewritten,
    );
  }

  /** `var _wx = wx` read only as `_wx.showModal`: nothing but other APIs, by name, never reassigned or exported. */
  private isPlainAlias(name: TS.Identifier): boolean {
    const ts = this.ts;
    const statement = name.parent.parent.parent;
    if (statement && ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return false;
    const references = this.resolver.referencesOf(name);
    return references.length > 0 && references.every((reference) => {
      const parent = reference.parent;
      if (!isMemberAccess(ts, parent) || parent.expression !== reference) return false;
      const member = this.reader.memberName(parent);
      return member !== undefined && member !== 'request';
    });
  }

  role(id: TS.Identifier): GlobalRole {
    const ts = this.ts;
    let outer: TS.Node = id;
    while (outer.parent && isTransparent(ts, outer.parent)) outer = outer.parent;
    const parent = outer.parent;
    if (!parent) return 'harmless';
    if (isMemberAccess(ts, parent)) {
      if (parent.expression !== outer) return 'harmless';
      return this.reader.memberName(parent) === undefined ? 'dynamic-key' : 'harmless';
    }
    if (ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent) || ts.isDeleteExpression(parent) || ts.isTemplateSpan(parent)) return 'harmless';
    if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
      return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken ? 'value' : 'harmless';
    }
    if (ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent) || ts.isForStatement(parent) || ts.isForInStatement(parent) || ts.isSwitchStatement(parent) || ts.isCaseClause(parent) || ts.isExpressionStatement(parent)) {
      return 'harmless';
    }
    if (ts.isConditionalExpression(parent)) return parent.condition === outer || this.isTestedOnly(parent) ? 'harmless' : 'value';
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) return parent.expression === outer ? 'harmless' : this.argumentRole(parent, outer);
    if (ts.isVariableDeclaration(parent) && parent.initializer === outer) {
      if (ts.isObjectBindingPattern(parent.name)) return this.bindingPatternRole(parent.name);
      return ts.isIdentifier(parent.name) && this.isPlainAlias(parent.name) ? 'harmless' : 'value';
    }
    if (ts.isBinaryExpression(parent)) return this.binaryRole(parent, outer);
    return 'value';
  }

  private binaryRole(parent: TS.BinaryExpression, outer: TS.Node): GlobalRole {
    const ts = this.ts;
    const operator = parent.operatorToken.kind;
    const { SyntaxKind } = ts;
    if (operator === SyntaxKind.InKeyword) return parent.right === outer && this.isStaticRequestKey(parent.left) ? 'holder' : 'harmless';
    if (operator === SyntaxKind.CommaToken) return parent.left === outer || this.isTestedOnly(parent) ? 'harmless' : 'value';
    if (operator === SyntaxKind.AmpersandAmpersandToken && parent.left === outer) return 'harmless';
    if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) return this.isTestedOnly(parent) ? 'harmless' : 'value';
    if (operator >= SyntaxKind.FirstAssignment && operator <= SyntaxKind.LastAssignment) {
      if (parent.left === outer) return 'harmless';
      const left = skipParens(ts, parent.left);
      if (operator === SyntaxKind.EqualsToken && ts.isObjectLiteralExpression(left)) return this.literalPatternRole(left, this.isStatement(parent));
      return 'value';
    }
    return 'harmless';
  }

  /** `({ … } = wx);` as a statement of its own (the Babel plugin rewrites exactly those). */
  private isStatement(node: TS.Node): boolean {
    let current = node.parent;
    while (current && this.ts.isParenthesizedExpression(current)) current = current.parent;
    return current !== undefined && this.ts.isExpressionStatement(current);
  }
}
