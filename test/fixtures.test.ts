import test from 'ava';
import * as babel from '@babel/core';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import plugin from '../plugin/index.js';
import { DEFAULT_RUNTIME } from '../plugin/core/options.js';
import { execute, rewrittenCalls } from './support/execute.js';
import { loadFixtures, type Fixture } from './support/fixtures.js';
import { transformFixture } from './support/transform.js';

const require = createRequire(import.meta.url);
const resolvePreset = (name: string) => require.resolve(name);
// UPDATE_FIXTURES=1 writes what the plugin produces where an expectation file is missing (a
// hand-written diagnostics.json is kept); review every written file before committing.
const update = process.env['UPDATE_FIXTURES'] === '1';

function writeExpectations(fixture: Fixture, result: ReturnType<typeof transformFixture>): void {
  const outputName = path.basename(fixture.inputFile).replace('input', 'output');
  if (fixture.output === undefined && fixture.error === undefined) {
    if (result.code !== undefined) writeFileSync(path.join(fixture.dir, outputName), result.code);
    if (result.error !== undefined) writeFileSync(path.join(fixture.dir, 'error.txt'), result.error);
  }
  if (fixture.diagnostics === undefined) writeFileSync(path.join(fixture.dir, 'diagnostics.json'), `${JSON.stringify(result.diagnostics, null, 2)}\n`);
}

const fixtures = loadFixtures();

test('there are at least 60 fixtures', (t) => {
  t.true(fixtures.length >= 60, `${fixtures.length} fixtures`);
});

for (const fixture of fixtures) {
  test(`fixture ${fixture.name}`, (t) => {
    const result = transformFixture(babel, plugin, fixture, resolvePreset);
    if (update) writeExpectations(fixture, result);
    t.truthy(fixture.output ?? fixture.error ?? (update || undefined), 'the fixture has no expected output.js or error.txt yet');
    t.truthy(fixture.diagnostics ?? (update || undefined), 'the fixture has no diagnostics.json yet');
    if (update) return;

    t.deepEqual(result.diagnostics, fixture.diagnostics);
    if (fixture.error !== undefined) {
      t.is(result.error, fixture.error);
      return;
    }
    t.is(result.error, undefined);
    t.is(result.code, fixture.output);
  });

  if (fixture.output === undefined) continue;

  test(`fixture ${fixture.name}: idempotent`, (t) => {
    const again = transformFixture(babel, plugin, { ...fixture, input: fixture.output ?? '' }, resolvePreset);
    t.is(again.error, undefined);
    t.is(again.code, fixture.output);
    // Only the uses of the wx object the plugin cannot rewrite are reported again (global-escape).
    const escapes = (diagnostics: readonly unknown[] | undefined) => (diagnostics ?? []).filter((diagnostic) => (diagnostic as { ruleId: string }).ruleId === 'global-escape').length;
    t.deepEqual(again.diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'global-escape'), []);
    t.is(escapes(again.diagnostics), escapes(fixture.diagnostics));
  });

  if (fixture.options.exec === false) continue;

  test(`fixture ${fixture.name}: the rewritten calls reach the runtime with the same arguments and this`, (t) => {
    const globals = (fixture.options.plugin?.['globals'] as string[] | undefined) ?? ['wx'];
    const runtime = (fixture.options.plugin?.['runtime'] as string | undefined) ?? DEFAULT_RUNTIME;
    const presets = (fixture.options.babel?.presets ?? []).map((preset) => (typeof preset === 'string' ? resolvePreset(preset) : [resolvePreset(preset[0]), preset[1]]));
    const settings = { presets, globals, runtime };
    const before = execute(babel, fixture.input, fixture.inputFile, settings);
    const after = execute(babel, fixture.output ?? '', fixture.inputFile, settings);
    const calls = rewrittenCalls(before, after, globals);
    t.deepEqual(calls.globalAfter, calls.runtimeBefore, 'no call of a global request is left');
    t.deepEqual(calls.runtimeArgs, calls.globalArgs);
    t.deepEqual(calls.runtimeThis, calls.globalThis);
  });
}
