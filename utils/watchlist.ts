/**
 * The watch list as a feature of the background: putting a site's policy on it, checking watched
 * policies (fetched with every hop judged, parsed in the background's DOM, saved like a visit), what each
 * entry says (up to date, changed, failed and why), desktop notifications, and the alarm's due checks.
 */
import { browser } from 'wxt/browser';
import { fetchGuarded, type HiddenRedirects } from '@/lib/fetch-page';
import { assessDetection, assessFetch } from '@/lib/recheck';
import { hasReviewableChange } from '@/lib/review';
import { DEFAULT_FREQUENCY_HOURS, dueEntries, firstCheck, nextAfterFailure, nextAfterSuccess } from '@/lib/schedule';
import type { ChangeAnalysis, Detection, PolicyKind } from '@/lib/schema';
import { policyKeyFor, type PolicyStore } from '@/lib/store';
import { withoutFragment } from '@/lib/url';
import { explainer } from '@/lib/explain';
import { failureText } from '@/lib/explain/failure-text';
import { bounded, type CheckFailure } from '@/lib/check-failure';
import type { WatchEntry } from '@/lib/views';
import type { Badges } from './badges';
import { recordOutcome } from './diagnostics';
import type { runInDom } from './dom';
import type { History } from './history';
import { getSettings, getWatches, updateWatches } from './prefs';
import type { PolicyStates } from './tab-state';

export const CHECKS_PER_ALARM = 5;
const FETCH_TIMEOUT_MS = 20_000;
const MAX_FETCH_BYTES = 8_000_000;

/** A page the pipeline kept is a privacy policy or a privacy-adjacent one (cookie policy, DPA). */
export function policyKind(detection: Detection): PolicyKind {
  return detection.kind === 'privacy-adjacent' ? 'privacy-adjacent' : 'privacy-policy';
}

/** The address a watched policy is fetched and stored by: the page's, without its fragment. */
export const policyUrlOf = withoutFragment;

/** The watch whose policy page is the stored policy `policyId` (the store's own identity of a policy). */
function watchesPolicy(w: WatchEntry, policyId: string): boolean {
  try {
    return policyKeyFor(w.policyUrl, 'privacy-policy').policyId === policyId;
  } catch {
    return false;
  }
}

export type CheckResult =
  | { status: 'unchanged' | 'changed' | 'first'; reason: null; major: number; reviewable: boolean; movedTo: null }
  | { status: 'failed'; reason: string; failure: CheckFailure; major: 0; reviewable: false; movedTo: string | null };

const failed = (f: CheckFailure, movedTo: string | null = null): CheckResult => {
  const failure = bounded(f);
  return { status: 'failed', reason: failureText(failure), failure, major: 0, reviewable: false, movedTo };
};
const failedWith = (error: unknown): CheckResult => failed({ code: 'error', detail: error instanceof Error ? error.message : String(error) });

export interface WatchListDeps {
  history: History;
  badges: Badges;
  policyStates: PolicyStates;
  /** Runs a DOM task where the background has a DOM (utils/dom.ts). */
  dom: typeof runInDom;
  /** The network (the global fetch; a test may point it at its own server). */
  fetch?: typeof fetch;
  /** The reader's language, for the desktop notification (the browser's UI language). */
  language?: () => string;
}

