import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../core/engine';
import type { ChangeAnalysis } from '../core/schema';
import { openDatabase, STORES } from './db';
import { editDocument, fakeAnalysis, freshStore, makeDocument, syntheticPolicy } from './test-support';

/** Saves whose change was analysed (minor): pruning keeps a change awaiting review that has no analysis yet. */
const ANALYSED = { analyze: () => fakeAnalysis(0) };

const URL_A = 'https://www.example.com/privacy';
const URL_B = 'https://shop.example.org/legal/privacy';

async function savedHistory(countA: number, countB: number) {
  const env = await freshStore();
  const { store, clock } = env;
  const docsA = [syntheticPolicy(600, { seed: 1 })];
  const docsB = [syntheticPolicy(600, { seed: 2 })];
  for (let i = 1; i < countA; i++) docsA.push(editDocument(docsA[i - 1]!, i));
  for (let i = 1; i < countB; i++) docsB.push(editDocument(docsB[i - 1]!, i));
  // Interleaved in time, so "oldest first" is across policies.
  for (let i = 0; i < Math.max(countA, countB); i++) {
    if (docsA[i]) await store.savePolicyVersion({ url: URL_A, document: docsA[i]!, kind: 'privacy-policy', ...ANALYSED });
    clock.tick();
    if (docsB[i]) await store.savePolicyVersion({ url: URL_B, document: docsB[i]!, kind: 'privacy-policy', ...ANALYSED });
    clock.tick();
  }
  const [a, b] = await Promise.all([
    store.savePolicyVersion({ url: URL_A, document: docsA.at(-1)!, kind: 'privacy-policy', ...ANALYSED }),
    store.savePolicyVersion({ url: URL_B, document: docsB.at(-1)!, kind: 'privacy-policy', ...ANALYSED }),
  ]);
  return { ...env, docsA, docsB, policyA: a.policyId, policyB: b.policyId };
}

