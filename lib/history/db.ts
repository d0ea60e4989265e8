/**
 * Opening the database and upgrading it. The IDBFactory is passed in (the extension's `indexedDB`,
 * fake-indexeddb's in Node), which is why this does not use idb's openDB: that one always reaches for
 * the global. idb still wraps every request, so the rest of the store uses its promise API.
 *
 * Schema versions:
 *  - v1: sites, policies (by site), versions (by policy and first-seen time), chunks and blocks (by policy
 *        and content key), quarantine.
 *  - v2: versions carry `reviewed` (the user acknowledged the change); existing versions get `false`, so a
 *        major change captured before the upgrade still shows on the badge until reviewed.
 *  - v3: a policy is identified by its origin and path, no longer by its registrable domain and path
 *        (see site.ts). Each stored version moves to the policy of the address it was captured from, so
 *        an old history that mixed https://www., http:// and a subdomain is split into one policy each;
 *        its text (chunks, blocks) is copied to the new keys. A version it cannot move (damaged, or with no
 *        address on its site) goes to the quarantine, and the text it names is kept. See `splitByOrigin`.
 *  - v4: raw captures (`raw`, by SHA-256), each policy's hash chain (`captures`, by [policyId, seq]) and
 *        re-extraction progress (`meta`). Versions record their extractor (0: unknown) and raw capture
 *        (none before v4), and versions that can be re-extracted are indexed by the newest extractor
 *        that read them. Every existing version gets a `legacy` chain entry, oldest first, with the hash
 *        of its stored text. See `startChains`.
 *  - v5: analyses are stored as codes (schema 2: no English headline or summary; lib/core/explain words them in
 *        the reader's language). Every stored schema-1 analysis is rewritten by engine/upgrade.ts, which
 *        reads the codes it lacked again from each finding's own evidence. See `analysesAsCodes`.
 *  - v6: a summary per site (`summaries`: what the badge shows), indexed by whether it has an unreviewed
 *        major change. Derived data, kept up to date on each save, review, prune and import (and, until v7,
 *        rebuilt whole every time the store opened).
 *  - v7: the summaries a write made stale (`summaryOwed`, by site), marked in the write's own transaction
 *        and cleared by the refresh, so opening the store refreshes those alone (summaries.ts); and each
 *        policy filed under its site (`sitePolicies`, by [site, policyId]), so one site's reads touch that
 *        site's records alone (read.ts readSiteIndex). Every existing policy is filed, from its record and
 *        from its versions, and every summary is marked owed once (the previous release kept no marks).
 *        See `owedAndFiled`.
 * A new version appends one function to `migrations`; each one upgrades from its index to index + 1 and
 * must only await IndexedDB requests, because the upgrade transaction ends at the first other await.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { nextEntry, type ChainEntry } from './evidence/chain';
import { textSha256 } from './evidence/text';
import { Block, ChangeAnalysisV1 } from '../core/schema';
import { upgradeAnalysis } from '../core/engine/upgrade';
import { versionOrder } from '../core/version-order';
import { describeIssues, isQuotaError, StoreError } from './errors';
import { BlockRecord, ChunkRecord, PolicyKind, PolicyRecord, PolicyRecordV2, QuarantineEntry, SitePolicyRecord, SummaryOwedRecord, VersionRecordV2, VersionRecordV4 } from './schema';
import { originForUrl, policyIdFor, siteForUrl, siteOfPolicyId } from './site';

export const STORES = {
  sites: 'sites',
  policies: 'policies',
  versions: 'versions',
  chunks: 'chunks',
  blocks: 'blocks',
  quarantine: 'quarantine',
  raw: 'raw',
  captures: 'captures',
  meta: 'meta',
  summaries: 'summaries',
  summaryOwed: 'summaryOwed',
  sitePolicies: 'sitePolicies',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];
export const ALL_STORES: StoreName[] = Object.values(STORES);

/** The `summaryOwed` mark of a write that may have made any site's summary stale: every one is refreshed. */
export const EVERY_SITE = '*';

export const INDEX_POLICY_BY_SITE = 'bySite';
/** summaries by `alert` (0 or 1): the sites with an unreviewed major change. */
export const INDEX_SUMMARY_BY_ALERT = 'byAlert';
/** [policyId, firstSeen]: a policy's versions in the order they appeared. */
export const INDEX_VERSION_BY_POLICY = 'byPolicy';
/** checkedBy: versions with a raw capture, by the newest extractor that read it (re-extraction's work list). */
export const INDEX_VERSION_BY_CHECKED = 'byChecked';

