import { copyFileSync, lstatSync, mkdirSync, realpathSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../../plugin/core/diagnostic.js';
import { formatDiagnostic } from '../../plugin/core/format.js';
import { isInside } from '../paths.js';
import { parsePortOptions } from './options.js';
import { portFile, type PortOutcome } from './port-file.js';
import { stillSame, takeSnapshot, utf8Text } from './snapshot.js';
import { formatNotPorted, formatSummary, type NotPorted, type PortSummary } from './summary.js';
import { walkTree } from './walk.js';

const SOURCE_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);
/** Trees larger than this get a progress line. */
const PROGRESS_FROM = 300;

/** For tests: a moment between reading a file and writing its output. */
export interface PortHooks {
  afterRead?: (absolute: string) => void;
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

/** Written beside, then renamed: an interrupted port never leaves half a file. */
function writeWhole(file: string, content: string | Buffer): void {
  const temporary = `${file}.${process.pid}.partial`;
  writeFileSync(temporary, content);
  renameSync(temporary, file);
}

function isSource(file: string): boolean {
  return SOURCE_EXTENSIONS.has(path.extname(file)) && !file.endsWith('.d.ts');
}

/** The map's comment on a line of its own after the code, in the file's own line break. */
function withMapComment(code: string, mapName: string): string {
  const lineBreak = /\r\n/.test(code) ? '\r\n' : '\n';
  const comment = `//# sourceMappingURL=${encodeURIComponent(mapName)}`;
  return code.endsWith('\n') ? `${code}${comment}${lineBreak}` : `${code}${lineBreak}${comment}`;
}

/** `wx-request port`: returns the exit code (0, or 1 when an error was found or a file was not ported). */
export async function runPort(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr, hooks: PortHooks = {}): Promise<number> {
  const options = parsePortOptions(argv);
  const started = performance.now();
  const tree = walkTree(options.input);
  const summary: PortSummary = { sources: 0, rewrittenFiles: 0, unchangedFiles: 0, copied: 0, rewritten: 0, fixed: 0, errors: 0, warnings: 0, skippedLinks: tree.skipped.length + tree.broken.length, milliseconds: 0 };
  const notPorted: NotPorted[] = [];
  const diagnostics: { diagnostic: Diagnostic; source: string }[] = [];
  const showProgress = tree.files.length > PROGRESS_FROM && !options.quiet;
  const cwd = process.cwd();

  mkdirSync(options.outDir, { recursive: true });
  const realOut = realpathSync(options.outDir);
  for (const [index, entry] of tree.files.entries()) {
    if (showProgress && index % 100 === 0) err.write(`wx-request port: ${index}/${tree.files.length} files…\n`);
    const outFile = path.join(options.outDir, entry.relative);
    const display = path.relative(cwd, entry.absolute).split(path.sep).join('/');
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
    const snapshot = takeSnapshot(entry.absolute);
    const text = utf8Text(snapshot.bytes);
    const source = text ?? snapshot.bytes.toString('utf8');
    let outcome = await portFile({ source, filename: entry.absolute, root: options.input, outFile, configFile: options.config, display, fix: options.fix });
    for (const diagnostic of outcome.diagnostics) diagnostics.push({ diagnostic, source });
    if (text === undefined && outcome.kind === 'ported') {
      // Not UTF-8 (GBK, say): writing the rewrite would change its other bytes. Copied as it is.
      outcome = { kind: 'not-ported', reason: 'not UTF-8 text, so it was not rewritten (save it as UTF-8 and port again)', references: outcome.rewritten, diagnostics: outcome.diagnostics };
    }
    hooks.afterRead?.(entry.absolute);
    if (!stillSame(entry.absolute, snapshot)) {
      // Neither the old nor the new text would be right: nothing is written for this file.
      err.write(`wx-request port: ${display} changed while it was being ported; it was not written. Run the port again.\n`);
      summary.errors++;
      const references = outcome.kind === 'ported' ? outcome.rewritten : outcome.kind === 'not-ported' ? outcome.references : 0;
      notPorted.push({ file: display, reason: 'changed while it was being ported (not written; run the port again)', references });
      continue;
    }
    if (outcome.kind !== 'ported') {
      // Byte for byte as read: nothing to rewrite, or not ported.
      writeWhole(outFile, snapshot.bytes);
      if (outcome.kind === 'unchanged') summary.unchangedFiles++;
      else notPorted.push({ file: display, reason: outcome.reason, references: outcome.references });
      continue;
    }
    summary.rewritten += outcome.rewritten;
    summary.rewrittenFiles++;
    summary.fixed += outcome.fixed;
    const mapName = `${path.basename(outFile)}.map`;
    writeWhole(`${outFile}.map`, JSON.stringify({ ...outcome.map, file: path.basename(outFile) }));
    writeWhole(outFile, withMapComment(outcome.code, mapName));
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
  out.write(`${formatSummary(summary, notPorted.length)}\n`);
  if (notPorted.length > 0) out.write(`${formatNotPorted(notPorted)}\n`);
  return summary.errors > 0 || notPorted.length > 0 ? 1 : 0;
}
