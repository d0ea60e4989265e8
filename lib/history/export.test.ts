import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, STORES } from './db';
import { ExportFile, LATEST_IMPORTED_FIRST_SEEN, LATEST_TIME } from './schema';
import { MAX_POLICIES_PER_SITE } from './save';
import { mergeSightings } from './transfer';
import { editDocument, fakeAnalysis, freshStore, makeDocument } from './test-support';
import { shownValue } from '../core/import-refusal';

const URL_A = 'https://www.example.com/privacy';
const URL_C = 'https://example.com/cookies';

const docs = [
  makeDocument({ Collect: ['We collect your email.'], Share: ['We do not share.'] }),
  makeDocument({ Collect: ['We collect your email.'], Share: ['We share with partners.'] }, { statedDate: '2026-02-01' }),
  makeDocument({ Collect: ['We collect your email and location.'], Share: ['We share with partners.'] }, { statedDate: '2026-03-01' }),
];
const cookies = makeDocument({ Cookies: ['We use analytics cookies.'] }, { url: URL_C, title: 'Cookie policy' });

async function populated(count = docs.length) {
  const env = await freshStore();
  for (const [i, doc] of docs.slice(0, count).entries()) {
    await env.store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy', analyze: () => fakeAnalysis(i) });
    env.clock.tick();
  }
  await env.store.savePolicyVersion({ url: URL_C, document: cookies, kind: 'privacy-adjacent' });
  return env;
}

/** The export of a populated store, as a file to edit, and its privacy policy in it. */
async function exportedFile(count: number) {
  const { store } = await populated(count);
  const file = JSON.parse(JSON.stringify(await store.exportAll())) as ExportFile;
  return { file, privacy: file.sites[0]!.policies.find((p) => p.kind === 'privacy-policy')! };
}

