/** Same registrable domain (public-suffix aware), so www. and subdomains count as the site. */
export { isSameSite } from '@/lib/core/page/hops';
