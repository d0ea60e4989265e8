/**
 * A baseline that cannot be read anew (no page: stored before pages were kept, or imported; or a page the new
 * extractor cannot read) is not compared with a latest the background did read anew: what extractor 9 now
 * reads (here a collapsed panel on every page) never shows as the policy's change on the badge or popup.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { freshStore } from '@/lib/history/test-support';
import { BASE, CONTACT, CONTACT2, docFor, ext9, ext9Failing, page, save8, seen, URL_, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const P0 = page([BASE]);
const P1 = page([BASE, CONTACT]);
const P2 = page([BASE, CONTACT2]);

it('a first version stored without its page: after the update no major change is shown', async () => {
  const { store, clock } = await freshStore();
  await store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(P0, 8), extractorVersion: 0, analyze: analyzeChange });
  for (const html of [P1, P2]) {
    clock.tick();
    await save8(store, html);
  }
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});

it('a first version whose page extractor 9 cannot read: after the update no major change is shown', async () => {
  const { store } = await savedByEight([P0, P1, P2]);
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
  await reextractAll(store, { extractorVersion: 9, extract: ext9Failing((html) => html === P0), analyze: analyzeChange });
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
