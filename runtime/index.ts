// babel-plugin-wx-request/runtime: wx.request for the web. No side effects at import.
import { readChunks } from './chunks.js';
import { encodeObjectBody } from './form-body.js';
import { createRequest } from './request.js';

/** wx.request for the web: every feature (form bodies, chunked responses). */
export const request = /* @__PURE__ */ createRequest({ encodeObject: encodeObjectBody, chunkReader: readChunks });
export { configure } from './configure.js';
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
  RequestOption,
  RequestTask,
  ResponseData,
  SuccessResult,
  Transport,
  TransportRequest,
  TransportResponse,
} from './types.js';
