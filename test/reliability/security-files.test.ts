// `wx-request port` and `wx-request check` touch only what they are given: port reads only inside
// its input (no symbolic link out of it is followed) and writes only inside --out-dir; the checker
// reads only inside the paths it is given. test/port.test.ts covers a symlinked file; here:
// symlinked directories, `..` in paths and in names, and links planted in the output directory.
import test from 'ava';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { STACK, tempDir, wxRequestHere } from './support/cli.js';

const CALL = "wx.request({ url: 'https://a.com/' });\n";
const SECRET = "wx.request({ url: 'https://secret.example:8080/' });\n";

/** Every entry under `root` (links not followed) with its content: a before/after picture. */
function snapshot(root: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const absolute = path.join(directory, name);
      const relative = path.relative(root, absolute);
      const stats = lstatSync(absolute);
      if (stats.isSymbolicLink()) entries[relative] = `-> ${readlinkSync(absolute)}`;
      else if (stats.isDirectory()) {
        entries[relative] = 'dir';
        visit(absolute);
      } else entries[relative] = readFileSync(absolute, 'utf8');
    }
  };
  visit(root);
  return entries;
}

/** A workspace: `src/` (the input, with a.js), `outside/` (must never be read or written). */
function workspace(): { root: string; src: string; outside: string } {
  const root = tempDir('sec');
  const src = path.join(root, 'src');
  const outside = path.join(root, 'outside');
  mkdirSync(path.join(src, 'pages'), { recursive: true });
  mkdirSync(path.join(outside, 'dir'), { recursive: true });
  writeFileSync(path.join(src, 'a.js'), CALL);
  writeFileSync(path.join(src, 'pages/p.js'), CALL);
  writeFileSync(path.join(outside, 'secret.js'), SECRET);
  writeFileSync(path.join(outside, 'dir/s2.js'), SECRET);
  return { root, src, outside };
}

// ---------- port ----------

test('port: symlinked directories out of the input (absolute, relative with ..) are not followed', async (t) => {
  const { root, src, outside } = workspace();
  symlinkSync(path.join(outside, 'dir'), path.join(src, 'linked-dir'));
  symlinkSync('../../outside', path.join(src, 'pages/up'));
  symlinkSync('..', path.join(src, 'parent'));
  const before = snapshot(root);
  const result = await wxRequestHere(['port', 'src', '--out-dir', 'web'], { cwd: root });
  t.is(result.code, 0, result.stdout + result.stderr);
  const written = snapshot(path.join(root, 'web'));
  t.deepEqual(Object.keys(written).filter((name) => !name.endsWith('.map')).sort(), ['a.js', 'pages', 'pages/p.js']);
  t.false(JSON.stringify(written).includes('secret.example'), 'nothing from outside/ was read into the output');
  t.regex(result.stderr, /linked-dir is a symbolic link out of \S*src; not followed/);
  t.regex(result.stderr, /pages\/up is a symbolic link out of \S*src; not followed/);
  const after = snapshot(root);
  for (const name of Object.keys(after)) if (!name.startsWith('web')) t.is(after[name], before[name], `${name} unchanged`);
  t.notRegex(result.stdout + result.stderr, STACK);
});

