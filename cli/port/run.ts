import { copyFileSync, lstatSync, mkdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../../plugin/core/diagnostic.js';
import { formatDiagnostic } from '../../plugin/core/format.js';
import { isInside } from '../paths.js';
import { parsePortOptions } from './options.js';
import { portFile } from './port-file.js';
import { walkTree } from './walk.js';

const SOURCE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);
/** Trees larger than this get a progress line. */
const PROGRESS_FROM = 300;

export interface PortSummary {
  sources: number;
  copied: number;
  rewritten: number;
  errors: number;
  warnings: number;
  unparsed: number;
  skippedLinks: number;
  milliseconds: number;
}

/**
 * Makes the folder of an output file and checks that writing it stays inside the output directory:
 * a symbolic link already in --out-dir (a folder, or the file itself) must not carry a write out.
 * An existing link at the file's own place is removed, so the write replaces it.
 */
function prepareOutput(outFile: string, realOut: string): boolean {
  mkdirSync(path.dirname(outFile), { recursive: true });
  if (!isInside(realpathSync(path.dirname(outFile)), realOut)) return false;
  for (const file of [outFile, `${outFile}.map`]) {
    if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(file);
  }
  return true;
}

function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(file)) && !file.endsWith('.d.ts');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatSummary(summary: PortSummary): string {
  const parts = [
    `ported ${plural(summary.sources, 'source file')} (${plural(summary.rewritten, 'wx.request reference')} rewritten)`,
    `copied ${plural(summary.copied, 'other file')}`,
    plural(summary.errors, 'error'),
    plural(summary.warnings, 'warning'),
  ];
  if (summary.unparsed > 0) parts.push(`${plural(summary.unparsed, 'file')} copied unchanged because ${summary.unparsed === 1 ? 'it does' : 'they do'} not parse`);
  if (summary.skippedLinks > 0) parts.push(`${plural(summary.skippedLinks, 'symbolic link')} not followed (out of the tree or broken)`);
  return `${parts.join(', ')}, in ${(summary.milliseconds / 1000).toFixed(2)} s.`;
}

/** `wx-request port`: returns the exit code (0, or 1 when an error was found). */
export async function runPort(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const options = parsePortOptions(argv);
  const started = performance.now();
  const tree = walkTree(options.input);
  const summary: PortSummary = { sources: 0, copied: 0, rewritten: 0, errors: 0, warnings: 0, unparsed: 0, skippedLinks: tree.skipped.length + tree.broken.length, milliseconds: 0 };
  const diagnostics: { diagnostic: Diagnostic; source: string }[] = [];
  const showProgress = tree.files.length > PROGRESS_FROM && !options.quiet;
  const cwd = process.cwd();

  mkdirSync(options.outDir, { recursive: true });
  const realOut = realpathSync(options.outDir);
  for (const [index, entry] of tree.files.entries()) {
    if (showProgress && index % 100 === 0) err.write(`wx-request port: ${index}/${tree.files.length} files…\n`);
    const outFile = path.join(options.outDir, entry.relative);
    if (!prepareOutput(outFile, realOut)) {
      err.write(`wx-request port: ${entry.relative} not written: a symbolic link in ${path.dirname(outFile)} leads out of the output directory.\n`);
      summary.errors++;
      continue;
    }
    if (!isSource(entry.relative)) {
      copyFileSync(entry.absolute, outFile);
      summary.copied++;
      continue;
    }
    summary.sources++;
    const source = readFileSync(entry.absolute, 'utf8');
    const display = path.relative(cwd, entry.absolute).split(path.sep).join('/');
    const result = await portFile(source, entry.absolute, options.input, outFile, options.config, display);
    for (const diagnostic of result.diagnostics) diagnostics.push({ diagnostic, source });
    if (result.diagnostics.some((diagnostic) => diagnostic.ruleId === 'parse-error')) summary.unparsed++;
    if (result.code === undefined) {
      copyFileSync(entry.absolute, outFile);
      continue;
    }
    summary.rewritten += result.rewritten;
    const mapName = `${path.basename(outFile)}.map`;
    writeFileSync(outFile, `${result.code}\n//# sourceMappingURL=${encodeURIComponent(mapName)}\n`);
    writeFileSync(`${outFile}.map`, JSON.stringify(result.map));
  }

  diagnostics.sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic));
  for (const { diagnostic, source } of diagnostics) {
    out.write(`${formatDiagnostic(diagnostic, source)}\n\n`);
    if (diagnostic.severity === 'error') summary.errors++;
    else summary.warnings++;
  }
  for (const link of tree.skipped) err.write(`wx-request port: ${link.relative} is a symbolic link out of ${argv[0] ?? 'the input'}; not followed.\n`);
  for (const link of tree.broken) err.write(`wx-request port: ${link.relative} is a broken symbolic link (its target is missing or it loops); skipped.\n`);
  summary.milliseconds = performance.now() - started;
  out.write(`${formatSummary(summary)}\n`);
  return summary.errors > 0 ? 1 : 0;
}
