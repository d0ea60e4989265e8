/**
 * A version that lost a paragraph (quarantined or deleted) is healed by a re-reading of its kept page that
 * gives the same text, as a save of the same page heals it (write.ts writePieces).
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { openDatabase, STORES } from './db';
import { freshStore, makeDocument } from './test-support';
import type { ExtractFn } from './store';

const URL_ = 'https://www.shop.example/privacy';
const doc = makeDocument({ Data: ['One.', 'Two.', 'Three.'] }, { url: URL_ });
const extract: ExtractFn = async () => ({ ok: true, document: doc });

async function damaged() {
  const { store, factory } = await freshStore();
  const saved = await store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: doc, raw: { html: '<p>page</p>', source: 'visit' }, extractorVersion: 8 });
  const db = await openDatabase(factory, 'test');
  const b = ((await db.getAll(STORES.blocks)) as Array<{ policyId: string; key: string; block: { text: string } }>).find((x) => x.block.text === 'Two.')!;
  await db.delete(STORES.blocks, [b.policyId, b.key]);
  db.close();
  expect((await store.getVersion(saved.version.versionId))?.damaged).toBe(true);
  return { store, id: saved.version.versionId };
}

it('control: a save of the same page heals the version', async () => {
  const { store, id } = await damaged();
  await store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: doc, raw: { html: '<p>page</p>', source: 'visit' }, extractorVersion: 8 });
  expect((await store.getVersion(id))?.damaged).toBe(false);
});

it('a re-reading of the kept page (same text) heals it too', async () => {
  const { store, id } = await damaged();
  expect(await store.reextractVersion(id, 9, extract)).toBe('same-text');
  expect((await store.getVersion(id))?.damaged).toBe(false);
});
