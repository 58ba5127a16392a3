// Profiling aid for benchmark 4: runs only one side's requests against the benchmark server, so
// that `node --cpu-prof` sees the request path and little else.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile-runtime.ts <ours|fetch> [requests]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { ROOT } from './load.js';

const [kind = 'ours', countText = '20000'] = process.argv.slice(2);
const count = Number(countText);
const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'server.ts')], { stdio: ['ignore', 'pipe', 'inherit'] });
const port = await new Promise<number>((resolve) => server.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
const url = `http://127.0.0.1:${port}/items`;
interface Runtime {
  request(options: { url: string; complete?: () => void }): unknown;
  configure(options: { allowedOrigins?: string[] }): void;
}
const runtime = (await import(pathToFileURL(path.join(ROOT, 'dist/runtime/index.js')).href)) as Runtime;
runtime.configure({ allowedOrigins: [`http://127.0.0.1:${port}`] });
const start = performance.now();
if (kind === 'ours') {
  await new Promise<void>((resolve) => {
    let left = count;
    for (let i = 0; i < count; i++) runtime.request({ url, complete: () => void (--left || resolve()) });
  });
} else {
  const limit = pLimit(10);
  await Promise.all(Array.from({ length: count }, () => limit(async () => (await fetch(url)).json())));
}
process.stdout.write(`${kind}: ${count} requests in ${(performance.now() - start).toFixed(0)} ms\n`);
server.kill('SIGTERM');
