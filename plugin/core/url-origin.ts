import { normaliseOrigin } from '../../runtime/origin.js';
import { HOLE, leadingText, type StaticValue } from './call-site.js';

/**
 * Which origin a call's URL goes to, as far as the build can know it: `wx-request origins` lists
 * them (the domains WeChat's admin console asks for) and the bundlers' dev proxy forwards to them.
 * Decided from the same evaluated value the rules read, so what is listed is what is checked.
 */
export type UrlOrigin =
  /** `scheme://host[:port]`, lower case (as allowedOrigins compares them). */
  | { kind: 'origin'; origin: string }
  /** A path on the page's own origin (`/api/items`, `./x`, `items?id=1`): no other server. */
  | { kind: 'relative' }
  /**
   * Not known at build time; `why` says which part is missing, for the listing. `likely` is the
   * origin as far as it is written when a value follows the host (`BASE + path`, with BASE
   * 'https://api.example.com'): the path may still go on with the host, so it is no certainty.
   */
  | { kind: 'unknown'; why: string; likely?: string };

// The authority, closed by the path, the query, the fragment or the end of a fully known string.
const ABSOLUTE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:[^/?#\\@]*@)?([^/?#\\]*)([/?#\\]|$)/;
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

export function originOf(url: StaticValue | undefined): UrlOrigin {
  if (url === undefined) return { kind: 'unknown', why: 'no url option' };
  if (url.kind !== 'string') return { kind: 'unknown', why: url.kind === 'unknown' ? 'url not known at build time' : 'url is not a string' };
  if (url.parts[0] === HOLE) return { kind: 'unknown', why: 'url starts with a value not known at build time' };
  const leading = leadingText(url.parts);
  const whole = !url.parts.includes(HOLE);
  const text = leading.trim();
  if (text.startsWith('//')) return { kind: 'unknown', why: 'scheme-relative url (takes the page\'s scheme)' };
  const absolute = ABSOLUTE.exec(text);
  // The authority is known when something closes it, or when the whole string is known.
  if (absolute && absolute[2] && (absolute[3] !== '' || whole)) return { kind: 'origin', origin: normaliseOrigin(`${absolute[1]}://${absolute[2]}`) };
  if (whole) return SCHEME.test(text) ? { kind: 'unknown', why: 'not an http(s) url' } : { kind: 'relative' };
  // Partly known: relative only when no later part can still make a scheme (`'https' + rest`), that
  // is when a `/`, `?` or `#` comes before any `:`.
  if (/^[^:]*[/?#]/.test(text) && !absolute) return { kind: 'relative' };
  if (absolute && absolute[2]) {
    const likely = normaliseOrigin(`${absolute[1]}://${absolute[2]}`);
    return { kind: 'unknown', why: `a value not known at build time follows "${likely}" (it could go on with the host)`, likely };
  }
  return { kind: 'unknown', why: 'the host is not known at build time' };
}
