/**
 * Badge refresh benchmark (#19), in Node against fake-indexeddb: the time to work out the badges of 20
 * tabs (what `refreshAll` does for each tab, without the browser's own badge calls, whose cost does not
 * depend on the history) with 1,000 stored versions over 100 sites, as a ratio to the same with 10
 * versions over 5 sites, measured in the same run. Goal: <= 1.5x. In both histories every change is
 * reviewed but the latest one of every other site, so half the tabs show a change and half look for
 * other sites' alerts; both watch the same 100 sites (the amber count is of the watched sites). `--runs=N`
 * sets the timed runs (default 101).
 */
import './support/extension-env';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openPolicyStore, type PolicyStore } from '../../lib/history';
import { fakeAnalysis, makeClock, makeDocument } from '../../lib/history/test-support';
import { createBadges, watchedSites } from '../../utils/badges';
import { createCombinedChange } from '../../utils/combined';
import { updateWatches } from '../../utils/prefs';
import type { WatchEntry } from '../../lib/extension/views';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function history(sites: number, versionsPerSite: number): Promise<{ store: PolicyStore; names: string[] }> {
  const clock = makeClock();
  const store = await openPolicyStore({ idb: new IDBFactory(), name: `bench-${sites}-${versionsPerSite}`, clock: clock.fn });
  const names: string[] = [];
  for (let s = 0; s < sites; s++) {
    const name = `site${s}.example`;
    names.push(name);
    let last = '';
    for (let v = 0; v < versionsPerSite; v++) {
      clock.tick();
      const saved = await store.savePolicyVersion({
        url: `https://www.${name}/privacy`,
        document: makeDocument({ Sharing: [`We share your data with partners, version ${v} of site ${s}.`, 'We do not sell your data.'] }),
        kind: 'privacy-policy',
        analyze: () => fakeAnalysis(1),
      });
      last = saved.version.versionId;
    }
    // As a user leaves things: every change reviewed but, on every other site, the latest one.
    for (const v of await store.listVersions(`privacy-policy:https://www.${name}/privacy`)) {
      if (!v.reviewed && (s % 2 === 1 || v.versionId !== last)) await store.markReviewed(v.versionId);
    }
  }
  return { store, names };
}

export async function run(args: string[]): Promise<number> {
  const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice(7) ?? 101);
  const TABS = 20;
  const cases = [
    { label: '10 versions over 5 sites (baseline)', ...(await history(5, 2)) },
    { label: '1,000 versions over 100 sites', ...(await history(100, 10)) },
  ];
  // The two histories take turns, run after run, so a busy moment of the machine falls on both alike.
  const setups = cases.map((c) => {
    const badges = createBadges({ store: async () => c.store, siteOf: (_s, url) => (url ? new URL(url).hostname.replace(/^www\./, '') : null), language: () => 'en', combined: createCombinedChange() });
    // Tabs alternate between a site with a change to review and one without, in both histories.
    const withChange = c.names.filter((_, i) => i % 2 === 0);
    const without = c.names.filter((_, i) => i % 2 === 1);
    const sites = Array.from({ length: TABS }, (_, i) => (i % 2 === 0 ? withChange[(i >> 1) % withChange.length] : without[(i >> 1) % without.length]) ?? null);
    // The same watch list in both: the 100 sites of the larger history (the smaller one's 5 among them), so
    // the ratio measures the history's growth alone (the amber count elsewhere is of the watched sites).
    const watches: WatchEntry[] = cases[1]!.names.map((site) => ({ site, policyUrl: `https://www.${site}/privacy`, frequencyHours: 24, addedAt: 0, lastCheck: null, lastChange: null, status: 'up-to-date', failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: 0, checking: null }));
    return { c, watch: () => updateWatches(() => watches), refresh: async () => {
      // As refreshAll: the watch list read once for all the tabs.
      const watched = watchedSites();
      for (const site of sites) await badges.inputFor(site, watched);
    } };
  });
  for (let w = 0; w < 5; w++) {
    for (const s of setups) {
      await s.watch();
      await s.refresh();
    }
  }
  const samples: number[][] = setups.map(() => []);
  for (let r = 0; r < runs; r++) {
    for (const [i, s] of setups.entries()) {
      await s.watch();
      const t0 = performance.now();
      await s.refresh();
      samples[i]!.push(performance.now() - t0);
    }
  }
  const times = samples.map(median);
  setups.forEach((s, i) => console.log(`  badges of ${TABS} tabs, ${s.c.label}: median ${times[i]!.toFixed(2)} ms`));
  for (const c of cases) c.store.close();
  const ratio = (times[1] ?? 0) / Math.max(1e-9, times[0] ?? 0);
  console.log(`Target: badges of 20 tabs with 1,000 versions over 100 sites cost ${ratio.toFixed(2)}x the same with 10 versions (goal <= 1.5x) ${ratio <= 1.5 ? 'met' : 'NOT met'}`);
  return 0;
}
