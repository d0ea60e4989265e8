/**
 * The data shapes that cross module boundaries: extracted policy documents, detection verdicts and
 * change analyses. They are zod schemas because every one of them is also stored, sent as a message,
 * or printed by the command line, and is parsed again on the other side.
 *
 * Pure: no browser or Node API.
 */
import { z } from 'zod';

export const BlockKind = z.enum(['heading', 'paragraph', 'list-item', 'table-row']);
export type BlockKind = z.infer<typeof BlockKind>;

/** One unit of policy text, in document order. `section` is the path of headings above it. */
export const Block = z.object({
  kind: BlockKind,
  text: z.string(),
  section: z.array(z.string()),
  /** Heading level 1-6 for headings. */
  level: z.number().int().min(1).max(6).optional(),
});
export type Block = z.infer<typeof Block>;

export const ExtractionMethod = z.enum(['readability', 'fallback', 'text', 'markdown']);

export const PolicyDocument = z.object({
  url: z.string(),
  title: z.string(),
  /** BCP-47 primary language subtag, e.g. "en", "de"; "und" when unknown. */
  language: z.string(),
  /** The "last updated" / "effective" date the page states, as YYYY-MM-DD, or null. */
  statedDate: z.string().nullable(),
  blocks: z.array(Block),
  extraction: z.object({
    method: ExtractionMethod,
    words: z.number().int().nonnegative(),
    /** Why the fallback was used, or other notes worth recording. */
    notes: z.array(z.string()).default([]),
  }),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

export const DetectionKind = z.enum(['privacy-policy', 'privacy-adjacent', 'other']);
export type DetectionKind = z.infer<typeof DetectionKind>;

/** The kinds of page Clausewatch keeps versions of. */
export const PolicyKind = z.enum(['privacy-policy', 'privacy-adjacent']);
export type PolicyKind = z.infer<typeof PolicyKind>;

export const Detection = z.object({
  kind: DetectionKind,
  confidence: z.number().min(0).max(1),
  language: z.string(),
  reasons: z.array(z.string()),
});
export type Detection = z.infer<typeof Detection>;

/** A piece of inline text in a word-level diff. */
export const Span = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const ChangeType = z.enum(['added', 'removed', 'modified', 'moved']);
export type ChangeType = z.infer<typeof ChangeType>;

/**
 * One aligned difference between two documents, at block level, with inline spans. A modified block's
 * spans are empty since 5 December 2026 (engine/diff.ts changeSpans computes them when shown); those of
 * analyses stored before are kept and shown as they are.
 */
export const Change = z.object({
  type: ChangeType,
  section: z.array(z.string()),
  before: z.string().nullable(),
  after: z.string().nullable(),
  spans: z.array(Span),
});
export type Change = z.infer<typeof Change>;

export const Category = z.enum([
  'ai-training',
  'third-party-sharing',
  'sensitive-data',
  'advertising-profiling',
  'retention',
  'international-transfer',
  'children',
  'user-rights',
]);
export type Category = z.infer<typeof Category>;

export const FindingKind = z.enum(['new', 'expanded', 'restricted', 'reworded']);
export type FindingKind = z.infer<typeof FindingKind>;

export const Severity = z.enum(['major', 'minor', 'good-news', 'cosmetic']);
export type Severity = z.infer<typeof Severity>;

/** A quoted sentence of the newer (or, for removals, older) version, with the edit marked. */
export const Evidence = z.object({
  sentence: z.string(),
  spans: z.array(Span),
  /** The words that made the classifier fire, for explainability. */
  triggers: z.array(z.string()),
  /** What the older version said on the point: the edited sentence, or its closest statement in the category. */
  previous: z.string().optional(),
  /**
   * Set when `previous` is the closest statement quoted beside a new sentence and the newer version still
   * says it word for word: the new sentence was added beside it, not in its place. (Absent from analyses
   * made before 7 December 2026.)
   */
  previousKept: z.literal(true).optional(),
});
export type Evidence = z.infer<typeof Evidence>;

/** What a finding adds, as codes (engine/attributes.ts): recipient kinds, company names, data kinds, purposes. */
export const Gained = z.object({
  recipients: z.array(z.string()),
  named: z.array(z.string()),
  data: z.array(z.string()),
  purposes: z.array(z.string()),
});
export type Gained = z.infer<typeof Gained>;

/**
 * Facts the engine noticed in a finding's evidence that change how it reads: an opt-out is offered, a sale
 * is mentioned. Codes, rendered in the reader's language by lib/core/explain.
 */
/** What a finding's evidence says besides its kind: an opt-out, a sale, or a promise removed (every quote is a deleted denial). */
export const Signal = z.enum(['opt-out', 'sale', 'promise-removed']);
export type Signal = z.infer<typeof Signal>;

/**
 * One finding, as codes and parameters: no words for people (lib/core/explain renders them in the reader's
 * language, at display time).
 */
export const Finding = z.object({
  id: z.string(),
  category: Category,
  kind: FindingKind,
  severity: Severity,
  evidence: z.array(Evidence).min(1),
  section: z.array(z.string()),
  /** What the finding adds (for a new or expanded one): recipient kinds, names, data kinds, purposes. */
  gained: Gained,
  /** Everything its evidence names, gained or not (a new practice is explained by all of it). */
  attributes: Gained,
  signals: z.array(Signal),
});
export type Finding = z.infer<typeof Finding>;

export const Counts = z.object({
  major: z.number().int().nonnegative(),
  minor: z.number().int().nonnegative(),
  goodNews: z.number().int().nonnegative(),
  cosmetic: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof Counts>;

/**
 * Schema 2: codes only. (Schema 1 stored an English headline per finding and an English summary; see
 * engine/upgrade.ts, which turns a stored schema-1 analysis into this one.)
 */
export const ChangeAnalysis = z.object({
  schemaVersion: z.literal(2),
  counts: Counts,
  /** Major first, then good news, then minor. */
  findings: z.array(Finding),
  changes: z.array(Change),
  /** True when a size or work bound was hit and part of the comparison was simplified (never a clock). */
  truncated: z.boolean(),
  /**
   * The languages of the two versions compared (PolicyDocument.language), which its quotes are in: kept with
   * the analysis because the older version may be pruned later. Absent from analyses stored before it was
   * kept, and from a change read as several analyses together (utils/combined.ts).
   */
  languages: z.object({ older: z.string(), newer: z.string() }).optional(),
});
export type ChangeAnalysis = z.infer<typeof ChangeAnalysis>;

/** A finding without its quotes: what a summary line or a badge tooltip needs. */
export const FindingDigest = Finding.pick({ category: true, kind: true, severity: true, gained: true, attributes: true, signals: true });
export type FindingDigest = z.infer<typeof FindingDigest>;

/** What a summary line needs of an analysis (lib/core/explain renders it). */
export const AnalysisDigest = z.object({
  counts: Counts,
  findings: z.array(FindingDigest),
  /** Whether anything changed at all, even formatting. */
  changed: z.boolean(),
  /** The analysis's `truncated`: part of the text was compared only roughly (absent from summaries stored before). */
  truncated: z.boolean().optional(),
});
export type AnalysisDigest = z.infer<typeof AnalysisDigest>;

export function digestOf(a: ChangeAnalysis): AnalysisDigest {
  return {
    counts: a.counts,
    findings: a.findings.map(({ category, kind, severity, gained, attributes, signals }) => ({ category, kind, severity, gained, attributes, signals })),
    changed: a.changes.length > 0 || a.counts.cosmetic > 0,
    truncated: a.truncated,
  };
}

/** An analysis as the first releases stored it: English words beside the codes. Read only to upgrade it. */
export const ChangeAnalysisV1 = z.object({
  schemaVersion: z.literal(1),
  summary: z.string(),
  counts: Counts,
  findings: z.array(
    z.object({
      id: z.string(),
      category: Category,
      kind: FindingKind,
      severity: Severity,
      headline: z.string(),
      evidence: z.array(Evidence).min(1),
      section: z.array(z.string()),
      gained: Gained.optional(),
    }),
  ),
  changes: z.array(Change),
  truncated: z.boolean(),
});
export type ChangeAnalysisV1 = z.infer<typeof ChangeAnalysisV1>;

/** What a policy says now about a category, for a policy seen for the first time. */
export const Statement = z.object({
  category: Category,
  /** 'states' = the policy does it; 'restricts' = a denial or opt-out. */
  polarity: z.enum(['states', 'restricts']),
  sentence: z.string(),
  section: z.array(z.string()),
  triggers: z.array(z.string()),
});
export type Statement = z.infer<typeof Statement>;
