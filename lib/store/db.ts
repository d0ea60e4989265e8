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
 * A new version appends one function to `migrations`; each one upgrades from its index to index + 1 and
 * must only await IndexedDB requests, because the upgrade transaction ends at the first other await.
 */
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { StoreError } from './errors';
import { VersionRecordV2 } from './schema';

export const STORES = {
  sites: 'sites',
  policies: 'policies',
  versions: 'versions',
  chunks: 'chunks',
  blocks: 'blocks',
  quarantine: 'quarantine',
} as const;
export type StoreName = (typeof STORES)[keyof typeof STORES];
export const ALL_STORES: StoreName[] = Object.values(STORES);

export const INDEX_POLICY_BY_SITE = 'bySite';
/** [policyId, firstSeen]: a policy's versions in the order they appeared. */
export const INDEX_VERSION_BY_POLICY = 'byPolicy';

export type Database = IDBPDatabase<unknown>;
type UpgradeTransaction = IDBPTransaction<unknown, StoreName[], 'versionchange'>;
export type Migration = (db: Database, tx: UpgradeTransaction) => Promise<void>;

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
];

export const CURRENT_VERSION = migrations.length;

export const DEFAULT_NAME = 'clausewatch';

/** Opens (creating or upgrading as needed) the database at `version`; tests pass 1 to build a v1 fixture. */
export async function openDatabase(factory: IDBFactory, name: string, version: number = CURRENT_VERSION): Promise<Database> {
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
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result) as Database;
    const tx = wrap(request.transaction!) as unknown as UpgradeTransaction;
    const from = event.oldVersion;
    const to = event.newVersion ?? version;
    void (async () => {
      for (let v = from; v < to; v++) {
        const migrate = migrations[v];
        if (!migrate) throw new Error(`no migration from schema version ${v}`);
        await migrate(db, tx);
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
    throw new StoreError('unavailable', `Could not open the history database: ${String(cause)}`, { cause });
  }
  // An updated extension opening a newer schema must not wait on a page that still holds the old one.
  db.addEventListener('versionchange', () => db.close());
  return db;
}
