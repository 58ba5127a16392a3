import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A fresh folder outside the repository (so no package.json above it has a say), with these files. */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'wx-request-config-'));
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
}

/** A page whose URL has a port: an error of url-no-port unless its origin is allowed. */
export const PAGE_WITH_PORT = "wx.request({ url: 'https://api.example.com:8443/items' });\nmodule.exports = {};\n";
export const ORIGIN = 'https://api.example.com:8443';
