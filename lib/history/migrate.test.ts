import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBTransaction as FakeTransaction } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, openDatabase, STORES } from './db';
import { prepareDocument } from './hash';
import { textSha256 } from './evidence/text';
import { BlockRecord, CaptureRecord, ChunkRecord, PolicyRecordV2, SiteRecord, VersionRecordV1, VersionRecordV2 } from './schema';
import { openPolicyStore } from './store';
import { fakeAnalysis, legacyAnalysis, makeClock, makeDocument } from './test-support';
import { explainer } from '../core/explain';

const URL_ = 'https://www.example.com/privacy';
/** The id schema v1 and v2 gave the policy (site and path), and the one it has since v3 (origin and path). */
const POLICY_ID = 'privacy-policy:example.com/privacy';
const POLICY_ID_V3 = 'privacy-policy:https://www.example.com/privacy';
const T0 = Date.UTC(2025, 5, 1);

/** The object stores of schema v1 to v3 (v4 added raw, captures and meta). */
const V3_STORES = [STORES.sites, STORES.policies, STORES.versions, STORES.chunks, STORES.blocks, STORES.quarantine];

const before = makeDocument({ Sharing: ['We do not share your data.'] }, { statedDate: '2025-06-01' });
const after = makeDocument({ Sharing: ['We share your data with partners to train models.'] }, { statedDate: '2025-07-01' });

/** Writes a history the way schema v1 stored it: through the v1 upgrade, with v1-valid records only. */
async function writeV1History(factory: IDBFactory, name: string) {
  const db = await openDatabase(factory, name, 1);
  expect(db.version).toBe(1);
  const versions = [
    { id: 'v1-first', doc: before, at: T0, analysis: null, prepared: await prepareDocument(before) },
    { id: 'v1-second', doc: after, at: T0 + 86_400_000, analysis: legacyAnalysis(1, 'Shares data for AI training'), prepared: await prepareDocument(after) },
  ];
  const tx = db.transaction(V3_STORES, 'readwrite');
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
    PolicyRecordV2.parse({ policyId: POLICY_ID, site: 'example.com', kind: 'privacy-policy', path: '/privacy', url: URL_, title: 'Privacy Policy', firstSeen: T0, lastSeen: T0 + 86_400_000 }),
  );
  await tx.objectStore(STORES.sites).put(SiteRecord.parse({ site: 'example.com', firstSeen: T0, lastSeen: T0 + 86_400_000 }));
  await tx.done;
  db.close();
}

/**
 * A history exactly as the store wrote it at schema v2 (fixtures/history-v2.json: every object store
 * dumped after the store of commit 945ace5 saved it): example.com's privacy policy captured from
 * https://www., from plain http and from a subdomain, all filed as one policy; a cookie policy; and
 * other.org, whose middle version was quarantined.
 */
async function loadV2History(factory: IDBFactory, name: string, alter: (dump: Record<string, unknown[]>) => void = () => {}) {
  const dump = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/history-v2.json'), 'utf8')) as Record<string, unknown[]> & { schemaVersion: number };
  expect(dump.schemaVersion).toBe(2);
  alter(dump);
  const db = await openDatabase(factory, name, 2);
  const tx = db.transaction(V3_STORES, 'readwrite');
  for (const store of V3_STORES) for (const record of dump[store] ?? []) await tx.objectStore(store).put(record);
  await tx.done;
  db.close();
}

/**
 * A history exactly as the store wrote it at schema v3 (fixtures/history-v3.json: every object store
 * dumped after the store of commit d6dbe6e saved it): example.com's privacy policy in three versions (the
 * second reviewed, the third seen twice), its cookie policy, and other.org's policy.
 */
