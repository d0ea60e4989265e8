/**
 * The history of every policy the user has seen, in IndexedDB.
 *
 * Layout: a site has policies; a policy has versions; a version lists chunk keys; a chunk lists block
 * keys; a block holds one paragraph, heading or list item. Chunks and blocks are content-addressed and
 * shared by every version of the policy that contains them, so a new version of a long policy costs its
 * metadata plus the chunks and blocks that actually changed. They are keyed [policyId, key] so that a
 * version is read with a few range requests, not one request per paragraph (a browser's IndexedDB
 * charges about a tenth of a millisecond per request); the price is that two policies containing the
 * same paragraph store it twice.
 *
 * Safety rules followed throughout:
 *  - everything asynchronous that is not IndexedDB (hashing, the change analysis) happens outside
 *    transactions, so a transaction never auto-commits half-way;
 *  - a save is checked and written in one readwrite transaction, against the latest version it read
 *    before (optimistic: if another tab saved in between, it starts over), so two tabs saving the same
 *    policy give one version, and a save cut short writes nothing and can simply be repeated;
 *  - saves of one policy through one connection wait for each other, and a save that lost the race to
 *    another connection starts over after a growing, jittered pause, so simultaneous captures all land;
 *  - every record read is parsed; one that fails is moved to the quarantine store and the read goes on.
 *
 * The parts, each a set of functions given the store's context (context.ts: the connection, the clock
 * and the queue of saves; no part keeps state of its own); this file only puts them together:
 *  - context.ts: the context, transactions, the checked write, the mark of a summary owed, a policy's and a
 *    site's key ranges;
 *  - quarantine.ts: checked reads, failed writes, and the quarantine they fill;
 *  - versions.ts: a policy's versions and their texts, assembled from chunks and blocks;
 *  - read.ts: listing sites, policies and versions (one site's from its own records: sitePolicies files each
 *    policy under its site); reading stored versions;
 *  - write.ts: writing a text's chunks and blocks, and a version's policy and site records;
 *  - save.ts: saving a capture; captures.ts: raw captures and re-extraction; chain.ts: the hash chain;
 *  - summaries.ts: per-site summaries (the badge), and those a write left owed; reviewed.ts: marking a change
 *    reviewed;
 *  - prune.ts: usage and pruning; transfer.ts: export and import; read-evidence.ts: verifying and exporting
 *    the evidence record.
 */
import type { EvidencePolicy } from './evidence/export';
import { DEFAULT_NAME, openDatabase, type Database } from './db';
import { addRemoved, NOTHING_REMOVED, removedAnything, StoreError, type Removed } from './errors';
import type {
  ChainStatus,
  ExportFile,
  ImportResult,
  PolicySummary,
  QuarantineEntry,
  ReextractionProgress,
  SiteStateRecord,
  SiteSummary,
  StoredVersion,
  Usage,
  VersionMeta,
} from './schema';
import { siteForUrl } from './site';
import type { StoreContext } from './context';
import { pendingReextraction, readRawCapture, reextractionProgress, reextractVersion, type ExtractFn, type ReextractOutcome } from './captures';
import { evidence, verifyChains } from './read-evidence';
import { prune, usage, type PruneOptions, type PruneResult } from './prune';
import { listQuarantine } from './quarantine';
import { getLatestTwo, getSite, getVersion, listPolicies, listSites, listVersions } from './read';
import { markReviewed } from './reviewed';
import { savePolicyVersion, type AnalyzeFn, type SaveInput, type SaveResult } from './save';
import { analyzeMissing } from './backfill';
import { alertSites, refreshOwed, siteState, summariesAfter } from './summaries';
import { exportAll, importAll } from './transfer';

export type { AnalyzeFn, SaveInput, SaveResult } from './save';
export type { ExtractFn, ReextractOutcome } from './captures';
export type { PruneResult } from './prune';

