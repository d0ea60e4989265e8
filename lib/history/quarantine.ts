/**
 * The quarantine: every record read is parsed (records.ts `check`), and one that fails is moved here,
 * with its raw value and the reason, so the read goes on without it. Reads and failed writes end here.
 */
import { STORES, type StoreName } from './db';
import { toStoreError, type StoreError } from './errors';
import { SCHEMAS, type Bad } from './records';
import { QuarantineEntry } from './schema';
import { abortQuietly, begin, oweSummaries, type AnyTx, type RwTx, type StoreContext } from './context';
import { siteOfPolicyId } from './site';

/** Moves records that failed validation aside. Best effort: a failure here must not break the read. */
export async function quarantine(ctx: StoreContext, bad: Bad[]): Promise<void> {
  if (bad.length === 0) return;
  const seen = new Set<string>();
  const unique = bad.filter((b) => {
    const id = `${b.store}\u0000${JSON.stringify(b.key)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const stores = [...new Set(unique.map((b) => b.store))];
  let tx: RwTx | undefined;
  try {
    tx = begin(ctx, [...new Set([...stores, STORES.quarantine, STORES.summaryOwed])], 'readwrite', 'quarantine invalid records');
    const owed: Promise<unknown>[] = [];
    for (const b of unique) {
      const raw: unknown = await tx.objectStore(b.store).get(b.key);
      if (raw === undefined || SCHEMAS[b.store].safeParse(raw).success) {
        // Replaced by a valid record in the write that read it: the damaged one is kept here, nothing deleted.
        if (b.replaced !== undefined && raw !== undefined) {
          await tx.objectStore(STORES.quarantine).add(QuarantineEntry.parse({ store: b.store, key: JSON.stringify(b.key), raw: b.replaced, reason: `${b.reason} (replaced by a valid record)`, at: ctx.clock() }));
        }
        continue;
      }
      const entry = QuarantineEntry.parse({ store: b.store, key: JSON.stringify(b.key), raw, reason: b.reason, at: ctx.clock() });
      await tx.objectStore(STORES.quarantine).add(entry);
      await tx.objectStore(b.store).delete(b.key);
      oweSummaries(tx, summariesOf(b.store, b.key, raw), owed);
    }
    await Promise.all(owed);
    await tx.done;
  } catch (error) {
    if (tx) abortQuietly(tx);
    console.warn('[Clausewatch] could not quarantine invalid records', error);
  }
}

/**
 * The summaries a record taken out of the store may have counted (undefined: a site that cannot be told,
 * so every one): a version's or a policy's site, or the summary's own. The summary was made when the record
 * still read (the damage came later, from outside the store), and the store no longer rebuilds every
 * summary on opening: the mark has it refreshed.
 */
function summariesOf(store: Bad['store'], key: IDBValidKey, raw: unknown): (string | undefined)[] {
  const loose = (raw ?? {}) as { policyId?: unknown; site?: unknown };
  const ofPolicy = (id: unknown) => (typeof id === 'string' ? siteOfPolicyId(id) : undefined);
  switch (store) {
    case STORES.versions:
      return [ofPolicy(loose.policyId)];
    case STORES.policies: {
      // Listed under the site its record names, or else the one its id names.
      const sites = [typeof loose.site === 'string' && loose.site.length > 0 ? loose.site : undefined, ofPolicy(key)].filter((s) => s !== undefined);
      return sites.length > 0 ? sites : [undefined];
    }
    case STORES.summaries:
      return typeof key === 'string' ? [key] : [];
    // A damaged mark cannot say which site it owed: every summary is refreshed.
    case STORES.summaryOwed:
      return [undefined];
    // A policy's filing under its site: that site's summary.
    case STORES.sitePolicies:
      return Array.isArray(key) && typeof key[0] === 'string' ? [key[0]] : [undefined];
    default:
      return [];
  }
}

/** Runs a read, then quarantines whatever it found invalid. */
export async function reading<T>(ctx: StoreContext, what: string, stores: StoreName[], body: (tx: AnyTx, bad: Bad[]) => Promise<T>): Promise<T> {
  const bad: Bad[] = [];
  let result: T;
  const tx = begin(ctx, stores, 'readonly', what);
  try {
    result = await body(tx, bad);
    await tx.done;
  } catch (error) {
    abortQuietly(tx);
    throw toStoreError(error, what, tx.error);
  }
  await quarantine(ctx, bad);
  return result;
}

/**
 * Ends a write that failed: aborts it, waits for it to settle, quarantines what it read invalid, and
 * returns the StoreError for the caller to throw (or to report).
 */
export async function failedWrite(ctx: StoreContext, tx: AnyTx, error: unknown, what: string, bad: Bad[] = []): Promise<StoreError> {
  abortQuietly(tx);
  await tx.done.catch(() => undefined);
  await quarantine(ctx, bad);
  return toStoreError(error, what, tx.error);
}

export async function listQuarantine(ctx: StoreContext): Promise<QuarantineEntry[]> {
  const values = await reading(ctx, 'list quarantined records', [STORES.quarantine], async (tx) => (await tx.objectStore(STORES.quarantine).getAll()) as unknown[]);
  return values.flatMap((raw) => {
    const entry = QuarantineEntry.safeParse(raw);
    return entry.success ? [entry.data] : [];
  });
}
