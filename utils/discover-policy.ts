/**
 * "Add a site": from what the user typed (a domain or an address), the pages that may be its privacy
 * policy: the address itself, the links its home page gives (lib/core/page/discover.ts), and the usual paths.
 */
import { usualPathCandidates, type Why } from '@/lib/core/page/discover';
import type { RunInDom } from './dom';
import type { History } from './history';
import type { Handlers } from './messaging';
import type { Recheck } from './recheck';
import { policyUrlOf } from './watchlist';
import { UserError } from '@/lib/core/user-error';

export interface DiscoverDeps {
  history: Pick<History, 'store'>;
  fetchPolicyPage: Recheck['fetchPolicyPage'];
  dom: RunInDom;
}

export function createDiscovery(deps: DiscoverDeps): Pick<Handlers, 'discoverPolicy'> {
  return {
    async discoverPolicy({ input }) {
      const store = await deps.history.store();
      const trimmed = input.trim();
      let url: URL;
      try {
        url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
      } catch {
        throw new UserError('not-an-address', `"${trimmed.slice(0, 100)}" is not a domain or web address.`, trimmed.slice(0, 100));
      }
      const site = store.siteForUrl(url.href);
      const candidates: Array<{ url: string; why: Why }> = [];
      if (url.pathname !== '/' && url.pathname !== '') candidates.push({ url: policyUrlOf(url.href), why: { code: 'entered' } });
      // The user typed this address: its home page is read as if they had opened it, so a redirect the
      // browser hides is followed, but only a page on the same site is read.
      const home = await deps.fetchPolicyPage(url.origin + '/', 'follow');
      if (home.ok && home.status < 400) {
        const found = await deps.dom({ task: 'discover', html: home.body, url: home.finalUrl });
        candidates.push(...found.candidates);
      }
      candidates.push(...usualPathCandidates(url.origin).slice(0, 3));
      const seen = new Set<string>();
      return { site, candidates: candidates.filter((c) => !seen.has(c.url) && seen.add(c.url)).map(({ url: u, why }) => ({ url: u, why })).slice(0, 8) };
    },
  };
}
