import { apiOf, isUnknown } from '../call-site.js';
import type { NetworkApi } from '../network-apis.js';
import type { Rule } from './rule.js';

/** What each API cannot do without (WeChat fails the call); request's url is left to the runtime, as before. */
const REQUIRED: Readonly<Partial<Record<NetworkApi, readonly string[]>>> = {
  uploadFile: ['url', 'filePath', 'name'],
  downloadFile: ['url'],
};

const WHAT: Readonly<Record<string, string>> = {
  url: 'the URL to send it to',
  filePath: 'the path of the file to upload (a tempFilePath, or filePathOf(file) on the web)',
  name: 'the form field name the server reads the file from',
};

export const requiredOption: Rule = {
  id: 'required-option',
  defaultSeverity: 'error',
  apis: ['uploadFile', 'downloadFile'],
  namesApi: true,
  description: 'A wx.uploadFile or wx.downloadFile call whose options are known in full lacks an option the API requires.',
  help: 'wx.uploadFile needs url, filePath and name; wx.downloadFile needs url. Without one WeChat fails the call at run time. Add it; when the options come from a spread or a variable, the rule cannot tell and says nothing.',
  example: "wx.uploadFile({ url: 'https://api.example.com/avatar', filePath: path })",
  check(site) {
    if (isUnknown(site.options) || !site.options.complete) return [];
    const api = apiOf(site);
    const given = new Set(site.options.keys.map((key) => key.name));
    return (REQUIRED[api] ?? [])
      .filter((name) => !given.has(name))
      .map((name) => ({ span: site.span, message: `wx.${api} needs the "${name}" option (${WHAT[name]}): WeChat fails the call without it. Add it.` }));
  },
};
