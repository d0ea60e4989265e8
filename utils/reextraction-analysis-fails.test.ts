/**
 * When the analysis of a pair read anew fails once (captures.ts reanalyses), the pair is left without one
 * rather than with the analysis of extractor 8's texts, and the background's backfill makes it from the
 * stored texts: the extractor-only "sale" (an earlier edition extractor 8 read) goes.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import type { AnalyzeFn } from '@/lib/history/save';
import { BASE, CONTACT, ext9, page, seen, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

it('an analysis that fails once during the run: the backfill makes it, and the extractor-only alert goes', async () => {
  const { store } = await savedByEight([page([BASE]), page([BASE, CONTACT], true)]);
  expect((await seen(store)).badgeMajor).toBe(1);

  let calls = 0;
  const flaky: AnalyzeFn = (a, b) => {
    if (calls++ === 0) throw new Error('analysis interrupted');
    return analyzeChange(a, b);
  };
  expect(await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: flaky })).toMatchObject({ changedText: 2 });
  // Later runs and the backfill, with an analysis that works.
  expect(await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange })).toMatchObject({ processed: 0 });
  expect(await store.analyzeMissing(analyzeChange, 20)).toMatchObject({ analysed: 1 });

  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
