import { createRequire } from 'node:module';

type Manifest = { version: string; peerDependencies: Record<string, string> };

/** The package's own package.json, by self-reference (the exports map lists it), from source or dist/ alike. */
export const manifest = createRequire(import.meta.url)('babel-plugin-wx-request/package.json') as Manifest;

/**
 * When `error` says that peer dependency `name` is not installed, the one line that says so and how
 * to fix it; otherwise undefined. Used where a command first loads the peer.
 */
export function missingPeerMessage(error: unknown, name: string, needed: string): string | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if ((code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') || typeof message !== 'string') return undefined;
  if (!message.includes(`'${name}'`) && !message.includes(`"${name}"`)) return undefined;
  const range = manifest.peerDependencies[name] ?? '*';
  return `${needed} needs ${name}@"${range}" (a peer dependency), which is not installed: run npm install --save-dev ${name}`;
}
