import path from 'node:path';

/** A file as users see it: relative to the working directory when inside it, with `/`. */
export function displayPath(filename: string | null | undefined, cwd: string): string {
  if (!filename) return '<input>';
  const relative = path.relative(cwd, filename);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filename;
  return shown.split(path.sep).join('/');
}
