/**
 * What a user with a history sees when an update brings a new extractor: the texts it reads anew never
 * show as a change of the policy, on the badge or in the popup. Two stand-in extractors (plain functions
 * of the page, so the test says which text each makes): "8" reads a collapsed earlier edition of the policy
 * into the text, "9" leaves it out, as EXTRACTOR_VERSION 9 does.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { openPolicyStore, type ExtractFn, type PolicyStore } from '@/lib/history/store';
import { freshStore, makeDocument } from '@/lib/history/test-support';
import { createBadges } from './badges';
import { createDomRunner, type RunInDom } from './dom';
import { createFeatures } from './features';
import { createCombinedChange } from './combined';
import { getWatches } from './prefs';
import { createPolicyStates } from './tab-state';

const URL_ = 'https://www.example.com/privacy';
const SITE = 'example.com';
const COLLECT = 'We collect your email address to run your account.';
const OLD_EDITION = 'We sell your personal data to data brokers.';
const CLAUSES = Array.from({ length: 8 }, (_, i) => `<p>Clause ${i + 1}: we keep your account details while your account is open, and the company that hosts our servers stores them for us under a contract.</p>`).join('');
const page = (extra: string, earlier: boolean) =>
  `<html lang="en"><head><title>Privacy Policy</title></head><body><h1>Privacy Policy</h1><h2>What we collect</h2><p>${COLLECT}</p>${CLAUSES}${extra}${earlier ? `<details><summary>Previous version</summary><p>${OLD_EDITION}</p></details>` : ''}</body></html>`;

const read = (html: string, readsEarlier: boolean) =>
  makeDocument(
    {
      'What we collect': [...html.matchAll(/<h2>What we collect<\/h2>(.*?)(?:<details>|<\/body>)/g)].flatMap((m) => [...m[1]!.matchAll(/<p>(.*?)<\/p>/g)].map((p) => p[1]!)),
      ...(readsEarlier && html.includes('Previous version') ? { 'Previous version': [OLD_EDITION] } : {}),
    },
    { url: URL_ },
  );
const ext9: ExtractFn = async (html) => ({ ok: true, document: read(html, false) });
const save8 = (store: PolicyStore, html: string) =>
  store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: read(html, true), raw: { html, source: 'visit' }, extractorVersion: 8, analyze: analyzeChange });

async function seen(store: PolicyStore) {
  const combined = createCombinedChange();
  const badges = createBadges({ store: async () => store, siteOf: (s, u) => s.siteForUrl(u!), language: () => 'en', combined });
  const badge = await badges.inputFor(SITE);
  const [popup] = await createPolicyStates(combined)(store, SITE);
  return { badge, popupMajor: popup!.view.latest.analysis?.counts.major ?? 0 };
}

beforeEach(() => fakeBrowser.reset());

it('a change that was only the old extractor reading an earlier edition no longer alerts once both texts are read anew', async () => {
  const { store, factory, clock } = await freshStore();
  await save8(store, page('', false));
  clock.tick();
  await save8(store, page('', true));
  expect((await store.siteState(SITE))?.alert).toBe(1); // extractor 8's reading: "your data may now be sold"
  store.close();

  const upgraded = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
  expect(await reextractAll(upgraded, { extractorVersion: 9, extract: ext9, analyze: analyzeChange })).toMatchObject({ processed: 2, changedText: 1, sameText: 1 });
  const [policy] = await upgraded.listPolicies(SITE);
  const versions = await upgraded.listVersions(policy!.policyId);
  expect(versions[0]!.contentHash).toBe(versions[1]!.contentHash);
  expect(versions[1]!.reviewed).toBe(false);
  const { badge, popupMajor } = await seen(upgraded);
  expect(badge.siteMajor).toBe(0);
  expect(badge.headlines).toEqual([]);
  expect(popupMajor).toBe(0);
  upgraded.close();
});

it("the unreviewed changes are analysed again from the new texts, and the site's summary names those texts", async () => {
  const { store, clock } = await freshStore();
  await save8(store, page('', true));
  clock.tick();
  await save8(store, page('<p>Contact us at privacy@example.com.</p>', true));
  clock.tick();
  // A visit after the update: the latest version is read anew before the comparison, the others are not yet.
  const html3 = page('<p>Contact us at privacy@example.com or by post.</p>', true);
  await store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: read(html3, false), raw: { html: html3, source: 'visit' }, extractorVersion: 9, analyze: analyzeChange, reextract: ext9 });

  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  const [policy] = await store.listPolicies(SITE);
  const versions = await store.listVersions(policy!.policyId);
  // The changes analysed again from the new texts see only the real edits, none of them major.
  expect(versions.slice(1).map((v) => v.counts?.major)).toEqual([0, 0]);
  expect((await store.siteState(SITE))!.pending[0]!.textKey).toBe(`${versions[0]!.contentHash}>${versions.at(-1)!.contentHash}`);
  const { badge, popupMajor } = await seen(store);
  expect(badge.siteMajor).toBe(0);
  expect(popupMajor).toBe(0);
});

it('a version the user reviewed keeps the analysis they saw', async () => {
  const { store, clock } = await freshStore();
  await save8(store, page('', false));
  clock.tick();
  await save8(store, page('', true));
  const [policy] = await store.listPolicies(SITE);
  const [, second] = await store.listVersions(policy!.policyId);
  await store.markReviewed(second!.versionId);
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  const after = (await store.listVersions(policy!.policyId))[1]!;
  expect(after.reviewed).toBe(true);
  expect(after.counts?.major).toBeGreaterThan(0);
  expect((await store.siteState(SITE))?.alert).toBe(0);
});

it('in the background: the update reads the kept pages anew with the real extractor, and nothing alerts', async () => {
  (globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
  try {
    const factory = new IDBFactory();
    const old = await openPolicyStore({ idb: factory });
    await save8(old, page('', false));
    await save8(old, page('', true));
    expect((await old.siteState(SITE))?.alert).toBe(1);
    old.close();

    const background = createFeatures({ idb: () => factory, dom: createDomRunner(), language: () => 'en' });
    expect(await background.history.reextract()).toEqual({ reread: 2, sites: [SITE] });
    await background.history.backfill();
    const store = await background.history.store();
    expect((await store.siteState(SITE))?.alert).toBe(0);
    expect((await background.badges.inputFor(SITE)).siteMajor).toBe(0);
    store.close();
  } finally {
    delete (globalThis as { DOMParser?: unknown }).DOMParser;
  }
});

describe('a watched site whose row says "Changed" of a change kept before the update', () => {
  const withDomParser = async (run: () => Promise<void>) => {
    (globalThis as { DOMParser?: unknown }).DOMParser = new JSDOM('').window.DOMParser;
    try {
      await run();
    } finally {
      delete (globalThis as { DOMParser?: unknown }).DOMParser;
    }
  };
  /** Two versions kept by extractor 8, the site watched, and the background of the update started. */
  async function watchedBeforeTheUpdate(second: string) {
    const factory = new IDBFactory();
    const old = await openPolicyStore({ idb: factory });
    await save8(old, page('', false));
    await save8(old, second);
    old.close();
    const background = createFeatures({ idb: () => factory, dom: createDomRunner(), language: () => 'en' });
    await background.handlers.watchSite({ policyUrl: URL_ }, {} as never);
    expect(await getWatches()).toMatchObject([{ site: SITE, status: 'changed' }]);
    return background;
  }

  it('says "Up to date" once the background has read the pages anew and nothing is left to review', () =>
    withDomParser(async () => {
      const background = await watchedBeforeTheUpdate(page('', true));
      background.recheck.schedule();
      await vi.waitFor(async () => expect(await getWatches()).toMatchObject([{ site: SITE, status: 'up-to-date' }]), { timeout: 10_000 });
      (await background.history.store()).close();
    }));

  it('says "Up to date" also where the texts read anew came out the same, yet ended the change', async () => {
    const factory = new IDBFactory();
    const old = await openPolicyStore({ idb: factory });
    const plain = page('', false);
    const first = await save8(old, plain);
    await old.markReviewed(first.version.versionId);
    await save8(old, page('<p>We may share your email address with advertising partners for marketing.</p>', false));
    // After the update a visit finds the policy as it was reviewed, read by the new extractor: the change
    // across the two extractors is told by the versions' own analyses, the sharing among them.
    await old.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: read(plain, false), raw: { html: plain, source: 'visit' }, extractorVersion: 9, analyze: analyzeChange, reextract: ext9 });
    old.close();
    // The new extractor reads these pages (no earlier edition in them) as the old one did.
    const real = createDomRunner();
    const dom: RunInDom = async (task) => (task.task === 'process' ? ({ outcome: 'policy', document: read(task.html, false) } as never) : real(task));
    const background = createFeatures({ idb: () => factory, dom, language: () => 'en' });
    await background.handlers.watchSite({ policyUrl: URL_ }, {} as never);
    expect(await getWatches()).toMatchObject([{ site: SITE, status: 'changed' }]);
    background.recheck.schedule();
    await vi.waitFor(async () => expect(await getWatches()).toMatchObject([{ site: SITE, status: 'up-to-date' }]), { timeout: 10_000 });
    const store = await background.history.store();
    expect((await store.reextractionProgress())?.changedText).toBe(0);
    store.close();
  });

  it('still says "Changed" where the change read anew is a real one', () =>
    withDomParser(async () => {
      const background = await watchedBeforeTheUpdate(page('<p>We may share your email address with advertising partners for marketing.</p>', true));
      expect(await background.history.reextract()).toEqual({ reread: 2, sites: [SITE] });
      await background.history.backfill();
      await background.watchList.settleChangedRows([SITE]);
      expect(await getWatches()).toMatchObject([{ site: SITE, status: 'changed' }]);
      (await background.history.store()).close();
    }));
});

