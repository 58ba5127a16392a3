import type * as TS from 'typescript';
import type { Diagnostic } from '../core/diagnostic.js';
import { fixFor, type Edit, type FixTarget, type PropertyFacts } from '../core/fixes.js';
import { spanKey, type Ts } from './syntax.js';

function propertyOfKey(ts: Ts, key: TS.Node): TS.ObjectLiteralElementLike | undefined {
  let property: TS.Node | undefined = key.parent;
  if (property && ts.isComputedPropertyName(property)) property = property.parent;
  if (!property || !ts.isObjectLiteralElementLike(property) || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  return property;
}

function writtenName(ts: Ts, property: TS.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name))) return name.text;
  return undefined;
}

function keyKind(ts: Ts, key: TS.Node): PropertyFacts['keyKind'] {
  if (ts.isIdentifier(key)) return 'identifier';
  if (ts.isStringLiteral(key)) return 'string';
  if (ts.isNoSubstitutionTemplateLiteral(key)) return 'template';
  return 'other';
}

/** The facts plugin/core/fixes.ts needs about the node a diagnostic was reported on. */
export function typeScriptFixTarget(ts: Ts, node: TS.Node, sourceFile: TS.SourceFile): FixTarget {
  const literal = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? { start: node.getStart(sourceFile), end: node.getEnd(), value: node.text } : undefined;
  const property = propertyOfKey(ts, node);
  if (!property) return { literal };
  const object = property.parent as TS.ObjectLiteralExpression;
  const previous = object.properties[object.properties.indexOf(property) - 1];
  return {
    literal,
    property: {
      keyKind: keyKind(ts, node),
      keyText: ts.isIdentifier(node) || ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : '',
      keyStart: node.getStart(sourceFile),
      keyEnd: node.getEnd(),
      computed: property.name !== node,
      form: ts.isPropertyAssignment(property) ? 'plain' : ts.isShorthandPropertyAssignment(property) ? 'shorthand' : 'method',
      start: property.getStart(sourceFile),
      end: property.getEnd(),
      previousEnd: previous?.getEnd(),
      siblings: { hasSpread: object.properties.some((other) => ts.isSpreadAssignment(other)), names: object.properties.map((other) => writtenName(ts, other)) },
    },
  };
}

/** The safe fixes for a file's diagnostics; `nodes` maps reported spans to the nodes behind them. */
export function fixesFor(ts: Ts, sourceFile: TS.SourceFile, diagnostics: readonly Diagnostic[], nodes: ReadonlyMap<string, TS.Node>): Map<Diagnostic, Edit> {
  const fixes = new Map<Diagnostic, Edit>();
  for (const diagnostic of diagnostics) {
    const node = nodes.get(spanKey(diagnostic));
    if (!node || node.getSourceFile() !== sourceFile) continue;
    const edit = fixFor(diagnostic.ruleId, typeScriptFixTarget(ts, node, sourceFile), sourceFile.text);
    if (edit) fixes.set(diagnostic, edit);
  }
  return fixes;
}
