import { wxRequestUnplugin, type BundlerOptions } from './factory.js';

/** babel-plugin-wx-request/esbuild: the esbuild plugin (see the README, "Bundler plugins"). */
const wxRequest = wxRequestUnplugin.esbuild;

export default wxRequest;
export type { BundlerOptions };