test('port: paths with .. segments resolve, and nothing is written outside --out-dir', async (t) => {
  const { root } = workspace();
  mkdirSync(path.join(root, 'x'));
  const before = snapshot(root);
  const result = await wxRequestHere(['port', 'src/../src/./', '--out-dir', 'x/../web'], { cwd: root });
  t.is(result.code, 0, result.stdout + result.stderr);
  const after = snapshot(root);
  const changed = Object.keys(after).filter((name) => after[name] !== before[name]);
  t.true(changed.length > 0);
  t.deepEqual(changed.filter((name) => name !== 'web' && !name.startsWith(`web${path.sep}`)), [], 'every new or changed entry is inside web/');
  t.regex(after[path.join('web', 'a.js')] ?? '', /_wx\.request\(/);
});

test('port: an output directory inside the input, written with .., is refused', async (t) => {
  const { root } = workspace();
  const result = await wxRequestHere(['port', 'src', '--out-dir', 'web/../src/out'], { cwd: root });
  t.is(result.code, 2);
  t.regex(result.stderr, /the output directory .* is inside the input .*; choose a directory outside it/);
});

// BUG port-outdir-dotdot-name: cli/port/options.ts `isInside` tests `relative.startsWith('..')`,
// so a folder of the input whose name starts with two dots (`src/..web`, `src/...`) counts as
// outside: `port src --out-dir src/..web` is accepted and writes into its own input. (walk.ts has
// the same helper: a link to `<root>/..dir/x.js` is wrongly skipped as "out of" the tree.)
// Fix: `relative === '..' || relative.startsWith('..' + path.sep)`.
test('BUG port-outdir-dotdot-name: --out-dir src/..web (inside the input) is refused', async (t) => {
  const { root } = workspace();
  const result = await wxRequestHere(['port', 'src', '--out-dir', 'src/..web'], { cwd: root });
  t.is(result.code, 2, result.stdout);
  t.regex(result.stderr, /is inside the input/);
});

// BUG port-outdir-symlink-into-input: cli/port/options.ts compares path.resolve()d paths, not
// real paths, so an --out-dir that is a symbolic link to the input (or to a folder in it) passes
// the "not inside the input" check, and port then overwrites the user's own sources with their
// ported versions (a.js rewritten in place, a.js.map added next to it).
test('BUG port-outdir-symlink-into-input: an --out-dir that links into the input is refused, the sources stay', async (t) => {
  const { root, src } = workspace();
  symlinkSync('src', path.join(root, 'web-link'));
  const result = await wxRequestHere(['port', 'src', '--out-dir', 'web-link'], { cwd: root });
  t.is(readFileSync(path.join(src, 'a.js'), 'utf8'), CALL, 'the input a.js was overwritten');
  t.is(result.code, 2);
});

// BUG port-writes-through-outdir-links: cli/port/run.ts writes with writeFileSync/copyFileSync
// and mkdirSync({ recursive }) which follow symbolic links already present in --out-dir: a
// leftover or planted `web/a.js -> ../outside/victim.js` makes port overwrite victim.js, and
// `web/pages -> ../outside` makes it write outside/p.js. Expected: never write through a link
// (replace the link, or refuse with a message).
test('BUG port-writes-through-outdir-links: links planted in --out-dir are not written through', async (t) => {
  const { root, outside } = workspace();
  mkdirSync(path.join(root, 'web'));
  writeFileSync(path.join(outside, 'victim.js'), 'VICTIM\n');
  symlinkSync(path.join(outside, 'victim.js'), path.join(root, 'web/a.js'));
  symlinkSync(outside, path.join(root, 'web/pages'));
  const before = snapshot(outside);
  await wxRequestHere(['port', 'src', '--out-dir', 'web'], { cwd: root });
  t.deepEqual(snapshot(outside), before, 'outside/ was written through a link in web/');
});

// ---------- check ----------

test('check: the files it is given are read, a secret outside is not mentioned without a link', async (t) => {
  const { root } = workspace();
  const result = await wxRequestHere(['check', 'src'], { cwd: root });
  t.is(result.code, 0, result.stdout + result.stderr);
  t.notRegex(result.stdout, /secret/);
});

// BUG check-follows-symlinks: the checker's file collection (checker/check.ts) follows symbolic
// links while walking a directory: `check src` with src/link.js -> ../outside/secret.js,
// src/linked-dir -> ../outside/dir or src/up -> .. reads and reports files outside src
// ("src/linked-dir/s2.js:1:17 error URL origin "https://secret.example:8080" ..."). Expected, as
// for port: a link out of the given path is not followed (and is said to be skipped).
for (const [title, make] of [
  ['a file link', (src: string, outside: string) => symlinkSync(path.join(outside, 'secret.js'), path.join(src, 'link.js'))],
  ['a directory link', (src: string, outside: string) => symlinkSync(path.join(outside, 'dir'), path.join(src, 'linked-dir'))],
  ['a relative link with ..', (src: string) => symlinkSync('../../outside', path.join(src, 'pages/up'))],
] as const) {
  test(`BUG check-follows-symlinks: check never reads outside its path through ${title}`, async (t) => {
    const { root, src, outside } = workspace();
    make(src, outside);
    const result = await wxRequestHere(['check', 'src'], { cwd: root });
    t.notRegex(result.stdout + result.stderr, /secret\.example/, 'a file outside src was read');
  });
}

// BUG check-fix-writes-outside: with the link-following above, `check --fix src` also *writes*
// outside src: src/link.js -> ../outside/secret.js with `method: 'post'` gets secret.js rewritten
// to 'POST' ("Fixed 2 problems", the same file reached twice). Expected: --fix writes only files
// inside the given paths, never through a link out of them.
test('BUG check-fix-writes-outside: check --fix never writes through a link out of its path', async (t) => {
  const { root, src, outside } = workspace();
  writeFileSync(path.join(outside, 'fixable.js'), "wx.request({ url: 'https://a.com/', method: 'post' });\n");
  symlinkSync(path.join(outside, 'fixable.js'), path.join(src, 'link.js'));
  const before = snapshot(outside);
  await wxRequestHere(['check', '--fix', 'src'], { cwd: root });
  t.deepEqual(snapshot(outside), before, 'a file outside src was rewritten by --fix');
});
