import type { Scope } from 'eslint';
import type { BindingKind, DeclaredBinding } from '../core/reference-syntax.js';
import type { Node } from './node.js';

type Variable = Scope.Variable;
/** typescript-eslint's definitions say whether they make a value; a type alias or an interface makes none. */
type Definition = Scope.Definition & { isVariableDefinition?: boolean };

/**
 * A `declare`d description of a global (`declare const wx: WechatMiniprogram.Wx`, `declare function
 * wx(): void`, `declare namespace wx {}`): it binds nothing at run time, as Babel's front end reads it.
 */
function isAmbient(definition: Definition | undefined): boolean {
  if (!definition) return false;
  if (definition.type === 'Variable') return (definition.parent as { declare?: boolean }).declare === true;
  const node = definition.node as { type: string; declare?: boolean };
  return node.type === 'TSDeclareFunction' || node.declare === true;
}

/** The definitions of a variable that declare a value: `const M` beside `type M` or `interface M` (TypeScript merges them) is one. */
function valueDefinitions(variable: Variable | undefined): Definition[] {
  return ((variable?.defs ?? []) as Definition[]).filter((definition) => definition.isVariableDefinition !== false);
}

/** Those that make it at run time: a `declare`d one describes what is there already. */
function runtimeDefinitions(variable: Variable | undefined): Definition[] {
  return valueDefinitions(variable).filter((definition) => !isAmbient(definition));
}

/** A declaration of the file that makes a value (an ESLint `globals` entry or a lib global has no definition). */
function isFileValue(variable: Variable | undefined): variable is Variable {
  return valueDefinitions(variable).length > 0;
}

const CONSTANT_KINDS = new Set(['const', 'using', 'await using']);

/**
 * Names through ESLint's scope manager (eslint-scope, or typescript-eslint's): what an identifier
 * is bound to, the references of a binding, the value of a `const`. A name is looked up from the
 * innermost scope around it outwards, as Babel's scope does, rather than taken from the reference's
 * `resolved`: a scope with a direct `eval` leaves its references unresolved, and they would pass
 * for the global's.
 */
export class Scopes {
  private readonly scopeCache = new WeakMap<Node, Scope.Scope>();

  constructor(private readonly manager: Scope.ScopeManager) {}

  /** The innermost scope around a node (SourceCode#getScope's walk, without ESLint's SourceCode). */
  scopeOf(node: Node): Scope.Scope | undefined {
    const cached = this.scopeCache.get(node);
    if (cached) return cached;
    // The innermost scope of each ancestor (a module's, not the global one, for the Program).
    const inner = node.type !== 'Program';
    for (let current: Node | null | undefined = node; current; current = current.parent) {
      const scope = this.manager.acquire(current, inner);
      if (scope) {
        const inner = scope.type === 'function-expression-name' ? (scope.childScopes[0] ?? scope) : scope;
        this.scopeCache.set(node, inner);
        return inner;
      }
    }
    return this.manager.scopes[0];
  }

  /** The file's value binding of `name` seen from `node`, if any. */
  private lookUp(node: Node, name: string): Variable | undefined {
    for (let scope = this.scopeOf(node); scope; scope = scope.upper ?? undefined) {
      const variable = scope.set.get(name);
      if (isFileValue(variable)) return variable;
    }
    return undefined;
  }

  binding(identifier: Node): BindingKind {
    if (identifier.type !== 'Identifier') return 'local';
    const variable = this.lookUp(identifier, identifier.name);
    if (!variable) return 'none';
    return isAmbient(valueDefinitions(variable)[0]) ? 'ambient' : 'local';
  }

  /** The variable a declaration's identifier declares. */
  private declared(identifier: Node): Variable | undefined {
    if (identifier.type !== 'Identifier') return undefined;
    for (let scope = this.scopeOf(identifier); scope; scope = scope.upper ?? undefined) {
      const variable = scope.set.get(identifier.name);
      if (variable?.identifiers.includes(identifier)) return variable;
    }
    return undefined;
  }

  declaredBinding(identifier: Node): DeclaredBinding<Node> | undefined {
    const variable = this.declared(identifier);
    if (!variable) return undefined;
    const definitions = runtimeDefinitions(variable);
    const first = definitions[0];
    // The declaration's own `= value` is a write of the variable; any other write reassigns it.
    const writes = variable.references.filter((reference) => reference.isWrite() && !reference.init);
    const declarator = identifier.parent;
    return {
      constant: definitions.length === 1 && first?.type === 'Variable' && CONSTANT_KINDS.has(first.parent.kind),
      references: variable.references.filter((reference) => reference.isRead()).map((reference) => reference.identifier as Node),
      reassigned: writes.length > 0 || definitions.length > 1,
      exported: declarator?.type === 'VariableDeclarator' && declarator.parent?.parent?.type === 'ExportNamedDeclaration',
    };
  }

  /**
   * The initializer of the `const` an identifier refers to (SPEC.md "known at build time"): a
   * variable whose one definition is a `const` declarator with an identifier and an initializer.
   */
  constInitializer(identifier: Node): Node | undefined {
    if (identifier.type !== 'Identifier') return undefined;
    const definitions = runtimeDefinitions(this.lookUp(identifier, identifier.name));
    const definition = definitions.length === 1 ? definitions[0] : undefined;
    if (definition?.type !== 'Variable' || !CONSTANT_KINDS.has(definition.parent.kind)) return undefined;
    const declarator = definition.node;
    return declarator.id.type === 'Identifier' && declarator.init ? (declarator.init as Node) : undefined;
  }

  /**
   * Every identifier that may name one of the globals as the global object, in source order: the
   * references nothing in the file declares (`globalScope.through`), and those of a variable that
   * declares nothing at run time (an ESLint `globals` entry, `/* global wx *\/`, `declare const wx`).
   * The shared finder judges each (binding): a reference a direct `eval` left unresolved is a local's.
   */
  globalIdentifiers(globals: readonly string[]): Node[] {
    const found = new Set<Node>();
    const global = this.manager.globalScope;
    for (const reference of global?.through ?? []) {
      if (reference.identifier.type === 'Identifier' && globals.includes(reference.identifier.name)) found.add(reference.identifier as Node);
    }
    for (const scope of this.manager.scopes) {
      for (const name of globals) {
        const variable = scope.set.get(name);
        if (!variable || (isFileValue(variable) && !isAmbient(valueDefinitions(variable)[0]))) continue;
        for (const reference of variable.references) if (reference.identifier.type === 'Identifier') found.add(reference.identifier as Node);
      }
    }
    return [...found].sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
  }
}