async function loadV3History(factory: IDBFactory, name: string) {
  const dump = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/history-v3.json'), 'utf8')) as Record<string, unknown[]> & { schemaVersion: number };
  expect(dump.schemaVersion).toBe(3);
  const db = await openDatabase(factory, name, 3);
  const tx = db.transaction(V3_STORES, 'readwrite');
  for (const store of V3_STORES) for (const record of dump[store] ?? []) await tx.objectStore(store).put(record);
  await tx.done;
  db.close();
  return dump;
}

describe('schema migrations', () => {
  it('is at version 7', () => {
    expect(CURRENT_VERSION).toBe(7);
  });

  it('upgrades a v1 database: history survives and versions gain the reviewed flag', async () => {
    const factory = new IDBFactory();
    await writeV1History(factory, 'legacy');
    // The v1 records are not valid v2 records yet.
    const raw = await openDatabase(factory, 'legacy', 1);
    expect(await raw.get(STORES.versions, 'v1-second')).not.toHaveProperty('reviewed');
    raw.close();

    const store = await openPolicyStore({ idb: factory, name: 'legacy', clock: makeClock(T0 + 2 * 86_400_000).fn });
    const versions = await store.listVersions(POLICY_ID_V3);
    expect(versions.map((v) => [v.versionId, v.reviewed])).toEqual([
      ['v1-first', false],
      ['v1-second', false],
    ]);
    const { latest, previous } = await store.getLatestTwo(POLICY_ID_V3);
    expect(latest?.document).toEqual(after);
    // The English words of schema 1 are gone; the codes read in any language.
    expect(latest?.analysis?.schemaVersion).toBe(2);
    const finding = latest?.analysis?.findings[0];
    expect(finding && explainer('en').headline(finding)).toBe('New: your data may be shared with advertisers');
    expect(finding && explainer('de').headline(finding)).toBe('Neu: Ihre Daten dürfen an Werbetreibende weitergegeben werden');
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
    expect(upgraded.version).toBe(7);
    // v5 rewrote the stored record itself: codes, no English.
    const stored = (await upgraded.get(STORES.versions, 'v1-second')) as { analysis: Record<string, unknown> & { findings: Array<Record<string, unknown>> } };
    expect(stored.analysis.schemaVersion).toBe(2);
    expect(stored.analysis).not.toHaveProperty('summary');
    expect(stored.analysis.findings[0]).not.toHaveProperty('headline');
    expect(stored.analysis.findings[0]).toMatchObject({ category: 'third-party-sharing', kind: 'new', attributes: { recipients: ['advertisers'] }, signals: [] });
    upgraded.close();
  });

  it('v5 rewrites the schema-1 analyses of a history made by the previous release (v3 dump) as codes', async () => {
    const factory = new IDBFactory();
    await loadV3History(factory, 'v3-codes');
    (await openPolicyStore({ idb: factory, name: 'v3-codes', clock: makeClock(Date.UTC(2026, 3, 1)).fn })).close();
    const db = await openDatabase(factory, 'v3-codes');
    const analyses = ((await db.getAll(STORES.versions)) as Array<{ analysis: { schemaVersion: number } | null }>).map((v) => v.analysis?.schemaVersion ?? null);
    db.close();
    expect(analyses.filter((v) => v !== null).length).toBeGreaterThan(0);
    expect(analyses.every((v) => v === null || v === 2)).toBe(true);
  });

  it('leaves a v1 record it cannot upgrade for the quarantine, and upgrades the rest', async () => {
    const factory = new IDBFactory();
    await writeV1History(factory, 'legacy');
    const raw = await openDatabase(factory, 'legacy', 1);
    await raw.put(STORES.versions, { versionId: 'v1-broken', policyId: POLICY_ID, firstSeen: T0 + 1 });
    raw.close();

    const store = await openPolicyStore({ idb: factory, name: 'legacy' });
    expect((await store.listVersions(POLICY_ID_V3)).map((v) => v.versionId)).toEqual(['v1-first', 'v1-second']);
    // The v3 upgrade, which could not file it under a policy of its origin, moved it to the quarantine.
    expect((await store.listSites()).map((s) => [s.site, s.versions])).toEqual([['example.com', 2]]);
    expect((await store.listQuarantine()).map((q) => q.key)).toEqual([JSON.stringify('v1-broken')]);
    store.close();
  });

  it('reports a full disk found as the upgrade commits as a full disk, keeps the old history whole, and upgrades once there is room', async () => {
    const factory = new IDBFactory();
    await loadV2History(factory, 'clausewatch');
    // Fault injection: fake-indexeddb has no disk to fill. Chrome finds a full disk when a transaction
    // commits and aborts it with QuotaExceededError; the open request of an upgrade gets only an AbortError.
    const proto = (FakeTransaction as unknown as { prototype: { _start(this: FakeTx): void } }).prototype;
    type FakeTx = { mode: string; _state: string; _requests: Array<{ request: { readyState: string } }>; _abort(name: string): void };
    const start = proto._start;
    let failed = false;
    proto._start = function (this: FakeTx) {
      const idle = this._requests.every((r) => r.request.readyState === 'done');
      if (!failed && idle && this.mode === 'versionchange' && this._state !== 'finished' && this._state !== 'committing') {
        failed = true;
        this._abort('QuotaExceededError');
        return;
      }
      start.call(this);
    };
    try {
      const refused = openPolicyStore({ idb: factory, name: 'clausewatch' });
      await expect(refused).rejects.toMatchObject({ code: 'quota' });
      await expect(refused).rejects.toMatchObject({ message: expect.stringContaining('QuotaExceededError') });
    } finally {
      proto._start = start;
    }
    expect(failed).toBe(true);
    const store = await openPolicyStore({ idb: factory, name: 'clausewatch' });
    expect((await store.listSites()).map((s) => s.site).sort()).toEqual(['example.com', 'other.org']);
  });

  it('refuses to open a database written by a newer schema, with a clear message', async () => {
    const factory = new IDBFactory();
    const request = factory.open('future', CURRENT_VERSION + 1);
    await new Promise((resolve) => (request.onsuccess = resolve));
    request.result.close();
    await expect(openPolicyStore({ idb: factory, name: 'future' })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/newer version/) });
  });

  it('splits a v2 history into one policy per origin: an http or subdomain capture is no longer a version of the https policy', async () => {
    const factory = new IDBFactory();
    await loadV2History(factory, 'v2');
    const store = await openPolicyStore({ idb: factory, name: 'v2', clock: makeClock(Date.UTC(2026, 1, 1)).fn });

    const policies = await store.listPolicies('example.com');
    expect(policies.map((p) => [p.policyId, p.origin, p.path, p.versions]).sort()).toEqual([
      ['privacy-adjacent:https://www.example.com/cookies', 'https://www.example.com', '/cookies', 1],
      ['privacy-policy:http://example.com/privacy', 'http://example.com', '/privacy', 1],
      ['privacy-policy:https://user-pages.example.com/privacy', 'https://user-pages.example.com', '/privacy', 1],
      ['privacy-policy:https://www.example.com/privacy', 'https://www.example.com', '/privacy', 3],
    ]);
    const wwwId = 'privacy-policy:https://www.example.com/privacy';
    const www = await store.listVersions(wwwId);
    // The analyses described changes from the http and subdomain captures in between: they are gone,
    // and the review flags are kept.
    expect(www.map((v) => [v.url, v.statedDate, v.reviewed, v.digest])).toEqual([
      ['https://www.example.com/privacy', '2026-01-01', false, null],
      ['https://www.example.com/privacy', '2026-01-03', true, null],
      ['https://www.example.com/privacy', '2026-01-05', false, null],
    ]);
    for (const v of www) {
      const stored = await store.getVersion(v.versionId);
      expect(stored?.damaged).toBe(false);
      expect(stored?.document.url).toBe('https://www.example.com/privacy');
    }
    expect((await store.getLatestTwo(wwwId)).latest?.document.blocks.at(-1)?.text).toBe('We share your data with advertising partners and affiliates.');
    const forged = await store.getLatestTwo('privacy-policy:http://example.com/privacy');
    expect(forged.latest?.document.blocks.at(-1)?.text).toBe('We sell your data to anyone who asks.');
    expect(forged.latest?.analysis).toBeNull();

    // other.org kept its order and its analysis (the quarantined version was already out of the chain).
    const other = await store.listVersions('privacy-policy:https://other.org/legal/privacy');
    expect(other.map((v) => v.digest?.counts.major ?? null)).toEqual([null, 2]);
    expect((await store.listSites()).map((s) => [s.site, s.policies, s.versions, s.unreviewedMajor])).toEqual([
      ['example.com', 4, 6, 0],
      ['other.org', 1, 2, 1],
    ]);

    // Every piece moved to the new keys, except the text the quarantined version still names.
    const raw = await openDatabase(factory, 'v2');
    const pieces = [...(await raw.getAll(STORES.chunks)), ...(await raw.getAll(STORES.blocks))] as Array<{ policyId: string; block?: { text: string } }>;
    raw.close();
    const oldKeyed = pieces.filter((p) => !p.policyId.includes('://'));
    expect(new Set(oldKeyed.map((p) => p.policyId))).toEqual(new Set(['privacy-policy:other.org/legal/privacy']));
    expect(oldKeyed.map((p) => p.block?.text).filter(Boolean)).toContain('Other middle wording that only the quarantined version uses.');
    expect(await store.listQuarantine()).toHaveLength(1);

    // And it goes on working: the same text is recognised, an http change stays in the http policy.
    const latest = (await store.getLatestTwo(wwwId)).latest!;
    expect((await store.savePolicyVersion({ url: 'https://www.example.com/privacy', document: latest.document, kind: 'privacy-policy' })).status).toBe('unchanged');
    const http = await store.savePolicyVersion({ url: 'http://example.com/privacy', document: latest.document, kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    expect(http).toMatchObject({ status: 'changed', policyId: 'privacy-policy:http://example.com/privacy' });
    expect(await store.listVersions(wwwId)).toHaveLength(3);
    store.close();
  });

  it('keeps a damaged chunk of a v2 history and the paragraphs it names, for the quarantine, instead of deleting them', async () => {
    const factory = new IDBFactory();
    let texts: string[] = [];
    await loadV2History(factory, 'v2-damaged', (dump) => {
      const chunks = dump.chunks as Array<{ key: string; policyId: string; blocks: string[] }>;
      const chunk = chunks.find((c) => c.key === 'cTfuXmztpNQ')!;
      texts = chunk.blocks.map((k) => ((dump.blocks as Array<{ key: string; policyId: string; block: { text: string } }>).find((b) => b.key === k && b.policyId === chunk.policyId)!.block.text));
      // The cookie policy's only chunk damaged on disk: one unreadable key after its good ones.
      chunk.blocks = [...chunk.blocks, 'not a key!'];
    });
    expect(texts.length).toBeGreaterThan(0);
    const store = await openPolicyStore({ idb: factory, name: 'v2-damaged' });
    const cookies = (await store.listPolicies('example.com')).find((p) => p.kind === 'privacy-adjacent')!;
    await store.getVersion(cookies.latestVersionId!);
    expect((await store.listQuarantine()).some((q) => q.store === STORES.chunks)).toBe(true);
    store.close();
    const db = await openDatabase(factory, 'v2-damaged');
    const kept = JSON.stringify([await db.getAll(STORES.blocks), await db.getAll(STORES.quarantine)]);
    db.close();
    for (const t of texts) expect(kept).toContain(JSON.stringify(t).slice(1, -1));
  });

  it('quarantines the v2 versions the upgrade cannot move, and keeps every paragraph they name, a damaged chunk\'s included', async () => {
    const factory = new IDBFactory();
    const OLD_EXAMPLE = 'privacy-policy:example.com/privacy';
    const OLD_OTHER = 'privacy-policy:other.org/legal/privacy';
    await loadV2History(factory, 'v2-left-behind', (dump) => {
      const versions = dump.versions as Array<Record<string, unknown>>;
      // The http capture damaged on disk (its title is no text), and its only chunk too (an unreadable key
      // after its good ones): the paragraphs of that chunk exist nowhere else.
      versions.find((v) => v.versionId === 'YczBgUDMSlzEr6UP')!.title = 5;
      const chunk = (dump.chunks as Array<{ key: string; blocks: string[] }>).find((c) => c.key === 'Y1myvcy-uVQ')!;
      chunk.blocks = [...chunk.blocks, 'not a key!'];
      // other.org's latest version, valid, but captured (it says) off the site, as is its policy's own address:
      // there is no origin on other.org to file it under.
      versions.find((v) => v.versionId === 'LvqsJ9ra6AsQdtLv')!.url = 'https://elsewhere.net/legal/privacy';
      (dump.policies as Array<Record<string, unknown>>).find((p) => p.policyId === OLD_OTHER)!.url = 'https://elsewhere.net/legal/privacy';
    });
    const upgradeTime = Date.UTC(2026, 3, 1);
    // The upgrade alone, before any read: the paragraphs of both versions stay at the keys their raw values name.
    const db = await openDatabase(factory, 'v2-left-behind', CURRENT_VERSION, () => upgradeTime);
    const textAt = async (policyId: string, key: string) => ((await db.get(STORES.blocks, [policyId, key])) as { block?: { text: string } } | undefined)?.block?.text;
    expect(await textAt(OLD_EXAMPLE, 'R4vluScLalM')).toBe('We sell your data to anyone who asks.');
    expect(await textAt(OLD_OTHER, 'hgk4JKjPYiY')).toBe('Other latest wording.');
    // Both versions are in the quarantine with their reasons, and so is the damaged chunk kept for one.
    const quarantined = (await db.getAll(STORES.quarantine)) as Array<{ store: string; key: string; reason: string; at: number; raw: { policyId?: string } }>;
    expect(quarantined.filter((q) => q.at === upgradeTime).map((q) => [q.store, q.key]).sort()).toEqual([
      [STORES.chunks, JSON.stringify([OLD_EXAMPLE, 'Y1myvcy-uVQ'])],
      [STORES.versions, JSON.stringify('LvqsJ9ra6AsQdtLv')],
      [STORES.versions, JSON.stringify('YczBgUDMSlzEr6UP')],
    ]);
    expect(quarantined.find((q) => q.key === JSON.stringify('YczBgUDMSlzEr6UP'))?.reason).toMatch(/^not upgraded to schema v3 .*title/);
    expect(quarantined.find((q) => q.key === JSON.stringify('LvqsJ9ra6AsQdtLv'))?.reason).toMatch(/other\.org/);
    expect(quarantined.find((q) => q.key === JSON.stringify('YczBgUDMSlzEr6UP'))?.raw.policyId).toBe(OLD_EXAMPLE);
    expect(await db.get(STORES.versions, 'YczBgUDMSlzEr6UP')).toBeUndefined();
    expect(await db.get(STORES.versions, 'LvqsJ9ra6AsQdtLv')).toBeUndefined();
    db.close();

    // The store reads on without them, and freeing every byte it can keeps that text (it is quarantined text).
    const store = await openPolicyStore({ idb: factory, name: 'v2-left-behind', clock: makeClock(upgradeTime).fn });
    expect((await store.listPolicies('example.com')).map((p) => p.policyId).sort()).toEqual([
      'privacy-adjacent:https://www.example.com/cookies',
      'privacy-policy:https://user-pages.example.com/privacy',
      'privacy-policy:https://www.example.com/privacy',
    ]);
    expect((await store.listVersions('privacy-policy:https://other.org/legal/privacy')).map((v) => v.versionId)).toEqual(['yJL_Y0R7pvdqtqeS']);
    expect(await store.listQuarantine()).toHaveLength(4);
    await store.prune({ targetBytes: 0 });
    store.close();
    const after = await openDatabase(factory, 'v2-left-behind');
    expect(((await after.get(STORES.blocks, [OLD_EXAMPLE, 'R4vluScLalM'])) as { block: { text: string } }).block.text).toBe('We sell your data to anyone who asks.');
    expect(((await after.get(STORES.blocks, [OLD_OTHER, 'hgk4JKjPYiY'])) as { block: { text: string } }).block.text).toBe('Other latest wording.');
    after.close();
  });

  it('opens a v3 history with a version dated past what a date can hold: that version is left for the quarantine, the rest chained', async () => {
    const factory = new IDBFactory();
    const dump = await loadV3History(factory, 'v3-far');
    const raw = await openDatabase(factory, 'v3-far', 3);
    const victim = VersionRecordV2.parse((dump.versions as unknown[])[0]);
    await raw.put(STORES.versions, { ...victim, firstSeen: 9e15, lastSeen: 9e15 });
    raw.close();
    const store = await openPolicyStore({ idb: factory, name: 'v3-far', clock: makeClock(Date.UTC(2026, 3, 1)).fn });
    const versions = await store.listVersions(victim.policyId);
    expect(versions.map((v) => v.versionId)).not.toContain(victim.versionId);
    expect(versions.length).toBeGreaterThan(0);
    expect((await store.listQuarantine()).map((q) => q.key)).toContain(JSON.stringify(victim.versionId));
    await expect(store.exportAll()).resolves.toMatchObject({ format: expect.any(String) });
  });

  it('upgrades a v6 history (the previous release kept no marks): every summary is made again once, and each policy is filed under its site', async () => {
    const factory = new IDBFactory();
    await loadV3History(factory, 'v6');
    // The previous release's store, its summaries left stale (it rebuilt them on every opening, so a worker
    // stopped before a refresh left one so), with a policy whose own record was lost.
    const v6 = await openDatabase(factory, 'v6', 6);
    for (const site of ['example.com', 'other.org']) await v6.put(STORES.summaries, { site, alert: 0, unreviewedMajor: 0, lastChange: null, pending: [] });
    const wwwId = 'privacy-policy:https://www.example.com/privacy';
    const cookiesId = 'privacy-adjacent:https://www.example.com/cookies';
    await v6.delete(STORES.policies, cookiesId);
    v6.close();

    const store = await openPolicyStore({ idb: factory, name: 'v6', clock: makeClock(Date.UTC(2026, 3, 1)).fn });
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1, pending: [{ policyId: wwwId, versions: 1 }] });
    expect(await store.siteState('other.org')).toMatchObject({ alert: 0, unreviewedMajor: 0, pending: [] });
    expect(await store.alertSites()).toEqual(['example.com']);
    // The policy whose record was lost is found from its site (filed from its versions), as before.
    expect((await store.listPolicies('example.com')).map((p) => [p.policyId, p.versions])).toEqual([
      [cookiesId, 1],
      [wwwId, 3],
    ]);
    expect(await store.getSite('example.com')).toMatchObject({ policies: 2, versions: 4, unreviewedMajor: 1 });
    store.close();

    const db = await openDatabase(factory, 'v6');
    expect(db.version).toBe(7);
    // Made again once: no mark is left for the next opening.
    expect(await db.getAll(STORES.summaryOwed)).toEqual([]);
    expect(await db.getAllKeys(STORES.sitePolicies)).toEqual([
      ['example.com', cookiesId],
      ['example.com', wwwId],
      ['other.org', 'privacy-policy:https://other.org/legal/privacy'],
    ]);
    db.close();
  });

  it('starts a hash chain for every policy of a v3 history, oldest version first, and keeps everything else', async () => {
    const factory = new IDBFactory();
    const dump = await loadV3History(factory, 'v3');
    const v3Versions = (dump.versions as unknown[]).map((raw) => VersionRecordV2.parse(raw));
    // One record a v4 store cannot read either: it is left for the quarantine, not chained.
    const raw = await openDatabase(factory, 'v3', 3);
    await raw.put(STORES.versions, { versionId: 'v3-broken', policyId: 'privacy-policy:https://other.org/legal/privacy', firstSeen: 5 });
    raw.close();
    const upgradeTime = Date.UTC(2026, 3, 1);
    const store = await openPolicyStore({ idb: factory, name: 'v3', clock: makeClock(upgradeTime).fn });

    const wwwId = 'privacy-policy:https://www.example.com/privacy';
    const before = v3Versions.filter((v) => v.policyId === wwwId).sort((a, b) => a.firstSeen - b.firstSeen);
    const after = await store.listVersions(wwwId);
    expect(after.map((v) => [v.versionId, v.firstSeen, v.lastSeen, v.reviewed, v.digest?.counts ?? null, v.extractorVersion, v.rawSha256])).toEqual(
      before.map((v) => [v.versionId, v.firstSeen, v.lastSeen, v.reviewed, v.analysis?.counts ?? null, 0, null]),
    );
    expect((await store.listSites()).map((s) => [s.site, s.policies, s.versions, s.unreviewedMajor])).toEqual([
      ['example.com', 2, 4, 1],
      ['other.org', 1, 1, 0],
    ]);

    // Each chain names its versions in order, with the hash of each stored text, and verifies.
    const db = await openDatabase(factory, 'v3');
    const entries = ((await db.getAll(STORES.captures)) as unknown[]).map((e) => CaptureRecord.parse(e)).filter((e) => e.policyId === wwwId);
    db.close();
    expect(entries.map((e) => [e.seq, e.kind, e.versionId, e.rawSha256, e.extractorVersion, e.recordedAt])).toEqual(
      before.map((v, i) => [i, 'legacy', v.versionId, null, 0, new Date(upgradeTime).toISOString()]),
    );
    for (const [i, v] of before.entries()) {
      const stored = await store.getVersion(v.versionId);
      expect(entries[i]!.textSha256).toBe(textSha256(stored!.document));
      expect(entries[i]!.capturedAt).toBe(new Date(v.firstSeen).toISOString());
    }
    const chains = await store.verifyChains('example.com');
    expect(chains.map((c) => [c.policyId, c.ok, c.entries, c.rawKept, c.rawPruned])).toEqual([
      ['privacy-adjacent:https://www.example.com/cookies', true, 1, 0, 0],
      [wwwId, true, 3, 0, 0],
    ]);
    expect((await store.verifyChains('other.org'))[0]).toMatchObject({ ok: true, entries: 1 });
    expect((await store.listQuarantine()).map((q) => q.key)).toEqual([JSON.stringify('v3-broken')]);

    // It goes on: the same text seen again now keeps its page, by the current extractor, and chains it.
    const latest = (await store.getLatestTwo(wwwId)).latest!;
    const again = await store.savePolicyVersion({ url: latest.url, document: latest.document, kind: 'privacy-policy', raw: { html: '<h1>Privacy Policy</h1>', source: 'visit' }, extractorVersion: 1 });
    expect(again.status).toBe('unchanged');
    expect(again.version).toMatchObject({ versionId: latest.versionId, extractorVersion: 1, rawSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await store.readRawCapture(again.version.rawSha256!)).toBe('<h1>Privacy Policy</h1>');
    const chained = (await store.verifyChains('example.com')).find((c) => c.policyId === wwwId)!;
    expect(chained).toMatchObject({ ok: true, entries: 4, rawKept: 1 });
    expect(chained.head).not.toBe(chains[1]!.head);
    store.close();
  });
});
