/**
 * A sale awaiting review followed by 20 small edits, told from a baseline of another extractor (here one
 * whose page was not kept, or of unknown extractor): the pending versions' own analyses stand in
 * (utils/combined.ts), the newest 20 and every earlier one with a major finding, so the sale stays on the
 * badge and in the popup.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { freshStore } from '@/lib/history/test-support';
import { BASE, docFor, ext9, page, SALE, save8, seen, URL_ } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const edit = (i: number) => `Last updated: revision ${i}.`;

/** A first version stored without a page (by `extractorVersion`), then a sale, then 20 small edits. */
async function saleThenEdits(extractorVersion: number) {
  const { store, clock } = await freshStore();
  await store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(page([BASE]), 8), extractorVersion, analyze: analyzeChange });
  clock.tick();
  await save8(store, page([BASE, SALE]));
  for (let i = 1; i <= 20; i++) {
    // Two hours apart: a site records at most MAX_CHANGES_PER_SITE_PER_DAY changes in 24 hours.
    clock.tick(2 * 3_600_000);
    await save8(store, page([BASE, SALE, edit(i)]));
  }
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
  return store;
}

it('a sale followed by 20 small edits, baseline without a kept page: after the update the sale stays on the badge and in the popup', async () => {
  const store = await saleThenEdits(8);
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  await store.analyzeMissing(analyzeChange, 20);
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
});

it('the same on a migrated or imported history (baseline extractor 0), no update needed', async () => {
  await saleThenEdits(0);
});
