import { HOLE, type StringPart } from './call-site.js';

/**
 * Where the port of a URL is, if the known parts show one. WeChat refuses any explicit port,
 * default ones (`:443`, `:80`) included. `user:pw@host`, `?port=8080` and `/a:8080` are not
 * ports: only the `:digits` after the host of the authority count.
 */
export interface PortFinding {
  /** `scheme://host[:port]` as far as known, for messages and the `allowedOrigins` match. */
  origin: string;
  /** The digits, or undefined when the port is written by an unknown part (`'host:' + PORT`). */
  port: string | undefined;
}

// `https://` or a scheme-relative `//`, which takes the page's scheme on the web.
const AUTHORITY_START = /^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?\/\//;
const AUTHORITY_END = /[/?#\\]/;

export function findPort(parts: StringPart[]): PortFinding | undefined {
  const first = parts[0];
  if (typeof first !== 'string') return undefined;
  const scheme = AUTHORITY_START.exec(first);
  if (!scheme) return undefined;

  // Collect the authority: text after `//` up to the first `/`, `?` or `#`.
  let authority = '';
  let complete = false;
  let holeAfter = false;
  let rest: StringPart[] = [first.slice(scheme[0].length), ...parts.slice(1)];
  for (const [index, part] of rest.entries()) {
    if (part === HOLE) {
      holeAfter = true;
      rest = rest.slice(index + 1);
      break;
    }
    const end = part.search(AUTHORITY_END);
    if (end !== -1) {
      authority += part.slice(0, end);
      complete = true;
      break;
    }
    authority += part;
  }
  if (!complete && !holeAfter) complete = true; // the string ended: the authority is whole

  const hostAndPort = authority.slice(authority.lastIndexOf('@') + 1);
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::(\d*))?$/.exec(hostAndPort);
  if (!match || match[2] === undefined) return undefined;
  const origin = scheme[0] + hostAndPort;
  if (complete) {
    return match[2] === '' ? undefined : { origin, port: match[2] };
  }
  // The authority continues into an unknown part: `'https://host:' + PORT`. The colon after the
  // host already writes a port, unless the unknown part turns all this into user info (an `@`
  // later in the known text before the path).
  const later = rest.filter((part): part is string => part !== HOLE).join('');
  const laterAuthority = later.split(AUTHORITY_END)[0] ?? '';
  if (laterAuthority.includes('@')) return undefined;
  return { origin: `${origin}…`, port: undefined };
}
