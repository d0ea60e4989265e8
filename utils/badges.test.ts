/**
 * The badge feature on WXT's fakeBrowser with a real store (fake-indexeddb) and the real engine: what a
 * user sees on the toolbar for a tab after a policy changes, after a second change, after review, and
 * for a tab on another site.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { freshStore } from '@/lib/history/test-support';
import type { PolicyStore } from '@/lib/history';
import { createBadges } from './badges';
import { createCombinedChange, type CombinedChange } from './combined';
import { updateWatches } from './prefs';
import type { WatchEntry } from '@/lib/extension/views';

const watchOf = (site: string): WatchEntry => ({ site, policyUrl: URL_, frequencyHours: 24, addedAt: 0, lastCheck: null, lastChange: null, status: 'changed', failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: 0, checking: null });

const URL_ = 'https://www.example.com/privacy';
const doc = (md: string) => documentFromMarkdown(`# Privacy Policy\n\n${md}`, { url: URL_, language: 'en' });
const V1 = doc('We collect your email address to run the service.');
const V2 = doc('We collect your email address to run the service.\n\nWe may use your content to train our AI models.');
const V3 = doc('We collect your email address to run the service.\n\nWe may use your content to train our AI models.\n\nWe share your data with advertisers.');

async function setup(language = 'en', combined = createCombinedChange()) {
  const { store, clock } = await freshStore();
  const badges = createBadges({ store: async () => store, siteOf: (s: PolicyStore, url) => (url && /^https?:/.test(url) ? s.siteForUrl(url) : null), language: () => language, combined });
  const tab = await fakeBrowser.tabs.create({ url: URL_ });
  const other = await fakeBrowser.tabs.create({ url: 'https://news.example.net/' });
  const save = async (document: typeof V1) => {
    clock.tick();
    return store.savePolicyVersion({ url: URL_, document, kind: 'privacy-policy', analyze: analyzeChange });
  };
  const shown = async (tabId: number) => ({
    text: await fakeBrowser.action.getBadgeText({ tabId }),
    title: await fakeBrowser.action.getTitle({ tabId }),
  });
  return { store, badges, tab: tab.id!, other: other.id!, save, shown };
}

beforeEach(() => fakeBrowser.reset());

describe('the toolbar badge', () => {
  it('stays empty on a first visit, counts a new AI-training clause on the site, and points to it from elsewhere', async () => {
    const { badges, tab, other, save, shown } = await setup();
    await save(V1);
    await badges.refreshAll();
    expect((await shown(tab)).text).toBe('');
    await save(V2);
    await badges.refreshAll();
    const here = await shown(tab);
    expect(here.text).toBe('1');
    expect(here.title).toContain("example.com's privacy policy changed");
    expect(here.title).toContain('New: your data may be used to train AI models');
    // Elsewhere, the amber count is of the watched sites: this one is not watched yet.
    expect((await shown(other)).text).toBe('');
    await updateWatches(() => [watchOf('example.com')]);
    await badges.refreshAll();
    const elsewhere = await shown(other);
    expect(elsewhere.text).toBe('1');
    expect(elsewhere.title).toMatch(/1 watched site has unreviewed privacy policy changes \(example\.com\)/);
    // A site the user stops watching no longer counts elsewhere (its own tabs still show its change).
    await updateWatches(() => []);
    await badges.refreshAll();
    expect((await shown(other)).text).toBe('');
    expect((await shown(tab)).text).toBe('1');
  });

  it('reads two unreviewed changes as one change from the last reviewed version, and clears on review', async () => {
    const { store, badges, tab, save, shown } = await setup();
    await save(V1);
    const second = await save(V2);
    const third = await save(V3);
    await badges.refresh(tab, URL_);
    expect((await shown(tab)).text).toBe('2');
    for (const v of [second, third]) await store.markReviewed(v.version.versionId);
    await badges.refresh(tab, URL_);
    expect((await shown(tab)).text).toBe('');
  });

  it('points to no site from elsewhere when its change was undone before anyone looked', async () => {
    const { badges, tab, other, save, shown } = await setup();
    await save(V1);
    await save(V2);
    await save(V1);
    await badges.refreshAll();
    // The policy says again what the user last saw: nothing to review here, nor anywhere else.
    expect((await shown(tab)).text).toBe('');
    expect((await shown(other)).text).toBe('');
  });

  it('words the tooltip in the browser’s language', async () => {
    const { badges, tab, save, shown } = await setup('de');
    await save(V1);
    await save(V2);
    await badges.refresh(tab, URL_);
    expect((await shown(tab)).title).toContain('Neu: Ihre Daten dürfen zum Training von KI-Modellen verwendet werden');
  });

  // The badge words its lines from the stored digest, which keeps no evidence: no terms to quote.
  it.each([
    ['en', '• New: sensitive data is mentioned'],
    ['de', '• Neu: Sensible Daten werden erwähnt'],
    ['fr', '• Nouveau\u00a0: des données sensibles sont mentionnées'],
    ['es', '• Nuevo: se mencionan datos sensibles'],
  ])('%s: a new mention of sensitive data reads without empty brackets', async (language, line) => {
    const { badges, tab, save, shown } = await setup(language);
    await save(V1);
    await save(doc('We collect your email address to run the service.\n\nWe collect information about your health conditions and your religious beliefs to tailor the service.'));
    await badges.refresh(tab, URL_);
    const { title } = await shown(tab);
    expect(title.split('\n')).toContain(line);
    expect(title).not.toMatch(/\(\s*\)/);
  });

  it('follows the tabs: a tab that finishes loading a page of the site gets its badge', async () => {
    const { badges, save, shown } = await setup();
    await save(V1);
    await save(V2);
    badges.followTabs();
    const late = await fakeBrowser.tabs.create({ url: URL_ });
    expect((await shown(late.id!)).text).toBe('');
    await fakeBrowser.tabs.update(late.id!, { status: 'complete' } as never);
    await expect.poll(async () => (await shown(late.id!)).text).toBe('1');
  });

  describe('a refresh that takes a while', () => {
    /** The change across two unreviewed versions, worked out only once `release` is called; `asked` once it was asked for. */
    function slowCombined() {
      let release!: () => void;
      let ask!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const asked = new Promise<void>((r) => (ask = r));
      const real = createCombinedChange();
      const combined: CombinedChange = async (...args) => {
        ask();
        await gate;
        return real(...args);
      };
      return { combined, asked, release };
    }

    it('does not overwrite the badge of a refresh begun after it (a review meanwhile)', async () => {
      const { combined, asked, release } = slowCombined();
      const { store, badges, tab, save, shown } = await setup('en', combined);
      await save(V1);
      const reviewed = [await save(V2), await save(V3)];
      // Two unreviewed versions: their change as one is being worked out when the user reviews them.
      const slow = badges.refresh(tab, URL_);
      await asked;
      for (const v of reviewed) await store.markReviewed(v.version.versionId);
      await badges.refresh(tab, URL_);
      expect((await shown(tab)).text).toBe('');
      release();
      await slow;
      expect((await shown(tab)).text).toBe('');
    });

    it('writes nothing on a tab that went to another site meanwhile', async () => {
      const { combined, asked, release } = slowCombined();
      const { badges, tab, save, shown } = await setup('en', combined);
      await save(V1);
      await save(V2);
      await save(V3);
      // The tabs are listed, then the user follows a link while the policy's tab's badge is worked out.
      const all = badges.refreshAll();
      await asked;
      await fakeBrowser.tabs.update(tab, { url: 'https://news.example.net/today' });
      await badges.refresh(tab, 'https://news.example.net/today');
      release();
      await all;
      expect(await shown(tab)).toEqual({ text: '', title: expect.not.stringContaining('example.com') });
    });
  });
});
