/**
 * What the background sends the extension pages (popup, history, options). The pages parse these
 * with zod on receipt, like every other message, and render them as text only.
 */
import { z } from 'zod';
import { CheckFailure } from '../core/check-failure';
import { AnalysisDigest, ChangeAnalysis, PolicyDocument, PolicyKind, Statement } from '../core/schema';
import { RecordProblem } from '../core/record-problem';

export const VersionView = z.object({
  versionId: z.string(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  statedDate: z.string().nullable(),
  reviewed: z.boolean(),
  /** The change from the previous version; null for the first version. */
  analysis: ChangeAnalysis.nullable(),
});
export type VersionView = z.infer<typeof VersionView>;

export const PolicyView = z.object({
  policyId: z.string(),
  kind: PolicyKind,
  url: z.string(),
  title: z.string(),
  firstSeen: z.number(),
  versionCount: z.number().int().nonnegative(),
  latest: VersionView,
  /**
   * The latest version's language (PolicyDocument.language: a primary subtag, "und" when unknown): the
   * popup marks the policy's words it quotes with it, since they are not in the reader's language.
   */
  language: z.string(),
  /**
   * The language of the versions the shown analysis compares the latest with: the one the analysis recorded
   * (ChangeAnalysis.languages), else, for an analysis stored before it did or a change read as several, the
   * versions' from the pending change's baseline (else the version before the latest) up to the latest (one
   * in another language than the latest's, if any: utils/tab-state.ts olderLanguageOf); null when there is
   * none. The findings quote both sides: where the languages differ, the popup marks their quotes as of no
   * one language, as the history page does.
   */
  olderLanguage: z.string().nullable(),
  /** What the latest version says now about sharing, AI training and the rest (first-visit card). */
  statements: z.array(Statement),
});
export type PolicyView = z.infer<typeof PolicyView>;

/**
 * A storage problem the user must hear about, as codes (lib/core/explain words it): a save that failed for
 * want of space, or old saved pages and versions removed to make room.
 */
export const StorageProblem = z.discriminatedUnion('kind', [
  // Only a full disk is recorded (any other failure is reported with the page it hit). Records from
  // before the reason was a code carried the store's English sentence, which is dropped on read.
  z.object({
    kind: z.literal('save-failed'),
    reason: z.literal('quota').default('quota'),
    /** What the quota recovery removed before the save failed all the same (absent when nothing was). */
    removedRaw: z.number().int().nonnegative().optional(),
    removedVersions: z.number().int().nonnegative().optional(),
    /** Of those versions, how many held a change awaiting review (absent in records written before it was counted). */
    removedUnreviewed: z.number().int().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('pruned'),
    removedRaw: z.number().int().nonnegative(),
    removedVersions: z.number().int().nonnegative(),
    removedUnreviewed: z.number().int().nonnegative().optional(),
  }),
]);
export type StorageProblem = z.infer<typeof StorageProblem>;

export const TabState = z.object({
  tabId: z.number().int(),
  url: z.string().nullable(),
  /** Registrable domain of the tab, null for pages Clausewatch does not look at (about:, file:, the store). */
  site: z.string().nullable(),
  watched: z.boolean(),
  /** When the site went on the watch list (its entry's addedAt), what "Watching since" dates; null when not watched. */
  watchedSince: z.number().nullable(),
  /** This look put the site on the watch list (the first popup on a site, see lib/extension/autowatch.ts). */
  watchJoined: z.boolean(),
  /**
   * How the watched site's background checks stand (null when it is not watched): paused in the settings,
   * or failing (the last check failed, `attempts` in a row; the options page says why).
   */
  checks: z.object({ paused: z.boolean(), failed: z.object({ attempts: z.number().int().nonnegative() }).nullable() }).nullable(),
  policies: z.array(PolicyView),
  /** A storage problem the user must hear about (full disk, corrupt records set aside). */
  storageProblem: StorageProblem.nullable(),
});
export type TabState = z.infer<typeof TabState>;

export const HistoryVersion = z.object({
  versionId: z.string(),
  firstSeen: z.number(),
  lastSeen: z.number(),
  /** SHA-256 of its text: with `firstSeen`, what orders versions (lib/core/version-order.ts). */
  contentHash: z.string(),
  statedDate: z.string().nullable(),
  reviewed: z.boolean(),
  /** The change's summary, as codes; null for the first version. */
  digest: AnalysisDigest.nullable(),
  major: z.number().int().nonnegative(),
  /** The extractor that made its text (0: unknown, stored before extractors were numbered). */
  extractorVersion: z.number().int().nonnegative(),
  /** Set when a newer extractor re-read its capture and replaced the text: the one that made it before. */
  reextractedFrom: z.number().int().nonnegative().nullable(),
});
export type HistoryVersion = z.infer<typeof HistoryVersion>;

export const HistoryView = z.object({
  site: z.string(),
  policies: z.array(
    z.object({
      policyId: z.string(),
      kind: PolicyKind,
      url: z.string(),
      title: z.string(),
      versions: z.array(HistoryVersion),
    }),
  ),
});
export type HistoryView = z.infer<typeof HistoryView>;

/** Whether a policy's record verifies (lib/history verifyChains), for the history page. */
export const ChainView = z.object({
  policyId: z.string(),
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  head: z.string().nullable(),
  rawKept: z.number().int().nonnegative(),
  rawPruned: z.number().int().nonnegative(),
  problems: z.array(z.string()),
  /** The problems as codes (the same order), worded by the page; empty from a background that sent none. */
  codes: z.array(RecordProblem).default([]),
  versions: z.array(z.object({ versionId: z.string(), raw: z.enum(['kept', 'pruned', 'imported', 'none']) })),
});
export type ChainView = z.infer<typeof ChainView>;

export const Comparison = z.object({
  older: z.object({ versionId: z.string(), firstSeen: z.number(), document: PolicyDocument }),
  newer: z.object({ versionId: z.string(), firstSeen: z.number(), document: PolicyDocument }),
  analysis: ChangeAnalysis,
});
export type Comparison = z.infer<typeof Comparison>;

export const WatchStatus = z.enum(['pending', 'up-to-date', 'changed', 'failed']);

export const WatchEntry = z.object({
  site: z.string(),
  policyUrl: z.string(),
  frequencyHours: z.number().int().min(1).max(24 * 30),
  addedAt: z.number(),
  lastCheck: z.number().nullable(),
  lastChange: z.number().nullable(),
  status: WatchStatus,
  /** Why the last check failed, in English (kept for diagnostics and entries written before codes). */
  failure: z.string().nullable(),
  /**
   * The same as a code, which the pages word in the reader's language; absent in older entries. A code this
   * release does not know (written by a later one) reads as none, and the English sentence is shown.
   */
  failureCode: CheckFailure.nullable().default(null).catch(null),
  /**
   * Where the watched address now leads when a check found it elsewhere (another site, or a redirect the
   * browser would only follow for a check the user asked for); the user may choose to watch it instead.
   * Absent in entries written before it existed.
   */
  movedTo: z.string().nullable().default(null),
  failures: z.number().int().nonnegative(),
  nextCheck: z.number(),
  /**
   * When the check under way began (null: none). Written before the request and cleared with the check's
   * outcome, so a check the browser stopped mid-way is found and recorded as one that did not finish
   * (utils/recheck.ts). Absent in entries written before it existed.
   */
  checking: z.number().nullable().default(null),
});
export type WatchEntry = z.infer<typeof WatchEntry>;

export const Settings = z.object({
  paused: z.boolean(),
  autoWatchVisited: z.boolean(),
  notifications: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const OptionsView = z.object({
  watches: z.array(WatchEntry),
  settings: Settings,
  usage: z.object({
    bytes: z.number(),
    versions: z.number(),
    policies: z.number(),
    sites: z.number(),
    /** Raw captures kept: how many, compressed bytes, page bytes, and how many versions have theirs. */
    raw: z.object({ captures: z.number(), bytes: z.number(), pageBytes: z.number(), versionsWithRaw: z.number() }),
  }),
  /** The current extractor, and how far re-reading the kept captures with it has got. */
  extraction: z.object({
    extractorVersion: z.number().int().positive(),
    /** Captures still waiting (counted up to 1,000). */
    pending: z.number().int().nonnegative(),
    changedText: z.number().int().nonnegative(),
    sameText: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  }),
  quarantined: z.number().int().nonnegative(),
  /** Stored settings or watched-site entries that did not read and were set aside (under `broken:` keys). */
  setAside: z.number().int().nonnegative(),
  storageProblem: StorageProblem.nullable(),
});
export type OptionsView = z.infer<typeof OptionsView>;
