// Benchmark: each bundler's build of the generated code base with our bundler plugin vs without it,
// whole builds interleaved round by round; and the min+gz size of a one-GET page per bundler.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeDependencies } from './dependencies.js';
import { realPackageFiles } from './real-code.js';
import type { CodeBase } from './generate.js';
import { DIST, ROOT, requireFromRoot } from './load.js';
import { compare, stat } from './measure.js';
import { bytes, timing, timingRatio, type Row, type Section } from './report.js';

const TITLE = 'Bundler plugins overhead';
const BUNDLERS = ['vite', 'rollup', 'rolldown', 'webpack', 'rspack', 'esbuild'] as const;
type Bundler = (typeof BUNDLERS)[number];
/** `BENCH_BUNDLERS=vite,esbuild` measures a subset, in that order (for profiling one bundler); default all six. */
const SELECTED = (process.env['BENCH_BUNDLERS'] ?? BUNDLERS.join(',')).split(',').filter((name): name is Bundler => (BUNDLERS as readonly string[]).includes(name));
/* The bundlers' APIs, used in one place each. */
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const plugins: Partial<Record<Bundler, (options?: object) => unknown>> = {};
async function plugin(bundler: Bundler): Promise<(options?: object) => unknown> {
  plugins[bundler] ??= ((await import(pathToFileURL(path.join(DIST, `plugin/bundler/${bundler}.js`)).href)) as { default: (options?: object) => unknown }).default;
  return plugins[bundler];
}

/**
 * In place of our plugin: one made the same way (unplugin, the same filters) whose handler only
 * hands back, unchanged, the code of each file that calls wx.request. What it costs is the host's
 * alone (calls into JavaScript, taking code back), a floor under any plugin that rewrites those files.
 */
export const HOST_FLOOR = Symbol('host floor');
let hostFloor: Record<Bundler, () => unknown> | undefined;
async function hostFloorPlugin(bundler: Bundler): Promise<unknown> {
  if (!hostFloor) {
    const { createUnplugin } = (await import('unplugin')) as Any;
    const load = async (file: string) => (await import(pathToFileURL(path.join(DIST, file)).href)) as Any;
    const { mayReferenceRequest } = await load('plugin/core/quick-check.js');
    const { requestCodeFilter } = await load('plugin/bundler/code-filter.js');
    const { DEFAULT_INCLUDE, DEFAULT_EXCLUDE } = await load('plugin/bundler/options.js');
    hostFloor = createUnplugin(() => ({
      name: 'host-floor',
      enforce: 'pre',
      transform: {
        filter: { id: { include: DEFAULT_INCLUDE, exclude: DEFAULT_EXCLUDE }, code: requestCodeFilter(['wx']) },
        handler: (code: string) => (mayReferenceRequest(code, ['wx']) ? { code, map: null } : null),
      },
      esbuild: { onLoadFilter: DEFAULT_INCLUDE },
    })) as Record<Bundler, () => unknown>;
  }
  return hostFloor[bundler]();
}

