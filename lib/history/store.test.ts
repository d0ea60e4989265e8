import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PolicyDocument } from '../core/schema';
import { StoreError } from './errors';
import { saveWithQuotaRecovery } from './store';
import { MAX_POLICIES_PER_SITE } from './save';
import { openDatabase, STORES } from './db';
import { editDocument, fakeAnalysis, freshStore, makeDocument, syntheticPolicy } from './test-support';

const URL_ = 'https://www.example.com/privacy';

const v1 = makeDocument({
  'What we collect': ['We collect your email address.', 'We collect your device identifiers.'],
  'Who we share with': ['We do not sell your data.'],
});
const v2 = makeDocument(
  {
    'What we collect': ['We collect your email address.', 'We collect your device identifiers.'],
    'Who we share with': ['We share your data with advertising partners.'],
  },
  { statedDate: '2026-03-01' },
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('saving versions', () => {
  it('refuses a page whose paragraphs, each with its long heading, are larger than an import takes, so every kept version can be imported again', async () => {
    const { store } = await freshStore();
    // A heading of 50,000 characters over 1,000 short paragraphs: a page of 0.1 MB, 50 million characters as hashed.
    const heading = 'h'.repeat(50_000);
    const document = makeDocument({ [heading]: Array.from({ length: 1_000 }, (_, i) => `Paragraph ${i}.`) });
    const refused = store.savePolicyVersion({ url: URL_, document, kind: 'privacy-policy' });
    await expect(refused).rejects.toMatchObject({ code: 'too-large' });
    expect(await store.listSites()).toEqual([]);
    // Within the bound, the same page shape is kept.
    const smaller = makeDocument({ ['h'.repeat(5_000)]: Array.from({ length: 1_000 }, (_, i) => `Paragraph ${i}.`) });
    expect((await store.savePolicyVersion({ url: URL_, document: smaller, kind: 'privacy-policy' })).status).toBe('first');
  }, 30_000);

  it('stores a first version, then only refreshes "last seen" for the same content', async () => {
    const { store, clock } = await freshStore();
    const first = await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    expect(first.status).toBe('first');
    expect(first.site).toBe('example.com');

    clock.tick(3_600_000);
    const again = await store.savePolicyVersion({ url: `${URL_}?utm_source=x#top`, document: structuredClone(v1), kind: 'privacy-policy' });
    expect(again.status).toBe('unchanged');
    expect(again.policyId).toBe(first.policyId);
    expect(again.version.versionId).toBe(first.version.versionId);
    expect(again.version.lastSeen).toBe(clock.now);

    const versions = await store.listVersions(first.policyId);
    expect(versions).toHaveLength(1);
    expect(versions[0]!.firstSeen).toBe(first.version.firstSeen);
    expect(versions[0]!.lastSeen).toBe(clock.now);
  });

  it('stores a changed version with the analysis of the change from the previous document', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    clock.tick();
    const analyze = vi.fn((_prev: PolicyDocument, _next: PolicyDocument) => fakeAnalysis(1));
    const changed = await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy', analyze });

    expect(changed.status).toBe('changed');
    expect(analyze).toHaveBeenCalledTimes(1);
    expect(analyze.mock.calls[0]![0].blocks).toEqual(v1.blocks);
    expect(analyze.mock.calls[0]![1].blocks).toEqual(v2.blocks);
    expect(changed.analysis?.counts.major).toBe(1);

    const { latest, previous } = await store.getLatestTwo(changed.policyId);
    expect(latest?.document).toEqual(v2);
    expect(latest?.analysis?.counts.major).toBe(1);
    expect(latest?.statedDate).toBe('2026-03-01');
    expect(latest?.damaged).toBe(false);
    expect(previous?.document).toEqual(v1);
    expect(previous?.analysis).toBeNull();

    const versions = await store.listVersions(changed.policyId);
    expect(versions.map((v) => v.digest?.counts.major ?? null)).toEqual([null, 1]);
  });

  it('does not call analyze when the content is unchanged or for a first version', async () => {
    const { store } = await freshStore();
    const analyze = vi.fn(() => fakeAnalysis(0));
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy', analyze });
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy', analyze });
    expect(analyze).not.toHaveBeenCalled();
  });

  it('keeps the version when the analysis throws, and says why it has none', async () => {
    const { store } = await freshStore();
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    const outcome = await store.savePolicyVersion({
      url: URL_,
      document: v2,
      kind: 'privacy-policy',
      analyze: () => {
        throw new Error('engine bug');
      },
    });
    expect(outcome.status).toBe('changed');
    expect(outcome.analysisError).toMatch(/engine bug/);
    expect(await store.listVersions(outcome.policyId)).toHaveLength(2);
  });

  it('treats a change back to an older text as a new version', async () => {
    const { store, clock } = await freshStore();
    const a = await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    clock.tick();
    await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' });
    clock.tick();
    const back = await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    expect(back.status).toBe('changed');
    const versions = await store.listVersions(a.policyId);
    expect(versions.map((v) => v.contentHash)).toEqual([a.version.contentHash, expect.any(String), a.version.contentHash]);
  });

  it('keeps versions in capture order even when the clock steps back', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    clock.tick(-86_400_000);
    const changed = await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' });
    const { latest } = await store.getLatestTwo(changed.policyId);
    expect(latest?.document.blocks).toEqual(v2.blocks);
  });

  it('rejects a document that does not match the schema', async () => {
    const { store } = await freshStore();
    const broken = { ...v1, blocks: [{ kind: 'banner', text: 'x', section: [] }] } as unknown as PolicyDocument;
    await expect(store.savePolicyVersion({ url: URL_, document: broken, kind: 'privacy-policy' })).rejects.toMatchObject({
      code: 'invalid-input',
    });
    await expect(store.savePolicyVersion({ url: 'not a url', document: v1, kind: 'privacy-policy' })).rejects.toBeInstanceOf(StoreError);
    expect(await store.listSites()).toEqual([]);
  });
});

