/**
 * While the latest version still awaits re-reading and its baseline was read anew first (the order is
 * arbitrary), or when the extractor throws on the latest's page, the badge and popup do not tell the change
 * between the baseline's extractor-9 text and the latest's extractor-8 text (utils/combined.ts).
 *
 * Every page here quotes an earlier edition that sold data: extractor 8 reads it into every text (never a
 * change between 8-texts), extractor 9 leaves it out (never in a 9-text). The real edits are contact lines.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { BASE, CONTACT, CONTACT2, ext9, ext9Throwing, page, seen, versionsOf, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const PAGES = [page([BASE], true), page([BASE, CONTACT], true), page([BASE, CONTACT2], true)];

async function history() {
  const { store, clock } = await savedByEight(PAGES);
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
  return { store, clock };
}

it('control: after the whole run nothing major is shown', async () => {
  const { store } = await history();
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});

it('mid-run, the baseline read anew before the latest: no major change is shown', async () => {
  const { store } = await history();
  const [baseline] = await versionsOf(store);
  expect(await store.reextractVersion(baseline!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  const mid = await seen(store);
  expect(mid).toMatchObject({ badgeMajor: 0, popupMajor: 0 });
});

it("the latest's page throws in the extractor (retried every run): no major change is shown", async () => {
  const { store } = await history();
  const latestPage = PAGES[2]!;
  const extract = ext9Throwing((html) => html === latestPage);
  await reextractAll(store, { extractorVersion: 9, extract, analyze: analyzeChange });
  await reextractAll(store, { extractorVersion: 9, extract, analyze: analyzeChange }); // the next run: the same
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
