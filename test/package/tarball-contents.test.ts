// What `npm pack` of a clean copy ships: everything the exports map, the bin and the types name,
// the LICENSE, and no source map (they would point at .ts files that are not shipped).
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { packedTarball } from './support/tarball.js';
import { ROOT } from '../support/fixtures.js';
import path from 'node:path';

type Target = string | { [condition: string]: Target };

function targets(value: Target): string[] {
  return typeof value === 'string' ? [value] : Object.values(value).flatMap(targets);
}

test('the tarball holds every file package.json names, a LICENSE, and no source maps', async (t) => {
  const tarball = await packedTarball();
  const files = new Set(execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean).map((entry) => entry.replace(/^package\//, '')));
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { exports: Record<string, Target>; bin: Record<string, string>; main: string; types: string };
  const named = [...Object.values(manifest.exports).flatMap(targets), ...Object.values(manifest.bin), manifest.main, manifest.types].map((file) => file.replace(/^\.\//, ''));
  t.deepEqual(named.filter((file) => !files.has(file)), [], 'named by package.json but not shipped');
  t.true(files.has('LICENSE'));
  t.true(files.has('dist/cjs/package.json'));
  t.deepEqual([...files].filter((file) => file.endsWith('.map')), []);
  t.deepEqual([...files].filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts')), [], 'no TypeScript sources');
  t.log(`${path.basename(tarball)}: ${files.size} files, ${(statSync(tarball).size / 1024).toFixed(1)} kB packed`);
});

test('the CommonJS build is CommonJS to Node and loads without the ES module build', (t) => {
  t.deepEqual(JSON.parse(readFileSync(path.join(ROOT, 'dist/cjs/package.json'), 'utf8')), { type: 'commonjs' });
});