describe('prune', () => {
  it('removes every middle version when asked for zero bytes, keeping first-seen and latest intact', async () => {
    const { store, docsA, docsB, policyA, policyB } = await savedHistory(6, 3);
    const before = await store.usage();
    const result = await store.prune({ targetBytes: 0 });
    expect(result.removedVersions).toBe(4 + 1);

    const after = await store.usage();
    expect(after.versions).toBe(4);
    expect(after.bytes).toBeLessThan(before.bytes);
    // The estimate is of what pruning itself removed; the site summaries rebuilt after it (a single pending
    // version now carries its digest) move the total by a few bytes.
    expect(Math.abs(result.bytesAfter - after.bytes)).toBeLessThan(after.bytes * 0.01);

    for (const [policyId, docs] of [[policyA, docsA], [policyB, docsB]] as const) {
      const versions = await store.listVersions(policyId);
      expect(versions).toHaveLength(2);
      expect((await store.getVersion(versions[0]!.versionId))?.document).toEqual(docs[0]);
      expect((await store.getVersion(versions[1]!.versionId))?.document).toEqual(docs.at(-1));
    }
  });

  it('removes the oldest middle versions first and stops once under the target', async () => {
    const { store, policyA, policyB } = await savedHistory(5, 4);
    const versionsA = await store.listVersions(policyA);
    const versionsB = await store.listVersions(policyB);
    // Oldest middle version overall is A's second, then B's second, then A's third...
    const { bytes } = await store.usage();
    const result = await store.prune({ targetBytes: bytes - 1 });
    expect(result.removedVersions).toBe(1);
    expect((await store.listVersions(policyA)).map((v) => v.versionId)).toEqual(versionsA.filter((_, i) => i !== 1).map((v) => v.versionId));
    expect(await store.listVersions(policyB)).toHaveLength(versionsB.length);
  });

  it('keeps the last version the user reviewed, so a change already reviewed is not shown again', async () => {
    const { store, policyA } = await savedHistory(5, 2);
    const versions = await store.listVersions(policyA);
    // The user reviewed the change to the second version; the third and fourth await review.
    await store.markReviewed(versions[1]!.versionId);
    const pendingBefore = (await store.siteState('example.com'))?.pending[0];
    expect(pendingBefore).toMatchObject({ baselineVersionId: versions[1]!.versionId });
    const result = await store.prune({ targetBytes: 0 });
    const left = (await store.listVersions(policyA)).map((v) => v.versionId);
    expect(left).toEqual([versions[0]!.versionId, versions[1]!.versionId, versions.at(-1)!.versionId]);
    expect(result.removedVersions).toBe(2);
    // What awaits review is still the change from the reviewed version to the latest.
    expect((await store.siteState('example.com'))?.pending[0]).toMatchObject({ baselineVersionId: versions[1]!.versionId, latestVersionId: versions.at(-1)!.versionId });
  });

  it('keeps a major change that awaits review: the badge still counts it after space is freed', async () => {
    const { store, clock } = await freshStore();
    const docs = [makeDocument({ Data: ['We collect your email.'] }), makeDocument({ Data: ['We collect your email.', 'We sell your data to brokers.'] }), makeDocument({ Data: ['We collect your email.', 'We sell your data to brokers.', 'Contact us.'] })];
    // The change to the second version is major (a sale), the change to the third cosmetic; none reviewed.
    const analyses = [fakeAnalysis(1), fakeAnalysis(0)];
    let i = 0;
    for (const document of docs) {
      clock.tick();
      await store.savePolicyVersion({ url: URL_A, document, kind: 'privacy-policy', analyze: () => analyses[i++]! });
    }
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
    const { bytes } = await store.usage();
    await store.prune({ targetBytes: bytes - 1 });
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
  });

  it('keeps a minor change that awaits review, but for the last resort: what awaits review still shows it', async () => {
    const { store, clock } = await freshStore();
    const docs = [makeDocument({ Data: ['We collect your email.'] }), makeDocument({ Data: ['We collect your email and your phone number.'] }), makeDocument({ Data: ['We collect your email and your phone number.', 'Contact us.'] })];
    // The change to the second version is minor, the change to the third cosmetic; none reviewed.
    const minor: ChangeAnalysis = { ...fakeAnalysis(0), counts: { major: 0, minor: 1, goodNews: 0, cosmetic: 0 } };
    const analyses = [minor, fakeAnalysis(0)];
    let i = 0;
    for (const document of docs) {
      clock.tick();
      await store.savePolicyVersion({ url: URL_A, document, kind: 'privacy-policy', analyze: () => analyses[i++]! });
    }
    const [policy] = await store.listPolicies('example.com');
    const pendingCounts = async () => (await store.listVersions(policy!.policyId)).slice(1).map((v) => v.counts?.minor);
    expect(await pendingCounts()).toEqual([1, 0]);
    expect((await store.prune({ targetBytes: 0 })).removedVersions).toBe(0);
    expect(await pendingCounts()).toEqual([1, 0]);
    // A full disk with nothing else to free: it goes, as a change awaiting its analysis does.
    expect((await store.prune({ removeHeld: 1 })).removedVersions).toBe(1);
    expect(await pendingCounts()).toEqual([0]);
  });

  it('in the last resort, lets a change known to be minor go before one whose change is not known', async () => {
    const { store, clock } = await freshStore();
    const texts = ['We collect your email.', 'We collect your email and your name.', 'We collect your email, your name and your phone number.', 'We collect your email, your name and your phone number. Contact us.'];
    const minor: ChangeAnalysis = { ...fakeAnalysis(0), counts: { major: 0, minor: 1, goodNews: 0, cosmetic: 0 } };
    // The second version's analysis failed (not known); the third's is minor; the fourth's cosmetic.
    const analyses = [() => Promise.reject(new Error('no analysis')), () => minor, () => fakeAnalysis(0)];
    let i = 0;
    for (const text of texts) {
      clock.tick();
      await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Data: [text] }), kind: 'privacy-policy', analyze: () => analyses[i++]!() });
    }
    const [policy] = await store.listPolicies('example.com');
    const kept = async () => (await store.listVersions(policy!.policyId)).map((v) => v.counts?.minor ?? null);
    expect(await kept()).toEqual([null, null, 1, 0]);
    expect((await store.prune({ removeHeld: 1 })).removedVersions).toBe(1);
    expect(await kept()).toEqual([null, null, 0]);
  });

  it('keeps, but for the last resort, a change awaiting review whose comparison was cut short and found nothing', async () => {
    const { store, clock } = await freshStore();
    const partly: ChangeAnalysis = { ...fakeAnalysis(0), truncated: true };
    const analyses = [partly, fakeAnalysis(0)];
    let i = 0;
    for (const text of ['We collect your email.', 'We collect your email and your name.', 'We collect your email and your name. Contact us.']) {
      clock.tick();
      await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Data: [text] }), kind: 'privacy-policy', analyze: () => analyses[i++]! });
    }
    expect((await store.prune({ targetBytes: 0 })).removedVersions).toBe(0);
    expect((await store.prune({ removeHeld: 1 })).removedVersions).toBe(1);
  });

  it('keeps the text of a damaged chunk that no read has quarantined yet', async () => {
    const { store, factory } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Data: ['Alpha paragraph.', 'Beta paragraph.', 'Gamma paragraph.'] }), kind: 'privacy-policy' });
    const db = await openDatabase(factory, 'test');
    const blocksBefore = (await db.getAll(STORES.blocks)).length;
    // The chunk damaged on disk: one unreadable key after the good ones.
    for (const c of (await db.getAll(STORES.chunks)) as Array<{ blocks: string[] }>) await db.put(STORES.chunks, { ...c, blocks: [...c.blocks, '!'] });
    await store.prune({ targetBytes: Number.MAX_SAFE_INTEGER });
    expect((await db.getAll(STORES.blocks)).length).toBe(blocksBefore);
    db.close();
  });

  it('deletes text no remaining version uses, and keeps text still in use', async () => {
    const { store, factory, clock } = await freshStore();
    const texts = ['first wording', 'middle wording one', 'middle wording two', 'final wording'];
    let policyId = '';
    for (const text of texts) {
      const doc = makeDocument({ Sharing: [text, 'We never sell data.'] });
      policyId = (await store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy', ...ANALYSED })).policyId;
      clock.tick();
    }
    await store.prune({ targetBytes: 0 });
    const db = await openDatabase(factory, 'test');
    const stored = ((await db.getAll(STORES.blocks)) as { block: { text: string } }[]).map((b) => b.block.text).sort();
    db.close();
    expect(stored).toEqual(['Sharing', 'We never sell data.', 'final wording', 'first wording']);
    const { latest, previous } = await store.getLatestTwo(policyId);
    expect(latest?.document.blocks[1]?.text).toBe('final wording');
    expect(previous?.document.blocks[1]?.text).toBe('first wording');
    expect(latest?.damaged || previous?.damaged).toBe(false);
  });

  it('never deletes text that a quarantined version still uses', async () => {
    const { store, factory, clock } = await freshStore();
    const saved = [];
    for (const text of ['first wording', 'wording only the damaged version has', 'final wording']) {
      saved.push(await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Sharing: [text] }), kind: 'privacy-policy' }));
      clock.tick();
    }
    // The middle version's record is damaged; the next read moves it to the quarantine, text and all named.
    const db = await openDatabase(factory, 'test');
    await db.put(STORES.versions, { ...(await db.get(STORES.versions, saved[1]!.version.versionId)), lastSeen: 'never' });
    db.close();
    expect(await store.listVersions(saved[0]!.policyId)).toHaveLength(2);
    expect(await store.listQuarantine()).toHaveLength(1);

    await store.prune({ targetBytes: 0 });
    const after = await openDatabase(factory, 'test');
    const texts = ((await after.getAll(STORES.blocks)) as { block: { text: string } }[]).map((b) => b.block.text);
    after.close();
    // Its record can still be repaired by hand from the quarantine, so its text must still be there.
    expect(texts).toContain('wording only the damaged version has');
    expect(texts).toEqual(expect.arrayContaining(['first wording', 'final wording']));
  });

  it('never removes anything from a policy with only a first and a latest version', async () => {
    const { store } = await savedHistory(2, 1);
    expect((await store.prune({ targetBytes: 0 })).removedVersions).toBe(0);
    expect((await store.usage()).versions).toBe(3);
  });
});

