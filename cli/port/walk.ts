import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isInside } from '../paths.js';

export interface TreeEntry {
  /** Path relative to the root, with the platform's separator. */
  relative: string;
  absolute: string;
}

export interface Tree {
  files: TreeEntry[];
  /** Symbolic links that point outside the root: never followed, reported. */
  skipped: TreeEntry[];
  /** Symbolic links whose target does not exist (or that loop): reported. */
  broken: TreeEntry[];
}

/**
 * Every file under `root`, in a stable order. A symbolic link is followed only when its target
 * stays inside the root, so a port never reads outside the tree it was given.
 */
export function walkTree(root: string): Tree {
  const realRoot = realpathSync(root);
  const tree: Tree = { files: [], skipped: [], broken: [] };
  const visit = (directory: string) => {
    for (const name of readdirSync(directory).sort()) {
      const absolute = path.join(directory, name);
      const entry = { relative: path.relative(root, absolute), absolute };
      let stats = lstatSync(absolute);
      if (stats.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch {
          tree.broken.push(entry);
          continue;
        }
        if (!isInside(target, realRoot)) {
          tree.skipped.push(entry);
          continue;
        }
        stats = statSync(absolute);
        // A link to a folder of the tree would be walked twice (or forever): its target is walked anyway.
        if (stats.isDirectory()) continue;
      }
      if (stats.isDirectory()) visit(absolute);
      else if (stats.isFile()) tree.files.push(entry);
    }
  };
  visit(root);
  return tree;
}
