// Property tests for the Babel plugin: thousands of generated mini-program files (see
// support/program-gen.ts), each put through the plugin. Seed: FC_SEED from the environment, else
// a constant, so CI is reproducible; a failure prints the seed and the shrunk program.
import test from 'ava';
import * as babel from '@babel/core';
import type { types as t } from '@babel/core';
import fc from 'fast-check';
import plugin from '../../plugin/index.js';
import { globalRequestReferences, localWxReferences, parse } from './support/inspect.js';
import { programArbitrary, render, type Rendered } from './support/program-gen.js';

const SEED = process.env['FC_SEED'] ? Number(process.env['FC_SEED']) : 20261126;
const NUM_RUNS = Number(process.env['FC_RUNS'] ?? 2000);
const parameters = { seed: SEED, numRuns: NUM_RUNS };

/** Counts for the final report (printed by the last test). */
const seen = new Map<string, Rendered>();

const defaults = { onDiagnostic() {} };
const quiet = { onDiagnostic() {}, rules: { 'method-uppercase': 'warn', 'method-supported': 'warn', 'url-no-port': 'warn', 'no-referer-header': 'warn' } };

// Options are loaded once per (file kind, plugin options): Babel's config loading would otherwise
// cost more than the transform of these small files.
const loaded = new Map<string, babel.TransformOptions>();
function transform(code: string, program: Pick<Rendered, 'filename' | 'ts'>, options: object = quiet): string {
  const key = `${program.filename}\0${options === quiet ? 'quiet' : 'defaults'}`;
  let resolved = loaded.get(key);
  if (!resolved) {
    resolved = babel.loadOptions({
      babelrc: false,
      configFile: false,
      filename: program.filename,
      cwd: '/project',
      sourceType: 'module',
      parserOpts: { plugins: program.ts ? ['typescript'] : [] },
      plugins: [[plugin, options]],
    }) as babel.TransformOptions;
    loaded.set(key, resolved);
  }
  // The default-severity run only watches for throws: it skips printing the code.
  return babel.transformSync(code, options === quiet ? resolved : { ...resolved, code: false })?.code ?? '';
}

// The same seed gives the same programs to every property: each artefact is computed once per
// program (lazily, memoised), so six properties cost about as much as one.
interface Artefacts {
  inputAst?: t.File;
  output?: string;
  outputAst?: t.File;
  twice?: string;
}
const cache = new Map<string, Artefacts>();
function artefacts(program: Rendered): Artefacts {
  seen.set(program.code, program);
  let entry = cache.get(program.code);
  if (!entry) cache.set(program.code, (entry = {}));
  return entry;
}
const inputAst = (program: Rendered) => (artefacts(program).inputAst ??= parse(program.code, program.ts, program.filename));
const once = (program: Rendered) => (artefacts(program).output ??= transform(program.code, program));
const outputAst = (program: Rendered) => (artefacts(program).outputAst ??= parse(once(program), program.ts, program.filename));
const twice = (program: Rendered) => (artefacts(program).twice ??= transform(once(program), program));

const programs = programArbitrary.map(render);

function check(title: string, property: (program: Rendered) => void): void {
  test(title, (t) => {
    const details = fc.check(
      fc.property(programs, (program) => {
        property(program);
      }),
      parameters,
    );
    if (details.failed) {
      const example = details.counterexample?.[0];
      t.fail(
        `${title}: failed with FC_SEED=${SEED} (numRuns ${NUM_RUNS}, path ${details.counterexamplePath}) after ${details.numRuns} runs, ${details.numShrinks} shrinks.\n` +
          `--- program (${example?.filename}) ---\n${example?.code}\n--- error ---\n${String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance)}`,
      );
      return;
    }
    t.is(details.numRuns, NUM_RUNS);
  });
}

check('the generator writes valid programs (sanity of the grammar)', (program) => {
  inputAst(program);
});

check('the plugin throws nothing but its rule error, with the default severities', (program) => {
  try {
    transform(program.code, program, defaults);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'WX_REQUEST_RULES') throw new Error(`not a rule error: ${(error as Error).stack}`);
    const message = (error as Error).message;
    // The heading's wording may change; what must hold: positions of the user's file, no stack of ours.
    if (!/src\/page\.[jt]s:\d+:\d+ {2}error {2}/.test(message) || /\n\s+at .*\(/.test(message)) throw new Error(`rule error without positions, or with a stack: ${message}`);
  }
});

check('with every rule at warn, the plugin never throws and its output parses', (program) => {
  outputAst(program);
});

check('running the plugin twice equals running it once', (program) => {
  const output = once(program);
  const again = twice(program);
  if (again !== output) throw new Error(`second run changed the output:\n--- once ---\n${output}\n--- twice ---\n${again}`);
});

check('no reference to the global wx.request remains, and every tagged call is still there', (program) => {
  const output = once(program);
  const left = globalRequestReferences(outputAst(program));
  if (left.length > 0) throw new Error(`global wx.request left at ${left.join(', ')}:\n${output}`);
  for (const tag of [...program.globalTags, ...program.localTags]) {
    if (!output.includes(`/${tag}'`) && !output.includes(`/${tag}"`)) throw new Error(`call tagged ${tag} lost:\n${output}`);
  }
});

check('a shadowed wx is never touched', (program) => {
  const output = once(program);
  const before = localWxReferences(inputAst(program));
  const after = localWxReferences(outputAst(program));
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    throw new Error(`local wx references changed:\nbefore ${JSON.stringify(before)}\nafter  ${JSON.stringify(after)}\n--- output ---\n${output}`);
  }
});

test('counts', (t) => {
  // Printed for the report: distinct programs generated across the properties above.
  const all = [...seen.values()];
  const calls = all.reduce((sum, program) => sum + program.globalTags.length + program.localTags.length, 0);
  t.log(
    `seed ${SEED}, ${NUM_RUNS} runs per property, ${seen.size} distinct programs transformed: ` +
      `${all.filter((program) => program.ts).length} TypeScript, ${all.filter((program) => program.localTags.length > 0).length} with a shadowed wx, ` +
      `${calls} tagged calls (${all.reduce((sum, program) => sum + program.localTags.length, 0)} on a local wx)`,
  );
  t.pass();
});
