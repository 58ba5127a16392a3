// One temporary project for every bundler test: the package as `npm pack` makes it, installed with
// each bundler at the version the repository pins, and one folder per bundler inside it (they
// find node_modules one level up, as a workspace would) holding that bundler's README snippet as
// its config file, a TypeScript page and a CommonJS mini-program file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/fixtures.js';

export const BUNDLERS = ['vite', 'rollup', 'rolldown', 'webpack', 'rspack', 'esbuild'] as const;
export type Bundler = (typeof BUNDLERS)[number];

export const CONFIG_FILES: Record<Bundler, string> = {
  vite: 'vite.config.mjs',
  rollup: 'rollup.config.mjs',
  rolldown: 'rolldown.config.mjs',
  webpack: 'webpack.config.js',
  rspack: 'rspack.config.js',
  esbuild: 'esbuild.config.mjs',
};

/** What the temp project installs besides our tarball, each at the version installed here. */
const PACKAGES = ['vite', 'rollup', '@rollup/plugin-commonjs', '@rollup/plugin-babel', '@babel/core', '@babel/preset-typescript', 'rolldown', 'webpack', 'babel-loader', '@rspack/core', 'esbuild'];

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The code block after `<!-- snippet: <file> -->` in the README. */
export function readmeSnippet(file: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const marker = `<!-- snippet: ${file} -->`;
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README.md has no ${marker}`);
  const block = /```[a-z]*\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block?.[1]) throw new Error(`README.md has no code block after ${marker}`);
  return block[1];
}

export const PAGE = `import { configure } from 'babel-plugin-wx-request/runtime';
import api from './utils/api.js';

interface Item {
  id: number;
  name: string;
}

// The API runs on this page's own origin, on a port: allowed here, as a real app lists its origins.
configure({ allowedOrigins: [location.origin] });

function show(items: Item[]): void {
  document.body.dataset['items'] = items.map((item) => item.name).join(',');
}

wx.request({ url: location.origin + '/api/items', data: { q: 'tea' }, success: (res) => show(res.data as Item[]) });
api.save({ name: 'latte' }, () => {
  document.body.dataset['saved'] = 'true';
});
`;

/** The mini-program helper, CommonJS as mini-programs write them. */
export const COMMONJS_FILE = `// Saves an item (a mini-program helper module).
function save(item, done) {
  wx.request({
    url: location.origin + '/api/save',
    method: 'POST',
    data: item,
    success: () => done(),
  });
}

module.exports = { save };
`;

export const BAD_PAGE = `const BASE = 'https://api.example.com';

export function load(): void {
  wx.request({ url: BASE + '/items', method: 'post' });
}
load();
`;
/** Where BAD_PAGE's mistake is (1-based), as the plugin reports it. */
export const BAD_POSITION = 'src/main.ts:4:46';

export const VITE_HTML = '<!doctype html>\n<html><body><script type="module" src="/src/main.ts"></script></body></html>\n';

/** Runs a bundler's own build for the webpack-likes, which have no CLI installed here: the config file, as their CLIs load it. */
const RUN_WEBPACK = `const path = require('node:path');
const name = process.argv[2];
const bundler = require(name === 'webpack' ? 'webpack' : '@rspack/core');
const config = require(path.resolve(name + '.config.js'));
bundler(config, (error, stats) => {
  if (error) { console.error(error); process.exit(1); }
  const text = stats.toString({ all: false, errors: true, warnings: true, colors: false });
  if (stats.hasErrors()) { console.error(text); process.exit(1); }
  console.log(text);
});
`;

export interface Project {
  root: string;
  dir(bundler: Bundler): string;
  /** node_modules/<name>/<file>, as the project installed it. */
  module(name: string, file?: string): string;
  remove(): void;
}

export function writeSources(dir: string, page = PAGE): void {
  mkdirSync(path.join(dir, 'src/utils'), { recursive: true });
  writeFileSync(path.join(dir, 'src/main.ts'), page);
  writeFileSync(path.join(dir, 'src/utils/api.js'), COMMONJS_FILE);
}

/** The project's paths; `remove` deletes it. */
function projectAt(root: string): Project {
  return {
    root,
    dir: (bundler) => path.join(root, bundler),
    module: (name, file = '') => path.join(root, 'node_modules', name, file),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Packs, installs and lays out the project; BUNDLER_PROJECT=<folder> reuses one kept with KEEP_BUNDLER_PROJECT=1 (while working on these tests). */
export function createProject(): Project {
  const reuse = process.env['BUNDLER_PROJECT'];
  if (reuse) return projectAt(reuse);
  const root = mkdtempSync(path.join(tmpdir(), 'wx-request-bundlers-'));
  // The tarball as published (dist/ is built by `npm test` before the tests run).
  execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(root).find((file) => file.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack made no tarball');
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'wx-request-bundlers-test', private: true }));
  const packages = PACKAGES.map((name) => `${name}@${installedVersion(name)}`);
  execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`, ...packages], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  writeFileSync(path.join(root, 'run-webpack.cjs'), RUN_WEBPACK);
  for (const bundler of BUNDLERS) {
    const dir = path.join(root, bundler);
    writeSources(dir);
    writeFileSync(path.join(dir, CONFIG_FILES[bundler]), readmeSnippet(CONFIG_FILES[bundler]));
    if (bundler === 'vite') writeFileSync(path.join(dir, 'index.html'), VITE_HTML);
  }
  return projectAt(root);
}

/** The command that builds a bundler's folder with its config file. */
export function buildCommand(project: Project, bundler: Bundler): string[] {
  switch (bundler) {
    case 'vite':
      return [project.module('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn'];
    case 'rollup':
      return [project.module('rollup', 'dist/bin/rollup'), '-c', CONFIG_FILES.rollup, '--silent'];
    case 'rolldown':
      return [project.module('rolldown', 'bin/cli.mjs'), '-c', CONFIG_FILES.rolldown];
    case 'webpack':
    case 'rspack':
      return [path.join(project.root, 'run-webpack.cjs'), bundler];
    case 'esbuild':
      return [CONFIG_FILES.esbuild];
  }
}