describe('corrupt records', () => {
  it('keeps a damaged policy or site record that a save replaces, and tells its first-seen time again from what it stood for', async () => {
    const { store, factory, clock } = await freshStore();
    const first = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    clock.tick(30 * 86_400_000);
    const db = await openDatabase(factory, 'test');
    const policy = { ...(await db.get(STORES.policies, first.policyId)), title: 42 };
    const site = { ...(await db.get(STORES.sites, 'example.com')), firstSeen: 'long ago' };
    await db.put(STORES.policies, policy);
    await db.put(STORES.sites, site);
    db.close();
    // The next capture writes valid records in their place.
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const [summary] = await store.listPolicies('example.com');
    expect(summary!.firstSeen).toBe(first.version.firstSeen);
    expect((await store.getSite('example.com'))!.firstSeen).toBe(first.version.firstSeen);
    const quarantined = await store.listQuarantine();
    expect(quarantined.map((q) => [q.store, q.raw])).toEqual(expect.arrayContaining([['policies', policy], ['sites', site]]));
    expect(quarantined).toHaveLength(2);
  });

  it('tells the first-seen time of a policy and site whose damaged records a read already moved aside from their versions', async () => {
    const { store, factory, clock } = await freshStore();
    const first = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    clock.tick(30 * 86_400_000);
    const db = await openDatabase(factory, 'test');
    await db.put(STORES.policies, { ...(await db.get(STORES.policies, first.policyId)), title: 42 });
    await db.put(STORES.sites, { ...(await db.get(STORES.sites, 'example.com')), firstSeen: 'long ago' });
    db.close();
    // The popup's read comes first, and quarantines both records; then the next capture.
    await store.listSites();
    expect(await store.listQuarantine()).toHaveLength(2);
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const [summary] = await store.listPolicies('example.com');
    expect(summary!.firstSeen).toBe(first.version.firstSeen);
    expect((await store.getSite('example.com'))!.firstSeen).toBe(first.version.firstSeen);
  });

  it('moves an invalid version aside, reports it, and keeps every other version readable', async () => {
    const { store, factory, clock } = await freshStore();
    const a = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    clock.tick();
    const b = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['two'] }), kind: 'privacy-policy' });
    clock.tick();
    const c = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['three'] }), kind: 'privacy-policy' });

    const db = await openDatabase(factory, 'test');
    const raw = { ...(await db.get(STORES.versions, c.version.versionId)), contentHash: 42 };
    await db.put(STORES.versions, raw);
    db.close();

    const versions = await store.listVersions(a.policyId);
    expect(versions.map((v) => v.versionId)).toEqual([a.version.versionId, b.version.versionId]);
    const quarantined = await store.listQuarantine();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatchObject({ store: 'versions', key: JSON.stringify(c.version.versionId), raw, at: clock.now });
    expect(quarantined[0]!.reason).toMatch(/contentHash/);

    // The latest readable version takes over, and the next save compares against it.
    const { latest } = await store.getLatestTwo(a.policyId);
    expect(latest?.versionId).toBe(b.version.versionId);
    const again = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['two'] }), kind: 'privacy-policy' });
    expect(again.status).toBe('unchanged');
    expect(await store.listQuarantine()).toHaveLength(1);
  });

  it('reports a version with unreadable text as damaged, with the rest of its text', async () => {
    const { store, factory } = await freshStore();
    const doc = makeDocument({ Intro: ['kept paragraph', 'broken paragraph'] });
    const saved = await store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy' });
    const db = await openDatabase(factory, 'test');
    const blocks = (await db.getAll(STORES.blocks)) as { policyId: string; key: string; block: { text: string } }[];
    const broken = blocks.find((b) => b.block.text === 'broken paragraph')!;
    await db.put(STORES.blocks, { ...broken, block: { text: 17 } });
    db.close();

    const version = await store.getVersion(saved.version.versionId);
    expect(version?.damaged).toBe(true);
    expect(version?.document.blocks.map((b) => b.text)).toEqual(['Intro', 'kept paragraph']);
    expect(version?.document.extraction.notes.join(' ')).toMatch(/could not be read/);
    expect((await store.listQuarantine()).map((q) => q.store)).toEqual(['blocks']);
  });

  it.each([
    ['the same text is seen again', ['kept paragraph', 'broken paragraph']],
    ['a changed version contains the lost paragraph', ['kept paragraph', 'broken paragraph', 'new paragraph']],
  ])('heals a version whose text was lost when %s', async (_label, nextParagraphs) => {
    const { store, factory, clock } = await freshStore();
    const doc = makeDocument({ Intro: ['kept paragraph', 'broken paragraph'] });
    const saved = await store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy' });
    const db = await openDatabase(factory, 'test');
    const blocks = (await db.getAll(STORES.blocks)) as { policyId: string; key: string; block: { text: string } }[];
    const broken = blocks.find((b) => b.block.text === 'broken paragraph')!;
    await db.put(STORES.blocks, { ...broken, block: null });
    db.close();
    expect((await store.getVersion(saved.version.versionId))?.damaged).toBe(true);

    clock.tick();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: nextParagraphs }), kind: 'privacy-policy' });
    const healed = await store.getVersion(saved.version.versionId);
    expect(healed?.damaged).toBe(false);
    expect(healed?.document).toEqual(doc);
    const { latest } = await store.getLatestTwo(saved.policyId);
    expect(latest?.damaged).toBe(false);
  });

  describe('a change saved while the latest version\'s text is damaged', () => {
    const NOT_SOLD = 'We do not sell your personal information.';
    const SHARED = 'We share your email address with advertising partners for targeted advertising.';

    /** A first version with the sharing paragraph, whose block is then unreadable on disk. */
    async function damagedFirst() {
      const env = await freshStore();
      const first = await env.store.savePolicyVersion({ url: URL_A, document: makeDocument({ Sharing: [NOT_SOLD, SHARED] }), kind: 'privacy-policy' });
      const db = await openDatabase(env.factory, 'test');
      const blocks = (await db.getAll(STORES.blocks)) as { policyId: string; key: string; block: { text: string } }[];
      const broken = blocks.find((b) => b.block.text === SHARED)!;
      await db.put(STORES.blocks, { ...broken, block: { text: 17 } });
      db.close();
      expect((await env.store.getVersion(first.version.versionId))?.damaged).toBe(true);
      env.clock.tick();
      return { ...env, first };
    }

    it('is analysed against the whole text, put back from the capture, not as if the lost paragraph were new', async () => {
      const { store, first } = await damagedFirst();
      // Only the first paragraph's wording changes; the sharing paragraph is the same as before.
      const next = makeDocument({ Sharing: ['We never sell your personal information.', SHARED] });
      const changed = await store.savePolicyVersion({ url: URL_A, document: next, kind: 'privacy-policy', analyze: analyzeChange });

      const older = await store.getVersion(first.version.versionId);
      const newer = await store.getVersion(changed.version.versionId);
      expect(older?.damaged).toBe(false);
      const truth = analyzeChange(older!.document, newer!.document);
      expect(truth.counts.major).toBe(0);
      expect(changed.analysisError).toBeUndefined();
      expect(newer?.analysis).toEqual(truth);
      // No alert for a sharing paragraph that did not change.
      expect((await store.listSites())[0]?.unreviewedMajor).toBe(0);
      expect((await store.siteState('example.com'))?.alert).toBe(0);
    });

    it('is left without analysis, for the backfill, when the capture cannot make that text whole', async () => {
      const { store, first } = await damagedFirst();
      // The sharing paragraph is reworded, so the capture cannot put the lost one back.
      const next = makeDocument({ Sharing: [NOT_SOLD, SHARED.replace('with advertising', 'with our advertising')] });
      const changed = await store.savePolicyVersion({ url: URL_A, document: next, kind: 'privacy-policy', analyze: analyzeChange });

      expect(changed.status).toBe('changed');
      expect(changed.analysisError).toMatch(/damaged/);
      expect((await store.listVersions(first.policyId)).map((v) => v.counts)).toEqual([null, null]);
      // Not a false "new sharing" alert for the paragraph the damaged text lacks.
      expect((await store.siteState('example.com'))?.alert).toBe(0);
      // The backfill passes it over too while that text stays damaged.
      expect((await store.analyzeMissing(analyzeChange, 5)).analysed).toBe(0);
    });
  });

  it.each([
    ['policy', STORES.policies, (ids: { policyId: string; site: string }) => ids.policyId],
    ['site', STORES.sites, (ids: { policyId: string; site: string }) => ids.site],
  ])('keeps listing a site and its versions when its %s record is corrupt', async (_label, storeName, keyOf) => {
    const { store, factory, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    clock.tick();
    const saved = await store.savePolicyVersion({
      url: URL_A,
      document: makeDocument({ Intro: ['two'] }),
      kind: 'privacy-policy',
      analyze: () => fakeAnalysis(1),
    });
    const db = await openDatabase(factory, 'test');
    const key = keyOf(saved);
    await db.put(storeName, { ...(await db.get(storeName, key)), firstSeen: 'yesterday' });
    db.close();

    const [site] = await store.listSites();
    expect(site).toMatchObject({ site: 'example.com', policies: 1, versions: 2, unreviewedMajor: 1 });
    const policies = await store.listPolicies('example.com');
    expect(policies.map((p) => [p.policyId, p.kind, p.path, p.versions])).toEqual([[saved.policyId, 'privacy-policy', '/privacy', 2]]);
    expect((await store.listQuarantine()).map((q) => q.store)).toEqual([storeName]);
    // Saving again writes a fresh, valid record.
    clock.tick();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['two'] }), kind: 'privacy-policy' });
    const db2 = await openDatabase(factory, 'test');
    expect(await db2.get(storeName, key)).toMatchObject({ firstSeen: expect.any(Number) });
    db2.close();
  });

  it.each([
    ['a version seen after the year 9999', STORES.versions, { firstSeen: 9e15, lastSeen: 9e15 }],
    ['a version last seen past what a date can hold', STORES.versions, { lastSeen: 2 ** 53 }],
    ['a policy whose path lacks its leading slash', STORES.policies, { path: 'privacy' }],
  ])('quarantines %s, and the history still exports and verifies', async (_what, storeName, damage) => {
    const { store, factory } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const other = await store.savePolicyVersion({ url: URL_B, document: makeDocument({ Intro: ['two'] }), kind: 'privacy-policy' });
    const db = await openDatabase(factory, 'test');
    const key = storeName === STORES.versions ? other.version.versionId : other.policyId;
    await db.put(storeName, { ...(await db.get(storeName, key)), ...damage });
    db.close();

    const file = await store.exportAll();
    expect(file.sites.map((site) => site.site)).toContain('example.com');
    await expect(store.verifyChains('example.org')).resolves.toBeDefined();
    expect(await store.listQuarantine()).toHaveLength(1);
  });

  it.each([
    ['a BigInt', () => 1n],
    ['a cycle', () => {
      const o: Record<string, unknown> = {};
      o.self = o;
      return o;
    }],
  ])('still counts and prunes the store when a damaged record holds %s, which JSON cannot write', async (_what, make) => {
    const { store, factory, clock } = await freshStore();
    const saved = [];
    for (const text of ['one', 'two', 'three']) {
      saved.push(await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: [text] }), kind: 'privacy-policy' }));
      clock.tick();
    }
    const db = await openDatabase(factory, 'test');
    await db.put(STORES.versions, { ...(await db.get(STORES.versions, saved[1]!.version.versionId)), title: make() });
    db.close();
    await store.listSites();
    expect(await store.listQuarantine()).toHaveLength(1);
    expect((await store.usage()).versions).toBe(2);
    await expect(store.prune({ targetBytes: 0 })).resolves.toMatchObject({ removedVersions: 0 });
  });

  it('reads on without throwing when a record is not even an object', async () => {
    const { store, factory } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const db = await openDatabase(factory, 'test');
    await db.put(STORES.sites, { site: 'junk.example', garbage: true });
    db.close();
    expect((await store.listSites()).map((s) => s.site)).toEqual(['example.com']);
    expect(await store.listQuarantine()).toHaveLength(1);
  });
});

