import type { ChunkReader } from './chunks.js';
import { encodeJson, type ObjectEncoder } from './serialize.js';

/**
 * The parts a page may do without: the form body encoding and the chunk reader. There is one
 * `request` (as WeChat has one `wx.request`); the full entry (index.ts) installs both parts when a
 * file imports from it, the lean entry (lean.ts) installs nothing, so a page whose files all import
 * the lean entry bundles neither.
 */
export interface RequestFeatures {
  encodeObject: ObjectEncoder;
  /** The body chunk listener for a request (with `enableChunked`), if the runtime reads chunks. */
  chunkReader?: ChunkReader;
}

export const features: RequestFeatures = { encodeObject: encodeJson };
