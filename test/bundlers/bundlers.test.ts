// Each bundler plugin as a user gets it: from the packed tarball, configured by the README's
// snippet, building a TypeScript page and a CommonJS mini-program file; the bundle has no live
// wx.request, runs in Chromium against a local API server, maps back to the source lines, and a
// lowercase method fails the build with its position. Watch/dev modes are in watch.test.ts' half
// of this file below (one temp project serves both).
import test from 'ava';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import { execFile } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { WX_REQUEST_LEFT, withoutComments } from '../integration/harness/entry.js';
import { servePage } from './api-server.js';
import { BAD_PAGE, BAD_POSITION, BUNDLERS, COMMONJS_FILE, PAGE, buildCommand, createProject, type Bundler, type Project } from './project.js';
import { watchChecks } from './watch.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let project: Project;
let browser: Browser;

test.before(async () => {
  project = createProject();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

test.after.always(async () => {
  await browser?.close();
  if (!process.env['KEEP_BUNDLER_PROJECT'] && !process.env['BUNDLER_PROJECT']) project?.remove();
});

function run(bundler: Bundler): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, buildCommand(project, bundler), { cwd: project.dir(bundler), env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ ok: !error, output: `${stdout}\n${stderr}` });
    });
  });
}

/** The built JavaScript files of a bundler's dist/ (Vite puts them in dist/assets/). */
function outputFiles(bundler: Bundler): string[] {
  const dist = path.join(project.dir(bundler), 'dist');
  const folder = bundler === 'vite' ? path.join(dist, 'assets') : dist;
  return readdirSync(folder).filter((file) => file.endsWith('.js')).map((file) => path.join(folder, file));
}

/** Where `needle` (a string literal's text) is in the bundle, and where the bundle's map says it came from. */
function traceLiteral(files: string[], needle: string): { source: string | null; line: number | null; column: number | null } | undefined {
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const match = new RegExp(`["'\`]${needle.replace(/[/]/g, '\\/')}`).exec(code);
    if (!match) continue;
    const before = code.slice(0, match.index).split('\n');
    const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
    return originalPositionFor(map, { line: before.length, column: (before.at(-1) ?? '').length });
  }
  return undefined;
}

/** 1-based line and 0-based column of a literal in a source text (what a source map records). */
function positionIn(source: string, needle: string): { line: number; column: number } {
  const at = source.search(new RegExp(`['"]${needle.replace(/[/]/g, '\\/')}`));
  const before = source.slice(0, at).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length };
}

async function runInChromium(bundler: Bundler) {
  const dist = path.join(project.dir(bundler), 'dist');
  if (bundler !== 'vite') writeFileSync(path.join(dist, 'index.html'), '<!doctype html>\n<html><body><script type="module" src="./main.js"></script></body></html>\n');
  const server = await servePage(dist);
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-items][data-saved]', { state: 'attached', timeout: 15_000 }).catch(() => undefined);
    return { errors, items: await page.getAttribute('body', 'data-items'), saved: await page.getAttribute('body', 'data-saved'), received: server.received };
  } finally {
    await page.close();
    await server.close();
  }
}

for (const bundler of BUNDLERS) {
  test.serial(`${bundler}: the README config builds a TypeScript page and a CommonJS file that run in Chromium, with source maps to the source lines`, async (t) => {
    const started = Date.now();
    const built = await run(bundler);
    t.true(built.ok, built.output);
    const files = outputFiles(bundler);
    const code = files.map((file) => readFileSync(file, 'utf8')).join('\n');
    t.notRegex(withoutComments(code), WX_REQUEST_LEFT, 'no live wx.request is left');
    t.regex(code, /api\/save/, 'the CommonJS file is in the bundle');

    const result = await runInChromium(bundler);
    t.deepEqual(result.errors, [], 'the page throws nothing (there is no wx global at all)');
    t.is(result.items, 'Green tea,Oolong', 'the GET succeeded and the page showed its result');
    t.is(result.saved, 'true', 'the POST of the CommonJS file succeeded');
    const get = result.received.find((entry) => entry.method === 'GET');
    t.is(get?.url, '/api/items?q=tea', 'GET data went to the query string');
    const post = result.received.find((entry) => entry.method === 'POST');
    t.is(post?.url, '/api/save');
    t.is(post?.contentType, 'application/json');
    t.deepEqual(JSON.parse(post?.body ?? 'null'), { name: 'latte' });
    t.is(result.received.length, 2);

    // The map chains our edits with the bundler's own: a literal of each rewritten call maps back
    // to its line and column in the file as written.
    const tea = traceLiteral(files, 'tea');
    t.truthy(tea?.source?.endsWith('src/main.ts'), `source ${tea?.source}`);
    t.like(tea, positionIn(PAGE, 'tea'), 'the rewritten call of the TypeScript page');
    const save = traceLiteral(files, '/api/save');
    t.truthy(save?.source?.endsWith('src/utils/api.js'), `source ${save?.source}`);
    t.like(save, positionIn(COMMONJS_FILE, '/api/save'), 'the rewritten call of the CommonJS file');
    t.log(`${bundler}: built and run in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  test.serial(`${bundler}: a lowercase method fails the build with file:line:column, the rule id and a code frame`, async (t) => {
    const file = path.join(project.dir(bundler), 'src/main.ts');
    writeFileSync(file, BAD_PAGE);
    try {
      const built = await run(bundler);
      t.false(built.ok, 'the build fails');
      t.true(built.output.includes(`${BAD_POSITION}  error  method "post" is not uppercase`), built.output);
      t.true(built.output.includes('method-uppercase'));
      t.regex(built.output, /> 4 \| {3}wx\.request\(\{ url: BASE \+ '\/items', method: 'post' \}\);/, 'with the code frame');
    } finally {
      writeFileSync(file, PAGE);
    }
  });
}

watchChecks(test, () => project, () => browser);