export type Database = IDBPDatabase<unknown>;
type UpgradeTransaction = IDBPTransaction<unknown, StoreName[], 'versionchange'>;
export type Migration = (db: Database, tx: UpgradeTransaction, now: number) => Promise<void>;

export const migrations: Migration[] = [
  async (db) => {
    db.createObjectStore(STORES.sites, { keyPath: 'site' });
    const policies = db.createObjectStore(STORES.policies, { keyPath: 'policyId' });
    policies.createIndex(INDEX_POLICY_BY_SITE, 'site');
    const versions = db.createObjectStore(STORES.versions, { keyPath: 'versionId' });
    versions.createIndex(INDEX_VERSION_BY_POLICY, ['policyId', 'firstSeen']);
    db.createObjectStore(STORES.chunks, { keyPath: ['policyId', 'key'] });
    db.createObjectStore(STORES.blocks, { keyPath: ['policyId', 'key'] });
    db.createObjectStore(STORES.quarantine, { keyPath: 'id', autoIncrement: true });
  },
  async (_db, tx) => {
    let cursor = await tx.objectStore(STORES.versions).openCursor();
    while (cursor) {
      const value: unknown = cursor.value;
      // A record that does not become a valid v2 version is left as it is, for the read path to
      // quarantine with the reason; the migration itself never fails on bad data.
      if (value && typeof value === 'object' && !('reviewed' in value)) {
        const upgraded = VersionRecordV2.safeParse({ ...value, reviewed: false });
        if (upgraded.success) await cursor.update(upgraded.data);
      }
      cursor = await cursor.continue();
    }
  },
  (_db, tx, now) => splitByOrigin(tx, now),
  (db, tx, now) => startChains(db, tx, now),
  (_db, tx) => analysesAsCodes(tx),
  async (db) => {
    db.createObjectStore(STORES.summaries, { keyPath: 'site' }).createIndex(INDEX_SUMMARY_BY_ALERT, 'alert');
  },
  (db, tx) => owedAndFiled(db, tx),
];

export const CURRENT_VERSION = migrations.length;

/** [policyId, *]: every chunk or block of one policy. */
function piecesOf(policyId: string): IDBKeyRange {
  return IDBKeyRange.bound([policyId], [policyId, []]);
}

/** The origin of an http(s) address on `site`, or null. */
function originOn(url: unknown, site: string): string | null {
  if (typeof url !== 'string') return null;
  try {
    return siteForUrl(url) === site ? originForUrl(url) : null;
  } catch {
    return null;
  }
}

/**
 * Moves a record an upgrade cannot carry forward to the quarantine, as the read path does with one that
 * fails its schema (quarantine.ts): the raw value exactly as found, its key as JSON, and the reason.
 */
async function quarantineInUpgrade(tx: UpgradeTransaction, store: Exclude<StoreName, 'quarantine'>, key: IDBValidKey, raw: unknown, reason: string, now: number): Promise<void> {
  await tx.objectStore(STORES.quarantine).add(QuarantineEntry.parse({ store, key: JSON.stringify(key), raw, reason, at: now }));
  await tx.objectStore(store).delete(key);
}

/**
 * v2 → v3. For every v2 policy (`kind:site/path`): its valid versions go, oldest first, to the policy
 * `kind:origin/path` of the address each was captured from (the policy record's address when a version's
 * own is unusable). A version whose predecessor is now in another policy loses its stored analysis: it
 * described a change from text that is no longer the version before it (the history page recomputes
 * comparisons on demand). The chunks and blocks each new policy uses are copied to its keys; the old
 * ones are deleted unless something still names them: a version left behind, or a record already in the
 * quarantine, whose text is kept for the day it is repaired.
 *
 * A version left behind is one this upgrade cannot move: damaged (not a valid v2 record), or valid with
 * neither its own address nor its policy's on the site (no origin to file it under). It goes to the
 * quarantine here, with its raw value and the reason, rather than staying in `versions` under its v2
 * policy id: no v3 read asks for that id (a policy is listed and read by its origin), so the read path
 * would find it only through a read of every version, and a valid one never (it stayed a version that
 * no list shows). The chunks and blocks it names stay at their old keys, where its raw value names them,
 * and are not deleted, a damaged chunk's included: it names its paragraphs as much as a valid one does
 * (before, only a valid chunk's blocks were kept, so the paragraphs of a damaged version whose chunk was
 * damaged too were deleted by the upgrade). Freeing space keeps whatever a quarantined version or chunk
 * names (prune.ts). A damaged chunk or block kept at an old key goes to the quarantine as well: nothing
 * reads an old key again, so the read path never would.
 */
