import test from 'ava';
import { Linter, RuleTester } from 'eslint';
import wxRequest from '../../plugin/eslint/index.js';
import type { Diagnostic } from '../../plugin/core/diagnostic.js';
import { RULE_IDS } from '../../plugin/core/rules/index.js';
import { loadFixtures } from '../support/fixtures.js';
import { checkerFixOutput, eslintConfig, expectedMessages, languageOptions } from './support.js';

/** Every fixture whose Babel plugin run reports something: the ESLint rules must say the same. */
const fixtures = loadFixtures().filter((fixture) => (fixture.diagnostics?.length ?? 0) > 0);
const linter = new Linter();

test('there are fixtures with rule diagnostics', (t) => {
  t.true(fixtures.length >= 60, `${fixtures.length} fixtures`);
});

test('every fixture: the same findings, positions, messages and severities as the Babel plugin', (t) => {
  const disagreeing: string[] = [];
  for (const fixture of fixtures) {
    const messages = linter.verify(fixture.input, eslintConfig(fixture), fixture.inputFile);
    const found = messages.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn }));
    const expected = expectedMessages(fixture);
    const sort = <T extends { line: number; column: number; ruleId: string | null }>(list: T[]) => [...list].sort((a, b) => a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId)));
    if (JSON.stringify(sort(found)) !== JSON.stringify(sort(expected))) {
      disagreeing.push(fixture.name);
      t.deepEqual(sort(found), sort(expected), fixture.name);
    }
  }
  t.log(`${fixtures.length - disagreeing.length} of ${fixtures.length} fixtures with rule diagnostics agree with the Babel plugin`);
  t.deepEqual(disagreeing, []);
});

test('eslint --fix gives the text of wx-request check --fix on every fixture', (t) => {
  let fixed = 0;
  for (const fixture of fixtures) {
    const result = linter.verifyAndFix(fixture.input, eslintConfig(fixture), fixture.inputFile);
    t.is(result.output, checkerFixOutput(fixture), fixture.name);
    if (result.fixed) fixed += 1;
  }
  t.log(`${fixed} fixtures have fixes`);
  t.true(fixed > 5);
});

// ESLint's own harness, one rule at a time: AVA runs each case as a test.
RuleTester.describe = (name: string, body: () => void) => body();
RuleTester.it = (name: string, body: () => void) => test(`RuleTester: ${name.slice(0, 200)}`, (t) => t.notThrows(body));
RuleTester.itOnly = RuleTester.it;

for (const id of RULE_IDS) {
  const valid: RuleTester.ValidTestCase[] = [];
  const invalid: RuleTester.InvalidTestCase[] = [];
  for (const fixture of fixtures) {
    const severities = (fixture.options.plugin?.['rules'] ?? {}) as Record<string, string>;
    if (severities[id] === 'off') continue;
    const config = eslintConfig(fixture);
    const ruleEntry = config.rules?.[`wx-request/${id}`];
    const base = { name: `${id} on ${fixture.name}`, code: fixture.input, filename: fixture.inputFile, languageOptions: languageOptions(fixture), settings: config.settings ?? {}, options: Array.isArray(ruleEntry) ? ruleEntry.slice(1) : [] };
    const errors = (fixture.diagnostics as Diagnostic[]).filter((diagnostic) => diagnostic.ruleId === id).map(({ message, line, column, endLine, endColumn }) => ({ message, line, column, endLine, endColumn }));
    if (errors.length === 0) {
      valid.push(base);
      continue;
    }
    const output = checkerFixOutput(fixture, id);
    invalid.push({ ...base, errors, output: output === fixture.input ? null : output });
  }
  new RuleTester().run(`wx-request/${id}`, wxRequest.rules[id]!, { valid, invalid });
}
