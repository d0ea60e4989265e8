/**
 * A page copied by the content script, as the background receives it, on WXT's fakeBrowser with the page
 * pipeline (jsdom's DOMParser), a fake-indexeddb store and the engine all real: what is saved, what the
 * diagnostics log says, the badge, and when a visited policy joins the watch list.
 */
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_POLICIES_PER_SITE } from '@/lib/history/save';
import { makeDocument } from '@/lib/history/test-support';
import { createDomRunner, type RunInDom } from './dom';
import { createFeatures } from './features';
import { getWatches, setSettings } from './prefs';
import { backgroundWithTab, POLICY_URL as URL_, POLICY_V1, POLICY_V2, senderOf, withBackgroundWorld } from './testing/support';

withBackgroundWorld();

const diagnostics = async () => ((await fakeBrowser.storage.session.get('diagnostics')).diagnostics ?? []) as Array<{ url: string; outcome: string; reason: string }>;

const setup = () => backgroundWithTab();

describe('a captured page', () => {
  it('is saved as a first version, then a change, which the badge counts and the log records', async () => {
    const { capture, tabId, history } = await setup();
    expect(await capture(POLICY_V1)).toEqual({ status: 'first' });
    expect(await fakeBrowser.action.getBadgeText({ tabId })).toBe('');
    expect(await capture(POLICY_V2)).toEqual({ status: 'changed' });
    expect(Number(await fakeBrowser.action.getBadgeText({ tabId }))).toBeGreaterThan(0);
    expect(await capture(POLICY_V2)).toEqual({ status: 'unchanged' });
    const store = await history.store();
    expect(await store.listPolicies('example.com')).toHaveLength(1);
    expect((await diagnostics()).map((d) => d.outcome)).toEqual(['gate-passed', 'policy', 'gate-passed', 'policy', 'gate-passed', 'policy']);
    expect((await diagnostics())[3]!.reason).toMatch(/^privacy-policy: changed \(\d+ blocks\)$/);
  });

  it('keeps the rest of the log when one stored entry is malformed', async () => {
    const { capture } = await setup();
    await fakeBrowser.storage.session.set({ diagnostics: [{ at: 1, url: 'https://a.example/', outcome: 'policy', reason: 'ok' }, { at: 'broken' }, 7] });
    await capture(POLICY_V1);
    expect((await diagnostics()).map((d) => d.url)).toEqual(['https://a.example/', URL_, URL_]);
  });

  it('is refused when its address is not the page its tab shows, and nothing is saved', async () => {
    const { capture, history } = await setup();
    expect(await capture(POLICY_V1, 'https://bank.example.org/privacy')).toEqual({ status: 'rejected' });
    expect(await (await history.store()).listPolicies('example.org')).toEqual([]);
    expect((await diagnostics())[0]).toMatchObject({ outcome: 'rejected', reason: expect.stringContaining(URL_) });
  });

  it('says why when the page was too large to copy, or is not a policy', async () => {
    const { capture } = await setup();
    expect(await capture('')).toEqual({ status: 'failed' });
    expect(await capture('<!doctype html><html><head><title>Soup</title></head><body><h1>Soup</h1><p>Boil water.</p></body></html>')).toEqual({ status: 'not-policy' });
    expect((await diagnostics()).map((d) => d.outcome)).toEqual(['gate-passed', 'failed', 'gate-passed', 'not-policy']);
  });

  it('is not saved past the bound of policies per site, says so, and is not copied again', async () => {
    const { capture, history } = await setup();
    const store = await history.store();
    for (let i = 0; i < MAX_POLICIES_PER_SITE; i++) {
      await store.savePolicyVersion({ url: `https://docs.example.com/d/${i}/privacy`, document: makeDocument({ Sharing: ['We share your email address with our payment processor.'] }, { url: `https://docs.example.com/d/${i}/privacy` }), kind: 'privacy-policy' });
    }
    // 'limit', not 'failed': the page script copies a page again only after a failure.
    expect(await capture(POLICY_V1)).toEqual({ status: 'limit' });
    expect((await diagnostics()).map((d) => d.outcome)).toEqual(['gate-passed', 'save-refused', 'policy']);
    expect((await diagnostics())[1]!.reason).toContain('at most 200 policies');
    expect((await store.listPolicies('example.com')).some((p) => p.path === new URL(URL_).pathname)).toBe(false);
  });

  it('is ignored, and nothing of it kept, when it comes from a private (incognito) window', async () => {
    const { handlers, history } = await setup();
    await setSettings({ autoWatchVisited: true });
    const privateTab = { id: 7, url: URL_, incognito: true };
    expect(await handlers.pageCaptured({ url: URL_, reason: 'load', html: POLICY_V1 }, senderOf(privateTab))).toEqual({ status: 'ignored', reason: 'private-window' });
    expect(await (await history.store()).listPolicies('example.com')).toEqual([]);
    expect(await getWatches()).toEqual([]);
    expect(await diagnostics()).toEqual([{ at: expect.any(Number), url: '', outcome: 'ignored', reason: 'private-window' }]);
  });

  it('joins the watch list only when the user asked for visited policies to be watched', async () => {
    const { capture } = await setup();
    await capture(POLICY_V1);
    expect(await getWatches()).toEqual([]);
    await setSettings({ autoWatchVisited: true });
    await capture(POLICY_V2);
    expect(await getWatches()).toMatchObject([{ site: 'example.com', policyUrl: URL_ }]);
  });

  it('watches the visited address without the tracking and identifying parameters of the visit', async () => {
    const visited = `${URL_}?utm_source=newsletter&mc_eid=8f3a2b1c9d&email=alice%40mail.example`;
    const { capture } = await backgroundWithTab(visited);
    await setSettings({ autoWatchVisited: true });
    expect(await capture(POLICY_V1)).toEqual({ status: 'first' });
    expect(await getWatches()).toMatchObject([{ site: 'example.com', policyUrl: URL_ }]);
  });

  it('never puts back a site the user stopped watching, until the user watches it again', async () => {
    const { capture, handlers } = await setup();
    await setSettings({ autoWatchVisited: true });
    await capture(POLICY_V1);
    expect((await getWatches()).map((w) => w.site)).toEqual(['example.com']);
    await handlers.unwatchSite({ site: 'example.com' }, {} as never);
    await capture(POLICY_V2);
    await capture(POLICY_V1);
    expect(await getWatches()).toEqual([]);
    await handlers.watchSite({ policyUrl: URL_ }, {} as never);
    await handlers.unwatchSite({ site: 'example.com' }, {} as never);
    await handlers.watchSite({ policyUrl: URL_ }, {} as never);
    await capture(POLICY_V2);
    expect((await getWatches()).map((w) => w.site)).toEqual(['example.com']);
  });
});

