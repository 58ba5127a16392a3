import test from 'ava';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withRules } from '../scripts/rule-docs.js';
import { RULE_IDS } from '../plugin/core/rules/index.js';
import { ROOT } from './support/fixtures.js';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

test('the README starts with the two commands a newcomer needs', (t) => {
  const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  t.regex(firstBlock, /^npm ci && npm start\b/m);
  t.regex(firstBlock, /^npm test\b/m);
});

test('the README rules section is generated from the rules (run `npm run docs` after changing one)', (t) => {
  t.is(readme, withRules(readme));
});

test('the README documents every rule and every option', (t) => {
  for (const id of RULE_IDS) t.regex(readme, new RegExp(`### ${id}\\n`));
  for (const option of ['rules', 'allowedOrigins', 'globals', 'runtime', 'onDiagnostic']) t.regex(readme, new RegExp(`\\| \`${option}\` \\|`));
});
