import { siteForUrl } from '@/lib/store';

/** Same registrable domain (public-suffix aware), so www. and subdomains count as the site. */
export function isSameSite(a: URL, b: URL): boolean {
  try {
    return siteForUrl(a.href) === siteForUrl(b.href);
  } catch {
    return false;
  }
}
