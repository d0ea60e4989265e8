/**
 * What every part of the store shares: the open connection and its state (a small context object that
 * openPolicyStore makes once and passes to each part), transactions, the checked write, the mark of a
 * summary owed, and the key ranges of one policy's records and of one site's.
 */
import type { IDBPTransaction } from 'idb';
import { EVERY_SITE, STORES, type Database, type StoreName } from './db';
import { StoreError, toStoreError } from './errors';
import { SCHEMAS, describeIssues } from './records';

export type StoreContext = {
  db: Database;
  clock: () => number;
  /** By policy id, the save last queued through this connection, settled either way (save.ts `oneAtATime`). */
  saving: Map<string, Promise<unknown>>;
};

export type AnyTx = IDBPTransaction<unknown, StoreName[], IDBTransactionMode>;
export type RwTx = IDBPTransaction<unknown, StoreName[], 'readwrite'>;

/** Opening a transaction throws at once when the connection was closed (extension update). */
export function begin(ctx: StoreContext, stores: StoreName[], mode: 'readonly', what: string): AnyTx;
export function begin(ctx: StoreContext, stores: StoreName[], mode: 'readwrite', what: string): RwTx;
export function begin(ctx: StoreContext, stores: StoreName[], mode: IDBTransactionMode, what: string): AnyTx {
  let tx: AnyTx;
  try {
    tx = ctx.db.transaction(stores, mode) as AnyTx;
  } catch (error) {
    throw toStoreError(error, what);
  }
  // Callers that abort do not always await `done`; its rejection then is expected, not unhandled.
  tx.done.catch(() => undefined);
  return tx;
}

export function abortQuietly(tx: AnyTx): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

/** Put that validates first: a record that would not survive a read is never written. */
export function putChecked(tx: RwTx, store: Exclude<StoreName, 'quarantine'>, value: unknown): Promise<IDBValidKey> {
  const parsed = SCHEMAS[store].safeParse(value);
  if (!parsed.success) {
    throw new StoreError('corrupt', `Refused to write an invalid ${store} record: ${describeIssues(parsed.error)}`);
  }
  const request = tx.objectStore(store).put(parsed.data);
  // Awaited later with the other writes; if the transaction aborts first, the rejection is expected.
  request.catch(() => undefined);
  return request;
}

/**
 * Marks the summaries of `sites` owed (EVERY_SITE: every one), in the transaction of the write that makes
 * them stale: the refresh that follows the write clears the mark, and if it never runs (a worker stopped in
 * between) the next opening of the store does it (summaries.ts refreshOwed). Queued on `writes`.
 */
export function oweSummaries(tx: RwTx, sites: Iterable<string | undefined>, writes: Promise<unknown>[]): void {
  for (const site of new Set(sites)) writes.push(putChecked(tx, STORES.summaryOwed, { site: site ?? EVERY_SITE }));
}

/** All [site, policyId] keys of one site (sitePolicies). */
export function siteRange(site: string): IDBKeyRange {
  return keysUnder(site);
}

export function policyRange(policyId: string): IDBKeyRange {
  return IDBKeyRange.bound([policyId, -Infinity], [policyId, Infinity]);
}

/** All [policyId, key] keys of one policy: arrays sort after strings, so [policyId, []] bounds them. */
export function piecesRange(policyId: string): IDBKeyRange {
  return keysUnder(policyId);
}

/** Every [first, …] key: arrays sort after strings, so [first, []] bounds them. */
function keysUnder(first: string): IDBKeyRange {
  return IDBKeyRange.bound([first], [first, []]);
}

export function pieceId(policyId: string, key: string): string {
  return `${policyId}\u0000${key}`;
}

export function pieceKeyOf(key: IDBValidKey): string {
  return Array.isArray(key) ? String(key[1]) : '';
}
