// Reads a V8 .cpuprofile (from `node --cpu-prof`) and prints the frames with the most self time,
// and the same grouped by file: what dominates a benchmark that misses its target.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/run.ts   (BENCH_ONLY=… to pick one)
//   npx tsx bench/profile-top.ts /tmp/prof/CPU.….cpuprofile [count]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, countText = '25'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: tsx bench/profile-top.ts <file.cpuprofile> [count]\n');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const shorten = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/work\/main\//, '');
const byFrame = new Map<string, number>();
const byFile = new Map<string, number>();
for (const [id, time] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const where = url ? `${shorten(url)}:${lineNumber + 1}` : '(native)';
  const key = `${functionName || '(anonymous)'}  ${where}`;
  byFrame.set(key, (byFrame.get(key) ?? 0) + time);
  const fileKey = url ? shorten(url) : functionName || '(native)';
  byFile.set(fileKey, (byFile.get(fileKey) ?? 0) + time);
}
const print = (title: string, map: Map<string, number>) => {
  process.stdout.write(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)\n`);
  for (const [key, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, Number(countText))) {
    process.stdout.write(`${((100 * time) / total).toFixed(1).padStart(5)}%  ${(time / 1000).toFixed(0).padStart(6)} ms  ${key}\n`);
  }
};
print('self time by frame', byFrame);
print('self time by file', byFile);