async function splitByOrigin(tx: UpgradeTransaction, now: number): Promise<void> {
  const policies = tx.objectStore(STORES.policies);
  const versions = tx.objectStore(STORES.versions);
  const chunks = tx.objectStore(STORES.chunks);
  const blocks = tx.objectStore(STORES.blocks);
  const [rawPolicies, rawVersions, rawQuarantine] = (await Promise.all([
    policies.getAll(),
    versions.getAll(),
    tx.objectStore(STORES.quarantine).getAll(),
  ])) as [unknown[], unknown[], unknown[]];

  const oldIds = new Set<string>();
  const recordOf = new Map<string, ReturnType<typeof PolicyRecordV2.parse>>();
  for (const raw of rawPolicies) {
    const p = PolicyRecordV2.safeParse(raw);
    if (p.success) recordOf.set(p.data.policyId, p.data);
    const id = (raw as { policyId?: unknown } | null)?.policyId;
    if (typeof id === 'string') oldIds.add(id);
  }
  const byOldId = new Map<string, unknown[]>();
  for (const raw of rawVersions) {
    const id = (raw as { policyId?: unknown } | null)?.policyId;
    if (typeof id !== 'string') continue;
    oldIds.add(id);
    byOldId.set(id, [...(byOldId.get(id) ?? []), raw]);
  }

  for (const oldId of oldIds) {
    const m = /^([a-z-]+):([^/]+)(\/.*)$/.exec(oldId);
    const kind = PolicyKind.safeParse(m?.[1]);
    if (!m || !kind.success) continue;
    const site = m[2]!;
    const path = m[3]!;
    const record = recordOf.get(oldId);
    const fallbackOrigin = originOn(record?.url, site);

    const valid: ReturnType<typeof VersionRecordV2.parse>[] = [];
    const leftBehind: { raw: unknown; reason: string }[] = [];
    for (const raw of byOldId.get(oldId) ?? []) {
      const v = VersionRecordV2.safeParse(raw);
      if (v.success && (originOn(v.data.url, site) ?? fallbackOrigin)) valid.push(v.data);
      else {
        const why = v.success ? `neither its address nor its policy's is a web address on ${site}` : describeIssues(v.error);
        leftBehind.push({ raw, reason: `not upgraded to schema v3 (one policy per origin): ${why}` });
      }
    }
    valid.sort(versionOrder);
    const previousOf = new Map(valid.map((v, i) => [v.versionId, valid[i - 1]?.versionId]));
    const groups = new Map<string, { origin: string; versions: typeof valid }>();
    for (const v of valid) {
      const origin = (originOn(v.url, site) ?? fallbackOrigin)!;
      const id = policyIdFor(kind.data, origin, path);
      const group = groups.get(id) ?? { origin, versions: [] };
      group.versions.push(v);
      groups.set(id, group);
    }

    const [oldChunks, oldBlocks] = (await Promise.all([chunks.getAll(piecesOf(oldId)), blocks.getAll(piecesOf(oldId))])) as [unknown[], unknown[]];
    const chunkByKey = new Map<string, ReturnType<typeof ChunkRecord.parse>>();
    // A damaged chunk moves as it is, with the text it names: the read path quarantines it with its reason,
    // and its paragraphs stay to repair it from (the upgrade deleted both).
    const damagedByKey = new Map<string, { raw: Record<string, unknown>; blocks: string[]; reason: string }>();
    for (const raw of oldChunks) {
      const c = ChunkRecord.safeParse(raw);
      if (c.success) chunkByKey.set(c.data.key, c.data);
      else {
        const loose = (raw ?? {}) as Record<string, unknown>;
        const named = Array.isArray(loose.blocks) ? loose.blocks.filter((b): b is string => typeof b === 'string') : [];
        if (typeof loose.key === 'string') damagedByKey.set(loose.key, { raw: loose, blocks: named, reason: describeIssues(c.error) });
      }
    }
    const blockByKey = new Map<string, Record<string, unknown>>();
    for (const raw of oldBlocks) {
      const key = (raw as { key?: unknown } | null)?.key;
      if (typeof key === 'string') blockByKey.set(key, raw as Record<string, unknown>);
    }

    for (const [newId, { origin, versions: list }] of groups) {
      const usedChunks = new Set(list.flatMap((v) => v.chunks));
      const usedBlocks = new Set<string>();
      for (const key of usedChunks) {
        const chunk = chunkByKey.get(key);
        const damaged = damagedByKey.get(key);
        if (chunk) {
          await chunks.put({ ...chunk, policyId: newId });
          for (const b of chunk.blocks) usedBlocks.add(b);
        } else if (damaged) {
          await chunks.put({ ...damaged.raw, policyId: newId });
          for (const b of damaged.blocks) usedBlocks.add(b);
        }
      }
      for (const key of usedBlocks) {
        const block = blockByKey.get(key);
        if (block) await blocks.put({ ...block, policyId: newId });
      }
      for (const [i, v] of list.entries()) {
        const keepsAnalysis = previousOf.get(v.versionId) === list[i - 1]?.versionId;
        await versions.put({ ...v, policyId: newId, analysis: keepsAnalysis ? v.analysis : null });
      }
      const latest = list[list.length - 1]!;
      const url = record && originOn(record.url, site) === origin ? record.url : latest.url;
      const migrated = PolicyRecord.safeParse({
        policyId: newId,
        site,
        kind: kind.data,
        origin,
        path,
        url,
        title: latest.title,
        firstSeen: list[0]!.firstSeen,
        lastSeen: list.reduce((t, v) => Math.max(t, v.lastSeen), -Infinity),
      });
      if (migrated.success) await policies.put(migrated.data);
    }
    if (groups.size === 0 && record && fallbackOrigin) {
      // A policy whose versions are all gone (quarantined): its record follows its own address.
      await policies.put({ ...record, origin: fallbackOrigin, policyId: policyIdFor(kind.data, fallbackOrigin, path) });
    }

    // Old pieces still named by a version left behind or by a quarantined record stay where they are.
    const keepChunks = new Set<string>();
    const keepBlocks = new Set<string>();
    const named = (raw: unknown) => raw as { versionId?: unknown; policyId?: unknown; chunks?: unknown; blocks?: unknown } | null;
    for (const { raw } of leftBehind) for (const k of Array.isArray(named(raw)?.chunks) ? (named(raw)!.chunks as unknown[]) : []) keepChunks.add(String(k));
    for (const entry of rawQuarantine) {
      const q = entry as { store?: unknown; raw?: unknown } | null;
      const r = named(q?.raw);
      if (r?.policyId !== oldId) continue;
      if (q?.store === STORES.versions && Array.isArray(r.chunks)) for (const k of r.chunks) keepChunks.add(String(k));
      if (q?.store === STORES.chunks && Array.isArray(r.blocks)) for (const k of r.blocks) keepBlocks.add(String(k));
    }
    // A damaged chunk's paragraphs too: what it names is what is left to repair it from.
    for (const key of keepChunks) for (const b of chunkByKey.get(key)?.blocks ?? damagedByKey.get(key)?.blocks ?? []) keepBlocks.add(b);
    for (const raw of oldChunks) {
      const key = (raw as { key?: unknown } | null)?.key;
      if (typeof key === 'string' && !keepChunks.has(key)) await chunks.delete([oldId, key]);
    }
    for (const key of blockByKey.keys()) if (!keepBlocks.has(key)) await blocks.delete([oldId, key]);
    // What stays behind goes to the quarantine (see above): the versions, and the damaged pieces kept for them.
    for (const { raw, reason } of leftBehind) await quarantineInUpgrade(tx, STORES.versions, named(raw)!.versionId as IDBValidKey, raw, reason, now);
    for (const key of keepChunks) {
      const damaged = damagedByKey.get(key);
      if (damaged) await quarantineInUpgrade(tx, STORES.chunks, [oldId, key], damaged.raw, damaged.reason, now);
    }
    for (const key of keepBlocks) {
      const raw = blockByKey.get(key);
      const block = BlockRecord.safeParse(raw);
      if (raw && !block.success) await quarantineInUpgrade(tx, STORES.blocks, [oldId, key], raw, describeIssues(block.error), now);
    }
    // Versions left behind are listed through their own records (or quarantined); the old policy record is done.
    if (groups.size > 0 || (record && fallbackOrigin)) await policies.delete(oldId);
  }
}

