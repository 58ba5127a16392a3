// Independent checks on plugin output: written from the spec, not from the plugin's code.
import * as babel from '@babel/core';
import type { NodePath, types as t } from '@babel/core';
import { parse as babelParse } from '@babel/parser';

/** Parses as the plugin's callers do (module, TypeScript for .ts), without loading a Babel config. */
export function parse(code: string, ts: boolean, filename: string): t.File {
  return babelParse(code, { sourceType: 'module', sourceFilename: filename, plugins: ts ? ['typescript'] : [] }) as unknown as t.File;
}

const TRANSPARENT = new Set(['ParenthesizedExpression', 'TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion']);

function unwrap(node: t.Node): t.Node {
  let current = node;
  while (TRANSPARENT.has(current.type)) current = (current as t.TSAsExpression).expression;
  return current;
}

function propertyName(node: t.MemberExpression | t.OptionalMemberExpression): string | undefined {
  const { property, computed } = node;
  if (!computed && property.type === 'Identifier') return property.name;
  if (property.type === 'StringLiteral') return property.value;
  if (property.type === 'TemplateLiteral' && property.expressions.length === 0) return property.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** Whether `name` here means the global: no binding, or only an ambient `declare` one. */
function isGlobal(path: NodePath, name: string): boolean {
  const binding = path.scope.getBinding(name);
  if (!binding) return true;
  const declarator = binding.path;
  if (declarator.isVariableDeclarator()) return Boolean((declarator.parent as t.VariableDeclaration).declare);
  return Boolean((declarator.node as { declare?: boolean }).declare);
}

function isWrite(path: NodePath): boolean {
  const parent = path.parent;
  if (parent.type === 'AssignmentExpression' && path.key === 'left') return true;
  if (parent.type === 'UnaryExpression' && parent.operator === 'delete') return true;
  if (parent.type === 'UpdateExpression') return true;
  return false;
}

/** Every read of the global `<g>.request` (members and destructurings), as "line:column text". */
export function globalRequestReferences(ast: t.File, globals: readonly string[] = ['wx']): string[] {
  const found: string[] = [];
  const where = (node: t.Node) => `${node.loc?.start.line}:${node.loc?.start.column}`;
  babel.traverse(ast, {
    'MemberExpression|OptionalMemberExpression'(path: NodePath) {
      const node = path.node as t.MemberExpression;
      if (propertyName(node) !== 'request') return;
      const object = unwrap(node.object);
      if (object.type !== 'Identifier' || !globals.includes(object.name)) return;
      if (!isGlobal(path, object.name) || isWrite(path)) return;
      found.push(`${where(node)} member`);
    },
    // `const { request } = wx`, `({ request } = wx)`, `function f({ request } = wx)`.
    ObjectPattern(path) {
      const parent = path.parent;
      const source =
        parent.type === 'VariableDeclarator' && path.key === 'id'
          ? parent.init
          : (parent.type === 'AssignmentExpression' || parent.type === 'AssignmentPattern') && path.key === 'left'
            ? parent.right
            : undefined;
      if (!source) return;
      const object = unwrap(source);
      if (object.type !== 'Identifier' || !globals.includes(object.name) || !isGlobal(path, object.name)) return;
      for (const property of path.node.properties) {
        if (property.type !== 'ObjectProperty') continue;
        const key = property.key;
        const name = !property.computed && key.type === 'Identifier' ? key.name : key.type === 'StringLiteral' ? key.value : undefined;
        // A computed key that is not a plain literal (`['req' + 'uest']`) may read request: count it.
        if (name === 'request' || (property.computed && key.type !== 'StringLiteral')) found.push(`${where(property)} destructuring`);
      }
    },
  });
  return found;
}

/**
 * The references to a *local* binding named `wx`, each described by where it sits (parent type,
 * the property read on it, its role), sorted: the plugin must leave this multiset exactly as it was.
 */
export function localWxReferences(ast: t.File, name = 'wx'): string[] {
  const found: string[] = [];
  babel.traverse(ast, {
    Identifier(path) {
      if (path.node.name !== name || !path.isReferencedIdentifier() || isGlobal(path, name)) return;
      const parent = path.parent;
      const property =
        (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && path.key === 'object'
          ? propertyName(parent) ?? '<computed>'
          : '';
      found.push(`${parent.type}:${String(path.key)}:${property}`);
    },
  });
  return found.sort();
}
