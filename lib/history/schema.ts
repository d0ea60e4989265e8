/**
 * Shapes of everything the store keeps or hands out. Every record is parsed with these on write and on
 * read: the database outlives any one version of the extension, and a record that does not match is
 * quarantined rather than allowed to crash a page.
 */
import { z } from 'zod';
import { ChainEntry } from './evidence/chain';
import { AnalysisDigest, Block, Counts, ChangeAnalysis, ChangeAnalysisV1, PolicyDocument, PolicyKind } from '../core/schema';
import { upgradeAnalysis } from '../core/engine/upgrade';
import type { ImportLeftOut, ImportRefusal } from '../core/import-refusal';
import type { RecordProblem } from '../core/record-problem';

/**
 * A stored analysis: schema 2 (codes), or schema 1 (English words, from the first releases) read as
 * schema 2. Migration 4 (db.ts) rewrites schema-1 analyses in place; reading both keeps an export file
 * written by an older release importable.
 */
export const StoredAnalysis = z.union([ChangeAnalysis, ChangeAnalysisV1.transform(upgradeAnalysis)]);

/** Truncated SHA-256 (64 bits) naming a stored block or chunk; see hash.ts for why that is enough. */
export const StorageKey = z.string().regex(/^[A-Za-z0-9_-]{11}$/);
/** Full SHA-256 of a version's content, in hex. */
export const ContentHash = z.string().regex(/^[0-9a-f]{64}$/);
/**
 * The latest time a record may hold: the first moment of the year 9999. Every stored time, and the
 * millisecond after it that a save takes when a clock lags ("strictly after the latest"), can then be written
 * as the hash chain's ISO date with a four-digit year; a record past it (storage damage, a forged history
 * file) is quarantined on read, or refused on import, instead of making an export or an upgrade throw.
 */
export const LATEST_TIME = Date.UTC(9999, 0, 1);
/**
 * The latest time an imported version may have been first seen: a year before LATEST_TIME. Each change
 * saved after a version is first seen at least a millisecond after it (save.ts), so a version first seen at
 * LATEST_TIME would leave no time a record may hold for the next one, and every later change of its policy
 * would be refused as an invalid record, for good. A year leaves room for more changes than a policy makes;
 * a file dated later is refused (transfer.ts importAll). Times a file gives otherwise may reach LATEST_TIME.
 */
export const LATEST_IMPORTED_FIRST_SEEN = Date.UTC(9998, 0, 1);
/** Milliseconds since the epoch, from the injected clock. */
export const Timestamp = z.number().finite().nonnegative().max(LATEST_TIME);

export { PolicyKind } from '../core/schema';

export const SiteRecord = z.object({
  site: z.string().min(1),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
});
export type SiteRecord = z.infer<typeof SiteRecord>;

/** A policy as schema v1 and v2 stored it, identified by site, kind and path. Kept for the migration. */
export const PolicyRecordV2 = z.object({
  policyId: z.string().min(1),
  site: z.string().min(1),
  kind: PolicyKind,
  /** Normalised path, see site.ts. */
  path: z.string().min(1),
  /** The address it was last captured from, as the user would open it. */
  url: z.string(),
  title: z.string(),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
});

/**
 * v3: a policy is identified by kind, origin and path (`policyId` reads `kind:origin/path`), so an http
 * capture or a subdomain's page is never a version of the site's https policy. `site` still groups
 * policies for the badge and the history page.
 */
export const PolicyRecord = z.object({
  policyId: z.string().min(1),
  site: z.string().min(1),
  kind: PolicyKind,
  /** Scheme, host and non-default port, as URL.origin writes it. */
  origin: z.string().regex(/^https?:\/\/[^/]+$/),
  /** Normalised path, see site.ts. */
  path: z.string().min(1).startsWith('/'),
  /** The address it was last captured from, as the user would open it. */
  url: z.string(),
  title: z.string(),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
});
export type PolicyRecord = z.infer<typeof PolicyRecord>;

const Extraction = PolicyDocument.shape.extraction;