/** Builds `entry` (in `root`) in memory where the bundler allows, with our plugin (given these options), the host-floor plugin, or none; returns the JavaScript. */
export async function build(bundler: Bundler, root: string, entry: string, pluginOptions: object | typeof HOST_FLOOR | undefined, minify = false): Promise<string> {
  const ours = pluginOptions === HOST_FLOOR ? [await hostFloorPlugin(bundler)] : pluginOptions ? [(await plugin(bundler))(pluginOptions)] : [];
  switch (bundler) {
    case 'vite': {
      const vite = (await import('vite')) as Any;
      const result = await vite.build({ root, configFile: false, logLevel: 'silent', plugins: ours, build: { write: false, minify, rollupOptions: { input: entry } } });
      return (Array.isArray(result) ? result[0] : result).output.filter((chunk: Any) => chunk.type === 'chunk').map((chunk: Any) => chunk.code).join('\n');
    }
    case 'rollup': {
      const { rollup } = (await import('rollup')) as Any;
      const commonjs = requireFromRoot('@rollup/plugin-commonjs') as Any;
      // Rollup resolves no package by itself: node-resolve finds the dependencies (both variants).
      const { nodeResolve } = requireFromRoot('@rollup/plugin-node-resolve') as Any;
      const esbuild = (await import('esbuild')) as Any;
      // Rollup reads no TypeScript: the code base's few .ts files go through esbuild's transform, in both variants.
      const typescript = { name: 'ts', transform: (code: string, id: string) => (id.endsWith('.ts') ? esbuild.transform(code, { loader: 'ts', sourcemap: true }) : null) };
      const bundle = await rollup({ input: entry, plugins: [...ours, nodeResolve(), commonjs(), typescript], onwarn: () => {} });
      const { output } = await bundle.generate({ format: 'es' });
      await bundle.close();
      const code = output[0].code as string;
      return minify ? esbuild.transform(code, { minify: true }).then((r: Any) => r.code) : code;
    }
    case 'rolldown': {
      const { rolldown } = (await import('rolldown')) as Any;
      const bundle = await rolldown({ input: entry, plugins: ours, logLevel: 'silent' });
      const { output } = await bundle.generate({ format: 'es', minify });
      await bundle.close();
      return output[0].code;
    }
    case 'webpack':
    case 'rspack': {
      const bundle = (bundler === 'webpack' ? requireFromRoot('webpack') : requireFromRoot('@rspack/core')) as Any;
      const out = mkdtempSync(path.join(tmpdir(), `wx-request-bench-${bundler}-`));
      try {
        // Neither reads TypeScript by itself: the same TS step in both variants (Rspack's native SWC loader; esbuild's transform for webpack).
        const typescript = { test: /\.[cm]?tsx?$/, use: bundler === 'webpack' ? TS_LOADER : { loader: 'builtin:swc-loader', options: { jsc: { parser: { syntax: 'typescript' } } } }, type: 'javascript/auto' };
        const compiler = bundle({ mode: minify ? 'production' : 'none', context: root, entry, devtool: false, output: { path: out, filename: 'main.js' }, module: { rules: [typescript] }, plugins: ours, infrastructureLogging: { level: 'none' }, performance: { hints: false } });
        await new Promise<void>((resolve, reject) => compiler.run((error: unknown, stats: Any) => (error || stats.hasErrors() ? reject(error ?? new Error(stats.toString('errors-only'))) : compiler.close(() => resolve()))));
        return readFileSync(path.join(out, 'main.js'), 'utf8');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
    case 'esbuild': {
      const esbuild = (await import('esbuild')) as Any;
      const result = await esbuild.build({ absWorkingDir: root, entryPoints: [entry], bundle: true, write: false, minify, logLevel: 'silent', plugins: ours });
      return result.outputFiles[0].text;
    }
  }
}

/** webpack's TS step for the bench: a loader over esbuild's transform (bench/esbuild-ts-loader.cjs). */
const TS_LOADER = path.join(ROOT, 'bench/esbuild-ts-loader.cjs');

const OURS = { onDiagnostic: () => {} };
/** The same plugin with globals no file uses: every file is skipped, so what remains is the cost of skipping (hook calls, filters). */
const NOTHING_TO_REWRITE = { ...OURS, globals: ['noSuchGlobal'] };

const ONE_GET = "wx.request({ url: 'https://api.example.com/items', success: (res) => console.log(res.data) });\n";

/**
 * The plugin's own work on the files it must rewrite, alone in this process (no bundler running
 * beside it): the text front end's CPU time over them, the median of a few runs, and how many of
 * them it reads from their tokens (the rest go to Babel in a build). What a build adds beyond it
 * is the host's: calls into JavaScript, and the bundler's threads sharing the cores with ours.
 */
async function textFrontEndCost(codeBase: CodeBase): Promise<{ files: number; read: number; ms: number }> {
  const load = async <T>(file: string) => (await import(pathToFileURL(path.join(DIST, file)).href)) as T;
  const quick = await load<{ mayReferenceRequest(source: string, globals: readonly string[]): boolean }>('plugin/core/quick-check.js');
  const { transformText } = await load<{ transformText(code: string, id: string, file: string, options: object): unknown }>('plugin/scan/transform-text.js');
  const { resolveOptions } = await load<{ resolveOptions(options: object): object }>('plugin/core/options.js');
  const options = resolveOptions(OURS);
  const needed = codeBase.jsFiles.map((file) => ({ file, code: readFileSync(file, 'utf8') })).filter(({ code }) => quick.mayReferenceRequest(code, ['wx']));
  const read = needed.filter(({ file, code }) => transformText(code, file, file, options) !== undefined).length;
  const samples: number[] = [];
  for (let run = 0; run < 8; run++) {
    const start = process.cpuUsage();
    for (const { file, code } of needed) transformText(code, file, file, options);
    const used = process.cpuUsage(start);
    if (run > 1) samples.push((used.user + used.system) / 1000);
  }
  return { files: needed.length, read, ms: stat(samples).median };
}

export async function benchBundlers(codeBase: CodeBase): Promise<Section> {
  // One entry that imports every file of the JavaScript (CommonJS) code base, as an app's entry does.
  const entry = path.join(codeBase.jsRoot, 'bench-entry.mjs');
  writeFileSync(entry, codeBase.jsFiles.map((file) => `import ${JSON.stringify(`./${path.relative(codeBase.jsRoot, file).split(path.sep).join('/')}`)};`).join('\n'));
  // The same app with a node_modules (bench/dependencies.ts): its entry imports the app's files and every package.
  const dependencies = writeDependencies();
  const withDependencies = path.join(dependencies.root, 'bench-entry.mjs');
  const relative = (file: string) => JSON.stringify(`./${path.relative(dependencies.root, file).split(path.sep).join('/')}`);
  writeFileSync(withDependencies, [...codeBase.jsFiles.map((file) => `import ${relative(file)};`), ...dependencies.packages.map((name) => `import ${JSON.stringify(name)};`)].join('\n'));
  // Real code: an entry importing every file of the published packages a mini-program bundles as
  // they ship (bench/real-code.ts; tdesign-miniprogram's files need its own build's miniprogram_npm, so not it).
  const realFiles = realPackageFiles().all.filter((file) => !file.includes(`${path.sep}tdesign-miniprogram${path.sep}`));
  const realRoot = mkdtempSync(path.join(tmpdir(), 'wx-request-real-'));
  const realEntry = path.join(realRoot, 'entry.mjs');
  writeFileSync(realEntry, realFiles.map((file) => `import ${JSON.stringify(file)};`).join('\n'));
  const page = mkdtempSync(path.join(tmpdir(), 'wx-request-one-get-'));
  writeFileSync(path.join(page, 'page.js'), ONE_GET);
  const rows: Row[] = [];
  const notes: string[] = [];
  const text = await textFrontEndCost(codeBase);
  const floors: string[] = [];
  try {
    for (const bundler of SELECTED) {
      const [without, withOurs, skipping, floor, depsWithout, depsWithOurs, realWithout, realWithOurs, realFloor] = await compare([
        { name: `${bundler} alone`, run: () => build(bundler, codeBase.jsRoot, entry, undefined) },
        { name: `${bundler} + wx-request`, run: () => build(bundler, codeBase.jsRoot, entry, OURS) },
        { name: `${bundler} + wx-request, nothing to rewrite`, run: () => build(bundler, codeBase.jsRoot, entry, NOTHING_TO_REWRITE) },
        { name: `${bundler} + a plugin that hands the files back unchanged`, run: () => build(bundler, codeBase.jsRoot, entry, HOST_FLOOR) },
        { name: `${bundler} alone, app + node_modules`, run: () => build(bundler, dependencies.root, withDependencies, undefined) },
        { name: `${bundler} + wx-request, app + node_modules`, run: () => build(bundler, dependencies.root, withDependencies, OURS) },
        { name: `${bundler} alone, real code`, run: () => build(bundler, realRoot, realEntry, undefined) },
        { name: `${bundler} + wx-request, real code`, run: () => build(bundler, realRoot, realEntry, OURS) },
        { name: `${bundler} + the host's floor, real code`, run: () => build(bundler, realRoot, realEntry, HOST_FLOOR) },
      ]);
      if (!without || !withOurs || !skipping || !floor || !depsWithout || !depsWithOurs) throw new Error('missing samples');
      // esbuild's CPU is in its own process, not in this one's figures: its wall-clock ratio is judged.
      const ownProcess = bundler === 'esbuild';
      const judgedOn = ownProcess ? 'wall' : 'cpu';
      const r = timingRatio(withOurs, without, judgedOn);
      rows.push({ what: `${bundler}: build with the plugin vs without`, ours: timing(withOurs), baseline: timing(without), ratio: r.text, target: ownProcess ? '≤ 1.05 (wall)' : '≤ 1.05 (CPU)', met: r.judged <= 1.05 });
      const own = ownProcess ? without.wall.median : without.cpu.median;
      floors.push(`${bundler} ${((own + text.ms) / own).toFixed(3)}×${ownProcess ? ' (of its wall time)' : ''}`);
      rows.push({ what: `${bundler}: the plugin's cost on files it skips (globals that no file uses)`, ours: timing(skipping), baseline: timing(without), ratio: timingRatio(skipping, without, judgedOn).text, target: '' });
      rows.push({ what: `${bundler}: the host's floor (a plugin on the same filters that hands back the files calling wx.request unchanged)`, ours: timing(floor), baseline: timing(without), ratio: timingRatio(floor, without, judgedOn).text, target: '' });
      // Dependencies are ported by default: scanning them may cost at most 0.03 more than the app alone.
      const deps = timingRatio(depsWithOurs, depsWithout, judgedOn);
      rows.push({ what: `${bundler}: the app and its node_modules, with the plugin vs without`, ours: timing(depsWithOurs), baseline: timing(depsWithout), ratio: deps.text, target: `≤ ${(r.judged + 0.03).toFixed(3)} (the app-only ratio + 0.03)`, met: deps.judged <= r.judged + 0.03 });
      if (!realWithout || !realWithOurs || !realFloor) throw new Error('missing samples');
      // Real code, judged against the host's floor (what any plugin of this shape costs there), and
      // against the bare build where the floor leaves room for it (Rollup and webpack).
      const realVsFloor = timingRatio(realWithOurs, realFloor, judgedOn);
      const realVsBare = timingRatio(realWithOurs, realWithout, judgedOn);
      const bareJudged = bundler === 'rollup' || bundler === 'webpack';
      rows.push({ what: `${bundler}: real code (${realFiles.length} files), with the plugin vs the host's floor`, ours: timing(realWithOurs), baseline: timing(realFloor), ratio: realVsFloor.text, target: '≤ 1.05', met: realVsFloor.judged <= 1.05 });
      rows.push({ what: `${bundler}: real code, with the plugin vs without`, ours: timing(realWithOurs), baseline: timing(realWithout), ratio: realVsBare.text, target: bareJudged ? '≤ 1.10' : '', ...(bareJudged ? { met: realVsBare.judged <= 1.1 } : {}) });
    }
    notes.push(`The text front end reads ${text.read} of the ${text.files} files that call \`wx.request\` from their tokens (the others go to Babel); alone in this process it takes ${text.ms.toFixed(0)} ms CPU for all ${text.files}. Added to each bundler's own build that would make ${floors.join(', ')}; the difference to the first row is the host's: its calls into JavaScript, its source-map and module work for the rewritten files, and its threads sharing the two cores with ours.`);
    const sizes = [];
    for (const bundler of SELECTED) {
      const code = await build(bundler, page, path.join(page, 'page.js'), OURS, true);
      sizes.push(`${bundler} ${bytes(gzipSync(code, { level: 9 }).length)}`);
    }
    notes.push(`A one-GET page (\`${ONE_GET.trim()}\`), built with the plugin and minified (each bundler's own minifier; esbuild's for Rollup, which has none), gzip -9: ${sizes.join(', ')}.`);
  } finally {
    rmSync(entry, { force: true });
    rmSync(withDependencies, { force: true });
    rmSync(realRoot, { recursive: true, force: true });
    rmSync(page, { recursive: true, force: true });
  }
  notes.push(`The fourth row of each bundler builds the same app with a node_modules: ${dependencies.describe}; the entry imports every package. The plugin ports dependencies by default, so this row is what a user gets; its target is the first row's ratio + 0.03 (scanning the dependencies' files may cost at most that).`);
  notes.push('The third row of each bundler is what the host charges any plugin written this way (unplugin, a transform hook) that gives back the code of the ~10% of files that call `wx.request`, with no work of its own: calls into JavaScript, and the code taken back. Where it is above 1.05, no rewrite in a JavaScript transform can meet the target on this machine.');
  notes.push('The second row of each bundler keeps every file from being rewritten (the plugin\'s `globals` set to a name no file uses): its ratio is what the plugin costs on the files it skips, the rest of the first row\'s is the reading and rewriting of the ~10% of files that call `wx.request`.');
  notes.push('esbuild bundles in its own process: its CPU time is not in this process\'s figures, so its CPU ratio counts our plugin\'s work against esbuild\'s JavaScript side only; its wall ratio is the one to read.');
  return {
    id: 'bundlers',
    title: TITLE,
    method: [
      `Each bundler bundles the ${codeBase.jsFiles.length} generated JavaScript (CommonJS) files through one ES module entry that imports them all, in memory where it can`,
      '(Vite and Rolldown `generate`/`write: false`, webpack and Rspack to a temporary folder, esbuild `write: false`; Rollup with @rollup/plugin-commonjs and esbuild\'s transform for .ts files both times),',
      'production settings off (no minifier, no source maps), with and without `babel-plugin-wx-request/<bundler>`; whole builds alternate, one warm-up build each.',
      'Rollup also gets @rollup/plugin-node-resolve both times, for the node_modules row.',
      'CPU is this process\'s (all its threads: the native bundlers\' worker threads included).',
    ].join('\n'),
    rows,
    notes,
  };
}
