// The differential fuzzer's fixed-seed slice (the long run is `npm run fuzz`): random programs of
// the forms where a reading from tokens could go wrong (test/support/fuzz-programs.ts), and the
// files of published mini-program packages installed from npm (devDependencies). Whatever the text
// front end reads, it must read as the Babel plugin does: same diagnostics, same rewrite, same
// runtime entry. A difference prints the program, so it can become a fixture.
import test from 'ava';
import { fuzzFiles, fuzzPrograms, type FuzzCounts } from '../support/fuzz-run.js';
import { realPackageFiles } from '../../bench/real-code.js';

const SLICE = 10_000;
const SEED = 20261208;

function report(t: import('ava').ExecutionContext, what: string, counts: FuzzCounts): void {
  t.log(`${what}: ${counts.programs} made, ${counts.valid} valid, ${counts.read} read from their tokens, ${counts.differences.length} differences`);
  for (const { file, code, differences } of counts.differences.slice(0, 5)) t.log(`${file}\n${code}\n${differences.join('\n')}`);
  t.deepEqual(counts.differences, []);
}

test('random programs (a fixed-seed slice): whatever is read from tokens is read as the Babel plugin reads it', (t) => {
  const counts = fuzzPrograms(SLICE, SEED);
  report(t, 'programs', counts);
  t.true(counts.valid > SLICE * 0.5, `${counts.valid} of ${SLICE} valid: the generator makes programs Babel parses`);
  t.true(counts.read > counts.valid * 0.1, `${counts.read} of ${counts.valid} read: the slice reaches the text front end`);
});

test('published mini-program packages: every file that may reference wx.request is read as the Babel plugin reads it', (t) => {
  const { files, packages } = realPackageFiles();
  t.true(packages.length >= 4, packages.join(', '));
  report(t, `${packages.join(', ')}`, fuzzFiles(files));
});