/** A version as written by schema v1 (before the review feature). Kept for the migration and its test. */
export const VersionRecordV1 = z.object({
  versionId: z.string().min(1),
  policyId: z.string().min(1),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
  contentHash: ContentHash,
  statedDate: z.string().nullable(),
  url: z.string(),
  title: z.string(),
  language: z.string(),
  extraction: Extraction,
  /** Ordered chunk keys; each chunk lists block keys in order. */
  chunks: z.array(StorageKey),
  blockCount: z.number().int().nonnegative(),
  /** The change from the version before it at capture time; null for a first version or when not analysed. */
  analysis: StoredAnalysis.nullable(),
});
export type VersionRecordV1 = z.infer<typeof VersionRecordV1>;

/** v2 added the review flag. Frozen: a later schema gets its own name, so old migrations keep meaning. */
export const VersionRecordV2 = VersionRecordV1.extend({
  /** The user has looked at this change; reviewed majors no longer count toward the badge. */
  reviewed: z.boolean(),
});

/**
 * v4: a version records which extractor made its text and the raw capture it was made from, and
 * carries the bookkeeping of re-extraction (see lib/history/reextract.ts).
 */
export const VersionRecordV4 = VersionRecordV2.extend({
  /** The extractor that made the stored text (lib/core/page/extract EXTRACTOR_VERSION); 0 = unknown (stored before v4). */
  extractorVersion: z.number().int().nonnegative(),
  /** SHA-256 of the raw capture the text was extracted from; null when none was kept (before v4). */
  rawSha256: ContentHash.nullable(),
  /**
   * The newest extractor that has read this version's raw capture (0: an unnumbered one). Absent when
   * there is no raw capture to read (none kept, or pruned): only versions that can be re-extracted are
   * in its index.
   */
  checkedBy: z.number().int().nonnegative().optional(),
  /** Set when a newer extractor replaced the text: which one made it before, and when. */
  reextracted: z.object({ from: z.number().int().nonnegative(), at: Timestamp, previousContentHash: ContentHash }).optional(),
  /** Why the newest extractor could not read the raw capture; the older text is kept. */
  reextractionFailure: z.string().optional(),
});

/** The version record the current schema (v4) reads and writes. */
export const VersionRecord = VersionRecordV4;
export type VersionRecord = z.infer<typeof VersionRecord>;

/** A raw capture: the page's UTF-8 bytes, gzipped, named by their SHA-256 (so stored once). */
/** A policy of a site with a change the user has not reviewed (lib/core/review.ts: pendingChange). */
export const PendingPolicy = z.object({
  policyId: z.string(),
  baselineVersionId: z.string(),
  latestVersionId: z.string(),
  /** Unreviewed versions after the baseline. */
  versions: z.number().int().positive(),
  /** The two texts compared (their content hashes): a re-extracted text is another change to analyse. */
  textKey: z.string(),
  /** The change's digest when one version is pending (its own analysis); null when several are (the
   * change is then baseline -> latest, which the background analyses once and caches). */
  digest: AnalysisDigest.nullable(),
});
export type PendingPolicy = z.infer<typeof PendingPolicy>;

/**
 * One site's state as the badge needs it, kept up to date by the store on every save, review, prune and
 * import (and, when the store opens, wherever a write left it owed: SummaryOwedRecord), so a badge reads this one small record instead of the
 * history. `alert` (1 when a major change is unreviewed) is indexed, for "other sites have changes".
 */
export const SiteStateRecord = z.object({
  site: z.string().min(1),
  alert: z.union([z.literal(0), z.literal(1)]),
  unreviewedMajor: z.number().int().nonnegative(),
  lastChange: Timestamp.nullable(),
  pending: z.array(PendingPolicy),
});
export type SiteStateRecord = z.infer<typeof SiteStateRecord>;

/**
 * A site whose summary a write made stale (schema v7), written in the write's own transaction and deleted
 * by the refresh that brings the summary up to date: a worker stopped between the two leaves the mark, and
 * the next opening of the store refreshes that site. `site` is EVERY_SITE (summaries.ts) for a write whose
 * sites are not told apart (a prune, an import, the upgrade to v7).
 */
