/**
 * Runs every plugin fixture through @babel/core 8 (this folder's own install) and the built
 * plugin, and prints one JSON line per fixture: what differs from the fixture's expectations.
 * test/babel8.test.ts starts it with this folder's Node.js 22, which Babel 8 requires.
 */
import type * as BabelCore from '@babel/core';
import { createRequire } from 'node:module';
import { loadFixtures } from '../support/fixtures.js';
import { transformFixture } from '../support/transform.js';

const here = createRequire(import.meta.url);
const babel = here('@babel/core') as typeof BabelCore;
const plugin = (await import('babel-plugin-wx-request')).default;
const resolvePreset = (name: string) => here.resolve(name);

const report = loadFixtures().map((fixture) => {
  const result = transformFixture(babel, plugin, fixture, resolvePreset);
  const problems: string[] = [];
  if (JSON.stringify(result.diagnostics) !== JSON.stringify(fixture.diagnostics)) problems.push(`diagnostics: ${JSON.stringify(result.diagnostics)}`);
  if (fixture.error !== undefined && result.error !== fixture.error) problems.push(`error: ${result.error ?? '(none)'}`);
  if (fixture.output !== undefined && result.code !== fixture.output) problems.push(`output: ${result.code ?? result.error}`);
  return { name: fixture.name, problems };
});
process.stdout.write(`${JSON.stringify({ version: babel.version, report })}\n`);