/**
 * v3 → v4. Creates the raw, captures and meta stores and the re-extraction index, and starts each
 * policy's chain: every valid version, oldest first, gets extractorVersion 0 and no raw capture, and a
 * `legacy` entry with the SHA-256 of its text as stored now (assembled here from its chunks and blocks;
 * hashing is synchronous, so the upgrade transaction stays open). An invalid version is left as it is
 * for the read path to quarantine, as before.
 */
async function startChains(db: Database, tx: UpgradeTransaction, now: number): Promise<void> {
  db.createObjectStore(STORES.raw, { keyPath: 'sha256' });
  db.createObjectStore(STORES.captures, { keyPath: ['policyId', 'seq'] });
  db.createObjectStore(STORES.meta, { keyPath: 'key' });
  const versions = tx.objectStore(STORES.versions);
  versions.createIndex(INDEX_VERSION_BY_CHECKED, 'checkedBy');
  const chunks = tx.objectStore(STORES.chunks);
  const blocks = tx.objectStore(STORES.blocks);
  const captures = tx.objectStore(STORES.captures);

  const byPolicy = new Map<string, ReturnType<typeof VersionRecordV2.parse>[]>();
  for (const raw of (await versions.getAll()) as unknown[]) {
    const v = VersionRecordV2.safeParse(raw);
    if (!v.success) continue;
    byPolicy.set(v.data.policyId, [...(byPolicy.get(v.data.policyId) ?? []), v.data]);
  }
  const recordedAt = new Date(now).toISOString();
  for (const [policyId, list] of byPolicy) {
    list.sort(versionOrder);
    const [rawChunks, rawBlocks] = (await Promise.all([chunks.getAll(piecesOf(policyId)), blocks.getAll(piecesOf(policyId))])) as [unknown[], unknown[]];
    const chunkByKey = new Map<string, string[]>();
    for (const raw of rawChunks) {
      const c = ChunkRecord.safeParse(raw);
      if (c.success) chunkByKey.set(c.data.key, c.data.blocks);
    }
    const blockByKey = new Map<string, Block>();
    for (const raw of rawBlocks) {
      const r = raw as { key?: unknown; block?: unknown } | null;
      const b = Block.safeParse(r?.block);
      if (typeof r?.key === 'string' && b.success) blockByKey.set(r.key, b.data);
    }
    let previous: ChainEntry | undefined;
    for (const v of list) {
      // The text as the store assembles it now (a paragraph already lost stays lost, here as on read).
      const text = v.chunks.flatMap((c) => chunkByKey.get(c) ?? []).flatMap((k) => blockByKey.get(k) ?? []);
      const entry = nextEntry(previous, {
        policyId,
        kind: 'legacy',
        versionId: v.versionId,
        url: v.url,
        source: 'unknown',
        capturedAt: new Date(v.firstSeen).toISOString(),
        recordedAt,
        extractorVersion: 0,
        rawSha256: null,
        textSha256: textSha256({ title: v.title, statedDate: v.statedDate, blocks: text }),
      });
      await captures.put(entry);
      await versions.put(VersionRecordV4.parse({ ...v, extractorVersion: 0, rawSha256: null }));
      previous = entry;
    }
  }
}

