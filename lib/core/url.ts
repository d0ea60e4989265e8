/**
 * The one module that reads page addresses: which site and which policy a URL belongs to, and whether
 * two addresses name the same page. The store files versions by it, the background checks a content
 * script's claimed address and finds the tab to show a passage in by it, the watch list drops fragments
 * by it.
 *
 * Which site and which policy a captured URL belongs to. A site is the registrable domain, so
 * www.example.co.uk and help.example.co.uk are shown together (one badge, one history page); a policy is
 * identified by its kind, its origin (scheme, host and port) and its normalised path, so tracking
 * parameters and fragments never split one policy into several, while a capture over plain http, or from
 * another subdomain (whose owner may not be the site's), is never taken for a version of the site's
 * https policy.
 */
import { parse } from 'tldts';
import { addressNames, decodedUrl } from './page/detect/gate';
import { isRoute } from './route';
import { trimEndChars } from './text/trim';

/** An address that names no web page (the store reports it as `invalid-input`). */
export class AddressError extends Error {
  override readonly name = 'AddressError';
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new AddressError(`Not a web address: ${JSON.stringify(url.slice(0, 200))}`);
  }
}

/** Registrable domain (public-suffix aware); the bare hostname for IP addresses, localhost and the like. */
export function siteForUrl(url: string): string {
  const parsed = parseUrl(url);
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!hostname) throw new AddressError(`This address has no host name: ${url.slice(0, 200)}`);
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp) return hostname;
  return info.domain ?? hostname;
}

/**
 * Path without query or fragment (but with a hash route: below), lower-cased (policy URLs are routinely
 * linked with differing case), without trailing slashes or a trailing index file, percent-escapes decoded
 * where valid, except those of control characters: a policy's id is written into evidence headers and
 * shown, and a line break from "/privacy%0A" would stop the whole evidence export.
 */
export function normalizePolicyPath(url: string): string {
  let path = normalizeOnce(url);
  // Read again as an address (as an import reads a history file's paths), a path is itself: one pass can
  // leave what a second changes ("/privacy%2541" decodes to "/privacy%41"; "/legal%5Cprivacy" to a backslash
  // the URL parser reads as "/"; "/privacy/index.html/" loses its slash, then its index file).
  for (let pass = 0; pass < 4; pass++) {
    const again = normalizeOnce(new URL(path, url).href);
    if (again === path) break;
    path = again;
  }
  return path;
}

function normalizeOnce(url: string): string {
  const parsed = parseUrl(url);
  const path = normalizedPath(parsed.pathname);
  // A hash-routed app's route ("#/legal/privacy", "#!/privacy") is a page of its own, as the content script
  // and the detector read it: two policies of one app are two policies. An anchor ("#sharing") is not.
  const fragment = parsed.hash.slice(1);
  const routed = isRoute(fragment) ? normalizedPath(fragment.replace(/^!/, '').split('?', 1)[0] ?? '') : '/';
  return routed === '/' ? path : `${path}#${routed}`;
}

function normalizedPath(raw: string): string {
  let path = raw;
  try {
    // eslint-disable-next-line no-control-regex
    path = decodeURI(path).replace(/[\u0000-\u001f\u007f]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    // A malformed escape is kept as written; it is still a stable identifier.
  }
  path = trimEndChars(
    path
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/index\.(?:html?|php|aspx?)$/, '/'),
    '/',
  );
  return path === '' ? '/' : path;
}

/** The origin a policy belongs to: scheme, host and (non-default) port; only http and https pages have one. */
export function originForUrl(url: string): string {
  const parsed = parseUrl(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AddressError(`Only web pages (http, https) have a policy history: ${url.slice(0, 200)}`);
  }
  if (!parsed.hostname) throw new AddressError(`This address has no host name: ${url.slice(0, 200)}`);
  return parsed.origin;
}

export function policyIdFor(kind: string, origin: string, path: string): string {
  return `${kind}:${origin}${path}`;
}

export interface PolicyKey {
  site: string;
  origin: string;
  path: string;
  policyId: string;
}

/** Everything that identifies the policy of `kind` captured at `url`. */
export function policyKeyFor(url: string, kind: string): PolicyKey {
  const origin = originForUrl(url);
  const path = normalizePolicyPath(url);
  return { site: siteForUrl(url), origin, path, policyId: policyIdFor(kind, origin, path) };
}

/** The parts of a policy id (`kind:origin/path`), or null for anything else (ids before schema v3 included). */
export function parsePolicyId(policyId: string): { kind: string; origin: string; path: string } | null {
  const m = /^([a-z-]+):(https?:\/\/[^/]+)(\/.*)$/.exec(policyId);
  return m ? { kind: m[1]!, origin: m[2]!, path: m[3]! } : null;
}

/**
 * Do two addresses name the same page as far as policy identity goes (same origin, same normalised
 * path)? Used to check the address a content script claims against the tab it runs in: the query and
 * fragment may differ (a page that tidies its own address), what a version is filed under may not.
 */
export function samePolicyAddress(a: string, b: string): boolean {
  try {
    return originForUrl(a) === originForUrl(b) && normalizePolicyPath(a) === normalizePolicyPath(b);
  } catch {
    return false;
  }
}

/**
 * Parameters that choose which page, or which language of it, a site serves, whatever their value says:
 * a WordPress policy at "/?page_id=3", a CMS page at "index.php?id=12", a policy read at "?hl=de". Without
 * them a re-check fetches another page (the home page), or the policy in another language, which would
 * then read as a change of every sentence each time the user's visits and the re-checks alternate.
 */
const PAGE_PARAMETERS = new Set(['page_id', 'pageid', 'p', 'id', 'page', 'doc', 'docid', 'document', 'article', 'post', 'node', 'section', 'lang', 'hl', 'lng', 'locale', 'language', 'lc', 'country', 'region']);
/** A value such a parameter may keep: short, and no address or token ("id=alice@mail.example" is dropped). */
const PAGE_VALUE = /^[\p{L}\p{N}._~-]{1,32}$/u;

function choosesPage(part: string): boolean {
  const eq = part.indexOf('=');
  if (eq <= 0) return false;
  const name = decodedUrl(part.slice(0, eq)).toLowerCase();
  return PAGE_PARAMETERS.has(name) && PAGE_VALUE.test(decodedUrl(part.slice(eq + 1)));
}

/**
 * What a watched policy is fetched by, every re-check, without cookies: its origin and path, and of its
 * query only the parameters that name the document ("?doc=privacy"), by the rule the content script
 * reads a query with (addressNames: a privacy word in it), and those that choose a page or its language
 * (PAGE_PARAMETERS, with a short plain value). The rest of the query a visit carried
 * (utm_*, mc_eid, a session id, an e-mail address) would identify the user to the site on every check;
 * the fragment is dropped as before. Parameters are kept as written, in their order.
 */
export function watchedAddress(url: string): string {
  const u = parseUrl(url);
  u.hash = '';
  const named = u.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && (addressNames(`?${part}`) || choosesPage(part)));
  u.search = named.length > 0 ? `?${named.join('&')}` : '';
  return u.href;
}
