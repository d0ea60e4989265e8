/**
 * A real major change in an earlier pending step (a sale) stays on the site's badge and popup while the
 * change is told from a baseline that awaits re-reading: the pending versions' own analyses stand in
 * together (utils/combined.ts mergeAnalyses), not only the latest's; also when the extractor throws on the
 * baseline's page, or after a visit right after the update.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { BASE, CONTACT, CONTACT2, ext9, ext9Throwing, page, SALE, seen, visit9, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const P0 = page([BASE]);
const P1 = page([BASE, SALE]); // the real major change, awaiting review
const P2 = page([BASE, SALE, CONTACT]); // a minor edit after it
const P3 = page([BASE, SALE, CONTACT2]);

async function history() {
  const { store, clock } = await savedByEight([P0, P1, P2]);
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
  return { store, clock };
}

it('control: after the whole run the sale is shown', async () => {
  const { store } = await history();
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
});

it('a visit of the unchanged page right after the update (the latest is read anew first): the sale stays shown', async () => {
  const { store, clock } = await history();
  clock.tick();
  expect((await visit9(store, P2)).status).toBe('unchanged');
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
});

it('a later minor edit captured right after the update: the sale stays shown', async () => {
  const { store, clock } = await history();
  clock.tick();
  expect((await visit9(store, P3)).status).toBe('changed');
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
});

it("the baseline's page throws in the extractor (retried every run): the sale stays shown", async () => {
  const { store } = await history();
  const extract = ext9Throwing((html) => html === P0);
  await reextractAll(store, { extractorVersion: 9, extract, analyze: analyzeChange });
  await reextractAll(store, { extractorVersion: 9, extract, analyze: analyzeChange });
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
});
