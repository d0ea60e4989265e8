/**
 * Checking watched policies: each fetched with every hop judged, parsed in the background's DOM and saved
 * like a visit; the entry then says up to date, changed, or failed and why. The alarm runs the due
 * checks a few at a time; the options page's "Check now" runs one.
 */
import { browser } from 'wxt/browser';
import { bounded, type CheckFailure } from '@/lib/core/check-failure';
import { failureText } from '@/lib/core/explain/failure-text';
import { fetchGuarded, type HiddenRedirects } from '@/lib/core/page/fetch-page';
import { assessDetection, assessFetch } from '@/lib/extension/recheck';
import { hasReviewableChange } from '@/lib/core/review';
import { dueEntries, isDue, nextAfterFailure, nextAfterSuccess, RECHECK_ALARM } from '@/lib/extension/schedule';
import type { WatchEntry } from '@/lib/extension/views';
import type { Badges } from './badges';
import { recordOutcome } from './diagnostics';
import type { RunInDom } from './dom';
import { MAX_CHANGES_PER_SITE_PER_DAY, MAX_POLICIES_PER_SITE, StoreError } from '@/lib/history';
import type { History } from './history';
import type { Handlers } from './messaging';
import type { ChangeNotices } from './change-notices';
import { getSettings, getWatches, updateWatches } from './prefs';
import { policyKind, type WatchList } from './watchlist';
import { UserError } from '@/lib/core/user-error';

export const CHECKS_PER_ALARM = 5;
const FETCH_TIMEOUT_MS = 20_000;
const MAX_FETCH_BYTES = 8_000_000;

export type CheckResult =
  | { status: 'unchanged' | 'changed' | 'first'; reason: null; major: number; reviewable: boolean; analysed: boolean; movedTo: null }
  | { status: 'failed'; reason: string; failure: CheckFailure; major: 0; reviewable: false; analysed: false; movedTo: string | null };

const failed = (f: CheckFailure, movedTo: string | null = null): CheckResult => {
  const failure = bounded(f);
  return { status: 'failed', reason: failureText(failure), failure, major: 0, reviewable: false, analysed: false, movedTo };
};
const failedWith = (error: unknown): CheckResult => {
  if (error instanceof StoreError && error.code === 'too-many-changes') return failed({ code: 'too-many-changes', n: MAX_CHANGES_PER_SITE_PER_DAY });
  if (error instanceof StoreError && error.code === 'limit') return failed({ code: 'too-many-policies', n: MAX_POLICIES_PER_SITE });
  return failed({ code: 'error', detail: error instanceof Error ? error.message : String(error) });
};

/**
 * What a check makes of an entry. `awaiting`: when the change worth reviewing that awaits review was first
 * seen, asked of the history whenever the check would otherwise say "Up to date" (null: none awaits).
 */
function afterCheck(w: WatchEntry, result: CheckResult, now: number, awaiting: number | null): WatchEntry {
  if (result.status === 'failed') {
    const failures = w.failures + 1;
    return { ...w, lastCheck: now, status: 'failed', failure: result.reason, failureCode: result.failure, movedTo: result.movedTo, failures, nextCheck: nextAfterFailure(now, failures, w.frequencyHours, Math.random), checking: null };
  }
  return {
    ...w,
    lastCheck: now,
    lastChange: result.status === 'changed' ? now : awaiting !== null ? Math.max(w.lastChange ?? 0, awaiting) : w.lastChange,
    // "Changed" while a change worth reviewing awaits review (the watch list's settleReviewedWatch clears it).
    // An entry that does not say so (after a failed check, which said "failed" instead; a site watched after
    // the change was recorded; a check whose version was saved but whose entry was not updated) says what
    // the history says, never "Up to date" while the popup and the badge say "changed".
    status: (result.status === 'changed' && result.reviewable) || w.status === 'changed' || awaiting !== null ? 'changed' : 'up-to-date',
    failure: null,
    failureCode: null,
    movedTo: null,
    failures: 0,
    nextCheck: nextAfterSuccess(now, w.frequencyHours, Math.random),
    checking: null,
  };
}

