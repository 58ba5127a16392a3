import { wxRequestUnplugin, type BundlerOptions } from './factory.js';

/** babel-plugin-wx-request/webpack: the webpack plugin (see the README, "Bundler plugins"). */
const wxRequest = wxRequestUnplugin.webpack;

export default wxRequest;
export type { BundlerOptions };
