import test from 'ava';
import path from 'node:path';
import { FIXTURES } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

/** `wx-request origins` as users run it (the bin entry over dist/, a child process), over the fixture trees. */
const PROJECTS = path.join(FIXTURES, 'projects');

test('text: each origin with its call sites, then the relative and the unknown ones; constants across files with --project', async (t) => {
  const output = await runCli(['origins', '--project', 'tsconfig.json'], path.join(PROJECTS, 'ts-esm'));
  t.is(output.code, 0, output.stderr);
  t.is(
    output.stdout,
    `wx.request: 3 origins, 10 call sites (WeChat's admin console: the request domain list)
  http://localhost:3000
    src/cases/as-const.ts:3:19
  https://api.example.com:8443
    src/cases/imported-const.ts:3:19
    src/cases/re-export.ts:3:19
  https://b.example.com:9000
    src/cases/default-export.ts:3:19
  relative to the page (its own origin): 3 call sites
    src/cases/enum-member.ts:3:19
    src/cases/enum-member.ts:4:19
    src/cases/unknown.ts:5:19
  not known at build time: 3 call sites
    src/cases/helper.ts:3:12  a value not known at build time follows "https://api.example.com" (it could go on with the host)
    src/cases/helper.ts:4:12  a value not known at build time follows "https://api.example.com:81" (it could go on with the host)
    src/cases/unknown.ts:4:19  url not known at build time
13 files read.
`,
  );
});

test('a CommonJS tree: require()d constants, two pages with their own top-level BASE', async (t) => {
  const output = await runCli(['origins', 'js-commonjs'], PROJECTS);
  t.is(output.code, 0, output.stderr);
  for (const line of ['  https://api.example.com:8080\n    js-commonjs/pages/index/index.js:8:23', '  https://api.example.com\n    js-commonjs/pages/detail/detail.js:6:23', '  https://about.example.com:8443\n    js-commonjs/pages/about/about.js:6:23']) {
    t.true(output.stdout.includes(line), output.stdout);
  }
  t.true(output.stdout.includes('js-commonjs/pages/detail/detail.js:7:23  url starts with a value not known at build time'), output.stdout);
});

test('json: the same listing as data; a cross-file project (TypeScript importing CommonJS)', async (t) => {
  const output = await runCli(['origins', '--project', 'mixed/tsconfig.json', '--format', 'json'], PROJECTS);
  t.is(output.code, 0, output.stderr);
  const result = JSON.parse(output.stdout) as { apis: { api: string; origins: { origin: string; sites: { file: string; line: number; column: number }[] }[]; relative: unknown[]; unknown: unknown[] }[]; checkedFiles: number };
  t.deepEqual(result.apis, [
    {
      api: 'request',
      origins: [{ origin: 'http://legacy.example.com:8000', sites: [{ file: 'mixed/legacy/page.js', line: 3, column: 19 }, { file: 'mixed/src/app.ts', line: 5, column: 19 }] }],
      relative: [],
      unknown: [],
    },
  ]);
  t.is(result.checkedFiles, 3);
});

test('nginx and caddy: one block per origin on the dev proxy paths, and a 403 for the rest', async (t) => {
  const nginx = await runCli(['origins', 'mixed', '--format=nginx'], PROJECTS);
  t.is(nginx.code, 0, nginx.stderr);
  t.true(nginx.stdout.includes('location /__wx-request-proxy/http/legacy.example.com:8000/ {\n    proxy_pass http://legacy.example.com:8000/;'), nginx.stdout);
  t.true(nginx.stdout.includes('location /__wx-request-proxy/ {\n    add_header x-wx-request-proxy refused always;\n    return 403;\n}'), nginx.stdout);
  const caddy = await runCli(['origins', 'mixed', '--format', 'caddy'], PROJECTS);
  t.true(caddy.stdout.includes('handle_path /__wx-request-proxy/http/legacy.example.com:8000/* {\n    reverse_proxy http://legacy.example.com:8000 {'), caddy.stdout);
  t.true(caddy.stdout.includes('handle /__wx-request-proxy/* {\n    header x-wx-request-proxy refused\n    respond 403\n}'), caddy.stdout);
});

test('a file that does not parse is named (exit 1); bad usage is one line (exit 2)', async (t) => {
  const broken = await runCli(['origins', 'syntax-error'], PROJECTS);
  t.is(broken.code, 1);
  t.true(broken.stdout.includes('syntax-error/broken.js:1:45  does not parse: its calls could not be read'), broken.stdout);
  t.true(broken.stdout.includes('  https://b.example.com\n    syntax-error/also-good.js:1:19'), broken.stdout);
  const fix = await runCli(['origins', '--fix'], PROJECTS);
  t.is(fix.code, 2);
  t.is(fix.stderr, 'wx-request: unknown option "--fix" for origins. Options: --project, --format, --config, --no-config, --help.\n');
  const format = await runCli(['origins', '--format', 'sarif'], PROJECTS);
  t.is(format.stderr, 'wx-request: --format must be one of text, json, nginx, caddy; got "sarif".\n');
  const missing = await runCli(['origins', 'nothere'], PROJECTS);
  t.is(missing.code, 2);
  t.true(missing.stdout.includes('wx-request: cannot read nothere: no such file or directory'));
  const help = await runCli(['origins', '--help'], PROJECTS);
  t.is(help.code, 0);
  t.true(help.stdout.startsWith('Usage: wx-request origins [paths or globs…] [options]'));
});

test('each API gets its own list: uploadFile and downloadFile have admin console lists of their own', async (t) => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-request-origins-'));
  try {
    writeFileSync(
      path.join(dir, 'network.js'),
      "const API = 'https://api.example.com';\nwx.request({ url: API + '/items' });\nwx.uploadFile({ url: 'https://upload.example.com/avatar', filePath: 'blob:x', name: 'f' });\nwx.downloadFile({ url: 'https://cdn.example.com/a.png' });\n",
    );
    const output = await runCli(['origins', '.'], dir);
    t.is(output.code, 0, output.stderr);
    t.is(
      output.stdout,
      `wx.request: 1 origin, 1 call site (WeChat's admin console: the request domain list)
  https://api.example.com
    network.js:2:19
wx.uploadFile: 1 origin, 1 call site (WeChat's admin console: the uploadFile domain list)
  https://upload.example.com
    network.js:3:22
wx.downloadFile: 1 origin, 1 call site (WeChat's admin console: the downloadFile domain list)
  https://cdn.example.com
    network.js:4:24
1 file read.
`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
