/**
 * Two neighbouring versions read anew at the same time (the background on A while a visit's save re-reads the
 * latest, B; or two extractions that overlap): each looked at the other before it was written. The one written
 * second finds the other read anew meanwhile and, in the same transaction, leaves their change without
 * analysis (captures.ts writeRedone), for the backfill to make from the two current texts: an analysis of
 * extractor 8's texts never stays, wherever the worker stops. Here extractor 8 read an earlier edition quoted
 * on B's page (it sold data): an extractor-only "sale" that must not stay a major alert.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import type { AnalyzeFn } from '@/lib/history/save';
import type { ExtractFn } from '@/lib/history/store';
import { BASE, CONTACT, CONTACT2, ext9, page, seen, versionsOf, visit9, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const P = page([BASE]);
const A = page([BASE, CONTACT]);
const B = page([BASE, CONTACT2], true); // a small edit; the page now also quotes an earlier edition

async function history() {
  const { store, clock } = await savedByEight([P, A, B]);
  // Extractor 8's own false alert (it read the earlier edition as policy text): what the update removes.
  expect((await seen(store)).badgeMajor).toBe(1);
  return { store, clock };
}

it('control: the background run alone removes the extractor-only alert', async () => {
  const { store } = await history();
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});

it('a visit re-reads the latest while the background is analysing the change before A: the extractor-only alert goes', async () => {
  const { store, clock } = await history();
  const [p, a] = await versionsOf(store);
  // The background has read P anew already, and now reads A.
  expect(await store.reextractVersion(p!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  let visit: Promise<unknown> | undefined;
  // Its analysis of P -> A takes a while (analyzeChangeYielding on a long policy); the user opens B's page meanwhile.
  const slowAnalyze: AnalyzeFn = async (x, y) => {
    clock.tick();
    visit ??= visit9(store, B);
    await visit;
    return analyzeChange(x, y);
  };
  expect(await store.reextractVersion(a!.versionId, 9, ext9, slowAnalyze)).toBe('changed-text');
  expect(visit).toBeDefined();
  expect(await visit).toMatchObject({ status: 'unchanged' });

  // Nothing is left for any later run: every version is the current extractor's.
  expect(await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange })).toMatchObject({ processed: 0 });
  const after = await seen(store);
  // The site's own badge and popup compare P with B (two pending versions) and are right; the alert index
  // (unreviewedMajor: the other tabs' badges list the site), the history page's B, and the site's own badge
  // once the user reviews A, all read B's stale analysis.
  expect(after).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});

it('two re-readings whose extractions overlap (A and B at once): the extractor-only alert goes', async () => {
  const { store } = await history();
  const [p, a, b] = await versionsOf(store);
  await store.reextractVersion(p!.versionId, 9, ext9, analyzeChange);
  // The first two calls finish together (two pages read at once).
  let waiting = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const extract: ExtractFn = async (html, url) => {
    if (++waiting === 2) release();
    await gate;
    return ext9(html, url);
  };
  expect(await Promise.all([store.reextractVersion(a!.versionId, 9, extract, analyzeChange), store.reextractVersion(b!.versionId, 9, extract, analyzeChange)])).toEqual(['changed-text', 'changed-text']);
  expect(await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange })).toMatchObject({ processed: 0 });
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
  // The change between the two was left for the backfill, which makes it from the two current texts.
  expect((await store.analyzeMissing(analyzeChange, 20)).analysed).toBe(1);
  expect((await versionsOf(store)).map((v) => v.counts?.major ?? 0)).toEqual([0, 0, 0]);
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
