/**
 * The network APIs of WeChat's `wx` that the plugin rewrites and checks, and the runtime serves:
 * `request`, and its siblings `uploadFile` and `downloadFile` (SPEC.md). Every front end asks
 * here whether a property name is one of them, so a reference to any of them is found, rewritten
 * and described alike; the rules read each call site's `api`.
 */
export const NETWORK_APIS = ['request', 'uploadFile', 'downloadFile'] as const;
export type NetworkApi = (typeof NETWORK_APIS)[number];

export function isNetworkApi(name: string | undefined): name is NetworkApi {
  return name === 'request' || name === 'uploadFile' || name === 'downloadFile';
}

/** The APIs other than request: each has its own runtime entry, which the rewrite installs when a file references it. */
export const FILE_APIS: readonly NetworkApi[] = ['uploadFile', 'downloadFile'];
