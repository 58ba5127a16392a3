// babel-plugin-wx-request/runtime/lean: the same request and `wx` stand-in without installing the
// form body encoding and the chunk reader. The plugin imports it for a file whose every call is a
// plain GET or HEAD without `enableChunked`, so a page of such files bundles neither. The request,
// the queue and the settings are the full entry's own: once any file imports the full entry, every
// request has every feature.
export { wx } from './holder.js';
export { request } from './request.js';
export { allowOrigins, configure } from './configure.js';
export { fetchTransport } from './transport/fetch.js';
