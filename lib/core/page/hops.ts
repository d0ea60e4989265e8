/**
 * Where a background re-check may send a request: the pure decisions behind following a redirect by
 * hand. A watched policy page is fetched from the user's machine, with the user's IP address, on a
 * schedule the page's owner cannot see; a redirect must not turn that request into one aimed at the
 * user's own network, and an answer from another site must never be taken for the watched policy.
 *
 * Host names are judged as written: the browser gives extensions no DNS lookup, so a public name that
 * resolves to a private address is not caught here (see README, Limits).
 */
import { trimEndChars } from '../text/trim';
import { bounded, type CheckFailure } from '../check-failure';
import { failureText } from '../explain/failure-text';
import { siteForUrl } from '../url';

export type HopVerdict =
  | { ok: true }
  | { ok: false; kind: 'scheme' | 'credentials' | 'downgrade' | 'local' | 'other-site'; reason: string; failure: CheckFailure };

/** Names that only mean something on the local network (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal). */
const LOCAL_SUFFIXES = ['localhost', 'local', 'localdomain', 'internal', 'home.arpa', 'lan'];

function parseIpv4(host: string): number[] | null {
  // The URL parser has already turned every IPv4 spelling (0x7f.1, 2130706433) into dotted decimal.
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** Eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed hex, no zone). */
function parseIpv6(host: string): number[] | null {
  if (!/^[0-9a-f:]+$/i.test(host)) return null;
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const read = (s: string) => (s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const head = read(halves[0]!);
  const rest = halves.length === 2 ? read(halves[1]!) : [];
  const fill = 8 - head.length - rest.length;
  if (fill < 0 || (halves.length === 1 && fill !== 0)) return null;
  const groups = [...head, ...Array<number>(fill).fill(0), ...rest];
  return groups.every((g) => Number.isInteger(g)) ? groups : null;
}

function ipv4IsLocal([a, b, c]: number[]): boolean {
  return (
    a === 0 || // "this network"; 0.0.0.0 reaches the machine itself on Linux and macOS
    a === 10 ||
    a === 127 ||
    (a === 100 && b! >= 64 && b! <= 127) || // carrier-grade NAT, the ISP's side of the user's network
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && c === 0) || // protocol assignments (NAT64 discovery, DS-Lite)
    (a === 198 && (b === 18 || b === 19)) ||
    a! >= 224 // multicast, reserved, broadcast
  );
}

function ipv6IsLocal(g: number[]): boolean {
  const embedded = (hi: number, lo: number) => ipv4IsLocal([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  if (g.slice(0, 7).every((x) => x === 0)) return true; // :: and ::1
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return true; // link-local, old site-local
  if ((g[0]! & 0xff00) === 0xff00) return true; // multicast
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return embedded(g[6]!, g[7]!); // ::ffff:a.b.c.d
  if (g.slice(0, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!); // ::a.b.c.d (deprecated)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded(g[6]!, g[7]!); // NAT64
  if (g[0] === 0x2002) return embedded(g[1]!, g[2]!); // 6to4
  return false;
}

/** The host of a URL without IPv6 brackets or a trailing dot, lower case. */
export function bareHost(url: URL): string {
  return trimEndChars(url.hostname.replace(/^\[|\]$/g, ''), '.').toLowerCase();
}

/**
 * A host on the user's own machine or network: a literal loopback, private, link-local (and similar)
 * IPv4 or IPv6 address, `localhost` and names under it, `.local` and the other local-only suffixes,
 * and single-label names (`intranet`, `router`), which resolve through the local network's search domain.
 */
export function isLocalHost(url: URL): boolean {
  const host = bareHost(url);
  if (!host) return true;
  const v4 = parseIpv4(host);
  if (v4) return ipv4IsLocal(v4);
  const v6 = parseIpv6(host);
  if (v6) return ipv6IsLocal(v6);
  if (host.includes(':')) return true; // an address we could not read is not trusted
  if (!host.includes('.')) return true;
  return LOCAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}

/** Same registrable domain (public-suffix aware; the bare host for IP addresses and local names). */
export function isSameSite(a: URL, b: URL): boolean {
  try {
    return siteForUrl(a.href) === siteForUrl(b.href);
  } catch {
    return false;
  }
}

function isWeb(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/** How an address is shown in a reason: without its query, which may carry anything. */
export function describeUrl(url: URL): string {
  return `${url.origin}${url.pathname}`.slice(0, 300);
}

/**
 * May a re-check of `watched` request `to`, reached from `from` (null for the watched URL itself)?
 * Only http(s) without credentials in the address; never from https down to http; never another site
 * (the caller reports where the address now points instead of fetching it); and never a local host or
 * address unless the watched URL itself is one (a policy served on the local network, as in our tests).
 */
export function judgeHop(watched: URL, from: URL | null, to: URL): HopVerdict {
  // A detail comes from the redirect target, which the site controls: bounded, like every detail.
  const refuse = (f: CheckFailure & { code: 'scheme' | 'credentials' | 'downgrade' | 'local' | 'other-site' }): HopVerdict => {
    const failure = bounded(f);
    return { ok: false, kind: failure.code, reason: failureText(failure), failure };
  };
  if (!isWeb(to)) return refuse({ code: 'scheme', detail: to.protocol.replace(/:$/, '') });
  if (to.username || to.password) return refuse({ code: 'credentials' });
  if (from && from.protocol === 'https:' && to.protocol === 'http:') return refuse({ code: 'downgrade', detail: describeUrl(to) });
  if (isLocalHost(to) && !isLocalHost(watched)) return refuse({ code: 'local', detail: bareHost(to), direct: !from });
  if (from && !isSameSite(watched, to)) return refuse({ code: 'other-site', detail: describeUrl(to) });
  return { ok: true };
}

const LOGIN_PATH = /(^|[/_.-])(log-?in|sign-?in|signon|auth|sso|oauth|session|account\/login|challenge)([/_.?-]|$)/i;
const CONSENT_HOST_OR_PATH = /(^|[/.])(consent|cookie-?consent|privacy-?gate|gdpr-?consent)([/.?-]|$)/i;

/**
 * Where a redirect lands on a login or consent page instead of the policy: why that is no version of it
 * (and no address to watch instead), or null. Read from the address alone.
 */
export function wallOf(end: URL): CheckFailure | null {
  const where = `${end.hostname}${end.pathname}${end.search}`;
  if (LOGIN_PATH.test(end.pathname + end.search)) return { code: 'login-redirect', detail: where };
  if (CONSENT_HOST_OR_PATH.test(end.hostname) || CONSENT_HOST_OR_PATH.test(end.pathname)) return { code: 'consent-redirect', detail: where };
  return null;
}