export interface PolicyStore {
  savePolicyVersion(input: SaveInput): Promise<SaveResult>;
  listSites(): Promise<SiteSummary[]>;
  getSite(site: string): Promise<SiteSummary | undefined>;
  listPolicies(site: string): Promise<PolicySummary[]>;
  listVersions(policyId: string): Promise<VersionMeta[]>;
  getVersion(versionId: string): Promise<StoredVersion | undefined>;
  getLatestTwo(policyId: string): Promise<{ latest?: StoredVersion; previous?: StoredVersion }>;
  markReviewed(versionId: string, reviewed?: boolean): Promise<void>;
  siteForUrl(url: string): string;
  usage(): Promise<Usage>;
  prune(options?: PruneOptions): Promise<PruneResult>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  /** The whole history, every version as its whole document; packHistory (history-file.ts) makes the file. */
  exportAll(): Promise<ExportFile>;
  /** A history file of either version (history-file.ts readHistoryFile), or the history exportAll gives. */
  importAll(data: unknown): Promise<ImportResult>;
  /**
   * Analyses, at most `limit` of them, the changes of versions kept without one (backfill.ts), passing over
   * and adding to `skip` those that cannot be analysed; how many it stored and how many are left.
   */
  analyzeMissing(analyze: AnalyzeFn, limit: number, skip?: Set<string>): Promise<{ analysed: number; remaining: number }>;
  /** Versions whose raw capture no extractor as new as `extractorVersion` has read, at most `limit`. */
  pendingReextraction(extractorVersion: number, limit: number): Promise<string[]>;
  /** Re-extracts one version's raw capture; a different text replaces the stored one, never as a change. */
  reextractVersion(versionId: string, extractorVersion: number, extract: ExtractFn, analyze?: AnalyzeFn): Promise<ReextractOutcome>;
  reextractionProgress(): Promise<ReextractionProgress | null>;
  /** A raw capture's page, decompressed, or undefined when it is not (or no longer) kept. */
  readRawCapture(sha256: string): Promise<string | undefined>;
  /** Whether each policy of a site has a chain that verifies against its stored versions and raw captures. */
  verifyChains(site: string): Promise<ChainStatus[]>;
  /** Everything the evidence export holds, for one site or (null) every site. */
  evidence(site: string | null): Promise<EvidencePolicy[]>;
  /** One site's badge state (one small record; null when the site has no history). */
  siteState(site: string): Promise<SiteStateRecord | null>;
  /** Sites with an unreviewed major change (at most `limit`; with `among`, only of these sites). */
  alertSites(limit?: number, among?: readonly string[]): Promise<string[]>;
  close(): void;
}

export type OpenOptions = {
  idb: IDBFactory;
  name?: string;
  clock?: () => number;
};

/** A part's functions with the store's context given: what the store's methods are. */
type WithContext<T> = { [K in keyof T]: T[K] extends (ctx: StoreContext, ...args: infer A) => infer R ? (...args: A) => R : never };

function withContext<T extends Record<string, (ctx: StoreContext, ...args: never[]) => unknown>>(ctx: StoreContext, parts: T): WithContext<T> {
  const entries = Object.entries(parts).map(([name, part]) => [name, (...args: unknown[]) => (part as (ctx: StoreContext, ...args: unknown[]) => unknown)(ctx, ...args)]);
  return Object.fromEntries(entries) as WithContext<T>;
}

export async function openPolicyStore(options: OpenOptions): Promise<PolicyStore> {
  const clock = options.clock ?? (() => Date.now());
  const db: Database = await openDatabase(options.idb, options.name ?? DEFAULT_NAME, undefined, clock);
  const ctx: StoreContext = { db, clock, saving: new Map() };
  // A worker stopped between a write and its summary still ends up right: the write marked the summary owed
  // in its own transaction, and the summaries still owed are rebuilt here (those alone: a background worker
  // opens the store each time it wakes, so this must not cost what the whole history costs).
  await refreshOwed(ctx);

  return {
    ...withContext(ctx, { listSites, getSite, listPolicies, listVersions, getVersion, getLatestTwo, markReviewed, usage, listQuarantine, exportAll }),
    ...withContext(ctx, { pendingReextraction, reextractVersion, reextractionProgress, readRawCapture, verifyChains, evidence, siteState, alertSites }),
    // Saves, prunes and imports bring the site summaries up to date afterwards (a review does so itself).
    async savePolicyVersion(input) {
      const result = await savePolicyVersion(ctx, input);
      if (result.status !== 'unchanged') await summariesAfter(ctx, [result.site]);
      return result;
    },
    async prune(options) {
      const result = await prune(ctx, options);
      if (result.removedVersions > 0) await summariesAfter(ctx, null);
      return result;
    },
    async importAll(data) {
      const result = await importAll(ctx, data);
      if (result.ok) await summariesAfter(ctx, null);
      return result;
    },
    async analyzeMissing(analyze, limit, skip) {
      const { analysed, sites, remaining } = await analyzeMissing(ctx, analyze, limit, skip);
      if (analysed > 0) await summariesAfter(ctx, sites.length > 0 ? sites : null);
      return { analysed, remaining };
    },
    siteForUrl,
    close: () => db.close(),
  };
}

