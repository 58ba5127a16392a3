import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './support/fixtures.js';

const leg = path.join(ROOT, 'test/babel8');
const node = path.join(leg, 'node_modules/.bin/node');

test('every fixture gives the same output and diagnostics under @babel/core 8', (t) => {
  t.true(existsSync(node), 'the Babel 8 leg is not installed: run `npm run pretest` (npm test does it first)');
  const stdout = execFileSync(node, ['--import', 'tsx', path.join(leg, 'run-fixtures.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { version, report } = JSON.parse(stdout) as { version: string; report: { name: string; problems: string[] }[] };
  t.regex(version, /^8\./);
  t.true(report.length > 0);
  t.deepEqual(
    report.filter((entry) => entry.problems.length > 0),
    [],
    `fixtures that differ under Babel ${version}`,
  );
});
