/**
 * The toolbar badge, as a feature of the background: what each tab's badge says (lib/extension/badge.ts decides
 * from counts) and keeping it up to date. A refresh reads the tab's site summary (one small record the
 * store keeps up to date on every save and review) and the index of sites with alerts, never the
 * history: its cost does not grow with what is stored. Only a site with two or more unreviewed versions
 * needs the change from the last reviewed version to the latest analysed, once, and cached.
 */
import { browser } from 'wxt/browser';
import { badgeFor, type BadgeInput } from '@/lib/extension/badge';
import { explainer } from '@/lib/core/explain';
import { digestOf, type AnalysisDigest } from '@/lib/core/schema';
import type { PendingPolicy, PolicyStore } from '@/lib/history';
import type { CombinedChange } from './combined';
import { getWatches } from './prefs';

/** Other sites with changes counted on the badge; past it, the badge reads "9+" (lib/extension/badge.ts). */
const MAX_OTHER_SITES = 9;

export interface BadgeDeps {
  store: () => Promise<PolicyStore>;
  /** The site a tab's address belongs to, or null (not a web page). */
  siteOf: (store: PolicyStore, url: string | undefined | null) => string | null;
  /** The reader's language (the browser's UI language). */
  language: () => string;
  /** The change from the last reviewed version to the latest (shared with the popup's state). */
  combined: CombinedChange;
}

export interface Badges {
  /** What the badge of a tab on `site` shows; `watched`, the watched sites when the caller read them already. */
  inputFor(site: string | null, watched?: () => Promise<readonly string[]>): Promise<BadgeInput>;
  /** The badge of a tab showing `url`, written only while the tab still shows that site. */
  refresh(tabId: number, url: string | undefined): Promise<void>;
  refreshAll(): Promise<void>;
  /** Keeps each tab's badge up to date as it loads a page or is brought forward. */
  followTabs(): void;
}

/** The watched sites, read on first use and then remembered by whoever holds the function. */
export function watchedSites(): () => Promise<readonly string[]> {
  let read: Promise<readonly string[]> | undefined;
  return () => (read ??= getWatches().then((list) => list.map((w) => w.site)));
}

export function createBadges(deps: BadgeDeps): Badges {
  /**
   * Refreshes in the order they began, and by tab the latest whose badge was written: a refresh that took
   * longer than one begun after it (a review meanwhile) writes nothing over the newer badge. One number a
   * tab, for the worker's life.
   */
  let begun = 0;
  const written = new Map<number, number>();

  async function digestFor(store: PolicyStore, p: PendingPolicy): Promise<AnalysisDigest | null> {
    if (p.digest) return p.digest;
    const analysis = await deps.combined(store, p);
    return analysis ? digestOf(analysis) : null;
  }

  async function inputFor(site: string | null, watched: () => Promise<readonly string[]> = watchedSites()): Promise<BadgeInput> {
    const store = await deps.store();
    const words = explainer(deps.language());
    const input: BadgeInput = { site, siteMajor: 0, siteGoodNews: 0, headlines: [], otherSites: [] };
    const state = site ? await store.siteState(site) : null;
    for (const p of state?.pending ?? []) {
      const digest = await digestFor(store, p);
      if (!digest) continue;
      input.siteMajor += digest.counts.major;
      input.siteGoodNews += digest.counts.goodNews;
      input.headlines.push(...digest.findings.filter((f) => f.severity === 'major').map((f) => words.headline(f)));
    }
    if (input.siteMajor === 0) {
      // At most MAX_OTHER_SITES + 1 from the index (the badge says "9+" past nine): never the whole list.
      // Of the watched sites, as the badge's title says: one the user stopped watching no longer counts.
      const others = await store.alertSites(MAX_OTHER_SITES + 1, (await watched()).filter((s) => s !== site));
      input.otherSites = others.slice(0, MAX_OTHER_SITES + 1);
    }
    return input;
  }

  async function refresh(tabId: number, url: string | undefined, watched = watchedSites()): Promise<void> {
    const order = ++begun;
    const store = await deps.store();
    const site = deps.siteOf(store, url);
    const badge = badgeFor(await inputFor(site, watched), explainer(deps.language()).ui.badge);
    // `url` is where the tab was when the refresh was asked for (a capture's sender, refreshAll's list of
    // tabs): a tab that went to another site meanwhile, or was closed, is left to its own refresh (the
    // page it loaded asks for one). Nothing is awaited between these checks and the writes.
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab || deps.siteOf(store, tab.url) !== site) return;
    if ((written.get(tabId) ?? 0) > order) return;
    written.set(tabId, order);
    await Promise.all([
      browser.action.setBadgeText({ tabId, text: badge.text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      browser.action.setTitle({ tabId, title: badge.title }),
    ]).catch(() => {
      // The tab was closed meanwhile.
    });
  }

  async function refreshAll(): Promise<void> {
    const tabs = await browser.tabs.query({});
    // The watch list read once for all the tabs (and only if a tab looks at other sites).
    const watched = watchedSites();
    await Promise.all(tabs.map((t) => (t.id != null ? refresh(t.id, t.url, watched) : undefined)));
  }

  function followTabs(): void {
    browser.tabs.onUpdated.addListener((tabId, info, tab) => {
      if (info.status === 'complete' || info.url) void refresh(tabId, tab.url).catch(() => {});
    });
    browser.tabs.onActivated.addListener(({ tabId }) => {
      void browser.tabs.get(tabId).then((tab) => refresh(tabId, tab.url)).catch(() => {});
    });
  }

  return { inputFor, refresh, refreshAll, followTabs };
}
