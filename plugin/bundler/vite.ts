import { wxRequestUnplugin, type BundlerOptions } from './factory.js';

/** babel-plugin-wx-request/vite: the vite plugin (see the README, "Bundler plugins"). */
const wxRequest = wxRequestUnplugin.vite;

export default wxRequest;
export type { BundlerOptions };
