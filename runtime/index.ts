// babel-plugin-wx-request/runtime: wx.request for the web. No side effects at import.
export { request } from './request.js';
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
