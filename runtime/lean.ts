// babel-plugin-wx-request/runtime/lean: the same request without the form body encoding and the
// chunk reader. The plugin imports it for a file whose every call is a plain GET or HEAD without
// `enableChunked`, so such a page's bundle carries neither. It shares the queue and the settings of
// the full runtime (configure() from either entry applies to both).
import { createRequest } from './request.js';
import { encodeJson } from './serialize.js';

export const request = /* @__PURE__ */ createRequest({ encodeObject: encodeJson });
export { configure } from './configure.js';
export { fetchTransport } from './transport/fetch.js';
