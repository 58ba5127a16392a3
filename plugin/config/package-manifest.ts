import { readFileSync } from 'node:fs';
import path from 'node:path';

/** What the tools read of an installed package's package.json: the name and version users know it by. */
export interface PackageManifest {
  name?: unknown;
  version?: unknown;
  /** The packages it depends on at run time (the dev proxy reads the app's: devProxy's origins). */
  dependencies?: unknown;
}

/**
 * The package.json of the package in `folder`, or undefined when it is absent, unreadable or not
 * an object: a dependency's finding or listing then falls back on its folder's name, never fails.
 */
export function readPackageManifest(folder: string): PackageManifest | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8'));
    return value !== null && typeof value === 'object' ? (value as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}
