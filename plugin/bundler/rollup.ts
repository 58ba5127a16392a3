import { wxRequestUnplugin, type BundlerOptions } from './factory.js';

/** babel-plugin-wx-request/rollup: the rollup plugin (see the README, "Bundler plugins"). */
const wxRequest = wxRequestUnplugin.rollup;

export default wxRequest;
export type { BundlerOptions };
