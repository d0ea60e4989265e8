/**
 * The desktop notification of a major change a background check found, told once. Whether a change was
 * considered for telling is recorded on its own (./prefs.ts updateNotices), after the version is saved
 * and apart from the check: a worker stopped between saving a version and telling of it tells at its
 * next start, or at the site's next check, instead of never; and no change is told twice.
 *
 * Told: a major change awaiting review on a watched site, first seen after the site was watched (and
 * after this record began). Not told: a change seen on the page itself (the badge there told the
 * user), one already reviewed, and any while the user has notifications off (considered all the same,
 * so turning them on does not bring back old changes).
 */
import { pendingChange } from '@/lib/core/review';
import type { History } from './history';
import type { Notifications } from './notifications';
import { getSettings, getWatches, inNoticesTurn, updateNotices, type NoticeState } from './prefs';

export interface ChangeNoticesDeps {
  history: Pick<History, 'store'>;
  notifications: Pick<Notifications, 'notifyChange' | 'clearChange'>;
}

export type ChangeNotices = ReturnType<typeof createChangeNotices>;

type Considered = Map<string, number>;

const toMap = (state: NoticeState): Considered => new Map(state.considered.map((c) => [c.policyId, c.upTo]));
/** Records a policy as considered up to `upTo`, moved to the end: the most recently considered last. */
const considerNow = (map: Considered, policyId: string, upTo: number) => {
  map.delete(policyId);
  map.set(policyId, upTo);
};
/**
 * The map back as the record's list, in the order the policies were last considered: the bound on the
 * record (prefs.ts MAX_NOTICE_POLICIES) drops the ones considered longest ago, never one just considered,
 * so a change cannot be dropped and told again at every check.
 */
const toList = (map: Considered) => [...map].map(([policyId, upTo]) => ({ policyId, upTo }));

export function createChangeNotices(deps: ChangeNoticesDeps) {
  /**
   * What the versions of `site` first seen since they were last considered hold: whether one is a major
   * change to tell, and the policies considered now. A policy with a change not analysed yet (its
   * analysis comes with the next backfill) is left for later unless a major change is told anyway.
   */
  async function consider(site: string, considered: Considered, since: number): Promise<boolean> {
    const store = await deps.history.store();
    let tell = false;
    const decided: Array<[string, number]> = [];
    const undecided: Array<[string, number]> = [];
    for (const policy of await store.listPolicies(site)) {
      const versions = await store.listVersions(policy.policyId);
      const last = versions[versions.length - 1];
      const upTo = considered.get(policy.policyId) ?? -Infinity;
      if (!last || last.firstSeen <= upTo) continue;
      // Only versions awaiting review: what the user reviewed needs no telling.
      const fresh = (pendingChange(versions)?.versions ?? []).filter((v) => v.firstSeen > upTo);
      if (fresh.some((v) => v.firstSeen >= since && (v.counts?.major ?? 0) > 0)) tell = true;
      (fresh.some((v) => v.counts === null) ? undecided : decided).push([policy.policyId, last.firstSeen]);
    }
    for (const [policyId, upTo] of tell ? [...decided, ...undecided] : decided) considerNow(considered, policyId, upTo);
    return tell;
  }

  /**
   * Tells of a major change of a watched site not told yet (when notifications are on), and records its
   * versions as considered; a change from before the site was watched is not told. Resolves to whether a
   * notification was sent.
   *
   * Whether the site is watched is asked here, as the record is updated, not by the caller before: a check
   * runs for seconds, and the user may click "Stop watching" meanwhile. A site no longer watched is told
   * nothing (its versions are kept all the same: the history loses nothing), and the record is left as it
   * is; watched again, it is watched anew (a change from before then is not told).
   */
  function tellUntold(site: string): Promise<boolean> {
    const watched = async () => (await getWatches()).find((w) => w.site === site);
    return updateNotices(async (state) => {
      const entry = await watched();
      if (!entry) return { state, result: false };
      const considered = toMap(state);
      const tell = await consider(site, considered, Math.max(state.from, entry.addedAt));
      // Asked again just before telling: the reads since take a moment too.
      const sent = tell && (await getSettings()).notifications && (await watched()) !== undefined;
      // Told before it is recorded: a worker stopped in between tells again (the same notification,
      // which replaces its twin), never not at all.
      if (sent) await deps.notifications.notifyChange(site);
      return { state: { ...state, considered: toList(considered) }, result: sent };
    });
  }

  /**
   * Every watched site's untold change: at a worker's start, and after kept changes were analysed. A site
   * the user stops watching during the round is told nothing (tellUntold asks again).
   */
  async function tellAllUntold(): Promise<void> {
    for (const entry of await getWatches()) {
      await tellUntold(entry.site).catch((error: unknown) => console.warn('[Clausewatch] notification of', entry.site, error));
    }
  }

  /**
   * A change seen on the page of a watched site itself: the badge there told the user; nothing to tell
   * later. (Of a site not watched nothing is ever told: a change kept before a site is watched is not.)
   */
  function seenOnPage(policyId: string): Promise<void> {
    return updateNotices(async (state) => {
      const store = await deps.history.store();
      const versions = await store.listVersions(policyId);
      const last = versions[versions.length - 1];
      const considered = toMap(state);
      if (last && last.firstSeen > (considered.get(policyId) ?? -Infinity)) considerNow(considered, policyId, last.firstSeen);
      return { state: { ...state, considered: toList(considered) }, result: undefined };
    });
  }

  /**
   * Takes the site's notification off the screen once no consideration is under way: one that asked
   * whether the site is watched just before the user stopped watching it has put its notification up by
   * then, and it goes too.
   */
  function withdraw(site: string): Promise<void> {
    return inNoticesTurn(() => deps.notifications.clearChange(site));
  }

  /** Starts the record if it was never written (from now), before any check of this worker can save. */
  function start(): Promise<void> {
    return updateNotices(async (state) => ({ state, result: undefined }));
  }

  return { tellUntold, tellAllUntold, seenOnPage, withdraw, start };
}