describe('a change awaiting review over several versions, while texts are still an older extractor\'s', () => {
  // Here the new extractor reads more than the old one: a collapsed panel the old one left out. Told
  // between the two extractors' texts, the panel would read as "now shared with advertising partners".
  const PANEL = 'Partners: we share your personal data with advertising partners.';
  const html = (contact: string) => page(`<p>${contact}</p><details><summary>Partners</summary><p>${PANEL}</p></details>`, false);
  const doc = (h: string, readsPanel: boolean) => {
    const d = read(h.replace(/<details>.*?<\/details>/, ''), false);
    return readsPanel ? makeDocument({ 'What we collect': d.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text), Partners: [PANEL] }, { url: URL_ }) : d;
  };
  const panel9: ExtractFn = async (h) => ({ ok: true, document: doc(h, true) });
  const saveOld = (store: PolicyStore, h: string) => store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: doc(h, false), raw: { html: h, source: 'visit' }, extractorVersion: 8, analyze: analyzeChange });
  const visitNew = (store: PolicyStore, h: string) => store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: doc(h, true), raw: { html: h, source: 'visit' }, extractorVersion: 9, analyze: analyzeChange, reextract: panel9 });
  const PAGES = ['Write to us.', 'Write to us at privacy@example.com.', 'Write to us at privacy@example.com or by post.', 'Write to us at privacy@example.com or by post to our office.'].map(html);

  it('a visit before the background read the baseline anew shows no change the extractor made', async () => {
    const { store, clock } = await freshStore();
    await saveOld(store, PAGES[0]!);
    clock.tick();
    await saveOld(store, PAGES[1]!);
    clock.tick();
    await visitNew(store, PAGES[2]!);
    const { badge, popupMajor } = await seen(store);
    expect(badge.siteMajor).toBe(0);
    expect(popupMajor).toBe(0);
  });

  it('a change whose older text cannot be read anew (stored before pages were kept) keeps the analysis it had', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: doc(PAGES[0]!, false), extractorVersion: 0, analyze: analyzeChange });
    clock.tick();
    await saveOld(store, PAGES[1]!);
    await reextractAll(store, { extractorVersion: 9, extract: panel9, analyze: analyzeChange });
    const [policy] = await store.listPolicies(SITE);
    const versions = await store.listVersions(policy!.policyId);
    expect(versions.map((v) => v.extractorVersion)).toEqual([0, 9]);
    // Told between extractor 0's text and extractor 9's, the panel would read as new sharing: it is not told.
    expect(versions[1]!.counts?.major).toBe(0);
    expect((await store.siteState(SITE))?.alert).toBe(0);
    const { badge, popupMajor } = await seen(store);
    expect(badge.siteMajor).toBe(0);
    expect(popupMajor).toBe(0);
  });

  it('nor later, though space ran short: the baseline keeps its page, so it is read anew too', async () => {
    const { store, clock } = await freshStore();
    await saveOld(store, PAGES[0]!);
    clock.tick();
    await store.markReviewed((await saveOld(store, PAGES[1]!)).version.versionId);
    clock.tick();
    await saveOld(store, PAGES[2]!);
    clock.tick();
    const { bytes } = await store.usage();
    await store.prune({ targetBytes: Math.floor(bytes / 2) });
    await reextractAll(store, { extractorVersion: 9, extract: panel9, analyze: analyzeChange });
    const again = await visitNew(store, PAGES[3]!);
    const versions = await store.listVersions(again.policyId);
    expect(versions.find((v) => v.reviewed)?.extractorVersion).toBe(9);
    const { badge, popupMajor } = await seen(store);
    expect(badge.siteMajor).toBe(0);
    expect(popupMajor).toBe(0);
  });
});
