// `npm test`'s set-up (pretest): installs test/babel8/ (@babel/core 8 with the Node.js 22 it needs)
// when it is missing or its lock file changed since it was installed. It is a test dependency
// only: installing the package never runs it. Babel 8's packages ask for Node 22, so npm warns
// about engines when it runs on Node 20; the leg runs them on its own Node 22, so those warnings
// are silenced here.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './root.js';

const leg = path.join(ROOT, 'test/babel8');
const stamp = path.join(leg, 'node_modules/.installed-lock-sha256');
const lock = createHash('sha256').update(readFileSync(path.join(leg, 'package-lock.json'))).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lock) process.exit(0);
process.stdout.write('Installing the Babel 8 leg (npm ci --prefix test/babel8)…\n');
const npm = process.env['npm_execpath'];
const [command, args] = npm === undefined ? ['npm', []] : [process.execPath, [npm]];
execFileSync(command, [...args, 'ci', '--prefix', leg, '--no-audit', '--no-fund', '--loglevel=error'], { cwd: ROOT, stdio: 'inherit' });
writeFileSync(stamp, lock);
