// `npm run fuzz`: the differential fuzzer's long run (FUZZ_PROGRAMS, default 100,000; FUZZ_SEED):
// random programs and the real packages' files, each read by the text front end and by the Babel
// plugin. Prints the counts; exits 1 on any difference, printing the first ones.
import { fuzzFiles, fuzzPrograms, type FuzzCounts } from '../test/support/fuzz-run.js';
import { realPackageFiles } from '../bench/real-code.js';

const programs = Number(process.env['FUZZ_PROGRAMS'] ?? 100_000);
const seed = Number(process.env['FUZZ_SEED'] ?? 1);
const started = Date.now();
const line = (what: string, counts: FuzzCounts) =>
  `${what}: ${counts.programs} made, ${counts.valid} valid, ${counts.read} read from their tokens, ${counts.differences.length} differences`;

const random = fuzzPrograms(programs, seed, (counts) => process.stderr.write(`  ${line('so far', counts)} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`));
const { files, all, packages } = realPackageFiles();
const real = fuzzFiles(files);
console.log(line(`random programs (seeds ${seed}…${seed + programs - 1})`, random));
console.log(line(`real files (${packages.join(', ')}; ${files.length} of their ${all.length} files may reference wx.request)`, real));
console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
const differences = [...random.differences, ...real.differences];
for (const { file, code, differences: found } of differences.slice(0, 10)) console.log(`\n--- ${file}\n${code}\n${found.join('\n')}`);
process.exitCode = differences.length > 0 ? 1 : 0;
