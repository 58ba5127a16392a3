// Watch and dev modes, with the bundlers and plugins installed in the temp project: each picks up
// an edit that breaks a rule (the error names the position) and the edit that fixes it.
import type { TestFn } from 'ava';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { WX_REQUEST_LEFT, withoutComments } from '../integration/harness/entry.js';
import { BAD_PAGE, PAGE, type Project } from './project.js';

/** Line and column of BAD_PAGE's mistake; the path before it is absolute here (the test runs elsewhere). */
const BAD_AT = 'main.ts:4:46';

// The bundlers' APIs as the temp project installed them; typed loosely, as each is used in one place.
type Any = any;

const load = (file: string): Promise<Any> => import(pathToFileURL(file).href);

async function until<T>(what: string, check: () => Promise<T | undefined>, timeout = 20_000): Promise<T> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Collects what a watcher reports, in order, so a test can wait for the next one. */
function queue<T>() {
  const items: T[] = [];
  return {
    push: (item: T) => void items.push(item),
    next: (what: string) => until(what, async () => items.shift()),
  };
}

export function watchChecks(test: TestFn, getProject: () => Project, getBrowser: () => Browser): void {
  test.serial('Vite dev server: serves the rewritten page, shows a rule error in its overlay, and serves the page again once fixed', async (t) => {
    const project = getProject();
    const dir = project.dir('vite');
    const file = path.join(dir, 'src/main.ts');
    const vite = await load(project.module('vite', 'dist/node/index.js'));
    const server = await vite.createServer({ root: dir, configFile: path.join(dir, 'vite.config.mjs'), logLevel: 'silent', server: { host: '127.0.0.1', port: 0 } });
    await server.listen();
    const origin = String(server.resolvedUrls.local[0]).replace(/\/$/, '');
    const page = await getBrowser().newPage();
    try {
      // A request the dev server leaves hanging (while its optimizer reloads) is retried.
      const fetchPage = async () => {
        const response = await fetch(`${origin}/src/main.ts`, { signal: AbortSignal.timeout(5_000) });
        return { status: response.status, text: await response.text() };
      };
      const first = await fetchPage();
      t.is(first.status, 200);
      t.notRegex(withoutComments(first.text), WX_REQUEST_LEFT);
      t.regex(first.text, /\/node_modules\/\.vite\/deps\/babel-plugin-wx-request_runtime_lean\.js/, 'the runtime import resolves to the copy the optimizer pre-bundled, the one the dependencies share');

      writeFileSync(file, BAD_PAGE);
      const broken = await until('the dev server to see the broken file', async () => {
        const response = await fetchPage().catch(() => undefined);
        return response?.status === 500 ? response : undefined;
      });
      t.true(broken.text.includes(BAD_AT) && broken.text.includes('method-uppercase'), broken.text);
      await page.goto(`${origin}/`);
      const overlay = await until('the error overlay', async () => {
        const text = await page.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '').catch(() => '');
        return text.includes('method-uppercase') ? text : undefined;
      });
      t.true(overlay.includes(BAD_AT), overlay);
      // Closed before the fix: its client would reload it and hold the server's socket open.
      await page.close();

      writeFileSync(file, PAGE);
      const fixed = await until('the dev server to serve the fixed file', async () => {
        const response = await fetchPage().catch(() => undefined);
        return response?.status === 200 ? response : undefined;
      });
      t.notRegex(withoutComments(fixed.text), WX_REQUEST_LEFT);
    } finally {
      writeFileSync(file, PAGE);
      if (!page.isClosed()) await page.close();
      await server.close();
    }
  });

  test.serial('Rollup watch: rebuilds on an edit, reports the rule error, and builds again once fixed', async (t) => {
    const project = getProject();
    const dir = project.dir('rollup');
    const file = path.join(dir, 'src/main.ts');
    const rollup = await load(project.module('rollup', 'dist/es/rollup.js'));
    const config = (await load(path.join(dir, 'rollup.config.mjs'))).default;
    const events = queue<Any>();
    const watcher = rollup.watch({ ...config, input: path.join(dir, config.input), output: { ...config.output, dir: path.join(dir, 'dist-watch') }, watch: { buildDelay: 50 } });
    watcher.on('event', (event: Any) => {
      if (event.result) event.result.close();
      if (event.code === 'END' || event.code === 'ERROR') events.push(event);
    });
    try {
      t.is((await events.next('the first build')).code, 'END');
      writeFileSync(file, BAD_PAGE);
      const failed = await events.next('the rebuild of the broken file');
      t.is(failed.code, 'ERROR');
      t.true(String(failed.error.message).includes('method-uppercase') && String(failed.error.frame).includes("method: 'post'"), failed.error.message);
      t.true(String(failed.error.id).endsWith('src/main.ts'));
      writeFileSync(file, PAGE);
      t.is((await events.next('the rebuild of the fixed file')).code, 'END');
    } finally {
      writeFileSync(file, PAGE);
      await watcher.close();
    }
  });

  test.serial('webpack watch: rebuilds on an edit, reports the rule error, and builds again once fixed', async (t) => {
    const project = getProject();
    const dir = project.dir('webpack');
    const file = path.join(dir, 'src/main.ts');
    const require = createRequire(path.join(dir, 'noop.js'));
    const webpack = require('webpack') as Any;
    const config = require(path.join(dir, 'webpack.config.js')) as Any;
    const results = queue<Any>();
    const compiler = webpack({ ...config, context: dir, output: { path: path.join(dir, 'dist-watch') } });
    const watching = compiler.watch({ aggregateTimeout: 50 }, (error: unknown, stats: Any) => results.push(error ?? stats));
    try {
      t.false((await results.next('the first build')).hasErrors());
      writeFileSync(file, BAD_PAGE);
      const failed = await results.next('the rebuild of the broken file');
      const text = failed.toString({ all: false, errors: true, colors: false });
      t.true(failed.hasErrors() && text.includes(BAD_AT) && text.includes('method-uppercase'), text);
      writeFileSync(file, PAGE);
      t.false((await results.next('the rebuild of the fixed file')).hasErrors());
    } finally {
      writeFileSync(file, PAGE);
      await new Promise((resolve) => watching.close(resolve));
    }
  });

  test.serial('esbuild context: a rebuild picks up the broken file and then the fixed one', async (t) => {
    const project = getProject();
    const dir = project.dir('esbuild');
    const file = path.join(dir, 'src/main.ts');
    const require = createRequire(path.join(dir, 'noop.js'));
    const esbuild = require('esbuild') as Any;
    const wxRequest = (await load(project.module('babel-plugin-wx-request', 'dist/plugin/bundler/esbuild.js'))).default;
    const context = await esbuild.context({ absWorkingDir: dir, entryPoints: ['src/main.ts'], bundle: true, write: false, logLevel: 'silent', plugins: [wxRequest()] });
    try {
      const first = await context.rebuild();
      t.notRegex(withoutComments(first.outputFiles[0].text), WX_REQUEST_LEFT);
      writeFileSync(file, BAD_PAGE);
      const error = await t.throwsAsync(() => context.rebuild());
      t.true(error?.message.includes(BAD_AT) && error.message.includes('method-uppercase'), error?.message);
      writeFileSync(file, PAGE);
      const fixed = await context.rebuild();
      t.notRegex(withoutComments(fixed.outputFiles[0].text), WX_REQUEST_LEFT);
    } finally {
      writeFileSync(file, PAGE);
      await context.dispose();
    }
  });
}
