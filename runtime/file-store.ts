/**
 * Files on the web (SPEC.md, our choice): a path is a URL the page can use. The runtime keeps the
 * bodies of its own paths (downloadFile's tempFilePath, filePathOf()) by URL, so that an upload of
 * one reads it back without a fetch (Node's fetch reads no `blob:` URL), until revokeTempFilePath().
 */
const kept = new Map<string, Blob>();

/** A `blob:` URL for the body, kept by the runtime. */
export function keepFile(blob: Blob, path = URL.createObjectURL(blob)): string {
  kept.set(path, blob);
  return path;
}

/** A path for a `File` or `Blob` (an `<input type="file">`'s file), to pass to wx.uploadFile as `filePath`. */
export const filePathOf = (file: Blob): string => keepFile(file);

/** Forgets a path made by the runtime and frees its body. */
export function revokeTempFilePath(path: string): void {
  if (kept.delete(path) && path.startsWith('blob:')) URL.revokeObjectURL(path);
}

/** The body behind a path: one the runtime keeps, else what the page reads at that URL. */
export async function readFile(path: unknown): Promise<Blob> {
  const own = kept.get(path as string);
  if (own) return own;
  const response = await fetch(path as string);
  if (!response.ok) throw new Error(`status ${response.status}`);
  return response.blob();
}
