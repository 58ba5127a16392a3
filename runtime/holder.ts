import { request } from './request.js';
import type { RequestFunction } from './types.js';

/**
 * The stand-in for the `request` property of WeChat's shared `wx` object. The plugin rewrites every
 * `wx.request` read, write and `Object.defineProperty(wx, 'request', …)` to this one object, so a
 * wrapper installed in one file (`wx.request = function (o) { … }`) is what every later call in any
 * file goes through, as on WeChat, with or without a `wx` global on the page.
 */
export const wx: { request: RequestFunction } = { request };
