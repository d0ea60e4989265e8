/**
 * A visit's save that appends N while the background is re-reading the latest version V (and the save's own
 * re-reading of V threw, so it compared V's extractor-8 text with N's extractor-9 text): when the background
 * writes V's new text, the change V -> N, whose analysis cannot describe the stored texts, is left for the
 * backfill in the same transaction (captures.ts writeRedone), so extractor 9's panel never stays a new
 * "sharing with advertising partners".
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import type { AnalyzeFn } from '@/lib/history/save';
import { BASE, CONTACT, CONTACT2, ext9, ext9Throwing, page, seen, versionsOf, visit9, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const P = page([BASE]);
const V = page([BASE, CONTACT]);
const N = page([BASE, CONTACT2]);

it('a visit appends N while the background re-reads V (its own re-reading of V threw): V -> N is made again from the current texts', async () => {
  const { store, clock } = await savedByEight([P, V]);
  const [p, v] = await versionsOf(store);
  expect(await store.reextractVersion(p!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  let visit: Promise<unknown> | undefined;
  const slow: AnalyzeFn = async (x, y) => {
    clock.tick();
    // The user opens the policy while the background analyses P -> V; the visit's re-reading of V throws.
    visit ??= visit9(store, N, ext9Throwing((h) => h === V));
    await visit;
    return analyzeChange(x, y);
  };
  expect(await store.reextractVersion(v!.versionId, 9, ext9, slow)).toBe('changed-text');
  expect(await visit).toMatchObject({ status: 'changed' });
  // Later runs and the backfill: nothing is left to read.
  expect(await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange })).toMatchObject({ processed: 0 });
  await store.analyzeMissing(analyzeChange, 20);
  expect((await versionsOf(store)).map((x) => x.extractorVersion)).toEqual([9, 9, 9]);
  expect.soft(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
  await store.markReviewed((await versionsOf(store))[1]!.versionId);
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});

it('control: the same visit without the background re-reading V meanwhile: the later re-reading mends V -> N', async () => {
  const { store, clock } = await savedByEight([P, V]);
  const [p] = await versionsOf(store);
  expect(await store.reextractVersion(p!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  clock.tick();
  expect(await visit9(store, N, ext9Throwing((h) => h === V))).toMatchObject({ status: 'changed' });
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  await store.analyzeMissing(analyzeChange, 20);
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
