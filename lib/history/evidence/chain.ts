/**
 * The hash chain of a policy: one entry per capture that made or confirmed a version, per
 * re-extraction of a kept capture, and per version recorded before raw captures were kept. Each entry
 * names the SHA-256 of its raw bytes, of its extracted text (text.ts) and of the entry before it, and
 * carries its own SHA-256 over all of that, so an entry cannot be changed, removed or inserted without
 * breaking every later link. Entries are only ever appended: a pruned version or raw capture leaves its
 * entry in place.
 *
 * The chain proves the record is internally consistent, not when it was made: anyone who rewrites the
 * whole chain can make it consistent again. Noting the head hash somewhere else (it is shown on the
 * history page) pins everything before it.
 */
import { z } from 'zod';
import { HEX_SHA256, sha256Hex } from './digest';
import type { RecordProblem } from '../../core/record-problem';

export const CHAIN_FORMAT = 'clausewatch-chain/1';

const Hex = z.string().regex(HEX_SHA256);
const Iso = z.iso.datetime({ precision: 3 });

export const ChainEntry = z.object({
  policyId: z.string().min(1),
  seq: z.number().int().nonnegative(),
  /**
   * `capture`: a page captured (its raw bytes kept when rawSha256 is set). `reextraction`: a kept
   * capture extracted again by a newer extractor (same raw bytes, its text now). `legacy`: a version
   * stored before raw captures were kept (its text hash is that of the text stored when the chain was
   * started). `import`: a version imported from a history file (no raw bytes).
   */
  kind: z.enum(['capture', 'reextraction', 'legacy', 'import']),
  versionId: z.string().min(1),
  /** The address the page was captured from. */
  url: z.string(),
  /** `visit`: serialised from the page the user was reading; `check`: fetched by a background check. */
  source: z.enum(['visit', 'check', 'unknown']),
  /** When the raw capture was made (for a legacy entry: when its version was first seen). */
  capturedAt: Iso,
  /** When this entry was written. */
  recordedAt: Iso,
  /** The extractor that produced the text (lib/core/page/extract EXTRACTOR_VERSION); 0 when unknown. */
  extractorVersion: z.number().int().nonnegative(),
  rawSha256: Hex.nullable(),
  textSha256: Hex,
  prevSha256: Hex.nullable(),
  /** SHA-256 of every field above, see `chainEntryHash`. */
  sha256: Hex,
});
export type ChainEntry = z.infer<typeof ChainEntry>;
export type UnsealedEntry = Omit<ChainEntry, 'sha256'>;

/** The bytes an entry's hash covers: its fields in a fixed order, as a JSON array. Frozen for format 1. */
export function chainEntryPreimage(e: UnsealedEntry): string {
  return JSON.stringify([
    CHAIN_FORMAT,
    e.policyId,
    e.seq,
    e.kind,
    e.versionId,
    e.url,
    e.source,
    e.capturedAt,
    e.recordedAt,
    e.extractorVersion,
    e.rawSha256,
    e.textSha256,
    e.prevSha256,
  ]);
}

export function chainEntryHash(e: UnsealedEntry): string {
  return sha256Hex(chainEntryPreimage(e));
}

export function sealEntry(e: UnsealedEntry): ChainEntry {
  return { ...e, sha256: chainEntryHash(e) };
}

/** The entry that follows `previous` (or starts a chain): its seq and link filled in, then sealed. */
export function nextEntry(previous: ChainEntry | undefined, fields: Omit<UnsealedEntry, 'seq' | 'prevSha256'>): ChainEntry {
  return sealEntry({ ...fields, seq: previous ? previous.seq + 1 : 0, prevSha256: previous?.sha256 ?? null });
}

/** A problem of a chain: its English sentence (after "Chain entry N"), and its code for the pages. */
export type ChainProblem = { seq: number; message: string; problem: RecordProblem };

/**
 * Checks a policy's entries (in seq order): every hash recomputes, every link names the entry before
 * it, seqs run from 0 without a gap, and every entry belongs to the policy. Returns the problems found,
 * empty when the chain verifies.
 */
export function checkChain(policyId: string, entries: readonly ChainEntry[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  entries.forEach((e, i) => {
    const seq = e.seq;
    if (e.policyId !== policyId) problems.push({ seq, message: `belongs to another policy (${e.policyId})`, problem: { code: 'other-policy', seq } });
    if (e.seq !== i) problems.push({ seq, message: `is numbered ${e.seq} but is entry ${i} of the chain`, problem: { code: 'misnumbered', seq, position: i } });
    const { sha256, ...fields } = e;
    if (chainEntryHash(fields) !== sha256) problems.push({ seq, message: 'does not match its own hash (it was altered)', problem: { code: 'altered-entry', seq } });
    const expected = i === 0 ? null : entries[i - 1]!.sha256;
    if (e.prevSha256 !== expected) {
      problems.push(
        i === 0
          ? { seq, message: 'starts the chain but names a previous entry', problem: { code: 'starts-with-link', seq } }
          : { seq, message: 'does not link to the entry before it (an entry was altered, removed or inserted)', problem: { code: 'broken-link', seq } },
      );
    }
  });
  return problems;
}
