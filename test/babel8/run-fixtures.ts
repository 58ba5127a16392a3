/**
 * Runs every plugin fixture through @babel/core 8 (this folder's own install) and the built
 * plugin, and prints one JSON line per fixture: what differs from the fixture's expectations.
 * test/babel8.test.ts starts it with this folder's Node.js 22, which Babel 8 requires.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadFixtures } from '../support/fixtures.js';
import { transformFixture } from '../support/transform.js';

const here = createRequire(import.meta.url);
// Typed as the root's Babel 7 API: the fixture runner uses only what both versions share.
const babel = here('@babel/core') as Parameters<typeof transformFixture>[0];
const plugin = (await import('babel-plugin-wx-request')).default;
const resolvePreset = (name: string) => here.resolve(name);

// UPDATE_FIXTURES=1 writes output.babel8.* where Babel 8's presets print differently; review it.
const update = process.env['UPDATE_FIXTURES'] === '1';

const report = loadFixtures().map((input) => {
  const fixture = input.options.babel8 ? { ...input, options: { ...input.options, babel: input.options.babel8 } } : input;
  const result = transformFixture(babel, plugin, fixture, resolvePreset);
  const expected = fixture.outputBabel8 ?? fixture.output;
  if (update && expected !== undefined && result.code !== undefined && result.code !== expected) writeFileSync(fixture.outputBabel8File, result.code);
  const problems: string[] = [];
  if (JSON.stringify(result.diagnostics) !== JSON.stringify(fixture.diagnostics)) problems.push(`diagnostics: ${JSON.stringify(result.diagnostics)}`);
  if (fixture.error !== undefined && result.error !== fixture.error) problems.push(`error: ${result.error ?? '(none)'}`);
  if (expected !== undefined && result.code !== expected) problems.push(`output: ${result.code ?? result.error}`);
  return { name: fixture.name, problems };
});
process.stdout.write(`${JSON.stringify({ version: babel.version, report })}\n`);
