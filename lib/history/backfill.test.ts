import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase, STORES } from './db';
import { editDocument, fakeAnalysis, freshStore, syntheticPolicy } from './test-support';

const URL_ = 'https://www.example.com/privacy';

/** `count` versions of one policy saved without an analysis (as an import of another browser's versions leaves them). */
async function withoutAnalyses(count: number, seed: number) {
  const env = await freshStore();
  let doc = syntheticPolicy(200, { seed });
  const first = await env.store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' });
  for (let i = 1; i < count; i++) {
    env.clock.tick();
    doc = editDocument(doc, i);
    await env.store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' });
  }
  return { ...env, first };
}

describe('analysing the changes of versions kept without one', () => {
  it('analyses each change that has none, most recent first, at most `limit` per call, and the badge counts them', async () => {
    const { store, first } = await withoutAnalyses(4, 3);
    expect((await store.siteState('example.com'))?.alert).toBe(0);
    const seen: Array<[number, number]> = [];
    const analyze = (a: { blocks: unknown[] }, b: { blocks: unknown[] }) => {
      seen.push([a.blocks.length, b.blocks.length]);
      return fakeAnalysis(1);
    };
    expect(await store.analyzeMissing(analyze, 2)).toEqual({ analysed: 2, remaining: 1 });
    const counts = async () => (await store.listVersions(first.policyId)).map((v) => v.counts?.major ?? null);
    // The first version has nothing before it; the two latest changes were analysed first.
    expect(await counts()).toEqual([null, null, 1, 1]);
    expect(await store.analyzeMissing(analyze, 2)).toEqual({ analysed: 1, remaining: 0 });
    expect(await counts()).toEqual([null, 1, 1, 1]);
    expect(await store.analyzeMissing(analyze, 2)).toEqual({ analysed: 0, remaining: 0 });
    expect(seen).toHaveLength(3);
    expect((await store.siteState('example.com'))?.alert).toBeGreaterThan(0);
  });

  it('leaves a version whose text is damaged, and one whose analysis fails, without an analysis', async () => {
    const { store, factory, first } = await withoutAnalyses(2, 4);
    expect((await store.analyzeMissing(() => Promise.reject(new Error('engine failed')), 5)).analysed).toBe(0);
    // The first version's text damaged on disk: a paragraph gone.
    const db = await openDatabase(factory, 'test');
    const [block] = await db.getAllKeys(STORES.blocks);
    await db.delete(STORES.blocks, block!);
    db.close();
    expect((await store.analyzeMissing(() => fakeAnalysis(1), 5)).analysed).toBe(0);
    expect((await store.listVersions(first.policyId)).map((v) => v.counts)).toEqual([null, null]);
  });

  it('passes over the changes it could not analyse, so older ones still get their turn', async () => {
    const { store, first } = await withoutAnalyses(5, 5);
    // The first two analyses asked for (the two most recent changes) fail.
    let calls = 0;
    const analyze = () => (++calls <= 2 ? Promise.reject(new Error('fails')) : fakeAnalysis(1));
    const skip = new Set<string>();
    expect(await store.analyzeMissing(analyze, 2, skip)).toEqual({ analysed: 0, remaining: 2 });
    expect(skip.size).toBe(2);
    expect(await store.analyzeMissing(analyze, 2, skip)).toEqual({ analysed: 2, remaining: 0 });
    expect((await store.listVersions(first.policyId)).map((v) => v.counts?.major ?? null)).toEqual([null, 1, 1, null, null]);
    expect(calls).toBe(4);
  });
});
