// Every Babel pipeline of the README's First build, from the packed tarball: one project with the
// tools installed (they share babel.config.json and do not interfere), each snippet written as it
// stands in the README, the app built and run against a local server. Serial: the pipelines
// write the same dist/ folder.
import test, { type ExecutionContext } from 'ava';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { assertAppRan, runInNode, writePage } from './support/page.js';
import { createProject, pinned, type Project } from './support/project.js';
import { commands, snippet } from './support/readme-snippets.js';
import { startRecordingServer, type RecordingServer } from './support/recording-server.js';

const TOOLS = [
  '@babel/core', '@babel/cli', '@babel/preset-typescript', '@babel/plugin-transform-modules-commonjs',
  'webpack', 'webpack-cli', 'babel-loader',
  'rollup', '@rollup/plugin-babel', '@rollup/plugin-node-resolve', '@rollup/plugin-commonjs',
  'jest', 'babel-jest', 'vite', 'vite-plugin-babel', 'esbuild',
].map(pinned);

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

let project: Project;

test.before(async () => {
  project = await createProject('babel', TOOLS);
  writePage(project);
  const config = snippet('babel/babel.config.json');
  project.write(config.file, config.text);
});

/** Writes a README snippet into the project under its own file name. */
function writeSnippet(name: string): void {
  const { file, text } = snippet(name);
  project.write(file, text);
}

/** Runs a shell snippet's commands, in order, in the project. */
async function runCommands(name: string, env?: Record<string, string>): Promise<void> {
  for (const [command, ...args] of commands(name)) await project.exec(command!, args, env);
}

async function withServer(body: (server: RecordingServer) => Promise<void>, siteDir?: string): Promise<void> {
  const server = await startRecordingServer(siteDir);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

test.after.always(() => project?.remove());

/**
 * Runs a transformed mini-program script alone in Node (CommonJS, so its require of the runtime
 * gets the one the runner configures; in the app the page configures it) and checks its calls.
 */
async function runBuiltScript(t: ExecutionContext, script: string): Promise<void> {
  await withServer(async (server) => {
    const runner = `globalThis.API_ORIGIN = ${JSON.stringify(server.origin)}; require('babel-plugin-wx-request/runtime').configure({ allowedOrigins: [globalThis.API_ORIGIN] }); require('./${script}')();`;
    await project.exec(process.execPath, ['-e', runner]);
    await assertAppRan(server, t, ['cjs']);
  });
}

test.serial('CI: the GitHub Actions job\'s wx-request check steps pass on the app and write SARIF', async (t) => {
  const steps = [...snippet('ci/wx-request.yml').text.matchAll(/^\s*- run: (.+)$/gm)].map(([, line]) => line!.trim()).filter((line) => line !== 'npm ci');
  t.true(steps.length >= 2, 'the job runs wx-request check');
  for (const step of steps) await project.exec('sh', ['-c', step]);
  const sarif = JSON.parse(readFileSync(path.join(project.dir, 'wx-request.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
  t.is(sarif.version, '2.1.0');
  t.deepEqual(sarif.runs[0]!.results, []);
});

test.serial('Babel CLI: the mini-program script is rewritten to require the runtime and runs', async (t) => {
  await runCommands('babel-cli/build.sh');
  t.regex(readFileSync(path.join(project.dir, 'lib/page.js'), 'utf8'), /from ['"]babel-plugin-wx-request\/runtime['"]/);
  t.regex(readFileSync(path.join(project.dir, 'lib/legacy.js'), 'utf8'), /require\("babel-plugin-wx-request\/runtime(\/lean)?"\)/);
  await runBuiltScript(t, 'lib/legacy.js');
});

test.serial('transformSync: the README script reads babel.config.json and its output runs', async (t) => {
  writeSnippet('transform-sync/transform.cjs');
  const { stdout } = await project.exec(process.execPath, ['transform.cjs']);
  t.regex(stdout, /rewritten: 2/);
  await runBuiltScript(t, 'out/legacy.js');
});

test.serial('webpack 5 + babel-loader: the bundle runs and both files reach the server', async (t) => {
  writeSnippet('babel-loader/webpack.config.js');
  await project.exec('npx', ['webpack']);
  await withServer(async (server) => {
    await runInNode(project, server, 'dist/main.js');
    await assertAppRan(server, t);
  });
});

test.serial('Rollup + @rollup/plugin-babel + node-resolve + commonjs: the bundle runs', async (t) => {
  writeSnippet('rollup/rollup.config.mjs');
  await project.exec('npx', ['rollup', '-c']);
  await withServer(async (server) => {
    await runInNode(project, server, 'dist/main.js');
    await assertAppRan(server, t);
  });
});

test.serial('Jest + babel-jest: the README test and the app run on the CommonJS runtime', async (t) => {
  writeSnippet('jest/items.test.js');
  // The app itself under Jest: its two files and one runtime (configured by the page, used by the script).
  project.write('main.test.ts', `(globalThis as { API_ORIGIN?: string }).API_ORIGIN = process.env['API_ORIGIN'];
require('./src/main');

// Jest runs in another process, so it asks the server what arrived (there is no event to share)
// until both reports are in; the test's own timeout (60 s, not Jest's 5 s) only ends a hang.
test('the app reports back', async () => {
  for (;;) {
    const received = (await (await fetch(\`\${process.env['API_ORIGIN']}/api/_received\`)).json()) as string[];
    if (received.filter((url) => url.startsWith('/api/seen')).length >= 2) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}, 60_000);
`);
  await withServer(async (server) => {
    await project.exec('npx', ['jest', '--ci'], { API_ORIGIN: server.origin });
    await server.waitFor('/api/items', 2); // the README test's GET and the page's POST
    await assertAppRan(server, t);
  });
});

test.serial('Vite + vite-plugin-babel: the built page runs in Chromium', async (t) => {
  writeSnippet('vite/vite.config.mjs');
  writeSnippet('vite/index.html');
  await project.exec('npx', ['vite', 'build', '--logLevel', 'warn']);
  // Chromium has no global wx: a call left unrewritten would throw (a pageerror) and never arrive.
  await withServer(async (server) => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.origin}/`);
      await assertAppRan(server, t);
      t.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  }, path.join(project.dir, 'dist'));
});

test.serial('esbuild via wx-request port: the ported mini-program bundles and runs', async (t) => {
  project.write('miniprogram/app.js', `var api = globalThis.API_ORIGIN;
require('babel-plugin-wx-request/runtime').configure({ allowedOrigins: [api] });
wx.request({ url: api + '/api/ported', method: 'POST', data: { from: 'port' }, success: function (res) {
  wx.request({ url: api + '/api/seen?from=port&status=' + res.statusCode });
} });
`);
  await runCommands('port/build.sh');
  await withServer(async (server) => {
    await runInNode(project, server, 'dist/app.js');
    const [seen] = await server.waitFor('/api/seen', 1);
    t.is(seen!.url, '/api/seen?from=port&status=200');
    const [ported] = await server.waitFor('/api/ported', 1);
    t.deepEqual(JSON.parse(ported!.body), { from: 'port' });
  });
});

