/**
 * Which site and which policy a captured URL belongs to. A site is the registrable domain, so
 * www.example.co.uk and help.example.co.uk share one history; a policy is identified by its site, its kind
 * and its normalised path, so tracking parameters and fragments never split one policy into several.
 */
import { parse } from 'tldts';
import { StoreError } from './errors';

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch {
    throw new StoreError('invalid-input', `Not a web address: ${JSON.stringify(url.slice(0, 200))}`);
  }
}

/** Registrable domain (public-suffix aware); the bare hostname for IP addresses, localhost and the like. */
export function siteForUrl(url: string): string {
  const parsed = parseUrl(url);
  const hostname = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!hostname) throw new StoreError('invalid-input', `This address has no host name: ${url.slice(0, 200)}`);
  const info = parse(hostname, { allowPrivateDomains: true });
  if (info.isIp) return hostname;
  return info.domain ?? hostname;
}

/**
 * Path without query or fragment, lower-cased (policy URLs are routinely linked with differing case),
 * without trailing slashes or a trailing index file, percent-escapes decoded where valid.
 */
export function normalizePolicyPath(url: string): string {
  let path = parseUrl(url).pathname;
  try {
    path = decodeURI(path);
  } catch {
    // A malformed escape is kept as written; it is still a stable identifier.
  }
  path = path
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/\/index\.(?:html?|php|aspx?)$/, '/')
    .replace(/\/+$/, '');
  return path === '' ? '/' : path;
}

export function policyIdFor(site: string, kind: string, path: string): string {
  return `${kind}:${site}${path}`;
}
