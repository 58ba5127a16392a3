// Real mini-program code that npm installs (devDependencies, so `npm ci` brings it and nothing of it
// is committed): a shop's platform SDK, an HTTP client's wx build, an axios adapter, and two
// component libraries (hundreds of files calling other wx APIs). The benchmarks judge the plugin,
// ESLint and the bundlers on it beside the generated code base; the fuzzer's tests read it too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { mayReferenceRequest } from '../plugin/core/quick-check.js';
import { ROOT } from './load.js';

/** Each package and the folder of it that a mini-program uses (its package.json "miniprogram" field, or the wx build). */
const SHIPPED: Record<string, string> = {
  'apifm-wxapi': 'miniprogram_dist',
  flyio: 'dist/npm',
  'axios-miniprogram-adapter': 'dist/miniprogram',
  '@vant/weapp': 'lib',
  'tdesign-miniprogram': 'miniprogram_dist',
};
export const REAL_PACKAGES = Object.keys(SHIPPED);

function sources(folder: string, found: string[]): void {
  for (const name of readdirSync(folder)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const file = path.join(folder, name);
    if (statSync(file).isDirectory()) sources(file, found);
    else if (/\.[cm]?[jt]s$/.test(name) && !name.endsWith('.d.ts')) found.push(file);
  }
}

/** Every JavaScript source file of the real packages (`all`), and those the quick check lets through to a front end (`files`). */
export function realPackageFiles(): { packages: string[]; all: string[]; files: string[] } {
  const all: string[] = [];
  for (const name of REAL_PACKAGES) sources(path.join(ROOT, 'node_modules', name, SHIPPED[name]!), all);
  const files = all.filter((file) => mayReferenceRequest(readFileSync(file, 'utf8'), ['wx']));
  return { packages: REAL_PACKAGES, all, files };
}
