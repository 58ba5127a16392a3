import { wxRequestUnplugin, type BundlerOptions } from './factory.js';

/** babel-plugin-wx-request/rspack: the rspack plugin (see the README, "Bundler plugins"). */
const wxRequest = wxRequestUnplugin.rspack;

export default wxRequest;
export type { BundlerOptions };