export const DEFAULT_NAME = 'clausewatch';

/**
 * Opens (creating or upgrading as needed) the database at `version`; tests pass 1 to build a v1 fixture.
 * `clock` dates what a migration records (the v4 chain entries).
 */
export async function openDatabase(factory: IDBFactory, name: string, version: number = CURRENT_VERSION, clock: () => number = () => Date.now()): Promise<Database> {
  if (typeof IDBRequest === 'undefined') {
    throw new StoreError(
      'unavailable',
      'IndexedDB is not available here. In Node, import "fake-indexeddb/auto" before opening the store.',
    );
  }
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(name, version);
  } catch (error) {
    throw new StoreError('unavailable', `Could not open the history database: ${String(error)}`, { cause: error });
  }
  let migrationError: unknown;
  /** The upgrade's transaction: a full disk found as it commits is its error, the open request's an AbortError. */
  let upgrade: IDBTransaction | null = null;
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as Database;
    upgrade = request.transaction;
    const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
    // A failed upgrade aborts this transaction; the open request reports it (below), so the wrapper's own
    // promise of its end must not reject unheard.
    tx.done.catch(() => undefined);
    const from = event.oldVersion;
    const to = event.newVersion ?? version;
    void (async () => {
      for (let v = from; v < to; v++) {
        const migrate = migrations[v];
        if (!migrate) throw new Error(`no migration from schema version ${v}`);
        await migrate(db, tx, clock());
      }
    })().catch((error: unknown) => {
      migrationError = error;
      try {
        tx.abort();
      } catch {
        // Already finished or aborted: the open request reports the failure.
      }
    });
  });
  let db: Database;
  try {
    db = (await wrap(request)) as Database;
  } catch (error) {
    const cause = migrationError ?? error;
    if (error && typeof error === 'object' && 'name' in error && error.name === 'VersionError') {
      throw new StoreError(
        'unavailable',
        'The history database was written by a newer version of Clausewatch. Update the extension to read it.',
        { cause },
      );
    }
    // A full disk during an upgrade (every version is rewritten) is a full disk: the user is told so, and
    // the upgrade, rolled back whole, runs again once there is room.
    const upgradeError = (upgrade as IDBTransaction | null)?.error;
    if (isQuotaError(cause) || isQuotaError(error) || isQuotaError(upgradeError)) {
      const quota = isQuotaError(cause) ? cause : isQuotaError(error) ? error : upgradeError;
      throw new StoreError('quota', `Could not upgrade the history database: the storage is full (${String(quota)})`, { cause: quota });
    }
    throw new StoreError('unavailable', `Could not open the history database: ${String(cause)}`, { cause });
  }
  // An updated extension opening a newer schema must not wait on a page that still holds the old one.
  db.addEventListener('versionchange', () => db.close());
  return db;
}

