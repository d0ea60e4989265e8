/**
 * Per-site summaries (`summaries`, schema v6): what the badge reads, one small record per site and an
 * index of the sites with an unreviewed major change. Derived data, rebuilt from the history after
 * every write that can change what a badge shows. That write marks its site's summary owed in its own
 * transaction (`summaryOwed`, schema v7; context.ts oweSummaries) and the rebuild clears the mark, so when
 * the store opens, the summaries still owed (a worker stopped in between) are rebuilt, and no others.
 */
import { digestOf } from '../core/schema';
import { pendingChange } from '../core/review';
import { EVERY_SITE, INDEX_SUMMARY_BY_ALERT, STORES } from './db';
import { check, primaryKeyOf, type Bad } from './records';
import { SiteStateRecord, SummaryOwedRecord, VersionRecord, type PendingPolicy, type PolicySummary } from './schema';
import { begin, putChecked, type AnyTx, type StoreContext } from './context';
import { failedWrite, quarantine, reading } from './quarantine';
import { SITE_STORES, allPolicies, readIndex, readSiteIndex, type Everything } from './read';

/** A site's badge state from its policies' versions (oldest first). */
function siteStateOf(site: string, policies: PolicySummary[], versionsByPolicy: Map<string, VersionRecord[]>): SiteStateRecord {
  const pending: PendingPolicy[] = [];
  let unreviewedMajor = 0;
  let lastChange: number | null = null;
  for (const p of policies) {
    const versions = versionsByPolicy.get(p.policyId) ?? [];
    unreviewedMajor += p.unreviewedMajor;
    if (p.lastChange !== null) lastChange = Math.max(lastChange ?? -Infinity, p.lastChange);
    const change = pendingChange(versions);
    if (!change) continue;
    const only = change.versions.length === 1 ? change.latest.analysis : null;
    pending.push({
      policyId: p.policyId,
      baselineVersionId: change.baseline.versionId,
      latestVersionId: change.latest.versionId,
      versions: change.versions.length,
      textKey: `${change.baseline.contentHash}>${change.latest.contentHash}`,
      digest: only ? digestOf(only) : null,
    });
  }
  return { site, alert: unreviewedMajor > 0 ? 1 : 0, unreviewedMajor, lastChange, pending };
}

/**
 * The index entries of some sites, read from those sites' records alone (read.ts readSiteIndex), with the
 * policies their current summaries name too.
 */
async function readSites(tx: AnyTx, sites: readonly string[], bad: Bad[]): Promise<Everything> {
  const all: Everything = { sites: [], policies: [], versionsByPolicy: new Map() };
  for (const site of sites) {
    const summary = SiteStateRecord.safeParse(await tx.objectStore(STORES.summaries).get(site));
    const one = await readSiteIndex(tx, site, bad, summary.success ? summary.data.pending.map((p) => p.policyId) : []);
    all.sites.push(...one.sites);
    all.policies.push(...one.policies);
    for (const [id, versions] of one.versionsByPolicy) all.versionsByPolicy.set(id, versions);
  }
  return all;
}

/**
 * Rebuilds the summaries of `sites` (every site when null) from the history, in one transaction, which also
 * clears their marks (every mark when null): a summary whose site has no version left is deleted. Called
 * after every write that can change what a badge shows, and when the store opens for the summaries owed.
 */
async function refreshSummaries(ctx: StoreContext, sites: Iterable<string> | null): Promise<void> {
  const bad: Bad[] = [];
  const tx = begin(ctx, [...SITE_STORES, STORES.summaries, STORES.summaryOwed], 'readwrite', 'update the site summaries');
  try {
    // Every site: the whole index. A few sites (after a save or a review): only their records, so a save
    // costs what its site's history costs, not the whole history's.
    const few = sites === null ? null : [...new Set(sites)];
    const all = few ? await readSites(tx, few, bad) : await readIndex(tx, bad);
    const policies = allPolicies(all);
    const bySite = new Map<string, PolicySummary[]>();
    for (const p of policies) bySite.set(p.site, [...(bySite.get(p.site) ?? []), p]);
    const wanted = few === null ? new Set([...bySite.keys(), ...((await tx.objectStore(STORES.summaries).getAllKeys()) as string[])]) : new Set(few);
    const summaries = tx.objectStore(STORES.summaries);
    const owed = tx.objectStore(STORES.summaryOwed);
    const writes: Promise<unknown>[] = [few === null ? owed.clear() : Promise.all(few.map((site) => owed.delete(site)))];
    for (const site of wanted) {
      const list = bySite.get(site);
      if (!list || list.length === 0) writes.push(summaries.delete(site));
      else writes.push(putChecked(tx, STORES.summaries, siteStateOf(site, list, all.versionsByPolicy)));
    }
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    throw await failedWrite(ctx, tx, error, 'update the site summaries');
  }
  await quarantine(ctx, bad);
}

