import type { ChunkReader } from './chunks.js';
import type { ProfileReader } from './profile.js';
import { encodeJson, type ObjectEncoder } from './serialize.js';

/**
 * The parts a page may do without: the form body encoding, the chunk reader and `res.profile`.
 * There is one `request` (as WeChat has one `wx.request`); the full entry (index.ts) installs every
 * part when a file imports from it, the lean entry (lean.ts) installs nothing, so a page whose files
 * all import the lean entry bundles none of them.
 */
export interface RequestFeatures {
  encodeObject: ObjectEncoder;
  /** The body chunk listener for a request (with `enableChunked`), if the runtime reads chunks. */
  chunkReader?: ChunkReader;
  /** Adds `profile` to a success result. */
  profile?: ProfileReader;
}

export const features: RequestFeatures = { encodeObject: encodeJson };
