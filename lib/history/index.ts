/**
 * The policy history store: every version of every policy the user has seen, in IndexedDB. See store.ts
 * for the design and db.ts for the schema versions; everything callers need is exported here.
 *
 * Use (the IDBFactory is passed in because lib/ touches no browser global):
 *   const store = await openPolicyStore({ idb: indexedDB });            // background and extension pages
 *   const store = await openPolicyStore({ idb: new IDBFactory() });     // Node, after 'fake-indexeddb/auto'
 *   const outcome = await store.savePolicyVersion({ url, document, kind, analyze: analyzeChange });
 *   // outcome.status: 'first' | 'unchanged' | 'changed'; outcome.analysis for a change
 *   // with `raw: { html, source }` and `extractorVersion`, the page is kept and chained (lib/history/evidence)
 * Errors are StoreError with a `code` and a message meant for the user. On code 'quota' show the
 * message, and offer `prune()` (the options page shows `usage()`); the failed save wrote nothing and
 * can be repeated as it is.
 */
export { openPolicyStore, saveWithQuotaRecovery } from './store';
export type { PolicyStore, OpenOptions, SaveInput, SaveResult, AnalyzeFn, ExtractFn, PruneResult, ReextractOutcome } from './store';
export { reextractAll, reextractStep, REEXTRACT_PER_STEP } from './reextract';
export { owesAnalysis } from './backfill';
export { MAX_CHANGES_PER_SITE_PER_DAY, MAX_POLICIES_PER_SITE } from './save';
export type { StepResult } from './reextract';
export { StoreError, isQuotaError, addRemoved, NOTHING_REMOVED, removedAnything } from './errors';
export type { StoreErrorCode, Removed } from './errors';
export { siteForUrl, normalizePolicyPath, originForUrl, parsePolicyId, policyIdFor, policyKeyFor, samePolicyAddress } from './site';
export type { PolicyKey } from './site';
export { CURRENT_VERSION, DEFAULT_NAME, migrations, openDatabase, STORES } from './db';
export {
  BlockRecord,
  ChunkRecord,
  ContentHash,
  Counts,
  ExportFile,
  ExportPolicy,
  ExportSite,
  ExportVersion,
  PolicyKind,
  PolicyRecord,
  PolicyRecordV2,
  QuarantineEntry,
  SiteRecord,
  SiteStateRecord,
  PendingPolicy,
  StorageKey,
  Timestamp,
  VersionMeta,
  VersionRecord,
  VersionRecordV1,
  VersionRecordV2,
} from './schema';
export type { ChainStatus, ImportResult, PolicySummary, SaveOutcome, SiteSummary, StoredVersion, Usage } from './schema';
export { CaptureRecord, RawRecord, ReextractionProgress, VersionRecordV4 } from './schema';
export { prepareDocument, sha256Hex } from './hash';
export { packHistory, readHistoryFile, PackedHistoryFile } from './history-file';