/**
 * The summaries that may be stale when the store opens: those a write marked owed and whose refresh never
 * ran (a worker stopped in between), and those the keys show lost (a site with no summary) or left over (a
 * summary of a site with no record) or showing an alert for a version no longer kept, which no write leaves
 * but damage from outside can. Keys, marks and the summaries with an alert only: no record of the history is
 * read, so opening costs about the same with a long history as with a short one, bar two lists of keys.
 * Null: every summary (a mark of EVERY_SITE).
 */
async function owedSummaries(ctx: StoreContext): Promise<Set<string> | null> {
  return reading(ctx, 'find the summaries owed', [STORES.summaryOwed, STORES.sites, STORES.summaries, STORES.versions], async (tx, bad) => {
    const [marks, sites, summaries] = (await Promise.all([
      tx.objectStore(STORES.summaryOwed).getAll(),
      tx.objectStore(STORES.sites).getAllKeys(),
      tx.objectStore(STORES.summaries).getAllKeys(),
    ])) as [unknown[], IDBValidKey[], IDBValidKey[]];
    const owed = new Set(marks.flatMap((raw) => check(SummaryOwedRecord, STORES.summaryOwed, primaryKeyOf(STORES.summaryOwed, raw), raw, bad)?.site ?? []));
    // A damaged mark cannot say which site it owed: every summary.
    if (owed.has(EVERY_SITE) || bad.length > 0) return null;
    const have = new Set(summaries);
    const known = new Set(sites);
    for (const site of sites) if (!have.has(site) && typeof site === 'string') owed.add(site);
    for (const site of summaries) if (!known.has(site) && typeof site === 'string') owed.add(site);
    // An alert whose versions are gone (removed from outside the store, so nothing marked it): the alerts'
    // summaries alone (at most MAX_ALERTS_CHECKED), and the key of each version they name.
    const alerts = (await tx.objectStore(STORES.summaries).index(INDEX_SUMMARY_BY_ALERT).getAll(1, MAX_ALERTS_CHECKED)) as unknown[];
    for (const raw of alerts) {
      const summary = SiteStateRecord.safeParse(raw);
      if (!summary.success || owed.has(summary.data.site)) continue;
      for (const p of summary.data.pending) {
        const kept = await Promise.all([p.baselineVersionId, p.latestVersionId].map((id) => tx.objectStore(STORES.versions).getKey(id)));
        if (kept.some((key) => key === undefined)) owed.add(summary.data.site);
      }
    }
    return owed;
  });
}

/**
 * Summaries with an alert whose versions owedSummaries checks on opening, the first in the order of their
 * sites' names: a bound on the work of every opening (an alert beyond it is put right by its site's next
 * write, or by a read that finds its damage).
 */
export const MAX_ALERTS_CHECKED = 50;

/** On opening: refreshes the summaries that may be stale (owedSummaries), and those alone. */
export async function refreshOwed(ctx: StoreContext): Promise<void> {
  const owed = await owedSummaries(ctx).catch(() => null);
  if (owed === null || owed.size > 0) await summariesAfter(ctx, owed);
}

export async function siteState(ctx: StoreContext, site: string): Promise<SiteStateRecord | null> {
  return reading(ctx, 'read the site summary', [STORES.summaries], async (tx, bad) => check(SiteStateRecord, STORES.summaries, site, await tx.objectStore(STORES.summaries).get(site), bad) ?? null);
}

/**
 * Sites with an unreviewed major change, at most `limit`; with `among`, only those of these sites (the watch
 * list: a site the user stopped watching no longer counts). Keys of the alert index only (one request): the
 * work is bounded by the sites with an alert, never the whole history.
 */
export async function alertSites(ctx: StoreContext, limit?: number, among?: readonly string[]): Promise<string[]> {
  return reading(ctx, 'list sites with changes', [STORES.summaries], async (tx) => {
    const index = tx.objectStore(STORES.summaries).index(INDEX_SUMMARY_BY_ALERT);
    if (!among) return (await index.getAllKeys(1, limit)) as string[];
    if (among.length === 0) return [];
    const wanted = new Set(among);
    const watched = (keys: unknown[]) => keys.filter((s): s is string => typeof s === 'string' && wanted.has(s));
    if (limit === undefined) return watched(await index.getAllKeys(1));
    // Most alerts are of watched sites: the first `limit` keys usually do; more are read only when they do not.
    for (let count = limit; ; count *= 8) {
      const keys = await index.getAllKeys(1, count);
      const sites = watched(keys);
      if (sites.length >= limit || keys.length < count) return sites.slice(0, limit);
    }
  });
}

/**
 * Summaries are derived data: a failure to update one (a full disk, say) must not fail the write it
 * follows. Its mark stays: the next write of its site, or the next opening of the store, rebuilds it.
 */
export const summariesAfter = (ctx: StoreContext, sites: Iterable<string> | null) => refreshSummaries(ctx, sites).catch(() => undefined);
