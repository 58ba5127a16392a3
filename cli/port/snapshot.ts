import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/** A source file as read: its bytes and what says whether it is still the same file. */
export interface Snapshot {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  hash: string;
}

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function takeSnapshot(file: string): Snapshot {
  const before = statSync(file);
  const bytes = readFileSync(file);
  return { bytes, size: before.size, mtimeMs: before.mtimeMs, hash: hashOf(bytes) };
}

/**
 * Whether the file still is what was read: size and modification time first (cheap), then the
 * content itself, since an editor can rewrite a file within the clock's resolution.
 */
export function stillSame(file: string, snapshot: Snapshot): boolean {
  const now = statSync(file, { throwIfNoEntry: false });
  if (!now || now.size !== snapshot.size || now.mtimeMs !== snapshot.mtimeMs) return false;
  return hashOf(readFileSync(file)) === snapshot.hash;
}

/** The text of a file, when its bytes are UTF-8 that decode and encode back to themselves. */
export function utf8Text(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  return Buffer.byteLength(text, 'utf8') === bytes.length && Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}