export const SummaryOwedRecord = z.object({
  site: z.string().min(1),
});
export type SummaryOwedRecord = z.infer<typeof SummaryOwedRecord>;

/**
 * A policy filed under its site (schema v7), keyed [site, policyId]: the site is the one its id names
 * (site.ts siteOfPolicyId), so one site's policies are found with one range request, a policy whose own
 * record was lost (listed from its versions) included, without reading any other site's records.
 */
export const SitePolicyRecord = z.object({
  site: z.string().min(1),
  policyId: z.string().min(1),
});
export type SitePolicyRecord = z.infer<typeof SitePolicyRecord>;

export const RawRecord = z.object({
  sha256: ContentHash,
  /** Uncompressed size. */
  bytes: z.number().int().nonnegative(),
  gzip: z.instanceof(Uint8Array),
});
export type RawRecord = z.infer<typeof RawRecord>;

/** An entry of a policy's hash chain (lib/history/evidence/chain.ts), keyed [policyId, seq]. */
export const CaptureRecord = ChainEntry;
export type CaptureRecord = z.infer<typeof CaptureRecord>;

/** Progress of re-extraction, kept so the options page can say where it stands. */
export const ReextractionProgress = z.object({
  key: z.literal('reextraction'),
  /** The extractor the stored captures are being brought up to. */
  extractorVersion: z.number().int().positive(),
  /** Versions whose text it replaced, that it confirmed unchanged, and that it could not read. */
  changedText: z.number().int().nonnegative(),
  sameText: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  updatedAt: Timestamp,
});
export type ReextractionProgress = z.infer<typeof ReextractionProgress>;

/**
 * Chunks and blocks are keyed by [policyId, key]: shared by all versions of a policy, and read for a
 * policy with one range request instead of one request per paragraph.
 */
export const ChunkRecord = z.object({
  policyId: z.string().min(1),
  key: StorageKey,
  blocks: z.array(StorageKey).min(1),
});
export type ChunkRecord = z.infer<typeof ChunkRecord>;

export const BlockRecord = z.object({
  policyId: z.string().min(1),
  key: StorageKey,
  block: Block,
});
export type BlockRecord = z.infer<typeof BlockRecord>;

export const QuarantineEntry = z.object({
  id: z.number().int().optional(),
  /** Object store the record was taken from. */
  store: z.string(),
  /** Its key, as JSON. */
  key: z.string(),
  /** The record exactly as it was found, so nothing is lost. */
  raw: z.unknown(),
  reason: z.string(),
  at: Timestamp,
});
export type QuarantineEntry = z.infer<typeof QuarantineEntry>;

// ---- What the store hands out -------------------------------------------------------------------------

export { Counts } from '../core/schema';

export const VersionMeta = z.object({
  versionId: z.string(),
  policyId: z.string(),
  firstSeen: Timestamp,
  lastSeen: Timestamp,
  contentHash: ContentHash,
  statedDate: z.string().nullable(),
  url: z.string(),
  title: z.string(),
  language: z.string(),
  words: z.number().int().nonnegative(),
  blockCount: z.number().int().nonnegative(),
  reviewed: z.boolean(),
  extractorVersion: z.number().int().nonnegative(),
  rawSha256: ContentHash.nullable(),
  /** When a newer extractor replaced the text: which extractor made it before. */
  reextractedFrom: z.number().int().nonnegative().nullable(),
  /** The extractor that last read its kept page (null: no page was ever kept to read again). */
  checkedBy: z.number().int().nonnegative().nullable(),
  /** Counts of the stored analysis, null when there is none (first version). */
  counts: Counts.nullable(),
  /** What the summary line says, as codes (lib/core/explain words it); null for a first version. */
  digest: AnalysisDigest.nullable(),
});
export type VersionMeta = z.infer<typeof VersionMeta>;

export type StoredVersion = VersionMeta & {
  document: PolicyDocument;
  analysis: ChangeAnalysis | null;
  /** True when some of its text was quarantined or lost; the document then lacks those blocks. */
  damaged: boolean;
};

