// Benchmark 3: `wx-request check` vs `tsc --noEmit` on the generated TypeScript project, each a
// child process, with its CPU time and peak RSS read by the child itself at exit.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runNode, type ChildRun } from './child.js';
import type { CodeBase } from './generate.js';
import { DIST, requireFromRoot, ROOT } from './load.js';
import { RUNS, stat, ratio } from './measure.js';
import { mib, ms, times, type Section } from './report.js';

const TITLE = '3. Checker cost';

function log(message: string): void {
  if (process.env['BENCH_VERBOSE'] !== '0') process.stderr.write(`  ${message}\n`);
}

export async function benchChecker(codeBase: CodeBase): Promise<Section> {
  const bin = path.join(ROOT, 'bin', 'wx-request.js');
  const notMeasured = (reason: string): Section => ({ id: 'checker', title: TITLE, method: '', rows: [], notes: [], notMeasured: reason });
  if (!existsSync(bin)) return notMeasured('bin/wx-request.js does not exist');
  if (!existsSync(path.join(DIST, 'checker'))) return notMeasured('dist/checker does not exist (npm run build did not make it)');
  const tsc = requireFromRoot.resolve('typescript/bin/tsc');
  const tscVersion = (requireFromRoot('typescript/package.json') as { version: string }).version;
  const morphTsVersion = (requireFromRoot('@ts-morph/common') as { ts: { version: string } }).ts.version;
  const cwd = codeBase.tsRoot;

  const commands: Array<{ name: string; script: string; args: string[]; expect: (run: ChildRun) => string | undefined }> = [
    {
      name: 'tsc --noEmit',
      script: tsc,
      args: ['--noEmit', '-p', 'tsconfig.json'],
      expect: (run) => (run.code === 0 ? undefined : `tsc exited ${run.code}: ${run.stdout.slice(0, 300)}`),
    },
    {
      name: 'wx-request check',
      script: bin,
      args: ['check', '--project', 'tsconfig.json'],
      expect: (run) => (run.code === 0 ? undefined : `wx-request check exited ${run.code}: ${(run.stdout + run.stderr).slice(0, 300)}`),
    },
  ];
  const runs: ChildRun[][] = commands.map(() => []);
  let checkerOutput = '';
  for (const command of commands) {
    const run = await runNode(command.script, command.args, { cwd });
    const problem = command.expect(run);
    if (problem) return notMeasured(problem);
    if (command.name === 'wx-request check') checkerOutput = run.stdout.trim();
    log(`warm-up ${command.name}`);
  }
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 ? [1, 0] : [0, 1];
    for (const i of order) {
      const command = commands[i]!;
      const run = await runNode(command.script, command.args, { cwd });
      const problem = command.expect(run);
      if (problem) return notMeasured(problem);
      runs[i]!.push(run);
      log(`run ${round + 1}/${RUNS} ${command.name}: ${run.wall.toFixed(0)} ms wall, ${run.cpu.toFixed(0)} ms CPU, ${mib(run.maxRss)}`);
    }
  }
  const [tscRuns, checkRuns] = runs as [ChildRun[], ChildRun[]];
  const cpu = (list: ChildRun[]) => stat(list.map((r) => r.cpu));
  const wall = (list: ChildRun[]) => stat(list.map((r) => r.wall));
  const rss = (list: ChildRun[]) => stat(list.map((r) => r.maxRss));
  const cpuRatio = ratio(cpu(checkRuns), cpu(tscRuns));
  const wallRatio = ratio(wall(checkRuns), wall(tscRuns));
  const rssRatio = ratio(rss(checkRuns), rss(tscRuns));
  const files = codeBase.tsFiles.length;
  const perSecond = (list: ChildRun[], pick: (r: ChildRun) => number) => `${(files / (stat(list.map(pick)).median / 1000)).toFixed(0)} files/s`;
  const mibRange = (s: ReturnType<typeof stat>) => `${mib(s.median)} (${mib(s.min)}–${mib(s.max)})`;
  return {
    id: 'checker',
    title: TITLE,
    method: [
      `\`node bin/wx-request.js check --project tsconfig.json\` and \`node ${path.relative(ROOT, tsc)} --noEmit -p tsconfig.json\` on the generated`,
      `TypeScript project (${files} files, strict), each run as a child process from start to exit. CPU time (user + system) and`,
      'peak RSS are read by the child itself at exit (`process.resourceUsage()`, through a preloaded module); wall time by the parent.',
      `tsc is TypeScript ${tscVersion}; the checker runs on ts-morph's own copy, TypeScript ${morphTsVersion}.`,
    ].join('\n'),
    rows: [
      { what: 'time, check vs tsc --noEmit', ours: `${ms(cpu(checkRuns))} CPU<br>${ms(wall(checkRuns))} wall`, baseline: `${ms(cpu(tscRuns))} CPU<br>${ms(wall(tscRuns))} wall`, ratio: `${times(cpuRatio.value, cpuRatio.min, cpuRatio.max)} CPU<br>${times(wallRatio.value, wallRatio.min, wallRatio.max)} wall`, target: '≤ 1.25 (CPU)', met: cpuRatio.value <= 1.25 },
      { what: 'files per second (wall)', ours: perSecond(checkRuns, (r) => r.wall), baseline: perSecond(tscRuns, (r) => r.wall), ratio: '', target: '' },
      { what: 'files per CPU second', ours: perSecond(checkRuns, (r) => r.cpu), baseline: perSecond(tscRuns, (r) => r.cpu), ratio: '', target: '' },
      { what: 'peak memory (max RSS)', ours: mibRange(rss(checkRuns)), baseline: mibRange(rss(tscRuns)), ratio: times(rssRatio.value, rssRatio.min, rssRatio.max), target: '' },
    ],
    notes: [`The checker's verdict on the code base: "${checkerOutput.split('\n').pop()}".`],
  };
}
