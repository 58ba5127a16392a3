// The TypeScript pipelines of the README's First build, from the packed tarball: one project with
// TypeScript 6, webpack + ts-loader and ts-patch, the README's tsconfig.json shared by the three
// (its "plugins" entry is read by ts-patch only), each build run as the README says. Serial: the
// builds write the same output folders.
import test, { type ExecutionContext } from 'ava';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { assertAppRan, runInNode, writePage } from './support/page.js';
import { createProject, pinned, type Project } from './support/project.js';
import { commands, snippet } from './support/readme-snippets.js';
import { startRecordingServer } from './support/recording-server.js';

let project: Project;

test.before(async () => {
  project = await createProject('typescript', ['typescript', 'webpack', 'webpack-cli', 'ts-loader', 'ts-patch'].map(pinned));
  writePage(project);
  for (const name of ['typescript/tsconfig.json', 'ts-loader/webpack.config.js', 'tsc-api/build.mjs']) {
    const { file, text } = snippet(name);
    project.write(file, text);
  }
});

async function runsAndReaches(t: ExecutionContext, script: string): Promise<void> {
  const server = await startRecordingServer();
  try {
    await runInNode(project, server, script);
    await assertAppRan(server, t);
  } finally {
    await server.close();
  }
}

test.after.always(() => project?.remove());

test.serial('ts-loader (webpack 5): the bundle runs and both files reach the server', async (t) => {
  await project.exec('npx', ['webpack']);
  await runsAndReaches(t, 'dist/main.js');
});

test.serial('the compiler API script: diagnostics first, then emit; the output runs', async (t) => {
  rmSync(path.join(project.dir, 'out'), { recursive: true, force: true });
  await project.exec(process.execPath, ['build.mjs']);
  t.regex(readFileSync(path.join(project.dir, 'out/legacy.js'), 'utf8'), /require\("babel-plugin-wx-request\/runtime(\/lean)?"\)/);
  await runsAndReaches(t, 'out/main.js');
});

test.serial('the compiler API script stops on a rule error with the diagnostic, before emitting', async (t) => {
  project.write('src/broken.ts', "declare const wx: { request(options: object): void };\nwx.request({ url: 'https://api.example.com/x', method: 'post' });\nexport {};\n");
  try {
    const error = await t.throwsAsync(project.exec(process.execPath, ['build.mjs']));
    t.regex((error as Error & { stderr: string }).stderr, /src\/broken\.ts.*method "post" is not uppercase/s);
  } finally {
    rmSync(path.join(project.dir, 'src/broken.ts'));
  }
});

test.serial('ts-patch: tspc applies the transformer from tsconfig.json "plugins"; the output runs', async (t) => {
  rmSync(path.join(project.dir, 'out'), { recursive: true, force: true });
  for (const [command, ...args] of commands('ts-patch/build.sh')) await project.exec(command!, args);
  t.regex(readFileSync(path.join(project.dir, 'out/page.js'), 'utf8'), /require\("babel-plugin-wx-request\/runtime(\/lean)?"\)/);
  await runsAndReaches(t, 'out/main.js');
});
