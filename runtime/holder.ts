import { request } from './request.js';
import type { DownloadFileOption, DownloadTask, UploadFileOption, UploadTask } from './file-types.js';
import type { RequestFunction } from './types.js';

/**
 * The stand-in for the `request` property of WeChat's shared `wx` object. The plugin rewrites every
 * `wx.request` read, write and `Object.defineProperty(wx, 'request', …)` to this one object, so a
 * wrapper installed in one file (`wx.request = function (o) { … }`) is what every later call in any
 * file goes through, as on WeChat, with or without a `wx` global on the page.
 */
// uploadFile and downloadFile are put on it by their entries' install functions (upload-file.ts).
const wxRequestHolder: { request: RequestFunction; uploadFile?: (options: UploadFileOption) => UploadTask; downloadFile?: (options: DownloadFileOption) => DownloadTask } = { request };

// Exported as `wx` but named apart: a bundler that hoists modules into one scope (esbuild, Rollup)
// keeps the local name, so a bundle reads `wxRequestHolder.request(…)`, never a bare `wx.request`
// that looks like (and could be mistaken for) a call on the page's global `wx`.
export { wxRequestHolder as wx };
