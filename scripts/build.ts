// `npm run build`: the ES module build (dist/), the CommonJS build (dist/cjs/), and the ES module
// wrappers that let Node `import` the CommonJS build (dist/node/). tsc runs in build mode, so an
// unchanged tree costs a timestamp check, not a compile. `--clean` (prepack) starts from nothing,
// so the tarball never carries the output of a deleted source file.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './root.js';
import { writeNodeWrappers } from './node-wrappers.js';
import { writeIfChanged } from './write-if-changed.js';

if (process.argv.includes('--clean')) rmSync(path.join(ROOT, 'dist'), { recursive: true, force: true });
// tsc's build mode trusts its tsBuildInfo: with dist/ deleted by hand it would emit nothing, so the
// info goes with the output it describes.
if (!existsSync(path.join(ROOT, 'dist/plugin')) || !existsSync(path.join(ROOT, 'dist/cjs/plugin'))) {
  rmSync(path.join(ROOT, '.tmp/tsbuildinfo'), { recursive: true, force: true });
}

const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '--build', 'tsconfig.build.json', 'tsconfig.cjs.json'], { cwd: ROOT, stdio: 'inherit' });
} catch {
  process.exit(1); // tsc printed its diagnostics
}

// dist/cjs/ holds CommonJS in a "type": "module" package: this marker makes Node read it so.
writeIfChanged(path.join(ROOT, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' })}\n`);
writeNodeWrappers();
