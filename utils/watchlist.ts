/**
 * The watch list as a feature of the background: putting a site's policy on it, taking it off, how often
 * it is checked, and what each entry says after a change seen while browsing or a review. Checking the
 * watched policies is ./recheck.ts; the entries themselves are stored by ./prefs.ts.
 */
import { hasReviewableChange, pendingChange } from '@/lib/core/review';
import { DEFAULT_FREQUENCY_HOURS, firstCheck, nextAfterSuccess } from '@/lib/extension/schedule';
import { PolicyKind, type ChangeAnalysis, type Detection } from '@/lib/core/schema';
import { owesAnalysis, parsePolicyId, policyKeyFor, type PolicyStore } from '@/lib/history';
import { samePolicyAddress, watchedAddress } from '@/lib/core/url';
import type { WatchEntry } from '@/lib/extension/views';
import type { Badges } from './badges';
import type { History } from './history';
import type { Handlers } from './messaging';
import type { ChangeNotices } from './change-notices';
import { getWatches, setRemoved, updateWatches } from './prefs';
import { awaitsReviewIn, type PolicyStates } from './tab-state';
import { UserError } from '@/lib/core/user-error';

/** A page the pipeline kept is a privacy policy or a privacy-adjacent one (cookie policy, DPA). */
export function policyKind(detection: Detection): PolicyKind {
  return detection.kind === 'privacy-adjacent' ? 'privacy-adjacent' : 'privacy-policy';
}

/**
 * The address a watched policy is fetched and stored by: the page's origin and path, with only the query
 * parameters that name the document (lib/core/url.ts watchedAddress), never the visit's tracking tokens.
 */
export const policyUrlOf = watchedAddress;

/**
 * An address the user asked to watch, if it can be: an http or https page (the scheme in any case, as
 * the URL parser reads it: "HTTPS://…" is a web page), without a user name or password, which a re-check
 * would send to the site every time (and which the browser's fetch refuses: every check would fail).
 */
