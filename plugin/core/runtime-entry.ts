import { apiOf, isUnknown, knownText, type CallSite } from './call-site.js';

/**
 * Which module a file imports `request` from. The default runtime has a lean twin without the form
 * body encoding and the chunk reader; a file gets it when the plugin can see every call it makes
 * and each is a plain read: options known in full, a GET or HEAD, no `enableChunked`. Then a page
 * that only reads JSON bundles neither part.
 */
export function runtimeEntry(runtime: string, defaultRuntime: string, sites: readonly CallSite[], everyReferenceIsACall: boolean): string {
  // Only request's calls need the full entry's features; uploadFile and downloadFile bring their own.
  const lean = runtime === defaultRuntime && everyReferenceIsACall && sites.length > 0 && sites.every((site) => apiOf(site) !== 'request' || isPlainRead(site));
  return lean ? `${runtime}/lean` : runtime;
}

function isPlainRead(site: CallSite): boolean {
  const options = site.options;
  if (isUnknown(options) || !options.complete) return false;
  if (options.keys.some((key) => key.name === 'enableChunked')) return false;
  if (!options.method) return true;
  const method = knownText(options.method);
  return method === 'GET' || method === 'HEAD';
}