export function createWatchList(deps: WatchListDeps) {
  const getStore = deps.history.store;
  const saveVersion = deps.history.save;
  const refreshAllBadges = deps.badges.refreshAll;
  const policyStates = deps.policyStates;
  const runInDom = deps.dom;
  const words = () => explainer(deps.language?.() ?? 'en').ui;
  const net = deps.fetch ?? ((u: string, init?: RequestInit) => fetch(u, init));

  /**
   * Puts a site's policy on the watch list (or points its entry at a new address). `known` seeds a new
   * entry with what the history already says (a change awaiting review).
   */
  async function watch(policyUrl: string, frequencyHours = DEFAULT_FREQUENCY_HOURS, known: Pick<WatchEntry, 'status' | 'lastChange'> | null = null): Promise<string> {
    const store = await getStore();
    const site = store.siteForUrl(policyUrl);
    const now = Date.now();
    await updateWatches((list) => {
      const existing = list.find((w) => w.site === site);
      const entry: WatchEntry = existing
        ? { ...existing, policyUrl, frequencyHours, ...(existing.policyUrl === policyUrl ? {} : { status: 'pending' as const, failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: firstCheck(now, Math.random) }) }
        : { site, policyUrl, frequencyHours, addedAt: now, lastCheck: null, lastChange: null, status: 'pending', ...known, failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: firstCheck(now, Math.random) };
      return [...list.filter((w) => w.site !== site), entry];
    });
    return site;
  }

  /**
   * A watched site reads "Changed" while a change worth reviewing awaits review (a date or formatting
   * update never does, and offers nothing to review). Once none is left, it reads "Up to date" again.
   */
  async function settleReviewedWatch(store: PolicyStore, site: string): Promise<void> {
    for (const state of await policyStates(store, site)) {
      const analysis = state.view.latest.analysis;
      if (state.pendingVersionIds.length > 0 && analysis && hasReviewableChange(analysis)) return;
    }
    await updateWatches((list) => list.map((w) => (w.site === site && w.status === 'changed' ? { ...w, status: 'up-to-date' } : w)));
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
  }

  /**
   * A re-check's request: redirects followed by hand and each hop judged first, the body capped as it
   * streams (lib/fetch-page.ts). `hidden` says what to do with a redirect the browser will not show:
   * a background check never follows one; a check the user asked for lets the browser say where it leads.
   */
  function fetchPolicyPage(url: string, hidden: HiddenRedirects) {
    return fetchGuarded(url, {
      fetch: (u, init) => net(u, init),
      maxBytes: MAX_FETCH_BYTES,
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      hidden,
    });
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
    const result = await runInDom({ task: 'process', html: page.body, url: page.finalUrl });
    if (result.outcome !== 'policy') {
      const verdict = result.detection ? assessDetection(result.detection) : null;
      return failed(verdict && !verdict.ok ? verdict.failure : { code: 'error', detail: result.reason });
    }
    const saved = await saveVersion(page.finalUrl, result.document, policyKind(result.detection), { html: page.body, source: 'check' });
    const reviewable = saved.analysis !== undefined && hasReviewableChange(saved.analysis);
    return { status: saved.status, reason: null, major: saved.analysis?.counts.major ?? 0, reviewable, movedTo: null };
  }

  async function runCheck(entry: WatchEntry, userInitiated = false): Promise<CheckResult> {
    const result = await checkPolicy(entry.policyUrl, userInitiated).catch(failedWith);
    const now = Date.now();
    await updateWatches((list) =>
      list.map((w) => {
        if (w.site !== entry.site) return w;
        if (result.status === 'failed') {
          const failures = w.failures + 1;
          return { ...w, lastCheck: now, status: 'failed', failure: result.reason, failureCode: result.failure, movedTo: result.movedTo, failures, nextCheck: nextAfterFailure(now, failures, w.frequencyHours, Math.random) };
        }
        return {
          ...w,
          lastCheck: now,
          lastChange: result.status === 'changed' ? now : w.lastChange,
          // "Changed" while a change worth reviewing awaits review (settleReviewedWatch clears it).
          status: (result.status === 'changed' && result.reviewable) || w.status === 'changed' ? 'changed' : 'up-to-date',
          failure: null,
          failureCode: null,
          movedTo: null,
          failures: 0,
          nextCheck: nextAfterSuccess(now, w.frequencyHours, Math.random),
        };
      }),
    );
    await recordOutcome({ at: now, url: entry.policyUrl, outcome: `check-${result.status}`, reason: result.reason ?? '' });
    if (result.status === 'changed') {
      await refreshAllBadges();
      if (result.major > 0 && (await getSettings()).notifications) await notifyChange(entry.site);
    }
    return result;
  }

  async function notifyChange(site: string): Promise<void> {
    try {
      await browser.notifications.create(`clausewatch:${site}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: words().notification.title(site),
        message: words().notification.message,
      });
    } catch {
      // The notifications permission was withdrawn; the badge still tells.
    }
  }

  async function runDueChecks(): Promise<void> {
    const settings = await getSettings();
    const due = dueEntries(await getWatches(), Date.now(), { paused: settings.paused, limit: CHECKS_PER_ALARM });
    // One site's trouble (even a bug) never keeps the others from their check.
    for (const entry of due) {
      await runCheck(entry).catch((error: unknown) => console.warn('[Clausewatch] check failed', entry.site, error));
    }
  }

  return { watch, settleReviewedWatch, noteChangeSeen, fetchPolicyPage, checkPolicy, runCheck, runDueChecks };
}
