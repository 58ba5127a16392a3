import test from 'ava';
import * as babel from '@babel/core';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import plugin from '../../plugin/index.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { checkCallSites } from '../../plugin/core/engine.js';
import { DEFAULT_RUNTIME } from '../../plugin/core/options.js';
import { RULE_IDS } from '../../plugin/core/rules/index.js';
import { resolveOptions } from '../../plugin/core/options.js';
import { analyzeSourceFile } from '../../plugin/typescript/analyze.js';
import { createTransformer, WxRequestRuleError } from '../../plugin/typescript/index.js';
import { CheckerResolver } from '../../plugin/typescript/scope.js';
import type { Ts } from '../../plugin/typescript/syntax.js';
import { loadFixtures, type Fixture } from '../support/fixtures.js';
import { transformFixture } from '../support/transform.js';

/**
 * Every Babel fixture whose input is .js or .ts and parses as TypeScript goes through both front
 * ends; the diagnostics must be identical. Three TypeScript readings are compared with Babel's:
 * the transformer without a program (scopes of the file), the transformer's reading with a program
 * (type checker), and the checker's (type checker, helpers followed).
 */
const require = createRequire(import.meta.url);
const api = ts as unknown as Ts;
const fixtures = loadFixtures().filter((fixture) => /\.(js|ts)$/.test(fixture.inputFile));

// One program for every fixture (programs are slow to build); each file is its own module so
// top-level names of different fixtures never merge.
const program = ts.createProgram({
  rootNames: fixtures.map((fixture) => fixture.inputFile),
  options: { allowJs: true, checkJs: false, noLib: true, noResolve: true, types: [], noEmit: true, moduleDetection: ts.ModuleDetectionKind.Force },
});
const checker = program.getTypeChecker();

function babelDiagnostics(fixture: Fixture): Diagnostic[] {
  return transformFixture(babel, plugin, fixture, (name) => require.resolve(name)).diagnostics;
}

function transformerDiagnostics(fixture: Fixture): Diagnostic[] {
  return transformed(fixture).diagnostics;
}

const outputs = new Map<Fixture, { code: string | undefined; diagnostics: Diagnostic[] }>();

/** The fixture through the TypeScript transformer (no program), once. */
function transformed(fixture: Fixture): { code: string | undefined; diagnostics: Diagnostic[] } {
  const known = outputs.get(fixture);
  if (known) return known;
  let code: string | undefined;
  const diagnostics: Diagnostic[] = [];
  const transformer = createTransformer(undefined, { ...fixture.options.plugin, onDiagnostic: (diagnostic) => diagnostics.push(diagnostic) });
  // A relative file name: the diagnostics name the file as Babel does with cwd = the fixture folder.
  try {
    code = ts.transpileModule(fixture.input, {
      fileName: path.basename(fixture.inputFile),
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, allowJs: true },
      transformers: { before: [transformer] },
    }).outputText;
  } catch (error) {
    // As with Babel, a file with errors throws once after every diagnostic was handed over.
    if (!(error instanceof WxRequestRuleError)) throw error;
  }
  const result = { code, diagnostics };
  outputs.set(fixture, result);
  return result;
}

const RULES_OFF = Object.fromEntries(RULE_IDS.map((id) => [id, 'off']));

function programDiagnostics(fixture: Fixture, followHelpers: boolean): Diagnostic[] {
  const sourceFile = program.getSourceFile(fixture.inputFile);
  if (!sourceFile) throw new Error(`${fixture.inputFile} is not in the program`);
  const options = resolveOptions({ ...fixture.options.plugin });
  const analysis = analyzeSourceFile({ ts: api, sourceFile, file: path.basename(fixture.inputFile), globals: options.globals, resolver: new CheckerResolver(api, checker, sourceFile, followHelpers) });
  return checkCallSites(analysis.sites, options, analysis.globalUses);
}

const valid = fixtures.filter((fixture) => {
  const sourceFile = program.getSourceFile(fixture.inputFile);
  return sourceFile !== undefined && program.getSyntacticDiagnostics(sourceFile).length === 0;
});

test('most fixtures are valid TypeScript and take part', (t) => {
  t.true(valid.length >= fixtures.length * 0.9, `${valid.length} of ${fixtures.length}`);
  t.log(`${valid.length} of ${fixtures.length} .js/.ts fixtures compared`);
});

const key = (diagnostic: Diagnostic) => JSON.stringify(diagnostic);

for (const fixture of valid) {
  test(`fixture ${fixture.name}: both front ends give identical diagnostics`, (t) => {
    const expected = babelDiagnostics(fixture);
    // Without a program the transformer reads one file as Babel does: exactly the same diagnostics.
    t.deepEqual(transformerDiagnostics(fixture), expected, 'transformer without a program');
    // With types, a value Babel cannot know (an enum member, a helper's result) may add a
    // diagnostic, but none of Babel's may be missing or different. Today they are all identical;
    // an addition is logged so the difference is visible.
    for (const [reading, found] of [['transformer with a program', programDiagnostics(fixture, false)], ['checker', programDiagnostics(fixture, true)]] as const) {
      const extra = found.filter((diagnostic) => !expected.some((other) => key(other) === key(diagnostic)));
      t.deepEqual(found.filter((diagnostic) => !extra.includes(diagnostic)), expected, reading);
      if (extra.length > 0) t.log(`${reading} knows more:`, extra);
    }
  });

  // A form only the Babel plugin rewrites (README: Known limitations): the diagnostics above still match.
  if (fixture.output === undefined || fixture.options.babelOnly !== undefined) continue;

  test(`fixture ${fixture.name}: the transformer leaves no global wx.request that Babel would rewrite`, (t) => {
    const { code } = transformed(fixture);
    if (code === undefined) return t.fail('the transformer threw');
    const runtime = (fixture.options.plugin?.['runtime'] as string | undefined) ?? DEFAULT_RUNTIME;
    t.is(code.includes(runtime), (fixture.output ?? '').includes(runtime), 'imports the runtime exactly when the Babel plugin does');
    // The Babel plugin over the transformer's output finds nothing left to rewrite.
    const again = babel.transformSync(code, {
      babelrc: false,
      configFile: false,
      filename: path.join(fixture.dir, 'transformed.js'),
      sourceType: 'unambiguous',
      plugins: [[plugin, { ...fixture.options.plugin, rules: RULES_OFF }]],
    });
    const metadata = (again?.metadata as { wxRequest?: { rewritten: number } } | undefined)?.wxRequest;
    t.is(metadata?.rewritten ?? 0, 0, code);
  });
}
