// Benchmark 1: the Babel plugin's overhead over preset-env, on the generated mini-program in its
// realistic shape (judged) and in the old uniform shape (a second row), plus where the cost goes.
import { readFileSync } from 'node:fs';
import { transformSync, type PluginItem } from '@babel/core';
import type { CodeBase, ShapeName } from './generate.js';
import { importDist, requireFromRoot } from './load.js';
import { realPackageFiles, REAL_PACKAGES } from './real-code.js';
import { compareInterleaved } from './measure.js';
import { judge, timing, timingRatio, type BenchContext, type Row, type Section } from './report.js';

export type Source = { file: string; code: string };
type QuickCheck = { mayReferenceRequest(source: string, globals: readonly string[]): boolean };

const TARGET = 1.02;

/** The JavaScript files of a code base, read into memory. */
export const read = (codeBase: CodeBase): Source[] => codeBase.jsFiles.map((file) => ({ file, code: readFileSync(file, 'utf8') }));

/**
 * One Babel variant as a build runs it: `transformSync` of a file with these presets and plugins,
 * no config files, no source maps. The few TypeScript files of the mini-program get
 * preset-typescript in every variant alike. Build the variant once and call it per file, so
 * Babel's config cache works as in a real build.
 */
export function babelVariant(presets: PluginItem[], plugins: PluginItem[]): (source: Source) => ReturnType<typeof transformSync> {
  const withTypeScript = [...presets, [requireFromRoot('@babel/preset-typescript'), {}] as PluginItem];
  return ({ file, code }) =>
    transformSync(code, { filename: file, configFile: false, babelrc: false, sourceType: 'unambiguous', presets: file.endsWith('.ts') ? withTypeScript : presets, plugins });
}
const GLOBALS = ['wx'];

export async function benchPlugin(context: BenchContext): Promise<Section> {
  const loaded = await importDist<{ default: PluginItem }>('plugin/index.js');
  const quick = await importDist<QuickCheck>('plugin/core/quick-check.js');
  const notMeasured = (reason: string): Section => ({ id: 'plugin', title: 'Babel plugin overhead', method: '', rows: [], notes: [], notMeasured: reason });
  if (typeof loaded === 'string') return notMeasured(loaded);
  if (typeof quick === 'string') return notMeasured(quick);

  // The same option objects on every call, so Babel's config cache works as in a real build.
  const presetEnv: PluginItem = [requireFromRoot('@babel/preset-env'), { targets: 'defaults' }];
  const wx: PluginItem = [loaded.default, { globals: GLOBALS, onDiagnostic: () => {} }];
  const transformRuntime: PluginItem = [requireFromRoot('@babel/plugin-transform-runtime'), {}];
  const one = babelVariant;

  const rows: Row[] = [];
  const notes: string[] = [];
  for (const shape of ['realistic', 'uniform'] as ShapeName[]) {
    const codeBase = context.codeBase(shape);
    const sources = read(codeBase);
    const traversed = sources.filter(({ code }) => quick.mayReferenceRequest(code, GLOBALS)).length;
    const rewritten = sources.filter((source) => (one([], [wx])(source)?.metadata as { wxRequest?: { rewritten?: number } } | undefined)?.wxRequest?.rewritten).length;
    process.stderr.write(`  ${shape}: ${traversed} of ${sources.length} files pass the quick check, ${rewritten} rewritten\n`);
    const [env, envWx] = await compareInterleaved(sources, [
      { name: `${shape}: preset-env`, run: one([presetEnv], []) },
      { name: `${shape}: preset-env + wx-request`, run: one([presetEnv], [wx]) },
    ]);
    if (!env || !envWx) throw new Error('missing samples');
    const r = timingRatio(envWx, env);
    rows.push({
      what: `preset-env + plugin vs preset-env alone, ${shape} code base`,
      ours: timing(envWx),
      baseline: timing(env),
      ratio: r.text,
      summary: `${r.cpu.toFixed(3)}× CPU`,
      ...judge(r.judged, '≤', TARGET, '(CPU)'),
    });
    notes.push(
      `${shape}: ${codeBase.wxFiles} of ${sources.length} files mention \`wx.*\`, ${codeBase.requestFiles} call \`wx.request\`; the quick check lets ${traversed} through to a traversal (${((traversed / sources.length) * 100).toFixed(1)}%), and ${rewritten} are rewritten.`,
    );
  }

  // Real code: the published mini-program packages the bench installs (bench/real-code.ts).
  const real = realPackageFiles().all.map((file) => ({ file, code: readFileSync(file, 'utf8') }));
  const realRewritten = real.filter((source) => (one([], [wx])(source)?.metadata as { wxRequest?: { rewritten?: number } } | undefined)?.wxRequest?.rewritten).length;
  const [realEnv, realEnvWx] = await compareInterleaved(real, [
    { name: 'real code: preset-env', run: one([presetEnv], []) },
    { name: 'real code: preset-env + wx-request', run: one([presetEnv], [wx]) },
  ]);
  if (!realEnv || !realEnvWx) throw new Error('missing samples');
  const realRatio = timingRatio(realEnvWx, realEnv);
  rows.unshift({
    what: `preset-env + plugin vs preset-env alone, real code (${real.length} files of ${REAL_PACKAGES.length} published packages)`,
    ours: timing(realEnvWx),
    baseline: timing(realEnv),
    ratio: realRatio.text,
    summary: `${realRatio.cpu.toFixed(3)}× CPU`,
    ...judge(realRatio.judged, '≤', TARGET, '(CPU)'),
  });
  notes.unshift(`Real code: every JavaScript file of ${REAL_PACKAGES.join(', ')} as npm installs them (devDependencies); ${realRewritten} of them are rewritten.`);

  // Where the cost goes, on the realistic code base: the plugin alone against Babel's floor and a peer.
  const sources = read(context.codeBase('realistic'));
  const [floor, alone, runtime] = await compareInterleaved(sources, [
    { name: 'parse + generate', run: one([], []) },
    { name: 'wx-request alone', run: one([], [wx]) },
    { name: 'transform-runtime alone', run: one([], [transformRuntime]) },
  ]);
  if (!floor || !alone || !runtime) throw new Error('missing samples');
  const perFile = ((alone.cpuOfItemMedians ?? alone.cpu.median) - (floor.cpuOfItemMedians ?? floor.cpu.median)) / sources.length;
  rows.push(
    { what: 'plugin alone vs parse + generate (the floor), realistic', ours: timing(alone), baseline: timing(floor), ratio: timingRatio(alone, floor).text, target: '' },
    { what: '@babel/plugin-transform-runtime alone vs the floor (a peer)', ours: timing(runtime), baseline: timing(floor), ratio: timingRatio(runtime, floor).text, target: '' },
  );
  notes.push(`Cost of the plugin over the floor: ${(perFile * 1000).toFixed(0)} µs of CPU per file on average (difference of the sums of per-file medians ÷ files).`);
  return {
    id: 'plugin',
    title: 'Babel plugin overhead',
    method: [
      '`transformSync` of every generated JavaScript file (in memory, no config files, no source maps; preset-env with',
      "`targets: 'defaults'`; the plugin from dist/ with `globals: ['wx']`), variants interleaved file by file, a run the sum over all files.",
    ].join('\n'),
    rows,
    notes,
  };
}
