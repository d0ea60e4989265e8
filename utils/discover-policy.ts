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
import { samePolicyAddress } from '@/lib/core/url';

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
      const shown = trimmed.slice(0, 100);
      const notAnAddress = () => new UserError('not-an-address', `"${shown}" is not a domain or web address.`, shown);
      // Another scheme ("ftp://…", "mailto:…") or a mistyped one ("http:/…") names no web page: it must not
      // become a site named after the scheme. (A colon before a digit is a port: "example.com:8080".)
      if (!/^https?:\/\//i.test(trimmed) && /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) {
        if (/^https?:/i.test(trimmed)) throw notAnAddress();
        throw new UserError('not-a-web-page', 'Only http and https pages can be watched.');
      }
      let url: URL;
      try {
        url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
      } catch {
        throw notAnAddress();
      }
      if (url.username || url.password) throw new UserError('has-credentials', 'An address with a user name or password cannot be watched.');
      // A host is a name with a dot, localhost or an IP address ("examplecom" is a typo, not a site).
      if (!url.hostname.includes('.') && url.hostname !== 'localhost' && !url.hostname.startsWith('[')) throw notAnAddress();
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
      // One policy once, however it was spelt ("/legal/privacy/" typed, "/legal/privacy" linked): the first wins.
      const kept: Array<{ url: string; why: Why }> = [];
      for (const c of candidates) if (!kept.some((k) => samePolicyAddress(k.url, c.url))) kept.push(c);
      return { site, candidates: kept.map(({ url: u, why }) => ({ url: u, why })).slice(0, 8) };
    },
  };
}