describe('a capture that ends after its tab went to another site', () => {
  it('leaves that site\'s badge on the tab, not the policy\'s', async () => {
    // The page pipeline waits for `gate` before it reads a copy.
    const factory = new IDBFactory();
    const real = createDomRunner();
    let gate = Promise.resolve();
    const dom: RunInDom = (task) => gate.then(() => real(task));
    const background = createFeatures({ idb: () => factory, dom, language: () => 'en' });
    background.badges.followTabs();
    const tab = await fakeBrowser.tabs.create({ url: URL_ });
    const capture = (html: string) => background.handlers.pageCaptured({ url: URL_, reason: 'load: title names a privacy policy', html }, senderOf(tab));
    await capture(POLICY_V1);
    expect(await capture(POLICY_V2)).toEqual({ status: 'changed' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).not.toBe('');
    // The user comes back to the policy (unchanged) and follows a link to another site while its copy is read.
    let release!: () => void;
    gate = new Promise((r) => (release = r));
    const pending = capture(POLICY_V2);
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://news.example.net/today' });
    await fakeBrowser.tabs.update(tab.id!, { status: 'complete' } as never);
    await expect.poll(() => fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('');
    release();
    expect(await pending).toEqual({ status: 'unchanged' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: tab.id! })).toBe('');
    expect(await fakeBrowser.action.getTitle({ tabId: tab.id! })).not.toContain('example.com');
  });
});