/**
 * v5: every analysis stored with English words (schema 1) becomes codes (schema 2). Synchronous work
 * between IndexedDB requests only, as an upgrade must be; a record whose analysis is not a valid
 * schema-1 one is left as it is, for the read path to quarantine with the reason.
 */
async function analysesAsCodes(tx: UpgradeTransaction): Promise<void> {
  let cursor = await tx.objectStore(STORES.versions).openCursor();
  while (cursor) {
    const value: unknown = cursor.value;
    const analysis = value && typeof value === 'object' ? (value as { analysis?: unknown }).analysis : undefined;
    const old = ChangeAnalysisV1.safeParse(analysis);
    if (old.success) await cursor.update({ ...(value as object), analysis: upgradeAnalysis(old.data) });
    cursor = await cursor.continue();
  }
}

/**
 * v6 → v7. Creates `summaryOwed` and `sitePolicies`. Files every policy under the site its id names: the ids
 * of the policy records, and those the versions name (keys only, one step per policy, as the versions' index
 * is ordered by policy), so a policy whose own record was lost is still found from its site. A key that
 * names no web address is filed nowhere, as the read path lists no such policy. Then marks every summary
 * owed (EVERY_SITE): the previous release kept no marks and rebuilt every summary on every opening, so a
 * summary a worker stopped before refreshing is put right by the first opening after the upgrade, once.
 */
async function owedAndFiled(db: Database, tx: UpgradeTransaction): Promise<void> {
  db.createObjectStore(STORES.summaryOwed, { keyPath: 'site' });
  db.createObjectStore(STORES.sitePolicies, { keyPath: ['site', 'policyId'] });
  const ids = new Set<string>();
  for (const key of await tx.objectStore(STORES.policies).getAllKeys()) if (typeof key === 'string') ids.add(key);
  let cursor = await tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_POLICY).openKeyCursor();
  while (cursor) {
    const [policyId, at] = Array.isArray(cursor.key) ? (cursor.key as unknown[]) : [];
    if (typeof policyId === 'string') ids.add(policyId);
    // Past the policy's other versions where the key allows it; a damaged key (a time that is not a finite
    // number sorts where that step would not move) is stepped past one at a time.
    const past = typeof policyId === 'string' && typeof at === 'number' && at < Infinity;
    cursor = await (past ? cursor.continue([policyId, Infinity]) : cursor.continue());
  }
  const filed = tx.objectStore(STORES.sitePolicies);
  for (const policyId of ids) {
    const site = siteOfPolicyId(policyId);
    if (site) await filed.put(SitePolicyRecord.parse({ site, policyId }));
  }
  await tx.objectStore(STORES.summaryOwed).put(SummaryOwedRecord.parse({ site: EVERY_SITE }));
}