export function watchable(policyUrl: string): string {
  let url: URL | null = null;
  try {
    url = new URL(policyUrl);
  } catch {
    // Not an address at all: no web page either.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new UserError('not-a-web-page', 'Only http and https pages can be watched.');
  if (url.username || url.password) throw new UserError('has-credentials', 'An address with a user name or password cannot be watched.');
  return url.href;
}

/** The watch whose policy page is the stored policy `policyId` (the store's own identity of a policy). */
function watchesPolicy(w: Pick<WatchEntry, 'policyUrl'>, policyId: string): boolean {
  // A watched page is a privacy policy or a privacy-adjacent one (a cookie policy picked in "Add a site").
  try {
    return PolicyKind.options.some((kind) => policyKeyFor(w.policyUrl, kind).policyId === policyId);
  } catch {
    return false;
  }
}

export interface WatchListDeps {
  history: Pick<History, 'store'>;
  policyStates: PolicyStates;
  /** Every tab's badge counts the watched sites with changes: told when the list gains or loses one. */
  badges: Pick<Badges, 'refreshAll'>;
  /** A site no longer watched takes its change notification off the screen. */
  notices: Pick<ChangeNotices, 'withdraw'>;
}

export type WatchList = ReturnType<typeof createWatchList>;

/** Readings of what awaits review before a settle gives up to changes noted meanwhile. */
const SETTLE_ATTEMPTS = 3;

export function createWatchList(deps: WatchListDeps) {
  /**
   * Puts a site's policy on the watch list (or points its entry at a new address). `known` seeds a new
   * entry with what the history already says (a change awaiting review). Without `frequencyHours`, an
   * entry keeps the frequency the user chose ("Watch this address instead" changes the address only); a
   * new one checks daily.
   */
  async function watch(policyUrl: string, frequencyHours?: number, known: Pick<WatchEntry, 'status' | 'lastChange'> | null = null): Promise<string> {
    const store = await deps.history.store();
    const site = store.siteForUrl(policyUrl);
    const now = Date.now();
    await updateWatches((list) => {
      const existing = list.find((w) => w.site === site);
      const entry: WatchEntry = existing
        ? // A check of the old address under way records nothing on the entry at the new one (recheck.ts), so no claim is carried over.
          { ...existing, policyUrl, frequencyHours: frequencyHours ?? existing.frequencyHours, ...(existing.policyUrl === policyUrl ? {} : { checking: null }), ...(samePolicyAddress(existing.policyUrl, policyUrl) ? {} : { status: 'pending' as const, failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: firstCheck(now, Math.random), checking: null }) }
        : { site, policyUrl, frequencyHours: frequencyHours ?? DEFAULT_FREQUENCY_HOURS, addedAt: now, lastCheck: null, lastChange: null, status: 'pending', ...known, failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: firstCheck(now, Math.random), checking: null };
      return [...list.filter((w) => w.site !== site), entry];
    });
    return site;
  }

  /**
   * A watched site reads "Changed" while a change worth reviewing awaits review (a date or formatting
   * update never does, and offers nothing to review). Once none is left, it reads "Up to date" again:
   * after a review, and after a change that undid the one awaiting review (the popup, which shows the
   * change since the last review, then has nothing to offer for review).
   */
  /** Whether a change worth reviewing awaits review on one of the site's policies. */
  async function awaitsReview(store: PolicyStore, site: string): Promise<boolean> {
    return (await changeAwaitingReview(store, site)) !== null;
  }

  /**
   * When the latest change worth reviewing that awaits review on one of the site's policies was first
   * seen, or null when none awaits review: what a check that would say "Up to date" asks first.
   */
  async function changeAwaitingReview(store: PolicyStore, site: string): Promise<number | null> {
    const awaiting = (await deps.policyStates(store, site)).filter(awaitsReviewIn);
    return awaiting.length > 0 ? Math.max(...awaiting.map((s) => s.view.latest.firstSeen)) : null;
  }

  /**
   * What the history already says of a site about to be watched (the popup's first look seeds its entry
   * the same way): "Changed" while a change worth reviewing awaits review, and the watched policy's last
   * change. Nothing known (or the history unreadable): a pending entry, as before.
   */
  async function knownOf(policyUrl: string): Promise<Pick<WatchEntry, 'status' | 'lastChange'> | null> {
    try {
      const store = await deps.history.store();
      const states = await deps.policyStates(store, store.siteForUrl(policyUrl));
      const own = states.find((s) => watchesPolicy({ policyUrl }, s.view.policyId));
      return { status: states.some(awaitsReviewIn) ? 'changed' : 'pending', lastChange: own && own.view.versionCount > 1 ? own.view.latest.firstSeen : null };
    } catch {
      return null;
    }
  }

  /** `may`: asked at each reading too; a row is settled only while it holds. */
  async function settleReviewedWatch(store: PolicyStore, site: string, may: () => Promise<boolean> = async () => true): Promise<void> {
    // Reading the states can take a while (the change since the last review may be analysed): a change
    // noted meanwhile (a newer lastChange) is not settled by what was read before it, but read again
    // (a few times at most: a bound on work).
    for (let attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
      const seen = (await getWatches()).find((w) => w.site === site)?.lastChange ?? null;
      // (`may` before and after the reading, which takes a while: a version saved meanwhile is seen.)
      if (!(await may()) || (await awaitsReview(store, site)) || !(await may())) return;
      let moved = false;
      await updateWatches((list) =>
        list.map((w) => {
          if (w.site !== site || w.status !== 'changed') return w;
          if (w.lastChange !== seen) {
            moved = true;
            return w;
          }
          return { ...w, status: 'up-to-date' };
        }),
      );
      if (!moved) return;
    }
  }

  /**
   * A change found while browsing shows on the watch list as one found by a background check does: the
   * last change, and "Changed" when there is something to review. A failed watch stays failed: its
   * background checks still fail.
   */
  async function noteChangeSeen(policyId: string, analysis: ChangeAnalysis | undefined): Promise<void> {
    const now = Date.now();
    const reviewable = analysis !== undefined && hasReviewableChange(analysis);
    await updateWatches((list) =>
      list.map((w) => (watchesPolicy(w, policyId) ? { ...w, lastChange: now, status: reviewable && w.status !== 'failed' ? 'changed' : w.status } : w)),
    );
    const origin = parsePolicyId(policyId)?.origin;
    if (reviewable && origin) {
      const store = await deps.history.store();
      await settleReviewedWatch(store, store.siteForUrl(origin));
    }
  }

  /**
   * A row that says nothing of a change to review: "Up to date", or "Not checked yet". A failed row says
   * its checks fail, which they still do; a row that says "Changed" says it already.
   */
  const silentOnChanges = (w: WatchEntry) => w.status === 'up-to-date' || w.status === 'pending';

  /**
   * A change saved without its analysis (it failed, or re-extraction left the change without one) could
   * not make its row say "Changed": noteChangeSeen and a check only know a change worth reviewing from
   * its analysis. Once the backfill has analysed it, each row silent on changes says what the history
   * says, as the analysis at the time would have made it say ("Not checked yet" too, as noteChangeSeen
   * and knownOf make it "Changed"). A row that says "Changed" is left as it is: whether its change still has
   * something to review is read with the whole pending change (tab-state.ts), an analysis per row (only
   * re-extraction asks that, of the rows of the sites it read anew: settleChangedRows). One reading of
   * what awaits review per silent row (and the settle after it): the list is bounded.
   */
  async function noteLateAnalyses(): Promise<void> {
    const store = await deps.history.store();
    for (const entry of await getWatches()) {
      if (!silentOnChanges(entry)) continue;
      // One site's unreadable history does not keep the others' rows as they were.
      await showLateChange(store, entry.site).catch((error: unknown) => console.warn('[Clausewatch] watch list after the analysis of', entry.site, error));
    }
  }

  /**
   * After the history changed under the watch list: re-extraction read pages of `sites` anew (their analyses
   * made again, and the backfill's after them; a text read anew that came out the same can still end a
   * change), or an import brought versions and reviews from elsewhere (`sites` absent: every row). Each
   * such row that says "Changed" says "Up to date" where nothing awaits review any more: the change was
   * only the older extractor's reading (an earlier edition it read into the text), or the import's newer
   * versions and reviews settled it. Only the sites named (an analysis each, once per new extractor):
   * another row's "Changed" owes nothing to that run. Not while a version awaiting review has no analysis:
   * what awaits review is read with the whole pending change, which passes over a missing one. Such a row,
   * or one whose worker stopped before this, stays until the next review or check.
   */
  async function settleChangedRows(sites?: readonly string[]): Promise<void> {
    if (sites?.length === 0) return;
    const store = await deps.history.store();
    for (const entry of await getWatches()) {
      if (entry.status !== 'changed' || (sites && !sites.includes(entry.site))) continue;
      await settleReviewedWatch(store, entry.site, () => allAnalysed(store, entry.site)).catch((error: unknown) =>
        console.warn('[Clausewatch] watch list after settling', entry.site, error),
      );
    }
  }

  /** Whether every version of the site awaiting review has its analysis (none is owed to the backfill). */
  async function allAnalysed(store: PolicyStore, site: string): Promise<boolean> {
    for (const policy of await store.listPolicies(site)) {
      const versions = await store.listVersions(policy.policyId);
      const pending = new Set(pendingChange(versions)?.versions);
      if (versions.some((v, i) => pending.has(v) && owesAnalysis(v, v.counts !== null, versions[i - 1]))) return false;
    }
    return true;
  }

  async function showLateChange(store: PolicyStore, site: string): Promise<void> {
    const awaiting = await changeAwaitingReview(store, site);
    if (awaiting === null) return;
    await updateWatches((list) => list.map((w) => (w.site === site && silentOnChanges(w) ? { ...w, status: 'changed', lastChange: Math.max(w.lastChange ?? 0, awaiting) } : w)));
    // A review while the history was read settled the row before it said "Changed": settled again now.
    await settleReviewedWatch(store, site);
  }

  /** The badges after the list changed: bookkeeping, so a failure does not fail the change. */
  const refreshBadges = () => deps.badges.refreshAll().catch((e: unknown) => console.warn('[Clausewatch] badges', e));

  /** What the popup and the options page ask of the watch list. */
  const handlers: Pick<Handlers, 'watchSite' | 'unwatchSite' | 'setWatchFrequency'> = {
    async watchSite({ policyUrl, frequencyHours }) {
      const url = policyUrlOf(watchable(policyUrl));
      const site = await watch(url, frequencyHours, await knownOf(url));
      await setRemoved(site, false);
      await refreshBadges();
      return { ok: true, site };
    },
    async unwatchSite({ site }) {
      await updateWatches((list) => list.filter((w) => w.site !== site));
      // "Watch policies I visit" must not put it back on the next visit.
      await setRemoved(site, true);
      // A notification of its change does not stay on screen (the user asked to hear no more of the site),
      // first: the badges after it may analyse for a while. In turn with the checks' notifications, so
      // one being put up as the site was taken off goes too.
      await deps.notices.withdraw(site).catch((e: unknown) => console.warn('[Clausewatch] notification of', site, e));
      // A site no longer watched no longer counts on the badge of other sites' tabs.
      await refreshBadges();
      return { ok: true };
    },
    async setWatchFrequency({ site, frequencyHours }) {
      const now = Date.now();
      await updateWatches((list) => list.map((w) => (w.site === site ? { ...w, frequencyHours, nextCheck: Math.min(w.nextCheck, nextAfterSuccess(now, frequencyHours, Math.random)) } : w)));
      return { ok: true };
    },
  };

  return { watch, awaitsReview, changeAwaitingReview, settleReviewedWatch, noteChangeSeen, noteLateAnalyses, settleChangedRows, handlers };
}