describe('sites and policies', () => {
  it('groups the policies of one registrable domain under one site, one policy per kind, origin and path', async () => {
    const { store } = await freshStore();
    await store.savePolicyVersion({ url: 'https://www.example.com/privacy/', document: v1, kind: 'privacy-policy' });
    await store.savePolicyVersion({ url: 'https://www.example.com/Privacy?utm_source=mail#top', document: v1, kind: 'privacy-policy' });
    await store.savePolicyVersion({ url: 'https://example.com/Privacy', document: v1, kind: 'privacy-policy' });
    await store.savePolicyVersion({ url: 'https://help.example.com/cookies', document: v2, kind: 'privacy-adjacent' });
    await store.savePolicyVersion({ url: 'https://other.org/privacy', document: v1, kind: 'privacy-policy' });

    const sites = await store.listSites();
    expect(sites.map((s) => [s.site, s.policies, s.versions])).toEqual([
      ['example.com', 3, 3],
      ['other.org', 1, 1],
    ]);
    const policies = await store.listPolicies('example.com');
    expect(policies.map((p) => [p.policyId, p.origin, p.path, p.versions])).toEqual([
      ['privacy-adjacent:https://help.example.com/cookies', 'https://help.example.com', '/cookies', 1],
      ['privacy-policy:https://example.com/privacy', 'https://example.com', '/privacy', 1],
      ['privacy-policy:https://www.example.com/privacy', 'https://www.example.com', '/privacy', 1],
    ]);
    expect((await store.getSite('other.org'))?.policies).toBe(1);
    expect(await store.getSite('nowhere.net')).toBeUndefined();
  });

  it('never files an http capture, or another subdomain\'s page, under the https policy', async () => {
    const { store, clock } = await freshStore();
    const real = await store.savePolicyVersion({ url: 'https://www.example.com/privacy', document: v1, kind: 'privacy-policy' });
    clock.tick();
    // Anyone on the network path of a plain http page, or the owner of another subdomain, can serve
    // alarming text at the same path: each is a policy of its own, starting at its own first version.
    const overHttp = await store.savePolicyVersion({ url: 'http://www.example.com/privacy', document: v2, kind: 'privacy-policy', analyze: () => fakeAnalysis(3) });
    const subdomain = await store.savePolicyVersion({ url: 'https://user-pages.example.com/privacy', document: v2, kind: 'privacy-policy', analyze: () => fakeAnalysis(3) });
    expect([overHttp.status, subdomain.status]).toEqual(['first', 'first']);
    expect(new Set([real.policyId, overHttp.policyId, subdomain.policyId]).size).toBe(3);
    expect(await store.listVersions(real.policyId)).toHaveLength(1);
    expect((await store.getLatestTwo(real.policyId)).latest?.document).toEqual(v1);
    expect((await store.listSites())[0]?.unreviewedMajor).toBe(0);
    // A non-default port is another origin too.
    expect((await store.savePolicyVersion({ url: 'https://www.example.com:8443/privacy', document: v1, kind: 'privacy-policy' })).status).toBe('first');
  });

  it('keeps at most MAX_POLICIES_PER_SITE policies of one site: a page that keeps changing its address cannot fill the history', async () => {
    const { store, clock } = await freshStore();
    // A single-page site that pushes a new policy-looking address again and again.
    for (let i = 0; i < MAX_POLICIES_PER_SITE; i++) {
      expect((await store.savePolicyVersion({ url: `https://spa.example.com/legal/privacy-${i}`, document: v1, kind: 'privacy-policy' })).status).toBe('first');
    }
    const refused = store.savePolicyVersion({ url: 'https://spa.example.com/legal/privacy-x', document: v1, kind: 'privacy-policy' });
    await expect(refused).rejects.toBeInstanceOf(StoreError);
    await expect(refused).rejects.toMatchObject({ code: 'limit', message: expect.stringContaining('/legal/privacy-x') });
    // Nothing of the refused address was written, and the site's known policies still save their changes.
    expect((await store.listSites()).map((s) => [s.site, s.policies])).toEqual([['example.com', MAX_POLICIES_PER_SITE]]);
    clock.tick();
    const changed = await store.savePolicyVersion({ url: 'https://spa.example.com/legal/privacy-0', document: v2, kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    expect(changed.status).toBe('changed');
    // Another site is not affected.
    expect((await store.savePolicyVersion({ url: 'https://other.org/privacy', document: v1, kind: 'privacy-policy' })).status).toBe('first');
  });

  it('refuses an address that is not a web page', async () => {
    const { store } = await freshStore();
    await expect(store.savePolicyVersion({ url: 'ftp://example.com/privacy', document: v1, kind: 'privacy-policy' })).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('keeps the text of policies whose paths share a prefix apart', async () => {
    const { store, clock } = await freshStore();
    const current = await store.savePolicyVersion({ url: 'https://example.com/privacy', document: v1, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    const old = await store.savePolicyVersion({ url: 'https://example.com/privacy-old', document: v2, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    clock.tick();
    await store.savePolicyVersion({ url: 'https://example.com/privacy', document: editDocument(v1, 1), kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    clock.tick();
    await store.savePolicyVersion({ url: 'https://example.com/privacy', document: editDocument(v1, 2), kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    await store.prune({ targetBytes: 0 });
    expect((await store.getLatestTwo(current.policyId)).previous?.document).toEqual(v1);
    const { latest, previous } = await store.getLatestTwo(old.policyId);
    expect(latest?.document).toEqual(v2);
    expect(latest?.damaged).toBe(false);
    expect(previous).toBeUndefined();
  });

  it('counts unreviewed major changes per site until the user marks them reviewed', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    clock.tick();
    const changed = await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
    clock.tick();
    const v3 = editDocument(v2, 3);
    await store.savePolicyVersion({ url: URL_, document: v3, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });

    let [site] = await store.listSites();
    expect(site?.unreviewedMajor).toBe(1);
    expect(site?.lastChange).toBe(clock.now);
    expect((await store.listPolicies('example.com'))[0]?.unreviewedMajor).toBe(1);

    await store.markReviewed(changed.version.versionId);
    [site] = await store.listSites();
    expect(site?.unreviewedMajor).toBe(0);
    expect((await store.getVersion(changed.version.versionId))?.reviewed).toBe(true);
    await expect(store.markReviewed('no-such-version')).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('storage growth', () => {
  it('stores unchanged paragraphs once, so 20 small edits cost far less than 20 copies', async () => {
    const { store, clock } = await freshStore();
    let doc = syntheticPolicy(2000);
    const first = await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' });
    const one = (await store.usage()).bytes;
    const docs = [doc];
    for (let edit = 1; edit < 20; edit++) {
      clock.tick();
      doc = editDocument(doc, edit);
      docs.push(doc);
      expect((await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy' })).status).toBe('changed');
    }
    const usage = await store.usage();
    expect(usage.versions).toBe(20);
    // A full copy per version would make each one cost 100% of the first.
    const perVersion = (usage.bytes - one) / 19;
    expect(perVersion / one).toBeLessThan(0.1);

    const versions = await store.listVersions(first.policyId);
    for (const [i, meta] of versions.entries()) {
      expect((await store.getVersion(meta.versionId))?.document).toEqual(docs[i]);
    }
  });
});

describe('concurrent and interrupted saves', () => {
  it('gives exactly one version when two tabs save the same new policy at once', async () => {
    const { store } = await freshStore();
    const outcomes = await Promise.all([
      store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' }),
      store.savePolicyVersion({ url: `${URL_}#section`, document: structuredClone(v1), kind: 'privacy-policy' }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['first', 'unchanged']);
    expect(await store.listVersions(outcomes[0].policyId)).toHaveLength(1);
  });

  it('gives one version through two separate connections (two extension pages) too', async () => {
    const { store, factory, clock } = await freshStore();
    const { openPolicyStore } = await import('./store');
    const other = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    const outcomes = await Promise.all([
      store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' }),
      other.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' }),
      other.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'first')).toHaveLength(1);
    expect(await store.listVersions(outcomes[0].policyId)).toHaveLength(1);
    other.close();
  });

  it('orders two different captures saved at once as one change', async () => {
    const { store } = await freshStore();
    const outcomes = await Promise.all([
      store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' }),
      store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy', analyze: () => fakeAnalysis(1) }),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['changed', 'first']);
    expect(await store.listVersions(outcomes[0].policyId)).toHaveLength(2);
  });

  it('lands 12 simultaneous saves of different content to one policy, none lost', async () => {
    const { store } = await freshStore();
    const docs = Array.from({ length: 12 }, (_, i) => editDocument(v1, i + 1));
    const outcomes = await Promise.all(docs.map((document) => store.savePolicyVersion({ url: URL_, document, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) })));
    expect(outcomes.filter((o) => o.status === 'first')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'changed')).toHaveLength(11);
    const versions = await store.listVersions(outcomes[0]!.policyId);
    expect(versions).toHaveLength(12);
    expect(new Set(versions.map((v) => v.contentHash)).size).toBe(12);
  });

  it('lands 12 simultaneous saves made through three connections (extension pages and the worker), retrying with backoff', async () => {
    const { store, factory, clock } = await freshStore();
    const { openPolicyStore } = await import('./store');
    const others = await Promise.all([1, 2].map(() => openPolicyStore({ idb: factory, name: 'test', clock: clock.fn })));
    const connections = [store, ...others];
    const docs = Array.from({ length: 12 }, (_, i) => editDocument(v1, i + 1));
    const outcomes = await Promise.all(docs.map((document, i) => connections[i % 3]!.savePolicyVersion({ url: URL_, document, kind: 'privacy-policy' })));
    expect(outcomes.map((o) => o.status).sort()).toEqual([...Array<string>(11).fill('changed'), 'first']);
    expect(await store.listVersions(outcomes[0]!.policyId)).toHaveLength(12);
    for (const other of others) other.close();
  });

  it.each([
    ['the first save of a policy', false],
    ['a change to a stored policy', true],
  ])('leaves the store as it was when %s stops half-way, and the save can be repeated', async (_label, existing) => {
    const { store, clock } = await freshStore();
    const { IDBObjectStore } = await import('fake-indexeddb');
    if (existing) await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    clock.tick();
    const before = await store.usage();

    const originalPut = IDBObjectStore.prototype.put;
    let puts = 0;
    // The worker dies after a few writes: the transaction aborts and the rest of the save never runs.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts === 3) this.transaction.abort();
      return originalPut.apply(this, args);
    });
    await expect(store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' })).rejects.toBeInstanceOf(StoreError);
    vi.restoreAllMocks();

    expect(await store.usage()).toEqual(before);
    const repeated = await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' });
    expect(repeated.status).toBe(existing ? 'changed' : 'first');
    const again = await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' });
    expect(again.status).toBe('unchanged');
    const { latest } = await store.getLatestTwo(repeated.policyId);
    expect(latest?.document).toEqual(v2);
    expect(await store.listVersions(repeated.policyId)).toHaveLength(existing ? 2 : 1);
  });
});

describe('quota', () => {
  it('reports a full disk as a quota error the user can act on, with nothing half-written', async () => {
    const { store, clock } = await freshStore();
    const { IDBObjectStore } = await import('fake-indexeddb');
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    clock.tick();
    const before = await store.usage();
    const originalPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    const error = await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' }).catch((e: unknown) => e);
    vi.restoreAllMocks();

    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('quota');
    expect((error as StoreError).message).toMatch(/storage space/);
    expect(await store.usage()).toEqual(before);
    expect((await store.savePolicyVersion({ url: URL_, document: v2, kind: 'privacy-policy' })).status).toBe('changed');
  });
});

describe('saveWithQuotaRecovery', () => {
  async function fullDiskOnce(failures: number) {
    const { IDBObjectStore } = await import('fake-indexeddb');
    const originalPut = IDBObjectStore.prototype.put;
    let left = failures;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (left-- > 0) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
  }

  it('frees space by pruning middle versions and keeps the new capture', async () => {
    const { store, clock } = await freshStore();
    let doc = syntheticPolicy(400);
    const first = await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    for (let i = 1; i < 6; i++) {
      clock.tick();
      doc = editDocument(doc, i);
      await store.savePolicyVersion({ url: URL_, document: doc, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    }
    clock.tick();
    const next = editDocument(doc, 6);
    await fullDiskOnce(1);
    const outcome = await saveWithQuotaRecovery(store, { url: URL_, document: next, kind: 'privacy-policy' });
    vi.restoreAllMocks();

    expect(outcome.status).toBe('changed');
    expect(outcome.pruned?.removedVersions).toBeGreaterThan(0);
    const versions = await store.listVersions(first.policyId);
    expect(versions[0]?.versionId).toBe(first.version.versionId);
    expect((await store.getLatestTwo(first.policyId)).latest?.document).toEqual(next);
  });

  it('retries when freeing space removed only text nothing used any more', async () => {
    const { store, factory } = await freshStore();
    await store.savePolicyVersion({ url: URL_, document: v1, kind: 'privacy-policy' });
    // Paragraphs no version names (left by an interrupted clean-up): the only thing pruning may remove.
    const db = await openDatabase(factory, 'test');
    const [policy] = await store.listPolicies('example.com');
    for (let i = 0; i < 20; i++) await db.put(STORES.blocks, { policyId: policy!.policyId, key: `orphan${i}`, block: { kind: 'paragraph', text: 'x'.repeat(2_000), section: [] } });
    db.close();
    await fullDiskOnce(1);
    const outcome = await saveWithQuotaRecovery(store, { url: URL_, document: v2, kind: 'privacy-policy' });
    vi.restoreAllMocks();
    expect(outcome.status).toBe('changed');
    // Nothing the user kept was removed, so there is nothing to tell them.
    expect(outcome.pruned).toBeUndefined();
  });

  it('passes the quota error on when there is nothing it may remove', async () => {
    const { store } = await freshStore();
    await fullDiskOnce(5);
    await expect(saveWithQuotaRecovery(store, { url: URL_, document: v1, kind: 'privacy-policy' })).rejects.toMatchObject({ code: 'quota' });
    vi.restoreAllMocks();
    expect(await store.listSites()).toEqual([]);
  });
});
