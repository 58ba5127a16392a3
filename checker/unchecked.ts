import { apiOf, HOLE, isUnknown, knownText, leadingText, type CallSite, type Span, type StaticValue } from '../plugin/core/call-site.js';
import type { NetworkApi } from '../plugin/core/network-apis.js';
import { findPort } from '../plugin/core/url-port.js';

/** A call site whose method, url or header could not be known at build time: a blind spot. */
export interface UncheckedSite extends Span {
  file: string;
  /** The API called (request, uploadFile, downloadFile). */
  api: NetworkApi;
  /** What could not be known: 'options', 'method', 'url', 'header'. */
  unknown: string[];
}

const AUTHORITY_CLOSED = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\/[^/?#\\]*[/?#\\]/;

/** Whether what is known of a URL settles the port question (a literal, a known origin, a relative path). */
function urlKnown(value: StaticValue): boolean {
  if (value.kind !== 'string') return false;
  if (knownText(value) !== undefined || findPort(value.parts) !== undefined) return true;
  if (value.parts[0] === HOLE) return false;
  const leading = leadingText(value.parts);
  if (AUTHORITY_CLOSED.test(leading)) return true;
  // A relative URL (`/api/` + id, `./x`) carries no port.
  return (leading.startsWith('/') && !leading.startsWith('//')) || leading.startsWith('.');
}

export function uncheckedParts(site: CallSite): string[] {
  const options = site.options;
  if (isUnknown(options)) return ['options'];
  const unknown: string[] = [];
  if (!options.complete) unknown.push('options');
  if (options.method && knownText(options.method) === undefined) unknown.push('method');
  if (options.url && !urlKnown(options.url)) unknown.push('url');
  if (options.header && (isUnknown(options.header) || !options.header.complete)) unknown.push('header');
  return unknown;
}

export function uncheckedSites(sites: readonly CallSite[]): UncheckedSite[] {
  return sites.flatMap((site) => {
    const unknown = uncheckedParts(site);
    return unknown.length === 0 ? [] : [{ file: site.file, api: apiOf(site), ...site.span, unknown }];
  });
}

export function uncheckedMessage(site: UncheckedSite): string {
  return `wx.${site.api} call not statically known (${site.unknown.join(', ')}): the rules could not check it.`;
}
