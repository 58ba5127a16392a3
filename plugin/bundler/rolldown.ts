import { wxRequestUnplugin, type BundlerOptions } from './factory.js';

/** babel-plugin-wx-request/rolldown: the rolldown plugin (see the README, "Bundler plugins"). */
const wxRequest = wxRequestUnplugin.rolldown;

export default wxRequest;
export type { BundlerOptions };