export type PolicySummary = PolicyRecord & {
  versions: number;
  latestVersionId: string | null;
  /** When the latest version was first seen, if the policy ever changed. */
  lastChange: number | null;
  unreviewedMajor: number;
};

export type SiteSummary = {
  site: string;
  firstSeen: number;
  lastSeen: number;
  policies: number;
  versions: number;
  lastChange: number | null;
  /** Versions whose analysis has a major finding the user has not marked reviewed; drives the badge. */
  unreviewedMajor: number;
};

export type SaveOutcome = {
  status: 'first' | 'unchanged' | 'changed';
  site: string;
  policyId: string;
  version: VersionMeta;
  analysis?: ChangeAnalysis;
};

export type Usage = {
  bytes: number;
  versions: number;
  policies: number;
  sites: number;
  /** Raw captures kept: how many, their compressed and page sizes, and how many versions still have one. */
  raw: { captures: number; bytes: number; pageBytes: number; versionsWithRaw: number };
};

/** Whether a policy's chain verifies, and what it holds. */
export type ChainStatus = {
  policyId: string;
  ok: boolean;
  entries: number;
  /** SHA-256 of the last entry: noting it elsewhere pins everything before it. */
  head: string | null;
  rawKept: number;
  rawPruned: number;
  problems: string[];
  /** The same problems as codes, in the same order, for the pages to word. */
  codes: RecordProblem[];
  /**
   * Per stored version: whether the page it was captured from is kept, was pruned, or was never kept here:
   * the version was imported from a history file (which holds no pages), or stored before pages were kept.
   */
  versions: Array<{ versionId: string; raw: 'kept' | 'pruned' | 'imported' | 'none' }>;
};

// ---- Export file --------------------------------------------------------------------------------------

/** A time as the file writes it: an ISO date a stored Timestamp can hold (from 1970 to the start of 9999). */
const IsoTime = z.iso.datetime().refine((t) => Timestamp.safeParse(Date.parse(t)).success, { message: 'a date from 1970 to the year 9999' });

export const ExportVersion = z.object({
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  contentHash: ContentHash,
  /**
   * Set when the version's text was damaged in the history it was exported from (absent in files written
   * before, and for every whole version): the content hash of its whole text, which names the version.
   * `document` is then what was left of its text and `contentHash` the hash of that, checked on import as
   * any version's is (a release that does not know this field imports the remnant as a version of its own,
   * as before). An import matches the version by this hash, so restoring such a file adds nothing where the
   * version is already held, damaged or whole.
   */
  wholeContentHash: ContentHash.optional(),
  reviewed: z.boolean(),
  document: PolicyDocument,
  analysis: StoredAnalysis.nullable(),
});
export type ExportVersion = z.infer<typeof ExportVersion>;

export const ExportPolicy = z.object({
  kind: PolicyKind,
  /** Since schema v3 (absent in files written before): the policy's origin. */
  origin: z.string().regex(/^https?:\/\/[^/]+$/).optional(),
  path: z.string().min(1).startsWith('/'),
  url: z.string(),
  title: z.string(),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  /** Oldest first. */
  versions: z.array(ExportVersion).min(1),
});
export type ExportPolicy = z.infer<typeof ExportPolicy>;

export const ExportSite = z.object({
  site: z.string().min(1),
  firstSeen: IsoTime,
  lastSeen: IsoTime,
  policies: z.array(ExportPolicy),
});
export type ExportSite = z.infer<typeof ExportSite>;

export const ExportFile = z.object({
  format: z.literal('clausewatch-history'),
  version: z.literal(1),
  exportedAt: IsoTime,
  sites: z.array(ExportSite),
});
export type ExportFile = z.infer<typeof ExportFile>;

export type ImportResult =
  /** `leftOut`: policies of the file not imported (the rest was), and why (lib/core/import-refusal.ts). */
  | { ok: true; added: number; skipped: number; leftOut?: ImportLeftOut }
  /** `refusal`: why an invalid file was refused, as a code for the pages to word (lib/core/import-refusal.ts). */
  | { ok: false; error: string; code: 'invalid-import' | 'quota' | 'unknown'; refusal?: ImportRefusal };
