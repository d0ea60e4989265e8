/**
 * What the popup asks the background: everything it shows about a tab's site (its policies, what they say
 * now, the change awaiting review, whether the site is watched) and marking a change as reviewed. The
 * first popup on a site with a recorded privacy policy puts it on the watch list (lib/extension/autowatch.ts).
 */
import { browser } from 'wxt/browser';
import { joinsOnPopup } from '@/lib/extension/autowatch';
import { describePolicy } from '@/lib/core/engine';
import { pendingChange } from '@/lib/core/review';
import { DEFAULT_FREQUENCY_HOURS } from '@/lib/extension/schedule';
import type { Badges } from './badges';
import type { History } from './history';
import type { Handlers } from './messaging';
import { getSettings, getWatches, markIntroduced, setLastReview, wasRemoved } from './prefs';
import { awaitsReviewIn, type PolicyStates } from './tab-state';
import { policyUrlOf, type WatchList } from './watchlist';

export interface PopupDeps {
  history: Pick<History, 'store' | 'siteOf' | 'storageProblem'>;
  policyStates: PolicyStates;
  watchList: Pick<WatchList, 'watch' | 'settleReviewedWatch'>;
  badges: Pick<Badges, 'refreshAll'>;
}

export function createPopup(deps: PopupDeps): Pick<Handlers, 'getTabState' | 'markReviewed'> {
  return {
    async getTabState({ tabId }) {
      const store = await deps.history.store();
      const tab = await browser.tabs.get(tabId).catch(() => null);
      const url = tab?.url ?? null;
      const site = deps.history.siteOf(store, url);
      const states = site ? await deps.policyStates(store, site, { lastReviewed: true }) : [];
      const policies = states.map((s) => ({ ...s.view, language: s.document.language, statements: describePolicy(s.document) }));
      const entryOf = async () => (site ? ((await getWatches()).find((w) => w.site === site) ?? null) : null);
      let entry = await entryOf();
      let watched = entry !== null;
      // The first popup on a site with a recorded privacy policy puts it on the watch list, and says so;
      // later popups, and a site the user removed, are left as they are.
      let watchJoined = false;
      const primary = states.find((s) => s.view.kind === 'privacy-policy');
      // Nor does a popup in a private (incognito) window: it leaves nothing behind, not even the offer.
      if (site && primary && !tab?.incognito) {
        const introduced = !(await markIntroduced(site));
        if (joinsOnPopup({ hasPrivacyPolicy: true, watched, introduced, removed: !watched && (await wasRemoved(site)) })) {
          const latest = primary.view.latest;
          await deps.watchList.watch(policyUrlOf(primary.view.url), DEFAULT_FREQUENCY_HOURS, {
            status: awaitsReviewIn(primary) ? 'changed' : 'pending',
            lastChange: primary.view.versionCount > 1 ? latest.firstSeen : null,
          });
          entry = await entryOf();
          watched = true;
          watchJoined = true;
          // Other sites' tabs count the watched sites with changes.
          await deps.badges.refreshAll().catch(() => {});
        }
      }
      const checks = entry
        ? {
            paused: (await getSettings()).paused,
            failed: entry.status === 'failed' ? { attempts: entry.failures } : null,
          }
        : null;
      return { tabId, url, site, watched, watchedSince: entry?.addedAt ?? null, watchJoined, checks, policies, storageProblem: await deps.history.storageProblem() };
    },

    /** Marks a version and every earlier unreviewed one of its policy as reviewed. */
    async markReviewed({ versionId }) {
      const store = await deps.history.store();
      const version = await store.getVersion(versionId);
      if (!version) return { ok: false };
      const versions = await store.listVersions(version.policyId);
      const upTo = versions.findIndex((v) => v.versionId === versionId);
      // The change being reviewed, as the popup showed it: from the last version reviewed (or the first) to this one.
      const pending = pendingChange(versions.slice(0, upTo + 1));
      for (const v of versions.slice(0, upTo + 1)) if (!v.reviewed) await store.markReviewed(v.versionId);
      if (pending) await setLastReview(version.policyId, pending.versions.length > 1 ? { baseline: pending.baseline.versionId, latest: versionId } : null);
      await deps.watchList.settleReviewedWatch(store, store.siteForUrl(version.document.url));
      await deps.badges.refreshAll();
      return { ok: true };
    },
  };
}
