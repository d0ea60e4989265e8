/**
 * The watch list's own bookkeeping on WXT's fakeBrowser with a real store: what the popup and the options
 * page ask of it (watch, stop watching, how often), and what a change seen while browsing does to an entry.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { policyKeyFor } from '@/lib/history';
import { getWatches, updateWatches } from './prefs';
import { backgroundForTest, POLICY_V1, POLICY_V2, senderOf, withBackgroundWorld } from './testing/support';
import { createWatchList } from './watchlist';

withBackgroundWorld();

const POLICY = 'https://www.example.com/legal/privacy';
const none = {} as never;
const doc = (md: string) => documentFromMarkdown(`# Privacy Policy\n\n${md}`, { url: POLICY, language: 'en' });
const V1 = doc('We collect your email.');
const V2 = doc('We collect your email.\n\nWe may use your content to train our AI models.');
const AI_TRAINING = analyzeChange(V1, V2);

describe('the watch list', () => {
  it('watches a policy page without its fragment, only over http(s), and stops when asked', async () => {
    const { handlers } = backgroundForTest();
    expect(await handlers.watchSite({ policyUrl: `${POLICY}#cookies` }, none)).toEqual({ ok: true, site: 'example.com' });
    expect(await getWatches()).toMatchObject([{ site: 'example.com', policyUrl: POLICY, status: 'pending', frequencyHours: 24, failures: 0 }]);
    await expect(handlers.watchSite({ policyUrl: 'ftp://example.com/privacy' }, none)).rejects.toMatchObject({ message: 'Only http and https pages can be watched.', code: 'not-a-web-page' });
    expect(await handlers.unwatchSite({ site: 'example.com' }, none)).toEqual({ ok: true });
    expect(await getWatches()).toEqual([]);
  });

  it('stops watching even when its notification cannot be taken off the screen', async () => {
    const { history } = backgroundForTest();
    let refreshed = 0;
    const watchList = createWatchList({ history, policyStates: async () => [], badges: { refreshAll: async () => void refreshed++ }, notices: { withdraw: () => Promise.reject(new Error('storage unreadable')) } });
    await watchList.watch(POLICY, 24);
    expect(await watchList.handlers.unwatchSite({ site: 'example.com' }, none)).toEqual({ ok: true });
    expect(await getWatches()).toEqual([]);
    expect(refreshed).toBe(1);
  });

  it('reads the scheme in any case, and refuses an address with a user name or password', async () => {
    const { handlers } = backgroundForTest();
    expect(await handlers.watchSite({ policyUrl: 'HTTPS://www.example.com/legal/privacy' }, none)).toEqual({ ok: true, site: 'example.com' });
    expect(await getWatches()).toMatchObject([{ policyUrl: POLICY }]);
    await expect(handlers.watchSite({ policyUrl: 'https://user:secret@www.example.org/privacy' }, none)).rejects.toMatchObject({ code: 'has-credentials' });
    await expect(handlers.watchSite({ policyUrl: 'https://:secret@www.example.org/privacy' }, none)).rejects.toMatchObject({ code: 'has-credentials' });
    await expect(handlers.watchSite({ policyUrl: 'not an address' }, none)).rejects.toMatchObject({ code: 'not-a-web-page' });
    expect((await getWatches()).map((w) => w.site)).toEqual(['example.com']);
  });

  it('keeps one entry per site: a new address replaces the old one and starts over', async () => {
    const { watchList } = backgroundForTest();
    await watchList.watch(POLICY, 24);
    await watchList.watch('https://help.example.com/privacy', 48);
    expect(await getWatches()).toMatchObject([{ site: 'example.com', policyUrl: 'https://help.example.com/privacy', frequencyHours: 48, status: 'pending' }]);
  });

  it('keeps the frequency the user chose when the address changes ("Watch this address instead")', async () => {
    const { handlers } = backgroundForTest();
    await handlers.watchSite({ policyUrl: POLICY }, none);
    await handlers.setWatchFrequency({ site: 'example.com', frequencyHours: 168 }, none);
    await handlers.watchSite({ policyUrl: 'https://www.example.com/privacy-notice' }, none);
    expect(await getWatches()).toMatchObject([{ site: 'example.com', policyUrl: 'https://www.example.com/privacy-notice', frequencyHours: 168, status: 'pending' }]);
    // An explicit frequency still wins.
    await handlers.watchSite({ policyUrl: POLICY, frequencyHours: 6 }, none);
    expect(await getWatches()).toMatchObject([{ policyUrl: POLICY, frequencyHours: 6 }]);
  });

  it('reads again what awaits review when a change is noted while it reads: settled by what is there then', async () => {
    const { history } = backgroundForTest();
    // What awaits review, read twice: the first reading is slow, and meanwhile a visit notes a change.
    const worthReviewing = { view: { latest: { analysis: AI_TRAINING } }, pendingVersionIds: ['v2'] } as never;
    const run = async (noted: 'worth reviewing' | 'a date only') => {
      let readings = 0;
      const policyStates = async () => {
        if (readings++ > 0) return noted === 'worth reviewing' ? [worthReviewing] : [];
        await updateWatches((list) => list.map((w) => ({ ...w, status: 'changed' as const, lastChange: 2_000 })));
        return [];
      };
      const watchList = createWatchList({ history, policyStates, badges: { refreshAll: async () => {} }, notices: { withdraw: async () => {} } });
      await watchList.watch(POLICY, 24);
      await updateWatches((list) => list.map((w) => ({ ...w, status: 'changed' as const, lastChange: 1_000 })));
      await watchList.settleReviewedWatch(await history.store(), 'example.com');
      return { readings, entry: (await getWatches())[0] };
    };
    // A change worth reviewing, noted meanwhile, keeps "Changed"; a date-only one does not keep it forever.
    expect(await run('worth reviewing')).toMatchObject({ readings: 2, entry: { status: 'changed', lastChange: 2_000 } });
    expect(await run('a date only')).toMatchObject({ readings: 2, entry: { status: 'up-to-date', lastChange: 2_000 } });
  });

  it('checks sooner, never later, when the frequency is raised', async () => {
    const { handlers } = backgroundForTest();
    await handlers.watchSite({ policyUrl: POLICY, frequencyHours: 720 }, none);
    const before = (await getWatches())[0]!.nextCheck;
    await handlers.setWatchFrequency({ site: 'example.com', frequencyHours: 1 }, none);
    const after = (await getWatches())[0]!;
    expect(after.frequencyHours).toBe(1);
    expect(after.nextCheck).toBeLessThanOrEqual(before);
    expect(after.nextCheck).toBeLessThanOrEqual(Date.now() + 2 * 3_600_000);
  });

  it('shows a change seen while browsing: "Changed" when there is something to review, a failed entry stays failed', async () => {
    const { watchList, history } = backgroundForTest();
    await watchList.watch(POLICY, 24);
    const { policyId } = policyKeyFor(POLICY, 'privacy-policy');
    await watchList.noteChangeSeen(policyId, undefined);
    expect((await getWatches())[0]).toMatchObject({ status: 'pending', lastChange: expect.any(Number) });
    // What the store holds is what awaits review: the policy as first seen, then with AI training.
    for (const v of [V1, V2]) await history.save(POLICY, v, 'privacy-policy', { html: '<p>policy</p>', source: 'visit' });
    await watchList.noteChangeSeen(policyId, AI_TRAINING);
    expect((await getWatches())[0]).toMatchObject({ status: 'changed' });
    await updateWatches((list) => list.map((w) => ({ ...w, status: 'failed' as const })));
    await watchList.noteChangeSeen(policyId, AI_TRAINING);
    expect((await getWatches())[0]).toMatchObject({ status: 'failed' });
  });

  it('shows a change seen while browsing on a watched cookie policy too (a privacy-adjacent page)', async () => {
    const COOKIES = 'https://www.example.com/legal/cookies';
    const { watchList } = backgroundForTest();
    await watchList.watch(COOKIES, 24);
    await watchList.noteChangeSeen(policyKeyFor(COOKIES, 'privacy-adjacent').policyId, undefined);
    expect((await getWatches())[0]).toMatchObject({ policyUrl: COOKIES, lastChange: expect.any(Number) });
  });

  it('reads "Up to date" again when a change is undone before anyone reviewed it', async () => {
    const { watchList, history } = backgroundForTest();
    await watchList.watch(POLICY, 24);
    const { policyId } = policyKeyFor(POLICY, 'privacy-policy');
    await history.save(POLICY, V1, 'privacy-policy', { html: '<p>policy</p>', source: 'visit' });
    const added = await history.save(POLICY, V2, 'privacy-policy', { html: '<p>policy</p>', source: 'visit' });
    await watchList.noteChangeSeen(policyId, added.analysis);
    expect((await getWatches())[0]).toMatchObject({ status: 'changed' });
    // The AI-training clause is taken out again: the policy says what it said when the user last looked,
    // and the popup has nothing to offer for review, so the watch list must not say "Changed" forever.
    const undone = await history.save(POLICY, V1, 'privacy-policy', { html: '<p>policy</p>', source: 'visit' });
    expect(undone.status).toBe('changed');
    await watchList.noteChangeSeen(policyId, undone.analysis);
    expect((await getWatches())[0]).toMatchObject({ status: 'up-to-date' });
  });

  it('after analyses made late, says "Changed" of a row silent on a change awaiting review, and leaves a failed one failed', async () => {
    const { watchList, history } = backgroundForTest();
    await watchList.watch(POLICY, 24);
    const rowIs = async (status: string) => {
      await watchList.noteLateAnalyses();
      expect((await getWatches())[0]).toMatchObject({ status });
    };
    await history.save(POLICY, V1, 'privacy-policy', { html: '<p>policy</p>', source: 'visit' });
    await rowIs('pending');
    // A change saved with its analysis only now (as the backfill writes it): one awaits review.
    const store = await history.store();
    await store.savePolicyVersion({ url: POLICY, document: V2, kind: 'privacy-policy', analyze: analyzeChange });
    // A failed row stays failed: its checks still fail.
    await updateWatches((list) => list.map((w) => ({ ...w, status: 'failed' as const })));
    await rowIs('failed');
    await updateWatches((list) => list.map((w) => ({ ...w, status: 'up-to-date' as const })));
    await rowIs('changed');
  });
});

describe('after re-extraction', () => {
  it('a "Changed" row is kept while a version awaiting review has no analysis, and settled once it has one', async () => {
    const { history } = backgroundForTest();
    const store = await history.store();
    // The second version's analysis failed when it was saved: the backfill owes it.
    for (const document of [V1, V2]) await store.savePolicyVersion({ url: POLICY, kind: 'privacy-policy', document, analyze: () => Promise.reject(new Error('no analysis')) });
    // What awaits review is read as nothing: the reading passes over a version without its analysis.
    const watchList = createWatchList({ history, policyStates: async () => [], badges: { refreshAll: async () => {} }, notices: { withdraw: async () => {} } });
    await watchList.watch(POLICY, 24, { status: 'changed', lastChange: 1_000 });
    await watchList.settleChangedRows(['example.com']);
    expect(await getWatches()).toMatchObject([{ status: 'changed' }]);
    expect(await history.backfill()).toBe(1);
    // Only the sites whose pages were read anew: another site's run leaves this row as it is.
    await watchList.settleChangedRows(['example.org']);
    expect(await getWatches()).toMatchObject([{ status: 'changed' }]);
    await watchList.settleChangedRows(['example.com']);
    expect(await getWatches()).toMatchObject([{ status: 'up-to-date' }]);
  });

  it('a change saved while the row is settled, without its analysis yet, keeps "Changed" at the next reading', async () => {
    const { history } = backgroundForTest();
    const store = await history.store();
    await store.savePolicyVersion({ url: POLICY, kind: 'privacy-policy', document: V1, analyze: analyzeChange });
    let readings = 0;
    // What awaits review is read as nothing; during the first reading a check saves a change whose
    // analysis failed, and notes it on the row.
    const policyStates = async () => {
      if (readings++ === 0) {
        await store.savePolicyVersion({ url: POLICY, kind: 'privacy-policy', document: V2, analyze: () => Promise.reject(new Error('no analysis')) });
        await updateWatches((list) => list.map((w) => ({ ...w, lastChange: 2_000 })));
      }
      return [];
    };
    const watchList = createWatchList({ history, policyStates, badges: { refreshAll: async () => {} }, notices: { withdraw: async () => {} } });
    await watchList.watch(POLICY, 24, { status: 'changed', lastChange: 1_000 });
    await watchList.settleChangedRows(['example.com']);
    expect(readings).toBe(1);
    expect(await getWatches()).toMatchObject([{ status: 'changed', lastChange: 2_000 }]);
  });
});

describe('the badges after the watch list changes', () => {
  it('"Stop watching" takes the site off the amber count of other sites\' tabs, and watching it again puts it back', async () => {
    const bg = backgroundForTest();
    const policyTab = await fakeBrowser.tabs.create({ url: POLICY });
    for (const html of [POLICY_V1, POLICY_V2]) await bg.handlers.pageCaptured({ url: POLICY, reason: 'load', html }, senderOf(policyTab));
    await bg.handlers.watchSite({ policyUrl: POLICY }, none);
    const other = await fakeBrowser.tabs.create({ url: 'https://news.example.org/' });
    await bg.badges.refreshAll();
    expect(await fakeBrowser.action.getBadgeText({ tabId: other.id! })).toBe('1');
    await bg.handlers.unwatchSite({ site: 'example.com' }, none);
    expect(await fakeBrowser.action.getBadgeText({ tabId: other.id! })).toBe('');
    await bg.handlers.watchSite({ policyUrl: POLICY }, none);
    expect(await fakeBrowser.action.getBadgeText({ tabId: other.id! })).toBe('1');
  });
});
