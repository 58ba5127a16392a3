export interface PortSummary {
  sources: number;
  /** Source files written with the plugin's edits applied. */
  rewrittenFiles: number;
  /** Source files with nothing to rewrite: written byte for byte as read. */
  unchangedFiles: number;
  copied: number;
  /** wx.request references rewritten. */
  rewritten: number;
  /** Problems fixed by --fix. */
  fixed: number;
  errors: number;
  warnings: number;
  skippedLinks: number;
  milliseconds: number;
}

/** A source file copied unchanged although it holds calls to port. */
export interface NotPorted {
  file: string;
  reason: string;
  /** The `wx.request` references it still holds; undefined when they could not be counted. */
  references: number | undefined;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatSummary(summary: PortSummary, notPorted: number): string {
  const files = [`${summary.rewrittenFiles} rewritten (${plural(summary.rewritten, 'wx.request reference')})`, `${summary.unchangedFiles} unchanged byte for byte`];
  if (notPorted > 0) files.push(`${notPorted} not ported`);
  const parts = [`${plural(summary.sources, 'source file')}: ${files.join(', ')}`, `copied ${plural(summary.copied, 'other file')}`, plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.fixed > 0) parts.push(`${plural(summary.fixed, 'problem')} fixed by --fix`);
  if (summary.skippedLinks > 0) parts.push(`${plural(summary.skippedLinks, 'symbolic link')} not followed (out of the tree or broken)`);
  return `${parts.join('; ')}; in ${(summary.milliseconds / 1000).toFixed(2)} s.`;
}

/** Every file that was not ported, why, and what it still holds: nothing is left out in silence. */
export function formatNotPorted(files: readonly NotPorted[]): string {
  const lines = files.map(({ file, reason, references }) => {
    const left = references === undefined ? 'its wx.request references could not be counted' : `${plural(references, 'wx.request reference')} left unchanged`;
    return `  ${file}: ${reason}; ${left}`;
  });
  return `Not ported (copied unchanged), ${plural(files.length, 'file')}:\n${lines.join('\n')}`;
}