export interface RecheckDeps {
  history: Pick<History, 'save' | 'reextract' | 'backfill' | 'store'>;
  /**
   * Settles a "Changed" entry by the change since the last review (a change undone reads "Up to date"), and
   * makes an entry say "Changed" of a change analysed only after it was saved.
   */
  watchList: Pick<WatchList, 'settleReviewedWatch' | 'changeAwaitingReview' | 'noteLateAnalyses' | 'settleChangedRows'>;
  badges: Pick<Badges, 'refreshAll'>;
  /** The desktop notification of a major change, told once (./change-notices.ts). */
  notices: Pick<ChangeNotices, 'tellUntold' | 'tellAllUntold' | 'start'>;
  /** Runs a DOM task where the background has a DOM (./dom.ts). */
  dom: RunInDom;
  /** The network (the global fetch; a test may point it at its own server). */
  fetch?: typeof fetch;
}

export type Recheck = ReturnType<typeof createRecheck>;

export function createRecheck(deps: RecheckDeps) {
  const net = deps.fetch ?? ((u: string, init?: RequestInit) => fetch(u, init));

  /**
   * A re-check's request: redirects followed by hand and each hop judged first, the body capped as it
   * streams (lib/core/page/fetch-page.ts). `hidden` says what to do with a redirect the browser will not show:
   * a background check never follows one; a check the user asked for lets the browser say where it leads.
   */
  function fetchPolicyPage(url: string, hidden: HiddenRedirects) {
    return fetchGuarded(url, { fetch: (u, init) => net(u, init), maxBytes: MAX_FETCH_BYTES, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), hidden });
  }

  /**
   * Fetches a watched policy and stores what it says now, under the address it was served from. Anything
   * doubtful (a refused or unseen redirect, another site, a body past the limit, a login wall) is a failed
   * check with its reason, never a version.
   */
  async function checkPolicy(policyUrl: string, userInitiated: boolean): Promise<CheckResult> {
    const page = await fetchPolicyPage(policyUrl, userInitiated ? 'locate' : 'fail');
    if (!page.ok) return failed(page.failure, page.movedTo);
    const fetched = assessFetch({ requestedUrl: policyUrl, finalUrl: page.finalUrl, status: page.status, contentType: page.contentType, body: page.body });
    if (!fetched.ok) return failed(fetched.failure);
    const result = await deps.dom({ task: 'process', html: page.body, url: page.finalUrl });
    if (result.outcome !== 'policy') {
      if (result.refusal) return failed(result.refusal);
      const verdict = result.detection ? assessDetection(result.detection, page.body) : null;
      return failed(verdict && !verdict.ok ? verdict.failure : { code: 'error', detail: result.reason });
    }
    const saved = await deps.history.save(page.finalUrl, result.document, policyKind(result.detection), { html: page.body, source: 'check' });
    const reviewable = saved.analysis !== undefined && hasReviewableChange(saved.analysis);
    return { status: saved.status, reason: null, major: saved.analysis?.counts.major ?? 0, reviewable, analysed: saved.analysis !== undefined, movedTo: null };
  }

  const keyOf = (entry: Pick<WatchEntry, 'site' | 'policyUrl'>) => `${entry.site}\n${entry.policyUrl}`;
  /** Checks under way, by site and address, and whether the user asked for it. */
  const running = new Map<string, { check: Promise<CheckResult>; user: boolean }>();

  /**
   * Checks one watched policy and records the outcome. A second check of the same policy ("Check now" on
   * two pages, or during the alarm's check) shares the one under way: one fetch, one version, one failure
   * counted. Only where the alarm's check stopped at a redirect the browser hides, which the alarm may not
   * follow, does the user's check that joined it run afterwards, to say where the redirect leads.
   */
  function runCheck(entry: WatchEntry, userInitiated = false): Promise<CheckResult> {
    const key = keyOf(entry);
    const underway = running.get(key);
    if (underway) {
      if (underway.user || !userInitiated) return underway.check;
      return underway.check.then(async (result) => {
        if (result.status !== 'failed' || result.failure.code !== 'hidden-redirect') return result;
        const now = (await getWatches()).find((w) => w.site === entry.site && w.policyUrl === entry.policyUrl);
        return now ? runCheck(now, true) : result;
      });
    }
    const check = checkAndRecord(entry, userInitiated).finally(() => running.delete(key));
    running.set(key, { check, user: userInitiated });
    return check;
  }

  async function checkAndRecord(entry: WatchEntry, userInitiated: boolean): Promise<CheckResult> {
    const same = (w: WatchEntry) => w.site === entry.site && w.policyUrl === entry.policyUrl;
    // Claimed before the request: a check the browser stops mid-way (a worker stopped, an update) is found
    // by the next run (recordUnfinished), and meanwhile is not first in line again, ahead of the others.
    const started = Date.now();
    await updateWatches((list) => list.map((w) => (same(w) ? { ...w, checking: started, nextCheck: Math.max(w.nextCheck, nextAfterFailure(started, w.failures + 1, w.frequencyHours, Math.random)) } : w)));
    const result = await checkPolicy(entry.policyUrl, userInitiated).catch(failedWith);
    const now = Date.now();
    // A check that would say "Up to date" of an entry that does not say "Changed" asks the history first.
    const wouldClear = result.status !== 'failed' && !(result.status === 'changed' && result.reviewable) && entry.status !== 'changed';
    const awaiting = wouldClear ? await deps.watchList.changeAwaitingReview(await deps.history.store(), entry.site).catch(() => null) : null;
    // Only the address that was fetched: an entry the user pointed elsewhere meanwhile ("Watch … instead")
    // keeps its own first check.
    await updateWatches((list) => list.map((w) => (same(w) ? afterCheck(w, result, now, awaiting) : w)));
    // What follows is bookkeeping around a check that is done and recorded: if it fails, the check still
    // reports what it found (not "failed"), and the next visit or check brings the rest up to date.
    // Each step on its own: one failing does not skip the others (the notification of a major change above all).
    const step = (work: () => Promise<unknown>) => work().catch((error: unknown) => console.warn('[Clausewatch] after the check of', entry.site, error));
    await step(() => recordOutcome({ at: now, url: entry.policyUrl, outcome: `check-${result.status}`, reason: result.reason ?? '' }));
    if (result.status === 'changed') {
      if (result.reviewable) await step(async () => deps.watchList.settleReviewedWatch(await deps.history.store(), entry.site));
      await step(() => deps.badges.refreshAll());
    }
    // After any check that read the page, not only one that saved a change: a change an earlier check
    // saved but did not live to tell of is told now (if the site is still watched: tellUntold asks).
    if (result.status !== 'failed') await step(() => deps.notices.tellUntold(entry.site));
    return result;
  }

  /**
   * Entries claimed by a check that is not under way in this background: the browser stopped the one that
   * ran it. Each is recorded as a check that did not finish, dated when it began, and retried with the
   * back-off of a failure, so one that never finishes neither stays "Not checked yet" nor holds up the rest.
   */
  async function recordUnfinished(): Promise<void> {
    const now = Date.now();
    const lost = (w: WatchEntry) => w.checking !== null && !running.has(keyOf(w));
    if (!(await getWatches()).some(lost)) return;
    const result = failed({ code: 'unfinished' });
    const found: WatchEntry[] = [];
    await updateWatches((list) => list.map((w) => (lost(w) ? (found.push(w), { ...afterCheck(w, result, now, null), lastCheck: w.checking }) : w)));
    for (const w of found) await recordOutcome({ at: now, url: w.policyUrl, outcome: 'check-failed', reason: result.reason ?? '' }).catch(() => undefined);
  }

  async function runDueChecks(): Promise<void> {
    await recordUnfinished();
    const settings = await getSettings();
    const due = dueEntries(await getWatches(), Date.now(), { paused: settings.paused, limit: CHECKS_PER_ALARM });
    for (const planned of due) {
      // The batch takes a while: "Pause all checks", "Stop watching" or a new address meanwhile is obeyed
      // before the next request, which is sent only for the entry as it is now, and only if it is still due
      // (not if "Check now" checked it meanwhile; one under way is joined by runCheck).
      if ((await getSettings()).paused) return;
      const entry = (await getWatches()).find((w) => w.site === planned.site);
      if (!entry || entry.policyUrl !== planned.policyUrl || !isDue(entry, Date.now())) continue;
      // One still under way in this worker (a page read that never ends) is not waited for again.
      if (running.has(keyOf(entry))) continue;
      // One site's trouble (even a bug) never keeps the others from their check.
      await runCheck(entry).catch((error: unknown) => console.warn('[Clausewatch] check failed', entry.site, error));
    }
  }

  /**
   * Kept pages an older extractor read read again, then changes kept without an analysis analysed (those
   * re-extraction left without one among them), and the watch list's rows and the badges told when either
   * changed something (a "Changed" row of a site read anew whose change has nothing left to review says
   * "Up to date"). Then every watched site's untold change is told: at a worker's start (a stopped worker
   * may have saved one without telling), and when a change was analysed only now; otherwise each check
   * tells its own.
   */
  async function reextractBackfillAndBadges(atStart: boolean): Promise<void> {
    let changed = 0;
    try {
      const { reread, sites } = await deps.history.reextract();
      const analysed = await deps.history.backfill();
      changed = reread + analysed;
      if (changed > 0) await deps.watchList.noteLateAnalyses().catch((e: unknown) => console.warn('[Clausewatch] watch list', e));
      // Also where every text read anew came out the same: one read anew can end a change all the same.
      await deps.watchList.settleChangedRows(sites).catch((e: unknown) => console.warn('[Clausewatch] watch list', e));
      if (changed > 0 || sites.length > 0) await deps.badges.refreshAll().catch((e: unknown) => console.warn('[Clausewatch] badges', e));
    } finally {
      if (atStart || changed > 0) await deps.notices.tellAllUntold();
    }
  }

  /** The alarm: due checks, and kept pages an older extractor read read again (also once at start). */
  function schedule(): void {
    // The notifications' record starts (if new) before this worker's first check can save a change.
    void deps.notices.start().catch((e: unknown) => console.warn('[Clausewatch] notifications record', e));
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== RECHECK_ALARM) return;
      void runDueChecks().catch((e: unknown) => console.warn('[Clausewatch] checks failed', e));
      void reextractBackfillAndBadges(false).catch((e: unknown) => console.warn('[Clausewatch] re-extraction', e));
    });
    // A check the browser stopped with the worker before is recorded as one that did not finish.
    void recordUnfinished().catch((e: unknown) => console.warn('[Clausewatch] unfinished checks', e));
    // A worker stopped half-way through re-extraction (or an analysis of kept versions) goes on from here.
    void reextractBackfillAndBadges(true).catch((e: unknown) => console.warn('[Clausewatch] re-extraction', e));
    void browser.alarms.get(RECHECK_ALARM).then((existing) => {
      if (!existing) void browser.alarms.create(RECHECK_ALARM, { periodInMinutes: 30, delayInMinutes: 1 });
    });
  }

  const handlers: Pick<Handlers, 'checkNow'> = {
    async checkNow({ site }) {
      const entry = (await getWatches()).find((w) => w.site === site);
      if (!entry) throw new UserError('not-watched', `${site} is not watched.`, site);
      // The user asked: a redirect the browser hides may be followed to say where it leads.
      const result = await runCheck(entry, true);
      // "Only formatting" only where it is known and the row agrees: a change analysed with nothing to review,
      // and no earlier change awaiting review (the row then still says "Changed"). A change not analysed yet
      // (its analysis failed, or the older text is damaged: the backfill analyses it later) is "changed".
      const row = (await getWatches()).find((w) => w.site === site);
      const formattingOnly = result.status === 'changed' && result.analysed && !result.reviewable && row?.status !== 'changed';
      return { status: result.status, reason: result.reason, failure: result.status === 'failed' ? result.failure : null, reviewable: !formattingOnly, analysed: result.status !== 'changed' || result.analysed };
    },
  };

  return { fetchPolicyPage, checkPolicy, runCheck, runDueChecks, schedule, handlers };
}
