// Benchmark 2: the TypeScript transformer's overhead on program.emit, on the generated TypeScript.
import ts from 'typescript';
import type { CodeBase } from './generate.js';
import { importDist } from './load.js';
import { compareInterleaved } from './measure.js';
import { timing, timingRatio, type Section } from './report.js';

const TITLE = '2. TypeScript transformer overhead';

type CreateTransformer = (program?: ts.Program, options?: Record<string, unknown>) => ts.TransformerFactory<ts.SourceFile>;

export async function benchTypeScript(codeBase: CodeBase): Promise<Section> {
  const loaded = await importDist<{ createTransformer?: CreateTransformer }>('plugin/typescript/index.js');
  if (typeof loaded === 'string') return { id: 'typescript', title: TITLE, method: '', rows: [], notes: [], notMeasured: loaded };
  const { createTransformer } = loaded;
  if (typeof createTransformer !== 'function') return { id: 'typescript', title: TITLE, method: '', rows: [], notes: [], notMeasured: 'dist/plugin/typescript/index.js exports no createTransformer' };

  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    skipLibCheck: true,
    types: [],
  };
  // Parse every file once: each run builds a fresh program (untimed) over the same source files, as a
  // watch-mode build does, so each emit type-checks from scratch with a new checker.
  const host = ts.createCompilerHost(options);
  const parsed = new Map<string, ts.SourceFile | undefined>();
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, onError, shouldCreate));
    return parsed.get(fileName);
  };
  const freshProgram = () => ts.createProgram(codeBase.tsFiles, options, host);
  const first = freshProgram();
  const problems = ts.getPreEmitDiagnostics(first);
  let emitted = 0;
  const write: ts.WriteFileCallback = (_name, text) => {
    emitted += text.length;
  };
  let transformerDiagnostics = 0;
  // Check that the transformer rewrites: the emitted text must import the runtime.
  let sample = '';
  first.emit(first.getSourceFiles().find((f) => f.text.includes('wx.request(')), (_n, text) => (sample += text), undefined, false, { before: [createTransformer(first, { onDiagnostic: () => {} })] });
  const rewrites = sample.includes('babel-plugin-wx-request/runtime');

  // Two fresh programs per round, one per variant; the transformer of the second is made with it.
  let plainProgram = first;
  let wxProgram = first;
  let transformers: ts.CustomTransformers = {};
  const beforeRound = () => {
    plainProgram = freshProgram();
    wxProgram = freshProgram();
    transformers = { before: [createTransformer(wxProgram, { onDiagnostic: () => transformerDiagnostics++ })] };
  };
  const emitFile = (program: () => ts.Program, custom: () => ts.CustomTransformers | undefined) => (fileName: string) => {
    const p = program();
    const result = p.emit(p.getSourceFile(fileName), write, undefined, false, custom());
    if (result.emitSkipped) throw new Error(`emit skipped for ${fileName}`);
  };
  const files = codeBase.tsFiles.filter((file) => !file.endsWith('.d.ts'));
  const [plain, withWx] = await compareInterleaved(
    files,
    [
      { name: 'program.emit', run: emitFile(() => plainProgram, () => undefined) },
      { name: 'program.emit + wx-request transformer', run: emitFile(() => wxProgram, () => transformers) },
    ],
    { beforeRound },
  );
  if (!plain || !withWx) throw new Error('missing samples');
  const r = timingRatio(withWx, plain);
  return {
    id: 'typescript',
    title: TITLE,
    method: [
      `\`program.emit(sourceFile)\` of each of the ${files.length} generated TypeScript files (ES2022, ES modules, strict) with TypeScript`,
      `${ts.version}, output discarded, with and without \`before: [createTransformer(program)]\` from \`dist/plugin/typescript/index.js\`.`,
      'Every round builds two fresh programs over the same parsed source files (untimed), one per variant, so each emit',
      'type-checks its file with a new checker, as `tsc` does; the variants are interleaved file by file, and a run is the sum',
      'over all files. The warm-up emits the first 300 files with each.',
    ].join('\n'),
    rows: [{ what: 'emit + transformer vs emit', ours: timing(withWx), baseline: timing(plain), ratio: r.text, target: '≤ 1.05 (CPU)', met: r.judged <= 1.05 }],
    notes: [
      `Pre-emit diagnostics of the generated code: ${problems.length}. The transformer ${rewrites ? 'rewrote the sample file to import the runtime' : '**did not** rewrite the sample file'}; rule diagnostics reported: ${transformerDiagnostics}.`,
    ],
  };
}
