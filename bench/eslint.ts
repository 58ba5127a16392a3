// Benchmark: the ESLint plugin's cost, ESLint with js.configs.recommended alone vs with ours added.
import { readFileSync } from 'node:fs';
import type { ESLint, Linter as LinterType } from 'eslint';
import type { CodeBase } from './generate.js';
import path from 'node:path';
import { importDist, requireFromRoot, ROOT } from './load.js';
import { realPackageFiles, REAL_PACKAGES } from './real-code.js';
import { compareInterleaved } from './measure.js';
import { timing, timingRatio, type Section } from './report.js';

const TITLE = 'ESLint plugin overhead';
/** Of `js.configs.recommended` alone, on real code (issue #20); the generated code base is the second row. */
const TARGET = 1.05;

export async function benchESLint(codeBase: CodeBase): Promise<Section> {
  const loaded = await importDist<{ default: ESLint.Plugin & { configs: { recommended: LinterType.Config } } }>('plugin/eslint/index.js');
  if (typeof loaded === 'string') return { id: 'eslint', title: TITLE, method: '', rows: [], notes: [], notMeasured: loaded };
  const { Linter } = requireFromRoot('eslint') as typeof import('eslint');
  const js = requireFromRoot('@eslint/js') as { configs: { recommended: LinterType.Config } };
  const sources = codeBase.jsFiles.map((file) => ({ file, code: readFileSync(file, 'utf8') }));

  // Mini-program globals, CommonJS pages: what a team's config says before adding ours.
  const base: LinterType.Config = {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs', globals: { wx: 'readonly', App: 'readonly', Page: 'readonly', Component: 'readonly', getApp: 'readonly', console: 'readonly', setTimeout: 'readonly' } },
  };
  const alone: LinterType.Config[] = [js.configs.recommended, base];
  const withOurs: LinterType.Config[] = [js.configs.recommended, loaded.default.configs.recommended, base];
  const linter = new Linter({ cwd: codeBase.jsRoot });
  type Source = { file: string; code: string };
  const lint = (config: LinterType.Config[]) => ({ file, code }: Source) => linter.verify(code, config, file);
  const findings = sources.reduce((n, source) => n + lint(withOurs)(source).filter((message) => message.ruleId?.startsWith('wx-request/')).length, 0);

  // Real code (bench/real-code.ts): each file as its package ships it, an ES module where it says
  // import/export, else CommonJS, with the mini-program globals (component libraries use them all).
  const real = realPackageFiles().all.map((file) => ({ file, code: readFileSync(file, 'utf8') }));
  const asModule = (config: LinterType.Config[]): LinterType.Config[] => [...config, { files: ['**/*.js'], languageOptions: { sourceType: 'module' } }];
  const realLint = (config: LinterType.Config[]) => {
    const module = asModule(config);
    // Linted under a name inside the Linter's cwd (the packages live in node_modules, outside it,
    // where no configuration would apply and nothing would be linted at all).
    return ({ file, code }: Source) => linter.verify(code, /^\s*(import|export)\b/m.test(code) ? module : config, path.join(codeBase.jsRoot, 'real', path.relative(path.join(ROOT, 'node_modules'), file)));
  };
  const [realBaseline, realOurs] = await compareInterleaved(real, [
    { name: 'real code: js.configs.recommended', run: realLint(alone) },
    { name: 'real code: js.configs.recommended + wx-request', run: realLint(withOurs) },
  ]);
  const [baseline, ours] = await compareInterleaved(sources, [
    { name: 'js.configs.recommended', run: lint(alone) },
    { name: 'js.configs.recommended + wx-request', run: lint(withOurs) },
  ]);
  if (!baseline || !ours || !realBaseline || !realOurs) throw new Error('missing samples');
  const result = timingRatio(ours, baseline);
  const realResult = timingRatio(realOurs, realBaseline);
  return {
    id: 'eslint',
    title: TITLE,
    method: [
      `\`Linter#verify\` (ESLint ${(requireFromRoot('eslint/package.json') as { version: string }).version}, in memory, default parser) of each of the ${sources.length} generated JavaScript files,`,
      "with `js.configs.recommended` and mini-program globals, alone and with `babel-plugin-wx-request/eslint`'s `configs.recommended` added",
      '(dist/plugin/eslint/index.js). The variants are interleaved file by file; a run is the sum over all files.',
    ].join('\n'),
    rows: [
      { what: `ESLint recommended + wx-request vs recommended alone, real code (${real.length} files of ${REAL_PACKAGES.length} published packages)`, ours: timing(realOurs), baseline: timing(realBaseline), ratio: realResult.text, target: `≤ ${TARGET} (CPU)`, met: realResult.judged <= TARGET },
      { what: 'ESLint recommended + wx-request vs recommended alone, generated code base', ours: timing(ours), baseline: timing(baseline), ratio: result.text, target: '' },
    ],
    notes: [`The plugin reported ${findings} findings; each file is read once for all its rules, from ESLint's own tree and scope manager (no second parse), and a file that never says \`request\` or \`wx\` is not read at all.`],
  };
}
