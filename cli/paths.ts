import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

/** Whether `child` is `parent` or below it (`parent/..web` is below; `parent/../web` is not). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/**
 * Where a path really is, following symbolic links, even when its last parts do not exist yet:
 * the real path of the nearest existing ancestor, then the rest as written.
 */
export function realLocation(target: string): string {
  const absolute = path.resolve(target);
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(realpathSync(existing), path.relative(existing, absolute));
}
