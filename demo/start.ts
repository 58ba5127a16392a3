// `npm start`: ports the bundled sample mini-program, bundles it with Rollup and the plugin,
// starts the API and the page on 127.0.0.1, and prints the diagnostics of the mistakes folder.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runPort } from '../cli/port/run.js';
import { startApiServer } from './api-server.js';
import { startStaticServer } from './static-server.js';
import { isUpToDate } from './up-to-date.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: npm start -- [--port 3000] [--api-port 3100] [--host 127.0.0.1]
  (or PORT / API_PORT in the environment; 0 picks any free port)`;

function options() {
  try {
    const { values } = parseArgs({ options: { port: { type: 'string' }, 'api-port': { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean' } } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const port = Number(values.port ?? process.env['PORT'] ?? 3000);
    const apiPort = Number(values['api-port'] ?? process.env['API_PORT'] ?? 3100);
    for (const [name, value] of [['--port', port], ['--api-port', apiPort]] as const) {
      if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number from 0 to 65535`);
    }
    return { port, apiPort, host: values.host ?? '127.0.0.1' };
  } catch (error) {
    process.stderr.write(`npm start: ${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
}

const settings = options();
const work = path.join(ROOT, '.tmp/demo');
const ported = path.join(work, 'sample-app-web');
const bundle = path.join(work, 'app.js');
// The bundle is made from these alone (dist/ is the plugin and runtime `npm run build` just brought
// up to date): when it is newer than all of them, porting and bundling again would give it again.
const bundleInputs = ['fixtures/sample-app', 'demo/page', 'demo/bundle.ts', 'babel.config.js', 'package.json', 'dist'].map((input) => path.join(ROOT, input));

if (isUpToDate(bundle, bundleInputs)) {
  process.stdout.write(`Up to date: ${path.relative(process.cwd(), bundle)} (fixtures/sample-app ported and bundled; nothing changed since)\n\n`);
} else {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  process.stdout.write('Porting fixtures/sample-app…\n');
  await runPort([path.join(ROOT, 'fixtures/sample-app'), '--out-dir', ported]);
  // Rollup and its plugins load only when there is something to bundle.
  const { bundleDemo } = await import('./bundle.js');
  await bundleDemo(ported, bundle);
  process.stdout.write(`Bundled with Rollup + @rollup/plugin-babel: ${path.relative(process.cwd(), bundle)} (${(statSync(bundle).size / 1024).toFixed(1)} kB)\n\n`);
}

// The mistakes are the point of this step: printed on every start (it takes under a second).
process.stdout.write('Diagnostics of fixtures/sample-app-mistakes (deliberate mistakes; exit code 1 there is expected):\n\n');
const mistakes = path.join(work, 'mistakes-web');
rmSync(mistakes, { recursive: true, force: true });
await runPort([path.join(ROOT, 'fixtures/sample-app-mistakes'), '--out-dir', mistakes]);

let api;
let site;
try {
  api = await startApiServer(settings.apiPort, settings.host);
  site = await startStaticServer({ port: settings.port, host: settings.host, pageDir: path.join(ROOT, 'demo/page'), bundleDir: work, apiOrigin: api.origin });
} catch (error) {
  process.stderr.write(`npm start: ${(error as Error).message}\n${USAGE}\n`);
  await api?.close();
  process.exit(1);
}
process.stdout.write(`\nAPI server:  ${api.origin}\nDemo page:   ${site.origin}/\n\nOpen the demo page and press "Run all scenarios". Press Ctrl-C to stop.\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await Promise.all([site?.close(), api?.close()]);
  process.stdout.write('Stopped.\n');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
