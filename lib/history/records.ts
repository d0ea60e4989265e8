/**
 * Validation of records coming out of the database, and the quarantine that takes the ones that fail.
 */
import type { z } from 'zod';
import { STORES, type StoreName } from './db';
import { describeIssues } from './errors';
import { BlockRecord, CaptureRecord, ChunkRecord, PolicyRecord, RawRecord, ReextractionProgress, SitePolicyRecord, SiteRecord, SiteStateRecord, SummaryOwedRecord, VersionRecord } from './schema';

export const SCHEMAS: Record<Exclude<StoreName, 'quarantine'>, z.ZodType> = {
  [STORES.sites]: SiteRecord,
  [STORES.policies]: PolicyRecord,
  [STORES.versions]: VersionRecord,
  [STORES.chunks]: ChunkRecord,
  [STORES.blocks]: BlockRecord,
  [STORES.raw]: RawRecord,
  [STORES.captures]: CaptureRecord,
  [STORES.meta]: ReextractionProgress,
  [STORES.summaries]: SiteStateRecord,
  [STORES.summaryOwed]: SummaryOwedRecord,
  [STORES.sitePolicies]: SitePolicyRecord,
};

/**
 * A record that failed validation. `replaced`: the raw record, where the write that read it put a valid
 * one in its place (write.ts upsertPolicyAndSite): the quarantine keeps that raw record all the same.
 */
export type Bad = { store: Exclude<StoreName, 'quarantine'>; key: IDBValidKey; reason: string; replaced?: unknown };

// In errors.ts, which the upgrade (db.ts) can import without a cycle: this file needs db.ts's STORES.
export { describeIssues } from './errors';

/** Parsed record, or undefined with the failure noted in `bad` for the caller to quarantine. */
export function check<T>(
  schema: z.ZodType<T>,
  store: Exclude<StoreName, 'quarantine'>,
  key: IDBValidKey,
  raw: unknown,
  bad: Bad[],
): T | undefined {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  bad.push({ store, key, reason: describeIssues(parsed.error) });
  return undefined;
}

/**
 * The primary key of a record as read, from its key path: IndexedDB only stores a record whose key path
 * yields a valid key, so this works for records that fail validation too, and saves a getAllKeys request.
 */
export function primaryKeyOf(store: Exclude<StoreName, 'quarantine'>, raw: unknown): IDBValidKey {
  const r = (raw ?? {}) as Record<string, IDBValidKey>;
  switch (store) {
    case STORES.sites:
    case STORES.summaries:
    case STORES.summaryOwed:
      return r.site!;
    case STORES.sitePolicies:
      return [r.site!, r.policyId!];
    case STORES.policies:
      return r.policyId!;
    case STORES.versions:
      return r.versionId!;
    case STORES.raw:
      return r.sha256!;
    case STORES.captures:
      return [r.policyId!, r.seq!];
    case STORES.meta:
      return r.key!;
    default:
      return [r.policyId!, r.key!];
  }
}
