import { readFileSync } from 'node:fs';
import { writeCodeBase } from './bench/generate.js';
import { mayReferenceRequest } from './plugin/core/quick-check.js';
import { transformFile } from './plugin/bundler/transform-file.js';
import { transformFile as distTransform } from './dist/plugin/bundler/transform-file.js';
const cb = writeCodeBase({ files: 400 });
const pass = cb.jsFiles.map((f) => [f, readFileSync(f, 'utf8')] as const).filter(([, t]) => mayReferenceRequest(t, ['wx']));
const r: Record<string, number[]> = { src: [], dist: [] };
for (let i = 0; i < 8; i++) for (const [name, fn] of (i % 2 ? [['src', transformFile], ['dist', distTransform]] : [['dist', distTransform], ['src', transformFile]]) as any) {
  const c0 = process.cpuUsage(); for (const [f, t] of pass) await fn(t, f, { onDiagnostic: () => {} }); const c = process.cpuUsage(c0); r[name].push((c.user + c.system) / 1000);
}
for (const k in r) { const s = r[k].slice(2).sort((a, b) => a - b); console.log(k, s.map((x) => x.toFixed(0)).join(' ')); }
const a = await transformFile(pass[0][1], pass[0][0], {}), b = await distTransform(pass[0][1], pass[0][0], {});
console.log('same output', a.output?.code === b.output?.code);