/** What a user would compare: every version's text and verdict, not storage ids or export time. */
function content(file: ExportFile) {
  return file.sites.map((s) => ({
    site: s.site,
    policies: s.policies.map((p) => ({
      kind: p.kind,
      path: p.path,
      versions: p.versions.map((v) => ({ firstSeen: v.firstSeen, hash: v.contentHash, document: v.document, analysis: v.analysis, reviewed: v.reviewed })),
    })),
  }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('export', () => {
  it('writes one versioned JSON file with every full document, which survives JSON round-trips', async () => {
    const { store } = await populated();
    const file = await store.exportAll();
    expect(file.format).toBe('clausewatch-history');
    expect(file.version).toBe(1);
    expect(file.sites).toHaveLength(1);
    const [cookiePolicy, privacy] = file.sites[0]!.policies;
    expect(cookiePolicy?.versions.map((v) => v.document)).toEqual([cookies]);
    expect(privacy?.versions.map((v) => v.document)).toEqual(docs);
    expect(privacy?.versions[1]?.analysis?.counts.major).toBe(1);
    expect(ExportFile.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });
});

describe('a file with very many versions of one policy', () => {
  // More than a call may take as arguments (about 125,000 in Node); an import may hold about 770,000
  // minimal versions (MAX_IMPORT_CHARS).
  const MANY = 200_000;

  it('merges 50,000 copies of one text as one version each, each following the same text', () => {
    const hash = 'a'.repeat(64);
    const file = Array.from({ length: 50_000 }, (_, i) => ({ hash, firstSeen: i, lastSeen: i }));
    const { steps, extended } = mergeSightings([], file);
    expect(steps).toHaveLength(50_000);
    expect(steps.every((step) => step.kind === 'new' && step.sameBefore)).toBe(true);
    expect(extended).toEqual([]);
  });

  it('imports a file that gives a stored version that many times, adding nothing, instead of overflowing the stack', async () => {
    const { store, clock } = await freshStore();
    const saved = await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const file = JSON.parse(JSON.stringify(await store.exportAll())) as ExportFile;
    const policy = file.sites[0]!.policies[0]!;
    const [version] = policy.versions;
    // The same version, seen again each minute after.
    policy.versions = Array.from({ length: MANY }, (_, i) => ({ ...version!, lastSeen: new Date(clock.now + i * 60_000).toISOString() }));
    const saw = clock.now;
    clock.now += MANY * 60_000;
    expect(await store.importAll(file)).toEqual({ ok: true, added: 0, skipped: MANY });
    const versions = await store.listVersions(saved.policyId);
    expect(versions.map((v) => [v.versionId, v.lastSeen])).toEqual([[saved.version.versionId, saw + (MANY - 1) * 60_000]]);
    // Reading and hashing that many versions takes a few seconds (the bound is on work: one pass).
  }, 60_000);
});

describe('import', () => {
  it('reads "twice in a row" in time, not in the file: A, A, then B between them, is a change and a change back', async () => {
    const { store, clock } = await freshStore();
    const t0 = clock.now;
    await store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    clock.tick(2 * 3_600_000);
    await store.savePolicyVersion({ url: URL_A, document: docs[1]!, kind: 'privacy-policy' });
    const file = JSON.parse(JSON.stringify(await store.exportAll())) as ExportFile;
    const policy = file.sites[0]!.policies.find((p) => p.kind === 'privacy-policy')!;
    const [a, b] = policy.versions;
    const back = new Date(t0 + 4 * 3_600_000).toISOString();
    // Two exports joined by hand: A at 0 h, A again at 4 h, then B at 2 h.
    policy.versions = [a!, { ...a!, firstSeen: back, lastSeen: back }, b!];
    const { store: fresh, clock: freshClock } = await freshStore();
    freshClock.now = t0 + 5 * 3_600_000;
    expect(await fresh.importAll(file)).toMatchObject({ ok: true, added: 3, skipped: 0 });
    const [imported] = await fresh.listPolicies('example.com');
    const { latest } = await fresh.getLatestTwo(imported!.policyId);
    expect(latest?.document).toEqual(docs[0]);
  });

  it('drops the analysis of a version whose version before it in the file is not the one before it in time once a repeat is merged', async () => {
    // One browser saw the first text at 0 h and the third at 10 h; another the first at 1 h and the second at
    // 11 h, analysed as the change from the first. Their two exports joined: 1st@0, 3rd@10, 1st@1, 2nd@11.
    const HOUR = 3_600_000;
    const one = await freshStore();
    const t0 = one.clock.now;
    await one.store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    one.clock.now = t0 + 10 * HOUR;
    await one.store.savePolicyVersion({ url: URL_A, document: docs[2]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    const two = await freshStore();
    two.clock.now = t0 + HOUR;
    await two.store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    two.clock.now = t0 + 11 * HOUR;
    await two.store.savePolicyVersion({ url: URL_A, document: docs[1]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    const file = JSON.parse(JSON.stringify(await one.store.exportAll())) as ExportFile;
    const other = JSON.parse(JSON.stringify(await two.store.exportAll())) as ExportFile;
    file.sites[0]!.policies[0]!.versions.push(...other.sites[0]!.policies[0]!.versions);
    const fresh = await freshStore();
    fresh.clock.now = t0 + 12 * HOUR;
    expect(await fresh.store.importAll(file)).toMatchObject({ ok: true, added: 3, skipped: 1 });
    const [policy] = await fresh.store.listPolicies('example.com');
    const { latest, previous } = await fresh.store.getLatestTwo(policy!.policyId);
    expect([previous?.document, latest?.document]).toEqual([docs[2], docs[1]]);
    // The second text now follows the third here: its analysis (the change from the first) no longer applies.
    expect(latest?.analysis).toBeNull();
  });

  it('keeps one text given twice in a row as one version seen over both spans, also into an empty history', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: makeDocument({ Intro: ['one'] }), kind: 'privacy-policy' });
    const file = JSON.parse(JSON.stringify(await store.exportAll())) as ExportFile;
    const policy = file.sites[0]!.policies[0]!;
    const [version] = policy.versions;
    const later = new Date(clock.now + 3_600_000).toISOString();
    policy.versions = [version!, { ...version!, firstSeen: later, lastSeen: later }];
    clock.tick(2 * 3_600_000);
    const { store: fresh, clock: freshClock } = await freshStore();
    freshClock.now = clock.now;
    expect(await fresh.importAll(file)).toEqual({ ok: true, added: 1, skipped: 1 });
    const [imported] = await fresh.listPolicies('example.com');
    const versions = await fresh.listVersions(imported!.policyId);
    expect(versions.map((v) => [v.firstSeen, v.lastSeen])).toEqual([[Date.parse(version!.firstSeen), Date.parse(later)]]);
  });

  it('restores an export into an empty history', async () => {
    const { store } = await populated();
    const file = JSON.parse(JSON.stringify(await store.exportAll())) as unknown;
    const { store: fresh } = await freshStore();
    expect(await fresh.importAll(file)).toEqual({ ok: true, added: 4, skipped: 0 });
    expect(content(await fresh.exportAll())).toEqual(content(await store.exportAll()));
    const [site] = await fresh.listSites();
    expect(site).toMatchObject({ site: 'example.com', policies: 2, versions: 4, unreviewedMajor: 2 });
  });

  it('adds nothing when the same file is imported twice', async () => {
    const { store } = await populated();
    const file = await store.exportAll();
    const before = await store.usage();
    expect(await store.importAll(file)).toEqual({ ok: true, added: 0, skipped: 4 });
    expect(await store.usage()).toEqual(before);
  });

  describe('a version whose text is damaged', () => {
    const whole = makeDocument({ Sharing: ['We do not sell your data.', 'We share your data with advertisers.'] });

    /** A history of one version, whose sharing paragraph is then unreadable on disk, and a backup taken now. */
    async function damagedBackup() {
      const env = await freshStore();
      const saved = await env.store.savePolicyVersion({ url: URL_A, document: whole, kind: 'privacy-policy' });
      const db = await openDatabase(env.factory, 'test');
      const blocks = (await db.getAll(STORES.blocks)) as { policyId: string; key: string; block: { text: string } }[];
      const broken = blocks.find((b) => b.block.text.startsWith('We share'))!;
      await db.put(STORES.blocks, { ...broken, block: { text: 17 } });
      db.close();
      const backup = JSON.parse(JSON.stringify(await env.store.exportAll())) as ExportFile;
      return { ...env, saved, backup };
    }

    it('adds nothing when a backup taken while it is damaged is restored into the same history', async () => {
      const { store, clock, saved, backup } = await damagedBackup();
      expect(await store.importAll(backup)).toEqual({ ok: true, added: 0, skipped: 1 });
      expect(await store.listVersions(saved.policyId)).toHaveLength(1);
      // The page captured again, whole: the same version, healed, and no phantom change.
      clock.tick();
      expect((await store.savePolicyVersion({ url: URL_A, document: whole, kind: 'privacy-policy' })).status).toBe('unchanged');
      const versions = await store.listVersions(saved.policyId);
      expect(versions).toHaveLength(1);
      expect((await store.getVersion(versions[0]!.versionId))?.document).toEqual(whole);
    });

    it('adds nothing where another history holds it whole', async () => {
      const { backup } = await damagedBackup();
      const other = await freshStore();
      const saved = await other.store.savePolicyVersion({ url: URL_A, document: whole, kind: 'privacy-policy' });
      expect(await other.store.importAll(backup)).toEqual({ ok: true, added: 0, skipped: 1 });
      expect((await other.store.getLatestTwo(saved.policyId)).latest).toMatchObject({ damaged: false, document: whole });
    });

    it('is imported into an empty history as what is left of it, still damaged; again adds nothing, and a capture makes it whole', async () => {
      const { backup } = await damagedBackup();
      const { store, clock } = await freshStore();
      expect(await store.importAll(backup)).toEqual({ ok: true, added: 1, skipped: 0 });
      expect(await store.importAll(backup)).toEqual({ ok: true, added: 0, skipped: 1 });
      const [policy] = await store.listPolicies('example.com');
      const [version] = await store.listVersions(policy!.policyId);
      const imported = await store.getVersion(version!.versionId);
      expect(imported?.damaged).toBe(true);
      expect(imported?.document.blocks.map((b) => b.text)).toEqual(['Sharing', 'We do not sell your data.']);
      // Its export is the file it came from.
      expect(content(await store.exportAll())).toEqual(content(backup));
      // The next capture of the page is the same version, now whole, not a change that adds the lost paragraph.
      clock.tick();
      expect((await store.savePolicyVersion({ url: URL_A, document: whole, kind: 'privacy-policy' })).status).toBe('unchanged');
      expect(await store.listVersions(policy!.policyId)).toHaveLength(1);
      expect(await store.getVersion(version!.versionId)).toMatchObject({ damaged: false, document: whole });
      // Its record names the whole text it now holds.
      expect((await store.verifyChains('example.com')).map((c) => [c.ok, c.problems])).toEqual([[true, []]]);
    });
  });

  it('merges a longer history into a shorter one, adding only the missing versions', async () => {
    const { store: longer } = await populated(3);
    const { store: shorter } = await populated(2);
    const result = await shorter.importAll(await longer.exportAll());
    expect(result).toEqual({ ok: true, added: 1, skipped: 3 });
    const policies = await shorter.listPolicies('example.com');
    const privacy = policies.find((p) => p.kind === 'privacy-policy')!;
    const versions = await shorter.listVersions(privacy.policyId);
    expect(versions).toHaveLength(3);
    const { latest } = await shorter.getLatestTwo(privacy.policyId);
    expect(latest?.document).toEqual(docs[2]);
  });

  it('keeps a policy that changed and changed back as three versions', async () => {
    const { store, clock } = await freshStore();
    for (const doc of [docs[0]!, docs[1]!, docs[0]!]) {
      await store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy' });
      clock.tick();
    }
    const { store: fresh } = await freshStore();
    expect(await fresh.importAll(await store.exportAll())).toEqual({ ok: true, added: 3, skipped: 0 });
  });

  it('keeps the changed-back version, and it stays the latest, when this browser saw only the first one', async () => {
    // The other browser: no sharing, then sharing for two days, then no sharing again.
    const other = await freshStore();
    for (const doc of [docs[0]!, docs[1]!, docs[0]!]) {
      await other.store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
      other.clock.tick(2 * 86_400_000);
    }
    // This browser saw the first version on the same day, and nothing since (its clock is now as late).
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    clock.now = other.clock.now;
    expect(await store.importAll(JSON.parse(JSON.stringify(await other.store.exportAll())))).toEqual({ ok: true, added: 2, skipped: 1 });
    const [policy] = await store.listPolicies('example.com');
    const versions = await store.listVersions(policy!.policyId);
    expect(versions.map((v) => v.contentHash)).toEqual([versions[0]!.contentHash, versions[1]!.contentHash, versions[0]!.contentHash]);
    const { latest, previous } = await store.getLatestTwo(policy!.policyId);
    expect(latest?.document).toEqual(docs[0]);
    expect(previous?.document).toEqual(docs[1]);
    // Each imported analysis still describes the change from the version before it, so both are kept.
    expect([previous?.analysis?.counts.major, latest?.analysis?.counts.major]).toEqual([1, 1]);
    // The stored first version was not stretched over the time the policy said something else.
    expect(versions[0]!.lastSeen).toBeLessThan(versions[1]!.firstSeen);
  });

  it('adds nothing when a file whose versions share a first-seen time is imported again', async () => {
    const { file, privacy } = await exportedFile(2);
    privacy.versions[1]!.firstSeen = privacy.versions[0]!.firstSeen;
    const { store } = await freshStore();
    expect(await store.importAll(file)).toMatchObject({ ok: true, added: 3 });
    expect(await store.importAll(file)).toEqual({ ok: true, added: 0, skipped: 3 });
    expect(await store.importAll(file)).toEqual({ ok: true, added: 0, skipped: 3 });
  });

  it('adds nothing when a file that gives one text twice at one time is imported again', async () => {
    const { file, privacy } = await exportedFile(1);
    privacy.versions.push(structuredClone(privacy.versions[0]!));
    const { store } = await freshStore();
    // The repeat is one version with the one before it, not a second version of the same text.
    expect(await store.importAll(file)).toEqual({ ok: true, added: 2, skipped: 1 });
    expect(await store.importAll(file)).toEqual({ ok: true, added: 0, skipped: 3 });
    expect(await store.importAll(file)).toEqual({ ok: true, added: 0, skipped: 3 });
  });

  it('orders two texts of one time the same way in every store, whatever their random ids: by their text', async () => {
    const { file, privacy } = await exportedFile(2);
    privacy.versions[1]!.firstSeen = privacy.versions[0]!.firstSeen;
    file.sites[0]!.policies = [privacy];
    const [first, second] = privacy.versions.map((v) => v.contentHash);
    const byText = [first!, second!].sort();

    /** An empty store that gives the next version ids these first bytes, in turn (newVersionId draws 12 random bytes). */
    const storeWithIds = async (...bytes: number[]) => {
      const env = await freshStore();
      vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
        (array as unknown as Uint8Array).fill(bytes.shift() ?? 0x80);
        return array;
      });
      return env.store;
    };
    // The same file into two stores whose ids sort the two versions in opposite orders ('AAAA…' < 'QEBA…').
    const a = await storeWithIds(0x00, 0x40);
    expect(await a.importAll(file)).toMatchObject({ ok: true, added: 2 });
    vi.restoreAllMocks();
    const b = await storeWithIds(0x40, 0x00);
    expect(await b.importAll(file)).toMatchObject({ ok: true, added: 2 });
    vi.restoreAllMocks();
    const policyId = 'privacy-policy:https://www.example.com/privacy';
    // (the ids are in opposite orders: the file's first text has the smaller id in one store, the larger in the other)
    const idOf = async (store: typeof a, hash: string | undefined) => (await store.listVersions(policyId)).find((v) => v.contentHash === hash)!.versionId;
    expect((await idOf(a, first)) < (await idOf(a, second))).toBe((await idOf(b, first)) > (await idOf(b, second)));

    for (const store of [a, b]) {
      expect((await store.listVersions(policyId)).map((v) => v.contentHash)).toEqual(byText);
      const { latest, previous } = await store.getLatestTwo(policyId);
      expect([previous?.contentHash, latest?.contentHash]).toEqual(byText);
      const [summary] = await store.listPolicies('example.com');
      expect((await store.getVersion(summary!.latestVersionId!))?.contentHash).toBe(byText[1]);
      const state = await store.siteState('example.com');
      expect(state?.pending.map((p) => p.textKey)).toEqual([`${byText[0]}>${byText[1]}`]);
    }
    const exported = content(await a.exportAll());
    expect(content(await b.exportAll())).toEqual(exported);
    expect(exported[0]!.policies[0]!.versions.map((v) => v.hash)).toEqual(byText);

    // And through an export and an import into a third store with ids the other way again.
    const c = await storeWithIds(0x40, 0x00);
    await c.importAll(JSON.parse(JSON.stringify(await a.exportAll())));
    vi.restoreAllMocks();
    expect((await c.getLatestTwo(policyId)).latest?.contentHash).toBe(byText[1]);
    expect(content(await c.exportAll())).toEqual(exported);
  });

  it('imports a site\'s new policies up to the bound a capture is held to, leaves out the ones past it and says how many and why', async () => {
    const { store: other } = await populated(2);
    const file = JSON.parse(JSON.stringify(await other.exportAll())) as ExportFile;
    const example = file.sites[0]!;
    const privacy = example.policies.find((p) => p.kind === 'privacy-policy')!;
    const cookiePolicy = example.policies.find((p) => p.kind === 'privacy-adjacent')!;
    // As many new policies of example.com as a site may have (its text's checksum does not cover the address),
    // then the two this history already has, the privacy policy with a version it lacks; and a policy of another site.
    const fresh = Array.from({ length: MAX_POLICIES_PER_SITE }, (_, i) => ({ ...structuredClone(privacy), path: `/p/${i}`, url: `https://www.example.com/p/${i}`, versions: [structuredClone(privacy.versions[0]!)] }));
    fresh[MAX_POLICIES_PER_SITE - 1]!.versions.push(structuredClone(privacy.versions[1]!));
    example.policies = [...fresh, privacy, cookiePolicy];
    const otherSite = structuredClone(example);
    otherSite.site = 'other.org';
    otherSite.policies = [{ ...structuredClone(privacy), origin: 'https://other.org', url: 'https://other.org/privacy', versions: privacy.versions.map((v) => ({ ...structuredClone(v), document: { ...v.document, url: 'https://other.org/privacy' } })) }];
    file.sites.push(otherSite);

    const { store } = await populated(1);
    // It had two policies of example.com: 198 of the file's new ones fit, the last two (three versions) do not.
    const result = await store.importAll(file);
    expect(result).toEqual({
      ok: true,
      added: MAX_POLICIES_PER_SITE - 2 + 1 + 2,
      skipped: 2,
      leftOut: { kind: 'site-limit', limit: MAX_POLICIES_PER_SITE, policies: 2, versions: 3, site: 'example.com', sites: 1 },
    });
    const paths = (await store.listPolicies('example.com')).map((p) => p.path);
    expect(paths).toHaveLength(MAX_POLICIES_PER_SITE);
    expect(paths).toContain(`/p/${MAX_POLICIES_PER_SITE - 3}`);
    expect(paths).not.toContain(`/p/${MAX_POLICIES_PER_SITE - 2}`);
    expect(paths).not.toContain(`/p/${MAX_POLICIES_PER_SITE - 1}`);
    // The policies it knew are merged past the bound, and the other site is imported whole.
    expect(await store.listVersions('privacy-policy:https://www.example.com/privacy')).toHaveLength(2);
    expect((await store.listSites()).map((s) => [s.site, s.policies, s.versions])).toEqual([
      ['example.com', MAX_POLICIES_PER_SITE, MAX_POLICIES_PER_SITE + 1],
      ['other.org', 1, 2],
    ]);
    // Again: nothing added, the same two left out.
    expect(await store.importAll(file)).toEqual({ ...result, added: 0, skipped: MAX_POLICIES_PER_SITE + 3 });
  });

  it('drops an imported analysis that no longer describes the change from the version before it', async () => {
    // The other browser saw the first and third versions; this one saw the second in between.
    const other = await freshStore();
    await other.store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    other.clock.tick(4 * 86_400_000);
    await other.store.savePolicyVersion({ url: URL_A, document: docs[2]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
    const { store, clock } = await freshStore();
    clock.tick(2 * 86_400_000);
    await store.savePolicyVersion({ url: URL_A, document: docs[1]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(0) });
    clock.now = other.clock.now;
    expect(await store.importAll(await other.store.exportAll())).toEqual({ ok: true, added: 2, skipped: 0 });
    const [policy] = await store.listPolicies('example.com');
    expect(policy?.versions).toBe(3);
    const { latest } = await store.getLatestTwo(policy!.policyId);
    expect(latest?.document).toEqual(docs[2]);
    expect(latest?.analysis).toBeNull();
  });

  it('drops a stored analysis when an imported version now comes right before it, so a change reviewed elsewhere does not alert again', async () => {
    // This browser saw the first and third versions (the third analysed as a major change from the first).
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    clock.tick(4 * 86_400_000);
    await store.savePolicyVersion({ url: URL_A, document: docs[2]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
    expect((await store.siteState('example.com'))?.alert).toBeGreaterThan(0);
    // Another browser saw the second in between, and its user reviewed that change there.
    const other = await freshStore();
    await other.store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    other.clock.tick(2 * 86_400_000);
    const second = await other.store.savePolicyVersion({ url: URL_A, document: docs[1]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
    await other.store.markReviewed(second.version.versionId);
    expect(await store.importAll(await other.store.exportAll())).toMatchObject({ ok: true, added: 1 });
    const versions = await store.listVersions(second.policyId);
    expect(versions.map((v) => v.counts?.major ?? null)).toEqual([null, 2, null]);
    // The third version's analysis described the change from the first: it no longer counts.
    expect((await store.siteState('example.com'))?.alert).toBe(0);
  });

  describe('a change both histories hold, reviewed in the other', () => {
    /** Version i of docs saved on day i (the same day in both browsers), each analysed as a major change; the ones named reviewed. */
    async function saw(texts: number[], reviewed: number[] = []) {
      const env = await freshStore();
      const start = env.clock.now;
      for (const i of texts) {
        env.clock.tick(start + i * 86_400_000 - env.clock.now);
        const out = await env.store.savePolicyVersion({ url: URL_A, document: docs[i]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
        if (reviewed.includes(i)) await env.store.markReviewed(out.version.versionId);
      }
      return env;
    }

    /** The reviewed marks of the policy's versions in a store, oldest first. */
    async function marks(store: Awaited<ReturnType<typeof saw>>['store']): Promise<boolean[]> {
      const [policy] = await store.listPolicies('example.com');
      return (await store.listVersions(policy!.policyId)).map((v) => v.reviewed);
    }

    it('is reviewed here too once the file is imported, and the badge no longer counts it', async () => {
      const here = await saw([0, 1]);
      expect((await here.store.siteState('example.com'))?.alert).toBeGreaterThan(0);
      const there = await saw([0, 1], [1]);
      expect(await here.store.importAll(await there.store.exportAll())).toEqual({ ok: true, added: 0, skipped: 2 });
      expect(await marks(here.store)).toEqual([false, true]);
      expect((await here.store.siteState('example.com'))?.alert).toBe(0);
    });

    it('stays awaiting review where the other browser reviewed a shorter change: B -> C there, A -> C here', async () => {
      // Here: first, second (a major change), third, none reviewed. There: from the second on, the third reviewed.
      const here = await saw([0, 1, 2]);
      const there = await saw([1, 2], [2]);
      expect(await here.store.importAll(await there.store.exportAll())).toEqual({ ok: true, added: 0, skipped: 2 });
      expect(await marks(here.store)).toEqual([false, false, false]);
      expect((await here.store.siteState('example.com'))?.alert).toBeGreaterThan(0);
    });

    it('imports a version new here without its mark where the other browser reviewed a shorter change', async () => {
      // Here: first, second. There: second, third (reviewed there as the change from the second only).
      const here = await saw([0, 1]);
      const there = await saw([1, 2], [2]);
      expect(await here.store.importAll(await there.store.exportAll())).toEqual({ ok: true, added: 1, skipped: 1 });
      expect(await marks(here.store)).toEqual([false, false, false]);
      // Into a history that saw what the other did, the same file's mark is carried.
      const same = await saw([1]);
      expect(await same.store.importAll(await there.store.exportAll())).toEqual({ ok: true, added: 1, skipped: 1 });
      expect(await marks(same.store)).toEqual([false, true]);
    });

    it('is carried where the other browser reviewed the same comparison, from the same baseline, without the version between', async () => {
      // Here: first, second, third, none reviewed, so the change awaiting review is first -> third. There: first,
      // then third, reviewed there as the change from the first: the same comparison.
      const here = await saw([0, 1, 2]);
      const there = await saw([0, 2], [2]);
      expect(await here.store.importAll(await there.store.exportAll())).toEqual({ ok: true, added: 0, skipped: 2 });
      expect(await marks(here.store)).toEqual([false, false, true]);
      expect((await here.store.siteState('example.com'))?.alert).toBe(0);
    });
  });

  it('keeps a stored analysis when the imported version before it has the same text as the one before it here', async () => {
    // Here: the first version, then the third (analysed from the first). There: first, second, first again.
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    clock.tick(4 * 86_400_000);
    await store.savePolicyVersion({ url: URL_A, document: docs[2]!, kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
    const other = await freshStore();
    await other.store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    other.clock.tick(86_400_000);
    await other.store.savePolicyVersion({ url: URL_A, document: docs[1]!, kind: 'privacy-policy' });
    other.clock.tick(86_400_000);
    const back = await other.store.savePolicyVersion({ url: URL_A, document: docs[0]!, kind: 'privacy-policy' });
    expect(await store.importAll(await other.store.exportAll())).toMatchObject({ ok: true, added: 2 });
    // The third version still follows a copy of the first: its analysis still describes its change.
    expect((await store.listVersions(back.policyId)).at(-1)?.counts?.major).toBe(2);
  });

  it('writes each policy\'s origin, and files a version from a file written before origins under the address it came from', async () => {
    const file = JSON.parse(JSON.stringify(await (await populated()).store.exportAll())) as ExportFile;
    expect(file.sites[0]!.policies.map((p) => p.origin)).toEqual(['https://example.com', 'https://www.example.com']);
    // As the store before schema v3 exported it: no origin, and one version captured over plain http.
    for (const p of file.sites[0]!.policies) delete p.origin;
    const privacy = file.sites[0]!.policies[1]!;
    privacy.versions[1]!.document.url = 'http://www.example.com/privacy';

    const { store } = await freshStore();
    expect(await store.importAll(file)).toEqual({ ok: true, added: 4, skipped: 0 });
    const policies = await store.listPolicies('example.com');
    expect(policies.map((p) => [p.policyId, p.versions]).sort()).toEqual([
      ['privacy-adjacent:https://example.com/cookies', 1],
      ['privacy-policy:http://www.example.com/privacy', 1],
      ['privacy-policy:https://www.example.com/privacy', 2],
    ]);
    const https = await store.listVersions('privacy-policy:https://www.example.com/privacy');
    // The third version's analysis described the change from the http one, which is no longer before it.
    expect(https.map((v) => v.digest)).toEqual([null, null]);
    const http = await store.getLatestTwo('privacy-policy:http://www.example.com/privacy');
    expect(http.latest?.document).toEqual({ ...docs[1], url: 'http://www.example.com/privacy' });
  });

  it.each(['https://www.example.com/privacy%20', 'https://www.example.com/legal%5Cprivacy', 'https://www.example.com/privacy/index.html/', 'https://www.example.com/privacy%2541'])(
    'files a policy captured at %s under the same policy when its export is imported, into an empty store or back into its own',
    async (url) => {
      const { store } = await freshStore();
      await store.savePolicyVersion({ url, document: makeDocument({ Sharing: ['We share nothing.'] }, { url }), kind: 'privacy-policy' });
      const file = JSON.parse(JSON.stringify(await store.exportAll())) as ExportFile;
      expect(await store.importAll(file)).toMatchObject({ ok: true, added: 0 });
      expect(await store.listPolicies('example.com')).toHaveLength(1);
      const { store: empty } = await freshStore();
      expect(await empty.importAll(file)).toMatchObject({ ok: true, added: 1 });
      expect((await empty.listPolicies('example.com')).map((p) => p.path)).toEqual((await store.listPolicies('example.com')).map((p) => p.path));
    },
  );

  const valid = async () => JSON.parse(JSON.stringify(await (await populated()).store.exportAll())) as Record<string, unknown> & ExportFile;

  it.each<[string, (file: ExportFile) => unknown, RegExp, Record<string, unknown>]>([
    ['not an object', () => 'hello', /not a Clausewatch history file/, { kind: 'not-ours' }],
    ['another format', (f) => ({ ...f, format: 'something-else' }), /not a Clausewatch history file/, { kind: 'not-ours' }],
    ['a future version', (f) => ({ ...f, version: 2 }), /unsupported version/, { kind: 'damaged', detail: expect.stringMatching(/version/) }],
    ['a missing document', (f) => {
      delete (f.sites[0]!.policies[1]!.versions[2] as Partial<ExportFile['sites'][0]['policies'][0]['versions'][0]>).document;
      return f;
    }, /damaged.*document/, { kind: 'damaged', detail: expect.stringMatching(/document/) }],
    ['an edited text', (f) => {
      f.sites[0]!.policies[1]!.versions[1]!.document.blocks[1]!.text = 'We sell nothing, honest.';
      return f;
    }, /does not match its checksum/, { kind: 'checksum', version: 2, policy: expect.stringContaining('example.com') }],
    ['an invalid site name', (f) => ({ ...f, sites: [{ ...f.sites[0]!, site: 'www.example.com/evil' }] }), /invalid site/, { kind: 'bad-site', site: 'www.example.com/evil' }],
    ['a policy at an origin outside its site', (f) => {
      f.sites[0]!.policies[1]!.origin = 'https://bank.example';
      return f;
    }, /at an address outside it/, { kind: 'outside', address: 'https://bank.example' }],
    // A version's own address is opened by "Show on page": a script address, or another origin, is refused.
    ['a version at a script address', (f) => {
      f.sites[0]!.policies[1]!.versions[1]!.document.url = 'javascript:alert(document.domain)';
      return f;
    }, /version of .* at an address outside it/, { kind: 'outside', address: 'javascript:alert(document.domain)' }],
    ['a version on another site, in a file written before policies had an origin', (f) => {
      delete (f.sites[0]!.policies[1] as { origin?: string }).origin;
      f.sites[0]!.policies[1]!.versions[2]!.document.url = 'https://bank.example/login';
      return f;
    }, /version of .* at an address outside it/, { kind: 'outside', address: 'https://bank.example/login' }],
    ['a version at another origin than its policy', (f) => {
      f.sites[0]!.policies[1]!.versions[0]!.document.url = 'https://bank.example/privacy';
      return f;
    }, /version of .* at an address outside it/, { kind: 'outside', address: 'https://bank.example/privacy' }],
    // The hash chain writes a four-digit year: a version dated at the end of 9999 would leave no later time
    // for the policy's next change, and one before 1970 no time a record holds.
    ['a version dated at the end of the year 9999', (f) => {
      f.sites[0]!.policies[1]!.versions[2]!.firstSeen = '9999-12-31T23:59:59.999Z';
      f.sites[0]!.policies[1]!.versions[2]!.lastSeen = '9999-12-31T23:59:59.999Z';
      return f;
    }, /damaged.*1970 to the year 9999/, { kind: 'damaged', detail: expect.stringMatching(/1970 to the year 9999/) }],
    // Nor at the start of 9999, the latest time a record holds: the next change would have to be saved after it.
    ['a version first seen at the latest time a record holds', (f) => {
      f.sites[0]!.policies[1]!.versions[2]!.firstSeen = new Date(LATEST_TIME).toISOString();
      f.sites[0]!.policies[1]!.versions[2]!.lastSeen = new Date(LATEST_TIME).toISOString();
      return f;
    }, /damaged.*version 3 of .* later than any history can hold/, { kind: 'damaged', detail: expect.stringMatching(/version 3 of .*later than any history can hold/) }],
    ['a version seen later than this computer’s date and a day (a wrong clock, or a file altered)', (f) => {
      f.sites[0]!.policies[1]!.versions[2]!.lastSeen = '2090-01-01T00:00:00.000Z';
      return f;
    }, /a version of .* seen 2090-01-01T00:00:00.000Z, after this computer's date .*clock of the computer that recorded it was ahead/, { kind: 'future', policy: expect.stringMatching(/\/privacy$/), seen: '2090-01-01' }],
    ['a version last seen before it was first seen', (f) => {
      f.sites[0]!.policies[1]!.versions[0]!.lastSeen = '2025-01-01T00:00:00.000Z';
      return f;
    }, /damaged.*version 1 of .* last seen before it was first seen/, { kind: 'damaged', detail: expect.stringMatching(/last seen before/) }],
    ['a version address with a line break in it (the URL parser drops it)', (f) => {
      f.sites[0]!.policies[1]!.versions[1]!.document.url = 'https://www.example.com/pri\r\nvacy';
      return f;
    }, /damaged.*a space, a line break or a control character/, { kind: 'damaged', detail: expect.stringContaining('"https://www.example.com/pri\\r\\nvacy"') }],
    ['a policy address ending in a space', (f) => {
      f.sites[0]!.policies[1]!.url = `${f.sites[0]!.policies[1]!.url} `;
      return f;
    }, /damaged.*a space, a line break or a control character/, { kind: 'damaged', detail: expect.stringMatching(/control character/) }],
    ['a version dated before 1970', (f) => {
      f.sites[0]!.policies[1]!.versions[0]!.firstSeen = '1969-12-31T00:00:00.000Z';
      return f;
    }, /damaged.*1970 to the year 9999/, { kind: 'damaged', detail: expect.stringMatching(/1970 to the year 9999/) }],
  ])('rejects %s with a clear message, says why as a code, and changes nothing', async (_label, damage, message, refusal) => {
    const file = damage(await valid());
    const { store, clock } = await freshStore();
    // Imported where the clock is as late as the file's (valid() dates its versions days apart).
    clock.now = Date.UTC(2026, 1, 1);
    await store.savePolicyVersion({ url: URL_A, document: editDocument(docs[0]!, 1), kind: 'privacy-policy' });
    const before = await store.exportAll();
    const result = await store.importAll(file);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.code).toBe('invalid-import');
    expect(result.ok === false && result.error).toMatch(message);
    expect(result.ok === false && result.error).toMatch(/Nothing was imported/);
    // The reason as a code the options page words in the reader's language.
    expect(result.ok === false && result.refusal).toMatchObject(refusal);
    expect(await store.exportAll()).toEqual(before);
  });

  it('imports a version dated up to a day after this computer’s date, and its policy’s next capture is dated after it; not later', async () => {
    const { file } = await exportedFile(1);
    const DAY = 86_400_000;
    const dated = (t: number) => {
      const copy = structuredClone(file);
      const version = copy.sites[0]!.policies.find((p) => p.kind === 'privacy-policy')!.versions[0]!;
      version.firstSeen = version.lastSeen = new Date(t).toISOString();
      return copy;
    };
    const { store, clock } = await freshStore();
    expect(await store.importAll(dated(clock.now + DAY + 1))).toMatchObject({ ok: false, refusal: { kind: 'future', seen: new Date(clock.now + DAY + 1).toISOString().slice(0, 10) } });
    expect(await store.importAll(dated(clock.now + DAY))).toMatchObject({ ok: true });
    const saved = await store.savePolicyVersion({ url: URL_A, document: docs[1]!, kind: 'privacy-policy' });
    expect(saved.version.firstSeen).toBe(clock.now + DAY + 1);
  });

  it('never imports a version so late that the next change of its policy could not be saved', async () => {
    const { file, privacy } = await exportedFile(1);
    const dated = (t: number) => {
      const copy = structuredClone(file);
      const version = copy.sites[0]!.policies.find((p) => p.kind === 'privacy-policy')!.versions[0]!;
      version.firstSeen = version.lastSeen = new Date(t).toISOString();
      return copy;
    };
    expect(privacy.versions).toHaveLength(1);
    const changed = { url: URL_A, document: docs[1]!, kind: 'privacy-policy' as const };

    // At the latest time a record holds: refused, and the policy is still saved as before.
    const refused = await freshStore();
    expect(await refused.store.importAll(dated(LATEST_TIME))).toMatchObject({ ok: false, refusal: { kind: 'damaged' } });
    expect((await refused.store.savePolicyVersion(changed)).status).toBe('first');

    // At the latest time an import accepts (on a computer whose clock says so): its changes are still saved, after it.
    const late = await freshStore();
    late.clock.now = LATEST_IMPORTED_FIRST_SEEN;
    expect(await late.store.importAll(dated(LATEST_IMPORTED_FIRST_SEEN))).toMatchObject({ ok: true, added: 2 });
    const saved = await late.store.savePolicyVersion(changed);
    expect(saved.status).toBe('changed');
    expect(saved.version.firstSeen).toBe(LATEST_IMPORTED_FIRST_SEEN + 1);
  });

  it('shows what a refusal repeats from the file as visible text: whole characters, control and direction marks escaped', () => {
    expect(shownValue(`${'a'.repeat(198)}😀😀😀`)).toBe(`${'a'.repeat(198)}😀…`);
    expect(shownValue('evil\u202Eexample.com\nnext line')).toBe('evil\\u202eexample.com\\u000anext line');
    // Line and paragraph separators, a lone surrogate, a tag character beyond U+FFFF (escaped unambiguously).
    expect(shownValue('a\u2028b\u2029c\ud800d\u{e0041}e')).toBe('a\\u2028b\\u2029c\\ud800d\\u{e0041}e');
  });

  it('bounds what a refusal repeats from the file', async () => {
    const huge = `example.com/${'x'.repeat(100_000)}`;
    const result = await (await freshStore()).store.importAll({ ...(await valid()), sites: [{ ...(await valid()).sites[0]!, site: huge }] });
    expect(result.ok === false && result.refusal).toMatchObject({ kind: 'bad-site' });
    expect(result.ok === false && result.refusal && 'site' in result.refusal && result.refusal.site.length).toBeLessThanOrEqual(200);
  });

  it('imports nothing at all when the disk fills up part-way', async () => {
    const file = await valid();
    const { store } = await freshStore();
    const { IDBObjectStore } = await import('fake-indexeddb');
    const originalPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++puts === 10) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return originalPut.apply(this, args);
    });
    const result = await store.importAll(file);
    vi.restoreAllMocks();
    expect(result).toMatchObject({ ok: false, code: 'quota' });
    expect(await store.usage()).toMatchObject({ bytes: 0, versions: 0 });
    expect(await store.importAll(file)).toMatchObject({ ok: true, added: 4 });
  });
});
