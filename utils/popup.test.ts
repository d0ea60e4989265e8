/**
 * What the popup is told about a tab, and "Mark as reviewed", on WXT's fakeBrowser with a real store,
 * the page pipeline and the engine: the first popup on a site with a recorded policy puts it on the watch
 * list once (a site the user then removes stays removed), and review clears the change and the badge.
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { freshStore } from '@/lib/history/test-support';
import { createCombinedChange } from './combined';
import { getWatches, setSettings, updateWatches } from './prefs';
import { createPolicyStates, olderLanguageOf } from './tab-state';
import { backgroundForTest, backgroundWithTab, POLICY_URL, POLICY_V1, POLICY_V2, withBackgroundWorld } from './testing/support';

withBackgroundWorld();

const none = {} as never;
const setup = () => backgroundWithTab();

describe('the popup', () => {
  it('knows nothing of a page that is not a web page', async () => {
    const { handlers } = backgroundForTest();
    const tab = await fakeBrowser.tabs.create({ url: 'about:blank' });
    expect(await handlers.getTabState({ tabId: tab.id! }, none)).toMatchObject({ site: null, watched: false, watchJoined: false, policies: [], storageProblem: null });
  });

  it('shows a recorded policy with what it says, and watches the site the first time only', async () => {
    const { handlers, capture, tabId } = await setup();
    await capture(POLICY_V1);
    const first = await handlers.getTabState({ tabId }, none);
    expect(first).toMatchObject({ site: 'example.com', watched: true, watchJoined: true });
    expect(first.policies).toHaveLength(1);
    expect(first.policies[0]!.statements.length).toBeGreaterThan(0);
    // The page declares lang="en": the popup marks the policy's quotes as English.
    expect(first.policies[0]!.language).toBe('en');
    expect(await getWatches()).toMatchObject([{ site: 'example.com', status: 'pending', lastChange: null }]);
    // "Watching since": the day the site went on the watch list, not the day its policy was first seen.
    expect(first.watchedSince).toBe((await getWatches())[0]!.addedAt);
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ watchedSince: first.watchedSince });

    await handlers.unwatchSite({ site: 'example.com' }, none);
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ watched: false, watchJoined: false, watchedSince: null });
  });

  it('tells how a watched site\'s background checks stand: paused in the settings, or failing and why', async () => {
    const { handlers, capture, tabId } = await setup();
    await capture(POLICY_V1);
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ watched: true, checks: { paused: false, failed: null } });
    await setSettings({ paused: true });
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ checks: { paused: true, failed: null } });
    await setSettings({ paused: false });
    await updateWatches((list) => list.map((w) => ({ ...w, status: 'failed' as const, failure: 'HTTP 503', failureCode: { code: 'http-error' as const, n: 503 }, failures: 3 })));
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ checks: { paused: false, failed: { attempts: 3 } } });
    await handlers.unwatchSite({ site: 'example.com' }, none);
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ watched: false, checks: null });
  });

  it('once a change spread over several versions is reviewed, shows that whole change again, not only its last step', async () => {
    const { handlers, capture, tabId } = await setup();
    const sale = '<p>We may sell your personal information to data brokers for their own marketing.</p>';
    const hours = '<p>Our support office is open on weekdays from nine to five.</p>';
    await capture(POLICY_V1);
    await capture(POLICY_V1.replace('</main>', `${sale}</main>`));
    await capture(POLICY_V1.replace('</main>', `${sale}${hours}</main>`));
    const before = (await handlers.getTabState({ tabId }, none)).policies[0]!;
    expect(before.latest.reviewed).toBe(false);
    expect(before.latest.analysis!.counts.major).toBeGreaterThan(0);
    await handlers.markReviewed({ versionId: before.latest.versionId }, none);
    const after = (await handlers.getTabState({ tabId }, none)).policies[0]!;
    expect(after.latest.reviewed).toBe(true);
    // The sale, which came with the second version, is still what the reviewed change says.
    expect(after.latest.analysis).toEqual(before.latest.analysis);

    // A later change of one step is shown, and once reviewed stays, as its own.
    await capture(POLICY_V1.replace('</main>', `${sale}${hours}<p>We answer letters within thirty days.</p></main>`));
    const next = (await handlers.getTabState({ tabId }, none)).policies[0]!;
    expect(next.latest.reviewed).toBe(false);
    expect(next.latest.analysis!.counts.major).toBe(0);
    await handlers.markReviewed({ versionId: next.latest.versionId }, none);
    expect((await handlers.getTabState({ tabId }, none)).policies[0]!.latest.analysis).toEqual(next.latest.analysis);
  });

  it('tells which language the version the change is compared with is in: the first, then the one before the latest', async () => {
    const { handlers, capture, tabId } = await setup();
    await capture(POLICY_V1);
    expect((await handlers.getTabState({ tabId }, none)).policies[0]).toMatchObject({ language: 'en', olderLanguage: null });
    // The same address now serves the policy in German: its change is compared with the English version.
    await capture(POLICY_V2.replace(/lang="en"/, 'lang="de"'));
    expect((await handlers.getTabState({ tabId }, none)).policies[0]).toMatchObject({ language: 'de', olderLanguage: 'en' });
    await capture(POLICY_V2.replace(/lang="en"/, 'lang="de"').replace('</main>', '<p>We share your data with advertisers.</p></main>'));
    expect((await handlers.getTabState({ tabId }, none)).policies[0]).toMatchObject({ language: 'de', olderLanguage: 'en', versionCount: 3 });
    // Once reviewed, what is shown is the change reviewed, from the English version: its quotes are of both languages.
    const [policy] = (await handlers.getTabState({ tabId }, none)).policies;
    await handlers.markReviewed({ versionId: policy!.latest.versionId }, none);
    expect((await handlers.getTabState({ tabId }, none)).policies[0]).toMatchObject({ language: 'de', olderLanguage: 'en' });
    // A change of one step after it, reviewed, is compared with the German version before it.
    await capture(POLICY_V2.replace(/lang="en"/, 'lang="de"').replace('</main>', '<p>We share your data with advertisers.</p><p>Wir antworten binnen dreißig Tagen.</p></main>'));
    const [again] = (await handlers.getTabState({ tabId }, none)).policies;
    await handlers.markReviewed({ versionId: again!.latest.versionId }, none);
    expect((await handlers.getTabState({ tabId }, none)).policies[0]).toMatchObject({ language: 'de', olderLanguage: 'de' });
  });

  it('tells the language of the version a change was compared with after that version was pruned', async () => {
    const { handlers, capture, tabId, history } = await setup();
    const german = POLICY_V2.replace(/lang="en"/, 'lang="de"');
    await capture(POLICY_V1);
    await capture(german);
    await capture(german.replace('</main>', '<p>We share your data with advertisers.</p></main>'));
    const [policy] = (await handlers.getTabState({ tabId }, none)).policies;
    await handlers.markReviewed({ versionId: policy!.latest.versionId }, none);
    // Space runs short: the German version in the middle goes; the latest's change was made against it.
    const store = await history.store();
    expect((await store.prune({ targetBytes: 1 })).removedVersions).toBe(1);
    expect((await handlers.getTabState({ tabId }, none)).policies[0]).toMatchObject({ language: 'de', olderLanguage: 'de', versionCount: 2 });
  });

  it('watches the policy without the query the visit carried (a session id, a mailing id)', async () => {
    const { handlers, capture, tabId } = await backgroundWithTab(`${POLICY_URL}?mc_eid=8f3a2b1c9d&sid=SESSION123`);
    await capture(POLICY_V1);
    expect(await handlers.getTabState({ tabId }, none)).toMatchObject({ watchJoined: true });
    expect(await getWatches()).toMatchObject([{ site: 'example.com', policyUrl: POLICY_URL }]);
  });

  it('in a private (incognito) window, shows the recorded policy but does not put the site on the watch list', async () => {
    const { handlers, capture } = await setup();
    await capture(POLICY_V1);
    const privateTab = await fakeBrowser.tabs.create({ url: POLICY_URL });
    await fakeBrowser.tabs.update(privateTab.id!, { incognito: true } as never);
    expect(await handlers.getTabState({ tabId: privateTab.id! }, none)).toMatchObject({ site: 'example.com', watched: false, watchJoined: false, policies: [expect.anything()] });
    expect(await getWatches()).toEqual([]);
  });

  it('marks a change reviewed: the entry no longer says "Changed" and the badge clears', async () => {
    const { handlers, capture, tabId } = await setup();
    await capture(POLICY_V1);
    await capture(POLICY_V2);
    const state = await handlers.getTabState({ tabId }, none);
    expect(state.policies[0]!.latest).toMatchObject({ reviewed: false });
    expect(await getWatches()).toMatchObject([{ status: 'changed', lastChange: expect.any(Number) }]);
    expect(await fakeBrowser.action.getBadgeText({ tabId })).not.toBe('');

    expect(await handlers.markReviewed({ versionId: state.policies[0]!.latest.versionId }, none)).toEqual({ ok: true });
    expect((await handlers.getTabState({ tabId }, none)).policies[0]!.latest.reviewed).toBe(true);
    expect(await getWatches()).toMatchObject([{ status: 'up-to-date' }]);
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    expect(await handlers.markReviewed({ versionId: 'gone' }, none)).toEqual({ ok: false });
  });
});

describe('the language of what a change quotes besides the latest version', () => {
  const v = (language: string) => ({ language });
  it('is the version before the latest, or the pending change’s baseline', () => {
    expect(olderLanguageOf([v('en')], undefined)).toBeNull();
    const [a, b, c] = [v('en'), v('de'), v('de')];
    expect(olderLanguageOf([a, b, c], undefined)).toBe('de');
    expect(olderLanguageOf([a, b, c], a)).toBe('en');
  });

  it('is another language than the latest’s wherever one lies between (a change read by two extractors quotes the versions in between)', () => {
    const [base, between, latest] = [v('de'), v('en'), v('de')];
    expect(olderLanguageOf([base, between, latest], base)).toBe('en');
  });

  it('is not taken from a stand-in analysis that does not compare with the latest version', async () => {
    // Reviewed English (an older extractor's text), then German, then English again, whose own analysis
    // failed: the change across the two extractors is told by the German version's analysis alone.
    const { store, clock } = await freshStore();
    const url = 'https://www.example.com/privacy';
    const md = (text: string, language: string) => documentFromMarkdown(`# Privacy Policy\n\n${text}`, { url, language });
    const saves = [
      { document: md('We collect your email.', 'en'), extractorVersion: 8, analyze: analyzeChange },
      { document: md('Wir erheben Ihre E-Mail-Adresse. Wir verkaufen Ihre Daten an Werbepartner.', 'de'), extractorVersion: 9, analyze: analyzeChange },
      { document: md('We collect your email. We sell your data to advertisers.', 'en'), extractorVersion: 9, analyze: () => Promise.reject(new Error('no analysis')) },
    ];
    for (const save of saves) {
      clock.tick();
      const saved = await store.savePolicyVersion({ url, kind: 'privacy-policy', ...save });
      if (save.extractorVersion === 8) await store.markReviewed(saved.version.versionId);
    }
    const [state] = await createPolicyStates(createCombinedChange())(store, 'example.com');
    expect(state!.view.latest.analysis?.languages).toEqual({ older: 'en', newer: 'de' });
    // Its quotes are English and German: not all of the latest version's language.
    expect(state!.view.olderLanguage).toBe('de');
  });

  it('is one kept version’s where the compared one was pruned, or any of them where the baseline is not found', () => {
    // Kept: the first (English) and the latest (German); the analysis was made against a German version since pruned.
    expect(olderLanguageOf([v('en'), v('de')], undefined)).toBe('en');
    expect(olderLanguageOf([v('fr'), v('de'), v('de')], v('de'))).toBe('fr');
  });
});

describe('a site removed on the options page', () => {
  it('stays off the watch list when the popup first opens on it', async () => {
    const bg = await backgroundWithTab();
    const { site } = await bg.handlers.watchSite({ policyUrl: POLICY_URL }, none);
    await bg.handlers.unwatchSite({ site }, none);
    expect((await bg.capture(POLICY_V1)).status).toBe('first');
    const state = await bg.handlers.getTabState({ tabId: bg.tabId }, none);
    expect({ watched: state.watched, watchJoined: state.watchJoined, list: await getWatches() }).toEqual({ watched: false, watchJoined: false, list: [] });
  });
});