describe('usage', () => {
  it('counts what is stored', async () => {
    const { store } = await freshStore();
    expect(await store.usage()).toMatchObject({ versions: 0, policies: 0, sites: 0 });
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    await store.savePolicyVersion({ url: URL_B, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const usage = await store.usage();
    expect(usage).toMatchObject({ versions: 2, policies: 2, sites: 2 });
    expect(usage.bytes).toBeGreaterThan(200);
  });
});

describe('prune with raw captures', () => {
  /** A page of about `kb` kilobytes that compresses poorly (a capture's markup varies a lot). */
  function page(seed: number, kb = 6): string {
    let state = seed;
    let out = `<!doctype html><title>Privacy ${seed}</title>`;
    while (out.length < kb * 1024) {
      state = (state * 1103515245 + 12345) % 2147483648;
      out += state.toString(36);
    }
    return out;
  }

  async function capturedHistory() {
    const env = await freshStore();
    const { store, clock } = env;
    const docsA = [syntheticPolicy(300, { seed: 1 })];
    const docsB = [syntheticPolicy(300, { seed: 2 })];
    for (let i = 1; i < 5; i++) docsA.push(editDocument(docsA[i - 1]!, i));
    for (let i = 1; i < 3; i++) docsB.push(editDocument(docsB[i - 1]!, i));
    const raws: Record<string, string[]> = { A: [], B: [] };
    for (let i = 0; i < 5; i++) {
      for (const [name, docs, url] of [['A', docsA, URL_A], ['B', docsB, URL_B]] as const) {
        if (!docs[i]) continue;
        const html = page(i * 10 + name.length + (name === 'B' ? 5 : 0));
        const saved = await store.savePolicyVersion({ url, document: docs[i]!, kind: 'privacy-policy', ...ANALYSED, raw: { html, source: 'check' }, extractorVersion: 1 });
        raws[name]!.push(saved.version.rawSha256!);
        clock.tick();
      }
    }
    return { ...env, raws };
  }

  it('removes raw captures before any version, oldest first, never a policy\'s first or latest', async () => {
    const { store, raws } = await capturedHistory();
    const before = await store.usage();
    expect(before.raw).toMatchObject({ captures: 8, versionsWithRaw: 8 });

    // Just under the current size: one capture goes, the oldest that is neither first nor latest (A's second).
    const one = await store.prune({ targetBytes: before.bytes - 1 });
    expect(one).toMatchObject({ removedRaw: 1, removedVersions: 0 });
    expect(await store.readRawCapture(raws.A![1]!)).toBeUndefined();
    expect(await store.readRawCapture(raws.B![1]!)).toBeDefined();

    // A target that the captures alone can meet (the three middle ones left are 3/7 of the captures'
    // bytes; about 5/14 must go): every middle capture goes, and no version.
    const usage = await store.usage();
    const most = await store.prune({ targetBytes: usage.bytes - Math.round((usage.raw.bytes * 5) / 14) });
    expect(most.removedVersions).toBe(0);
    const after = await store.usage();
    expect(after.versions).toBe(8);
    expect(after.raw.captures).toBe(4);
    for (const sha of [raws.A![0], raws.A![4], raws.B![0], raws.B![2]]) expect(await store.readRawCapture(sha!)).toBeDefined();

    // The chains still verify, and say what was pruned; pruned captures leave the re-extraction list.
    const chains = await store.verifyChains('example.com');
    expect(chains.map((c) => [c.ok, c.entries, c.rawKept, c.rawPruned])).toEqual([[true, 5, 2, 3]]);
    expect((await store.pendingReextraction(2, 20)).length).toBe(4);

    // Only then versions: at zero bytes, the middle versions go, and the first and latest keep their pages.
    const all = await store.prune({ targetBytes: 0 });
    expect(all).toMatchObject({ removedRaw: 0, removedVersions: 3 + 1 });
    expect((await store.usage()).raw).toMatchObject({ captures: 4, versionsWithRaw: 4 });
    expect((await store.verifyChains('example.com'))[0]).toMatchObject({ ok: true, entries: 5 });
  });

  it('counts a raw capture at its compressed size', async () => {
    const { store } = await freshStore();
    const html = page(3, 20);
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ A: ['a'] }), kind: 'privacy-policy', raw: { html, source: 'visit' }, extractorVersion: 1 });
    const { raw, bytes } = await store.usage();
    expect(raw.pageBytes).toBe(html.length);
    expect(raw.bytes).toBeGreaterThan(1000);
    expect(raw.bytes).toBeLessThan(html.length);
    expect(bytes).toBeGreaterThan(raw.bytes);
    expect(bytes).toBeLessThan(raw.bytes + 3000);
  });
});
