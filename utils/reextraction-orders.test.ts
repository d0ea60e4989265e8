/**
 * Sequential re-readings in every order of three versions end with each unreviewed change analysed from
 * extractor 9's two texts; a middle version that fails keeps both changes as extractor 8 made them; a
 * reviewed version keeps its analysis; identical texts give no analysis.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { freshStore } from '@/lib/history/test-support';
import { BASE, CONTACT, CONTACT2, docFor, ext9, ext9Failing, page, SALE, save8, seen, versionsOf, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const PAGES = [page([BASE]), page([BASE, SALE, CONTACT], true), page([BASE, SALE, CONTACT2], true)];
const perms = (n: number): number[][] => (n === 0 ? [[]] : perms(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)])));

async function history() {
  const { store } = await savedByEight(PAGES);
  return store;
}

it('every order of sequential re-readings ends with 9-9 analyses', async () => {
  const want = [null, analyzeChange(docFor(PAGES[0]!, 9), docFor(PAGES[1]!, 9)).counts, analyzeChange(docFor(PAGES[1]!, 9), docFor(PAGES[2]!, 9)).counts];
  for (const order of perms(3)) {
    const store = await history();
    const versions = await versionsOf(store);
    for (const i of order) await store.reextractVersion(versions[i]!.versionId, 9, ext9, analyzeChange);
    expect((await versionsOf(store)).map((v) => v.counts)).toEqual(want);
    expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
  }
});

it('a middle version that fails keeps both pairs as extractor 8 made them, in every order', async () => {
  const want = [null, analyzeChange(docFor(PAGES[0]!, 8), docFor(PAGES[1]!, 8)).counts, analyzeChange(docFor(PAGES[1]!, 8), docFor(PAGES[2]!, 8)).counts];
  const extract = ext9Failing((html) => html === PAGES[1]);
  for (const order of perms(3)) {
    const store = await history();
    const versions = await versionsOf(store);
    for (const i of order) await store.reextractVersion(versions[i]!.versionId, 9, extract, analyzeChange);
    expect((await versionsOf(store)).map((v) => v.counts)).toEqual(want);
  }
});

it('a reviewed version keeps its analysis; identical texts give none', async () => {
  const store = await history();
  const [, b] = await versionsOf(store);
  await store.markReviewed(b!.versionId);
  const before = (await versionsOf(store))[1]!.counts;
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  expect((await versionsOf(store))[1]!.counts).toEqual(before);

  const { store: s2, clock } = await freshStore();
  for (const html of [page([BASE]), page([BASE], true)]) {
    clock.tick();
    await save8(s2, html);
  }
  await reextractAll(s2, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  const vs = await versionsOf(s2);
  expect(vs[0]!.contentHash).toBe(vs[1]!.contentHash);
  expect(vs[1]!.counts).toBeNull();
  expect(await seen(s2)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
