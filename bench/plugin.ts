// Benchmark 1: the Babel plugin's overhead, on the generated JavaScript code base.
import { readFileSync } from 'node:fs';
import { transformSync, type PluginItem } from '@babel/core';
import type { CodeBase } from './generate.js';
import { importDist, requireFromRoot } from './load.js';
import { compareInterleaved } from './measure.js';
import { timing, timingRatio, type Section } from './report.js';

const TITLE = '1. Babel plugin overhead';

export async function benchPlugin(codeBase: CodeBase): Promise<Section> {
  const loaded = await importDist<{ default: PluginItem }>('plugin/index.js');
  if (typeof loaded === 'string') return { id: 'plugin', title: TITLE, method: '', rows: [], notes: [], notMeasured: loaded };
  const sources = codeBase.jsFiles.map((file) => ({ file, code: readFileSync(file, 'utf8') }));

  // The same option objects on every call, so Babel's config cache works as in a real build.
  const presetEnv: PluginItem = [requireFromRoot('@babel/preset-env'), { targets: 'defaults' }];
  const wx: PluginItem = [loaded.default, { globals: ['wx'], onDiagnostic: () => {} }];
  const transformRuntime: PluginItem = [requireFromRoot('@babel/plugin-transform-runtime'), {}];

  type Source = { file: string; code: string };
  // The few TypeScript files of the mini-program get preset-typescript in every variant alike.
  const typescript: PluginItem = [requireFromRoot('@babel/preset-typescript'), {}];
  const one = (presets: PluginItem[], plugins: PluginItem[]) => {
    const withTypeScript = [...presets, typescript];
    return ({ file, code }: Source) =>
      transformSync(code, { filename: file, configFile: false, babelrc: false, sourceType: 'unambiguous', presets: file.endsWith('.ts') ? withTypeScript : presets, plugins });
  };
  const rewrittenFiles = sources.filter((source) => (one([], [wx])(source)?.metadata as { wxRequest?: unknown } | undefined)?.wxRequest).length;

  const [env, envWx] = await compareInterleaved(sources, [
    { name: 'preset-env', run: one([presetEnv], []) },
    { name: 'preset-env + wx-request', run: one([presetEnv], [wx]) },
  ]);
  const [floor, alone, runtime] = await compareInterleaved(sources, [
    { name: 'parse + generate', run: one([], []) },
    { name: 'wx-request alone', run: one([], [wx]) },
    { name: 'transform-runtime alone', run: one([], [transformRuntime]) },
  ]);
  if (!env || !envWx || !floor || !alone || !runtime) throw new Error('missing samples');

  const envRatio = timingRatio(envWx, env);
  const aloneRatio = timingRatio(alone, floor);
  const runtimeRatio = timingRatio(runtime, floor);
  const peerRatio = timingRatio(alone, runtime);
  const perFile = ((alone.cpuOfItemMedians ?? alone.cpu.median) - (floor.cpuOfItemMedians ?? floor.cpu.median)) / sources.length;
  return {
    id: 'plugin',
    title: TITLE,
    method: [
      `\`transformSync\` of each of the ${sources.length} generated JavaScript files (sources in memory, \`sourceType: 'unambiguous'\`,`,
      'no config files, no source maps), one Babel config object per variant reused across files as a build tool does.',
      "preset-env is configured with `targets: 'defaults'`. The plugin is `dist/plugin/index.js` with `globals: ['wx']`.",
      'The variants are interleaved file by file (file 1 with each variant, then file 2 …, alternating which goes first);',
      "a run's time is the sum over all files; the warm-up runs every variant on the first 300 files.",
    ].join('\n'),
    rows: [
      { what: 'preset-env + plugin vs preset-env alone', ours: timing(envWx), baseline: timing(env), ratio: envRatio.text, target: '≤ 1.03 (CPU)', met: envRatio.judged <= 1.03 },
      { what: 'plugin alone vs parse + generate (the floor)', ours: timing(alone), baseline: timing(floor), ratio: aloneRatio.text, target: '' },
      { what: '@babel/plugin-transform-runtime alone vs the floor (a peer)', ours: timing(runtime), baseline: timing(floor), ratio: runtimeRatio.text, target: '' },
      { what: 'plugin alone vs transform-runtime alone', ours: timing(alone), baseline: timing(runtime), ratio: peerRatio.text, target: '' },
    ],
    notes: [
      `The plugin rewrote ${rewrittenFiles} of ${sources.length} files (${codeBase.requestCalls} generated calls); files whose text never says \`request\` are skipped before any traversal.`,
      `Cost of the plugin over the floor: ${(perFile * 1000).toFixed(0)} µs of CPU per file on average (difference of the sums of per-file medians ÷ files; the plugin does real work only in the files that mention \`request\`).`,
    ],
  };
}
