// A generated node_modules for the bundler benchmark: what a real mini-program's lock file brings.
// EastWorld/wechat-app-mall's and similar apps' lock files hold a few hundred packages, of which a
// handful call wx.request (the platform SDK, an HTTP client's wx build, an axios adapter); a few
// more use other wx APIs (storage, toasts), and the rest are ordinary libraries. Seeded, CommonJS
// (as published mini-program packages are), each package's main requiring its other files, so a
// bundler bundles every file.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rng } from '../scripts/seeded-random.js';

export interface DependencyTree {
  /** The folder holding node_modules/ (an app's root). */
  root: string;
  /** The package names, each importable from `root`. */
  packages: string[];
  fileCount: number;
  byteCount: number;
  /** Files that call wx.request, and the packages they are in. */
  requestFiles: number;
  requestPackages: number;
  describe: string;
}

const PACKAGES = 300;
/** Packages whose code calls wx.request, and those that use other wx APIs only. */
const REQUEST_PACKAGES = 5;
const OTHER_WX_PACKAGES = 12;


/** One library function, of the kinds libraries are made of: loops, objects, strings, a regex. */
function libraryFunction(name: string, next: () => number): string {
  const size = 3 + Math.floor(next() * 8);
  const body: string[] = [];
  for (let line = 0; line < size; line++) {
    switch (Math.floor(next() * 5)) {
      case 0:
        body.push(`  for (var i${line} = 0; i${line} < list.length; i${line}++) { if (list[i${line}] && list[i${line}].id === key) { result.push(list[i${line}]); } }`);
        break;
      case 1:
        body.push(`  var options${line} = { key: key, size: ${Math.floor(next() * 100)}, label: 'item-' + key, flags: [${line}, ${line + 1}] };`);
        break;
      case 2:
        body.push(`  if (typeof key === 'string' && /^[a-z]+-\\d+$/i.test(key)) { key = key.replace(/-/g, '_').toLowerCase(); }`);
        break;
      case 3:
        body.push(`  result = result.concat(Object.keys(list).map(function (k) { return list[k] + ${line}; }));`);
        break;
      default:
        body.push(`  var text${line} = 'value: ' + JSON.stringify(result) + ' / ' + String(key).length;`);
    }
  }
  return `function ${name}(list, key) {\n  var result = [];\n${body.join('\n')}\n  return result;\n}\n`;
}

/** A file of an SDK that calls wx.request, in the shape published SDKs have (a promise around the call). */
function requestFile(pkg: string, index: number): string {
  return `var BASE_URL = 'https://api.${pkg}.example.com';

function request(url, method, data) {
  return new Promise(function (resolve, reject) {
    wx.request({
      url: BASE_URL + url,
      method: method,
      data: data,
      header: { 'Content-Type': 'application/x-www-form-urlencoded' },
      success: function (res) { resolve(res.data); },
      fail: function (error) { reject(error); },
    });
  });
}

module.exports = {
  list${index}: function (data) { return request('/list', 'get', data); },
  save${index}: function (data) { return request('/save', 'post', data); },
};
`;
}

function otherWxFile(index: number): string {
  return `function remember${index}(key, value) {
  wx.setStorageSync(key, value);
  wx.showToast({ title: 'saved' });
  return wx.getStorageSync(key);
}

module.exports = { remember${index}: remember${index} };
`;
}

/**
 * Writes the tree into a folder of the OS temp directory (rewritten only when the generator's
 * output changed) and returns it.
 */
export function writeDependencies(seed = 20260101): DependencyTree {
  const root = path.join(os.tmpdir(), `wx-request-bench-dependencies-${seed}`);
  const next = rng(seed);
  const files = new Map<string, string>();
  const packages: string[] = [];
  let requestFiles = 0;
  for (let index = 0; index < PACKAGES; index++) {
    const name = index % 9 === 0 ? `@vendor/lib-${index}` : `lib-${index}`;
    packages.push(name);
    const count = 2 + Math.floor(next() * next() * 30); // most packages small, a few large
    const calls = index < REQUEST_PACKAGES;
    const usesWx = !calls && index < REQUEST_PACKAGES + OTHER_WX_PACKAGES;
    const requires: string[] = [];
    for (let file = 1; file < count; file++) {
      const relative = `lib/part-${file}.js`;
      let text: string;
      if (calls && file <= 1 + (index % 2)) {
        text = requestFile(`p${index}`, file);
        requestFiles += 1;
      } else if (usesWx && file === 1) text = otherWxFile(file);
      else {
        const functions = Array.from({ length: 2 + Math.floor(next() * 6) }, (_, at) => libraryFunction(`f${file}_${at}`, next));
        text = `'use strict';\n\n${functions.join('\n')}\nmodule.exports = { ${functions.map((_, at) => `f${file}_${at}: f${file}_${at}`).join(', ')} };\n`;
      }
      files.set(path.join('node_modules', name, relative), text);
      requires.push(`  part${file}: require('./${relative}'),`);
    }
    files.set(path.join('node_modules', name, 'package.json'), JSON.stringify({ name, version: `1.${index % 7}.${index % 11}`, main: 'index.js' }));
    files.set(path.join('node_modules', name, 'index.js'), `'use strict';\n\nmodule.exports = {\n${requires.join('\n')}\n};\n`);
  }
  const byteCount = [...files.values()].reduce((n, text) => n + Buffer.byteLength(text), 0);
  const stamp = path.join(root, 'stamp.json');
  const digest = JSON.stringify({ v: 1, seed, files: files.size, byteCount });
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === digest)) {
    rmSync(root, { recursive: true, force: true });
    for (const [relative, text] of files) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    }
    writeFileSync(stamp, digest);
  }
  const sourceFiles = [...files.keys()].filter((file) => file.endsWith('.js')).length;
  return {
    root,
    packages,
    fileCount: sourceFiles,
    byteCount,
    requestFiles,
    requestPackages: REQUEST_PACKAGES,
    describe: `${PACKAGES} packages (${sourceFiles} CommonJS files, ${(byteCount / 1024).toFixed(0)} KiB), ${REQUEST_PACKAGES} of them with ${requestFiles} files calling wx.request, ${OTHER_WX_PACKAGES} using other wx APIs only`,
  };
}
