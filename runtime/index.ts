// babel-plugin-wx-request/runtime: wx.request for the web. Importing `wx` or `request` from this
// entry installs the form body encoding, the chunk reader and `res.profile` (lean.ts installs none).
import { readChunks } from './chunks.js';
import { features } from './features.js';
import { encodeObjectBody } from './form-body.js';
import { defineProfile } from './profile.js';
import { wx as holder } from './holder.js';
import { request as plain } from './request.js';

// The assignment lives in the exported values' initialisers so that a bundler keeps it whenever a
// file uses what this entry exports (with `sideEffects: false` a bare statement could be dropped).
function install<T>(value: T): T {
  features.encodeObject = encodeObjectBody;
  features.chunkReader = readChunks;
  features.profile = defineProfile;
  return value;
}

/** The shared stand-in for `wx`'s `request` property, which the plugin's rewritten code reads and writes. */
export const wx = install(holder);
/** wx.request for the web, every feature (form bodies, chunked responses, res.profile). */
export const request = install(plain);
export { allowOrigins, configure } from './configure.js';
export { fetchTransport } from './transport/fetch.js';
export type {
  AnyObject,
  BodyReader,
  ChunkReceivedListener,
  ChunkReceivedResult,
  ConfigureOptions,
  FailResult,
  HeadersReceivedListener,
  HeadersReceivedResult,
  Method,
  RequestData,
  RequestFunction,
  RequestException,
  RequestOption,
  RequestProfile,
  RequestTask,
  ResponseData,
  SuccessResult,
  Transport,
  TransportRequest,
  TransportResponse,
} from './types.js';
