import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openDatabase, STORES } from './db';
import { prepareDocument } from './hash';
import { BlockRecord, ChunkRecord, PolicyRecord, SiteRecord, VersionRecordV1 } from './schema';
import { openPolicyStore } from './store';
import { fakeAnalysis, makeClock, makeDocument } from './test-support';

const URL_ = 'https://www.example.com/privacy';
const POLICY_ID = 'privacy-policy:example.com/privacy';
const T0 = Date.UTC(2025, 5, 1);

const before = makeDocument({ Sharing: ['We do not share your data.'] }, { statedDate: '2025-06-01' });
const after = makeDocument({ Sharing: ['We share your data with partners to train models.'] }, { statedDate: '2025-07-01' });

/** Writes a history the way schema v1 stored it: through the v1 upgrade, with v1-valid records only. */
async function writeV1History(factory: IDBFactory, name: string) {
  const db = await openDatabase(factory, name, 1);
  expect(db.version).toBe(1);
  const versions = [
    { id: 'v1-first', doc: before, at: T0, analysis: null, prepared: await prepareDocument(before) },
    { id: 'v1-second', doc: after, at: T0 + 86_400_000, analysis: fakeAnalysis(1, 'Shares data for AI training'), prepared: await prepareDocument(after) },
  ];
  const tx = db.transaction(Object.values(STORES), 'readwrite');
  for (const { id, doc, at, analysis, prepared } of versions) {
    for (const chunk of prepared.chunks) {
      await tx.objectStore(STORES.chunks).put(ChunkRecord.parse({ policyId: POLICY_ID, ...chunk }));
      for (const key of chunk.blocks) {
        await tx.objectStore(STORES.blocks).put(BlockRecord.parse({ policyId: POLICY_ID, key, block: prepared.blocks.get(key) }));
      }
    }
    await tx.objectStore(STORES.versions).put(
      VersionRecordV1.parse({
        versionId: id,
        policyId: POLICY_ID,
        firstSeen: at,
        lastSeen: at,
        contentHash: prepared.contentHash,
        statedDate: doc.statedDate,
        url: doc.url,
        title: doc.title,
        language: doc.language,
        extraction: doc.extraction,
        chunks: prepared.chunks.map((c) => c.key),
        blockCount: prepared.blockKeys.length,
        analysis,
      }),
    );
  }
  await tx.objectStore(STORES.policies).put(
    PolicyRecord.parse({ policyId: POLICY_ID, site: 'example.com', kind: 'privacy-policy', path: '/privacy', url: URL_, title: 'Privacy Policy', firstSeen: T0, lastSeen: T0 + 86_400_000 }),
  );
  await tx.objectStore(STORES.sites).put(SiteRecord.parse({ site: 'example.com', firstSeen: T0, lastSeen: T0 + 86_400_000 }));
  await tx.done;
  db.close();
}

describe('schema migrations', () => {
  it('is at version 2', () => {
    expect(CURRENT_VERSION).toBe(2);
  });

  it('upgrades a v1 database: history survives and versions gain the reviewed flag', async () => {
    const factory = new IDBFactory();
    await writeV1History(factory, 'legacy');
    // The v1 records are not valid v2 records yet.
    const raw = await openDatabase(factory, 'legacy', 1);
    expect(await raw.get(STORES.versions, 'v1-second')).not.toHaveProperty('reviewed');
    raw.close();

    const store = await openPolicyStore({ idb: factory, name: 'legacy', clock: makeClock(T0 + 2 * 86_400_000).fn });
    const versions = await store.listVersions(POLICY_ID);
    expect(versions.map((v) => [v.versionId, v.reviewed])).toEqual([
      ['v1-first', false],
      ['v1-second', false],
    ]);
    const { latest, previous } = await store.getLatestTwo(POLICY_ID);
    expect(latest?.document).toEqual(after);
    expect(latest?.analysis?.summary).toBe('Shares data for AI training');
    expect(latest?.damaged).toBe(false);
    expect(previous?.document).toEqual(before);
    // A major change captured before the upgrade still counts until the user reviews it.
    expect((await store.listSites())[0]).toMatchObject({ site: 'example.com', versions: 2, unreviewedMajor: 1 });
    expect(await store.listQuarantine()).toEqual([]);

    // And the upgraded store keeps working: same content is recognised, review works.
    expect((await store.savePolicyVersion({ url: URL_, document: after, kind: 'privacy-policy' })).status).toBe('unchanged');
    await store.markReviewed('v1-second');
    expect((await store.listSites())[0]?.unreviewedMajor).toBe(0);
    store.close();

    const upgraded = await openDatabase(factory, 'legacy');
    expect(upgraded.version).toBe(2);
    upgraded.close();
  });

  it('leaves a v1 record it cannot upgrade for the quarantine, and upgrades the rest', async () => {
    const factory = new IDBFactory();
    await writeV1History(factory, 'legacy');
    const raw = await openDatabase(factory, 'legacy', 1);
    await raw.put(STORES.versions, { versionId: 'v1-broken', policyId: POLICY_ID, firstSeen: T0 + 1 });
    raw.close();

    const store = await openPolicyStore({ idb: factory, name: 'legacy' });
    expect((await store.listVersions(POLICY_ID)).map((v) => v.versionId)).toEqual(['v1-first', 'v1-second']);
    expect((await store.listQuarantine()).map((q) => q.key)).toEqual([JSON.stringify('v1-broken')]);
    store.close();
  });

  it('refuses to open a database written by a newer schema, with a clear message', async () => {
    const factory = new IDBFactory();
    const request = factory.open('future', CURRENT_VERSION + 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    request.result.close();
    await expect(openPolicyStore({ idb: factory, name: 'future' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/newer version/) });
  });
});
