// The runtime's size budget (issue 13): each page bundled by esbuild (browser, ESM, minified) from
// the runtime's source, gzipped at level 9. `npm run bench` (bench/size.ts) measures the same pages
// from the package's dist/ export, next to axios, ky and redaxios.
import test from 'ava';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { ourPages } from '../../bench/size.js';
import { ROOT } from '../support/fixtures.js';

// The pages of bench/size.ts (GET only through the lean entry; everything: every export, option
// and listener), importing the runtime's source.
const PAGES = ourPages('./runtime/index.ts', './runtime/lean.ts');
const GET_ONLY = PAGES['GET only'];
const EVERYTHING = PAGES.everything;

async function gzipped(contents: string): Promise<number> {
  const result = await build({ stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'page.js' }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

// Today's sizes plus a little: a change that makes a page larger must say so here.
const CEILING = { getOnly: 2500, everything: 3550 };
// The targets, not met yet (see the README's runtime section): test.failing passes while
// the page is over budget and fails the day it fits, so the ceiling above is then lowered to it.
const BUDGET = { getOnly: 1536, everything: 2048 };

test('no page grows past its ceiling', async (t) => {
  const getOnly = await gzipped(GET_ONLY);
  const everything = await gzipped(EVERYTHING);
  t.log(`GET-only page ${getOnly} B, everything ${everything} B (min+gz)`);
  t.true(getOnly <= CEILING.getOnly, `GET-only page: ${getOnly} B > ${CEILING.getOnly} B`);
  t.true(everything <= CEILING.everything, `everything: ${everything} B > ${CEILING.everything} B`);
});

test.failing('the GET-only page fits 1,536 B and everything 2,048 B (issue 13 budget, not met yet)', async (t) => {
  t.true((await gzipped(GET_ONLY)) <= BUDGET.getOnly);
  t.true((await gzipped(EVERYTHING)) <= BUDGET.everything);
});
