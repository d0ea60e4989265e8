/**
 * The JSON the command-line tool prints with `--json` and in batch mode. It lives in lib/ because it is
 * a public contract of the core, like the analysis it is built from: scripts and notebooks parse it,
 * and the CLI parses every document against these schemas before printing, so what is printed always
 * matches what is documented.
 *
 * Pure: no browser or Node API.
 */
import { z } from 'zod';
import { Category, DetectionKind, ExtractionMethod, FindingKind, Gained, Severity, Signal, Span, Statement } from '../lib/core/schema';

/** Bumped when a field is removed or changes meaning; new optional fields do not bump it. */
export const CLI_SCHEMA_VERSION = 1;

/** How an input file was read: HTML through detection and extraction, or already-extracted text. */
export const InputFormat = z.enum(['html', 'markdown', 'text']);
export type InputFormat = z.infer<typeof InputFormat>;

/** One version of a policy as the diff saw it. */
export const CliDocumentSummary = z.object({
  /** The path as given on the command line or in the batch line. */
  source: z.string(),
  /** The page address used for detection and extraction (`--url`, or the file:// URL of the file). */
  url: z.string(),
  format: InputFormat,
  title: z.string(),
  /** The "last updated" date the document states, YYYY-MM-DD, or null. */
  statedDate: z.string().nullable(),
  language: z.string(),
  words: z.number().int().nonnegative(),
  method: ExtractionMethod,
});
export type CliDocumentSummary = z.infer<typeof CliDocumentSummary>;

export const CliFinding = z.object({
  /** Stable within one analysis; not meant to be compared across runs. */
  id: z.string(),
  category: Category,
  kind: FindingKind,
  severity: Severity,
  /** In the language of `--lang` (English by default), rendered from the codes by lib/core/explain. */
  headline: z.string(),
  /** Sentences quoted from the newer document (from the older one for removals). */
  evidence: z.array(z.string()).min(1),
  /** For each evidence sentence, the same text cut into equal/insert/delete pieces. */
  evidenceSpans: z.array(z.array(Span)),
  /** For each evidence sentence, the words that made the classifier fire. */
  triggers: z.array(z.array(z.string())),
  /** For each evidence sentence, what the older version said on the point (the edited sentence, or its closest statement in the category), or null. */
  before: z.array(z.string().nullable()),
  /** For each evidence sentence, whether the older statement in `before`, quoted beside a new sentence, still stands in the newer version word for word. */
  beforeKept: z.array(z.boolean()).optional(),
  /** What a new or expanded finding gained, as codes: recipient kinds, company names, data kinds, purposes. */
  gained: Gained.optional(),
  /** Facts that shape the headline, as codes: 'opt-out' (an opt-out is offered), 'sale' (a sale is mentioned). */
  signals: z.array(Signal).optional(),
  /** Heading path of the section the change is in, outermost first; empty at top level. */
  section: z.array(z.string()),
});
export type CliFinding = z.infer<typeof CliFinding>;

export const DiffOutput = z.object({
  command: z.literal('diff'),
  schemaVersion: z.literal(CLI_SCHEMA_VERSION),
  older: CliDocumentSummary,
  newer: CliDocumentSummary,
  summary: z.string(),
  counts: z.object({
    major: z.number().int().nonnegative(),
    minor: z.number().int().nonnegative(),
    goodNews: z.number().int().nonnegative(),
    cosmetic: z.number().int().nonnegative(),
  }),
  /** Major first, then good news, then minor. */
  findings: z.array(CliFinding),
  /** Number of block-level changes (added, removed, modified, moved) behind the findings. */
  changes: z.number().int().nonnegative(),
  /** True when a version was past the size cap (MAX_VERSION_WORDS) or an edit-length bound: part of the comparison was simplified. Never a clock. */
  truncated: z.boolean(),
  /** Things worth knowing about how the inputs were read (e.g. a page the detector did not recognise). */
  notes: z.array(z.string()),
});
export type DiffOutput = z.infer<typeof DiffOutput>;

export const DetectOutput = z.object({
  command: z.literal('detect'),
  schemaVersion: z.literal(CLI_SCHEMA_VERSION),
  source: z.string(),
  url: z.string(),
  format: InputFormat,
  kind: DetectionKind,
  confidence: z.number().min(0).max(1),
  language: z.string(),
  reasons: z.array(z.string()),
  /** Present when the page is a policy (or privacy-adjacent) and its text could be extracted. */
  document: z
    .object({
      title: z.string(),
      statedDate: z.string().nullable(),
      language: z.string(),
      words: z.number().int().nonnegative(),
      blocks: z.number().int().nonnegative(),
      method: ExtractionMethod,
      notes: z.array(z.string()),
    })
    .optional(),
  /** What the policy says today, per category; present with `document`. */
  statements: z.array(Statement).optional(),
  /** Why `document` is missing although the page was recognised. */
  extractionError: z.string().optional(),
});
export type DetectOutput = z.infer<typeof DetectOutput>;

/**
 * Batch lines echo the input's id: a string or a safe integer (zod's int() is one), which is echoed
 * exactly; null when it was missing or not one of those.
 */
export const BatchId = z.union([z.string(), z.number().int()]).nullable();

export const BatchError = z.object({
  id: BatchId,
  /** 1-based line number in the JSONL file, to find lines without a usable id. */
  line: z.number().int().positive(),
  command: z.enum(['diff', 'detect']),
  error: z.string(),
});
export type BatchError = z.infer<typeof BatchError>;

export const BatchDiffResult = z.union([DiffOutput.extend({ id: BatchId, line: z.number().int().positive() }), BatchError]);
export type BatchDiffResult = z.infer<typeof BatchDiffResult>;

export const BatchDetectResult = z.union([DetectOutput.extend({ id: BatchId, line: z.number().int().positive() }), BatchError]);
export type BatchDetectResult = z.infer<typeof BatchDetectResult>;

/**
 * Every document the CLI prints as JSON. Batch results come first: zod strips unknown keys, so the
 * plain schemas would accept a batch line and silently drop its `id`.
 */
export const CliOutput = z.union([BatchDiffResult, BatchDetectResult, DiffOutput, DetectOutput]);
export type CliOutput = z.infer<typeof CliOutput>;
