/**
 * A version read anew whose saved page is then pruned (a save elsewhere needed room) still counts as the
 * current extractor's when its neighbour is read anew later: their change is made again from the two current
 * texts (captures.ts reanalyses judges by the text's extractor, not by the page's mark). And the pruning
 * itself no longer deletes the blocks the re-read text shares with the old one (prune.ts: an unreferenced
 * chunk is dropped without releasing blocks it never counted), which had left the version damaged.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import { freshStore } from '@/lib/history/test-support';
import { BASE, CONTACT, CONTACT2, ext9, page, save8, seen, versionsOf, savedByEight } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const P = page([BASE]);
const V = page([BASE, CONTACT], true); // quotes an earlier edition: extractor 8 reads a "sale"
const L = page([BASE, CONTACT2], true);

/** P, V and L saved by extractor 8, whose reading of V's quoted edition alerts; V's version. */
async function savedUnderEight() {
  const { store, clock } = await savedByEight([P, V, L]);
  expect(await seen(store)).toMatchObject({ alertIndex: 1 });
  const [, v] = await versionsOf(store);
  return { store, clock, v };
}

it('control: without the prune, the extractor-only alert goes', async () => {
  const { store, v } = await savedUnderEight();
  expect(await store.reextractVersion(v!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  await store.analyzeMissing(analyzeChange, 20);
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});

it('V read anew, then its page pruned, then P read anew: the extractor-only alert goes', async () => {
  const { store, v } = await savedUnderEight();
  // The background reads V first (its predecessor not yet 9's: V's analysis waits for P's re-reading).
  expect(await store.reextractVersion(v!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  // A save somewhere hits the quota: V's page (a middle version's) is the one prunable capture.
  const pruned = await store.prune();
  expect(pruned.removedRaw).toBe(1);
  expect(pruned.removedVersions).toBe(0);
  const mid = (await versionsOf(store))[1]!;
  expect(mid.extractorVersion).toBe(9); // V's text is extractor 9's
  // Pruning took the old text's chunks, not the blocks V's new text shares with them.
  expect((await store.getVersion(mid.versionId))?.damaged).toBe(false);
  // The rest of the run, and the backfill.
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  await store.analyzeMissing(analyzeChange, 20);
  expect((await versionsOf(store)).map((x) => x.extractorVersion)).toEqual([9, 9, 9]);
  const after = await seen(store);
  expect.soft(after).toMatchObject({ badgeMajor: 0, popupMajor: 0 });
  // V's own analysis is still P8 -> V8 (the quoted edition read as a sale): the alert index keeps the site.
  expect(after.alertIndex).toBe(0);
});

it('the other side: A read anew, its page pruned, then the latest B read anew; nothing alerts, before or after A is reviewed', async () => {
  const { store, clock } = await freshStore();
  const A = page([BASE, CONTACT]);
  const B = page([BASE, CONTACT2], true); // extractor 8 reads the quoted edition: A8 -> B8 is a "sale"
  for (const html of [P, A, B]) {
    clock.tick();
    await save8(store, html);
  }
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, alertIndex: 1 });
  const [p, a] = await versionsOf(store);
  expect(await store.reextractVersion(p!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  expect(await store.reextractVersion(a!.versionId, 9, ext9, analyzeChange)).toBe('changed-text');
  // Space runs short by a little: the oldest prunable page (A's) goes, no version.
  // (Unused text goes first: a prune or two until a page goes.)
  let removedRaw = 0;
  for (let i = 0; i < 4 && removedRaw === 0; i++) {
    const r = await store.prune({ targetBytes: (await store.usage()).bytes - 1 });
    expect(r.removedVersions).toBe(0);
    removedRaw = r.removedRaw;
  }
  expect(removedRaw).toBe(1);
  await reextractAll(store, { extractorVersion: 9, extract: ext9, analyze: analyzeChange });
  await store.analyzeMissing(analyzeChange, 20);
  expect((await versionsOf(store)).map((x) => x.extractorVersion)).toEqual([9, 9, 9]);
  expect.soft(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
  await store.markReviewed(a!.versionId);
  // B's own analysis is still A8 -> B8: the quoted earlier edition read as a new sale.
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, popupMajor: 0, alertIndex: 0 });
});
