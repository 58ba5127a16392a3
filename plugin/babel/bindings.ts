import type { NodePath, types as t } from '@babel/core';
import type { BindingKind, DeclaredBinding } from '../core/reference-syntax.js';

/**
 * What a name is bound to, through Babel's scope: the answers plugin/core's reference finder
 * asks of every front end (ReferenceSyntax.binding, declaredBinding), on Babel's tree.
 */

/**
 * A TypeScript `enum wx {}` or `namespace wx {}` (not `declare`d) in an enclosing block makes a
 * local value that Babel's scope does not record.
 */
function declaresTypeScriptValue(path: NodePath, name: string): boolean {
  for (let block = path.parentPath; block; block = block.parentPath) {
    const body = block.isProgram() || block.isBlockStatement() || block.isTSModuleBlock() ? (block.node as { body: t.Statement[] }).body : undefined;
    const declares = body?.some((statement) => {
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      return (
        (declaration?.type === 'TSEnumDeclaration' || declaration?.type === 'TSModuleDeclaration') &&
        !declaration.declare &&
        declaration.id.type === 'Identifier' &&
        declaration.id.name === name
      );
    });
    if (declares) return true;
  }
  return false;
}

function isAmbient(path: NodePath): boolean {
  if (path.isVariableDeclarator()) return Boolean((path.parent as t.VariableDeclaration).declare);
  // Flow's `declare var wx: any` is the same description of the global.
  if (path.isDeclareVariable()) return true;
  return path.isTSDeclareFunction() || Boolean((path.node as { declare?: boolean }).declare);
}

/** `declare const wx: WechatMiniprogram.Wx` describes the global: it is `ambient`, not `local`. */
export function bindingKind(path: NodePath): BindingKind {
  if (!path.isIdentifier()) return 'local';
  const binding = path.scope.getBinding(path.node.name);
  if (binding) return isAmbient(binding.path) ? 'ambient' : 'local';
  return declaresTypeScriptValue(path, path.node.name) ? 'local' : 'none';
}

/** The binding a declaration's identifier makes (`using` counts as `const`, as Babel registers it). */
export function declaredBinding(path: NodePath): DeclaredBinding<NodePath> | undefined {
  if (!path.isIdentifier()) return undefined;
  const binding = path.scope.getBinding(path.node.name);
  if (!binding) return undefined;
  return {
    constant: binding.kind === 'const',
    references: binding.referencePaths,
    reassigned: binding.constantViolations.length > 0,
    exported: path.parentPath.parentPath?.parentPath?.isExportNamedDeclaration() ?? false,
  };
}