/**
 * Rounds of the last resort: 1, 2, 4, … 32 versions held for review removed, each followed by a retry (and
 * each after the first preceded by an ordinary prune and a retry).
 */
const LAST_RESORT_ROUNDS = 6;

/**
 * The prunes a quota recovery tries, in order, each followed by a retry: an ordinary one, then the last
 * resort's rounds, an ordinary prune before each round after the first (what an ordinary prune may take,
 * the pages of the versions the round before removed among it, goes before more of what awaits review).
 */
const RECOVERY_STEPS: ReadonlyArray<PruneOptions | undefined> = [
  undefined,
  ...Array.from({ length: LAST_RESORT_ROUNDS }, (_, round) => (round === 0 ? [{ removeHeld: 1 }] : [undefined, { removeHeld: 2 ** round }])).flat(),
];

/**
 * A save that, when storage is full, frees space (pruning middle versions, see `prune`) and tries again, so
 * that the newest capture is kept at the cost of the oldest intermediate ones (RECOVERY_STEPS): first an
 * ordinary prune and a retry; while the quota still refuses it, the last resort (`prune` `removeHeld`:
 * versions held for what awaits review), 1, 2, 4, … at a time, each followed by a retry, so no more of them
 * go than the room asks (bounded by rounds, never by time). If the last resort has nothing more to remove,
 * or the last retry fails too, the quota StoreError reaches the caller, with what was removed on the way
 * (`pruned`), to show the user.
 */
export async function saveWithQuotaRecovery(
  store: PolicyStore,
  input: SaveInput,
): Promise<SaveResult & { pruned?: Removed }> {
  try {
    return await store.savePolicyVersion(input);
  } catch (error) {
    if (!isQuota(error)) throw error;
    let freed = NOTHING_REMOVED;
    let last: unknown = error;
    /** Prunes, then tries again when anything was freed: the save's result, or null to go on. */
    const pruneAndRetry = async (options?: PruneOptions): Promise<SaveResult | null | 'nothing freed'> => {
      let r: PruneResult;
      try {
        r = await store.prune(options);
      } catch (pruneError) {
        throw withPruned(pruneError, freed);
      }
      freed = addRemoved(freed, r);
      // Any space freed is worth a retry, text nothing used any more included.
      if (r.bytesAfter >= r.bytesBefore) return 'nothing freed';
      try {
        return await store.savePolicyVersion(input);
      } catch (retryError) {
        if (!isQuota(retryError)) throw withPruned(retryError, freed);
        last = retryError;
        return null;
      }
    };
    for (const step of RECOVERY_STEPS) {
      const saved = await pruneAndRetry(step);
      // The last resort with nothing more to remove: the save cannot be made room for.
      if (saved === 'nothing freed' && step?.removeHeld !== undefined) break;
      // `pruned` tells the user what went: only versions and saved pages are worth telling.
      if (saved !== null && saved !== 'nothing freed') return removedAnything(freed) ? { ...saved, pruned: freed } : saved;
    }
    throw withPruned(last, freed);
  }
}

/** The error, with what the recovery removed before it failed (StoreError `pruned`), when it removed anything. */
function withPruned(error: unknown, freed: Removed): unknown {
  if (error instanceof StoreError && removedAnything(freed)) error.pruned = freed;
  return error;
}

const isQuota = (error: unknown) => error instanceof StoreError && error.code === 'quota';
