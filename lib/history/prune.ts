/**
 * Storage: how much the history takes (`usage`, what the options page shows), and freeing space
 * (`prune`, offered when a save hits the quota, see saveWithQuotaRecovery).
 */
import type { ChainEntry } from './evidence/chain';
import { ALL_STORES, STORES, type StoreName } from './db';
import { ChunkRecord, CaptureRecord, QuarantineEntry, RawRecord, VersionRecord, type Usage } from './schema';
import { begin, oweSummaries, pieceId, putChecked, type AnyTx, type RwTx, type StoreContext } from './context';
import { failedWrite, reading } from './quarantine';
import { hasReviewableChange, pendingChange } from '../core/review';
import { versionOrder } from '../core/version-order';
import { isUnreviewedMajor } from './read';
import { owesAnalysis } from './backfill';
import type { Removed } from './errors';

export type PruneResult = Removed & { bytesBefore: number; bytesAfter: number };

/** Estimated bytes of a stored value: its JSON, with binary data (a raw capture's gzip) at its length. */
function sizeOf(value: unknown): number {
  let binary = 0;
  let json: string | undefined;
  try {
    json = JSON.stringify(value, (_key, v: unknown) => {
      if (v instanceof Uint8Array) {
        binary += v.byteLength;
        return 0;
      }
      // IndexedDB stores what JSON cannot write (a BigInt); such a record is damage, sized by its digits.
      return typeof v === 'bigint' ? v.toString() : v;
    });
  } catch {
    // A value JSON cannot walk (a cycle, which IndexedDB also stores): damage, for the quarantine to hold.
    // It is counted as a small record rather than stopping every count and every pruning of the store.
    return UNSIZED_RECORD + binary;
  }
  return (json?.length ?? 0) + binary;
}
/** What a record JSON cannot size counts for (bytes). */
const UNSIZED_RECORD = 1024;

/** The stores read whole by usage and prune: every one but the saved pages, which are read one at a time. */
const TEXT_STORES: StoreName[] = ALL_STORES.filter((s) => s !== STORES.raw);

/** A saved page as usage and prune count it, without its bytes. */
type RawSize = { sha256: string; size: number; gzipBytes: number; pageBytes: number };

/**
 * The saved pages, read one at a time with a cursor, so measuring or freeing storage holds one page in
 * memory, not all of them (they are most of a long history's bytes). `bytes`: all of them, damaged ones too.
 */
async function rawSizes(tx: AnyTx): Promise<{ bytes: number; pages: RawSize[] }> {
  let bytes = 0;
  const pages: RawSize[] = [];
  for (let cursor = await tx.objectStore(STORES.raw).openCursor(); cursor; cursor = await cursor.continue()) {
    const value: unknown = cursor.value;
    const size = sizeOf(value);
    bytes += size;
    const r = RawRecord.safeParse(value);
    if (r.success) pages.push({ sha256: r.data.sha256, size, gzipBytes: r.data.gzip.byteLength, pageBytes: r.data.bytes });
  }
  return { bytes, pages };
}

export async function usage(ctx: StoreContext): Promise<Usage> {
  return reading(ctx, 'measure storage', ALL_STORES, async (tx) => {
    const all = await Promise.all(TEXT_STORES.map((s) => tx.objectStore(s).getAll()));
    const { bytes: rawBytes, pages: raws } = await rawSizes(tx);
    let bytes = rawBytes;
    for (const values of all) for (const value of values) bytes += sizeOf(value);
    const values = (s: StoreName) => all[TEXT_STORES.indexOf(s)]! as unknown[];
    const kept = new Set(raws.map((r) => r.sha256));
    const versionsWithRaw = values(STORES.versions).filter((v) => kept.has(String((v as { rawSha256?: unknown } | null)?.rawSha256))).length;
    return {
      bytes,
      versions: values(STORES.versions).length,
      policies: values(STORES.policies).length,
      sites: values(STORES.sites).length,
      raw: { captures: raws.length, bytes: raws.reduce((n, r) => n + r.gzipBytes, 0), pageBytes: raws.reduce((n, r) => n + r.pageBytes, 0), versionsWithRaw },
    };
  });
}

export interface PruneOptions {
  /** Bytes to free down to (the estimate): by default 80% of the current size. */
  targetBytes?: number;
  /**
   * The last resort of a save on a full disk: removes only (and whatever the target) the first `removeHeld`
   * of the versions an ordinary prune holds for what awaits review (see below), and no saved page.
   */
  removeHeld?: number;
}

/**
 * Frees space until the estimate is at or under `targetBytes` (default: 80% of the current size).
 * First what nothing uses (chunks and blocks no version names, stored or quarantined); then raw
 * captures, oldest first across all policies, never the first or the latest capture of a policy;
 * only then versions between a policy's first and latest, oldest first. A pruned capture or version
 * keeps its chain entry (its hashes), so the chain still verifies. The analysis stored on the
 * version after a removed one still describes the change the user saw at the time.
 */
export async function prune(ctx: StoreContext, options: PruneOptions = {}): Promise<PruneResult> {
  const tx = begin(ctx, ALL_STORES, 'readwrite', 'free storage space');
  try {
    const all = await Promise.all(TEXT_STORES.map((s) => Promise.all([tx.objectStore(s).getAll(), tx.objectStore(s).getAllKeys()])));
    const of = (s: StoreName) => all[TEXT_STORES.indexOf(s)]!;
    const raws = await rawSizes(tx);
    let bytes = raws.bytes;
    for (const [values] of all) for (const value of values) bytes += sizeOf(value);
    const bytesBefore = bytes;
    const target = options.targetBytes ?? Math.floor(bytes * 0.8);

    // Pieces are counted by `policyId NUL key`; primary keys are kept for the deletes.
    const primaryKeys = new Map<string, IDBValidKey>();
    const chunkSize = new Map<string, number>();
    const chunkBlocks = new Map<string, string[]>();
    const [chunkValues, chunkKeys] = of(STORES.chunks);
    // A damaged chunk not yet quarantined (the next read of its version does that) still holds on to its
    // text: what it names is pinned, as a quarantined chunk's is below, so freeing space never deletes it.
    const damagedChunkBlocks: string[] = [];
    chunkValues.forEach((raw: unknown, i: number) => {
      const c = ChunkRecord.safeParse(raw);
      if (!c.success) {
        const loose = (raw ?? {}) as { policyId?: unknown; blocks?: unknown };
        const key = chunkKeys[i];
        const policyId = typeof loose.policyId === 'string' ? loose.policyId : Array.isArray(key) ? String(key[0]) : null;
        if (policyId !== null && Array.isArray(loose.blocks)) for (const b of loose.blocks) if (typeof b === 'string') damagedChunkBlocks.push(pieceId(policyId, b));
        return;
      }
      const id = pieceId(c.data.policyId, c.data.key);
      primaryKeys.set(id, chunkKeys[i]!);
      chunkSize.set(id, sizeOf(raw));
      chunkBlocks.set(id, c.data.blocks.map((b) => pieceId(c.data.policyId, b)));
    });
    const blockSize = new Map<string, number>();
    const [blockValues, blockKeys] = of(STORES.blocks);
    blockValues.forEach((raw: unknown, i: number) => {
      const key = blockKeys[i]!;
      if (!Array.isArray(key)) return;
      const id = pieceId(String(key[0]), String(key[1]));
      primaryKeys.set(id, key);
      blockSize.set(id, sizeOf(raw));
    });

    // Reference counts, with invalid version records still holding on to what they name, in case
    // their raw value is recovered from the quarantine later.
    const chunkRefs = new Map<string, number>();
    const versionsByPolicy = new Map<string, VersionRecord[]>();
    const [versionValues] = of(STORES.versions);
    const versionSize = new Map<string, number>();
    for (const raw of versionValues) {
      const v = VersionRecord.safeParse(raw);
      const loose = (raw ?? {}) as { policyId?: unknown; chunks?: unknown };
      const policyId = v.success ? v.data.policyId : loose.policyId;
      const chunks: unknown = v.success ? v.data.chunks : loose.chunks;
      if (typeof policyId === 'string' && Array.isArray(chunks)) {
        for (const key of chunks) {
          if (typeof key === 'string') chunkRefs.set(pieceId(policyId, key), (chunkRefs.get(pieceId(policyId, key)) ?? 0) + 1);
        }
      }
      if (!v.success) continue;
      versionSize.set(v.data.versionId, sizeOf(raw));
      const list = versionsByPolicy.get(v.data.policyId) ?? [];
      list.push(v.data);
      versionsByPolicy.set(v.data.policyId, list);
    }
    // Each policy's versions, oldest first, and the change awaiting review in them (core/review.ts).
    const histories = [...versionsByPolicy.values()].map((list) => {
      const sorted = list.sort(versionOrder);
      return { sorted, pending: pendingChange(sorted) };
    });
    // A quarantined version or chunk holds on to its text as well: its record may be repaired by hand
    // from the quarantine (the raw value is kept there), and that text exists nowhere else.
    const pinnedBlocks: string[] = [];
    for (const raw of of(STORES.quarantine)[0]) {
      const entry = QuarantineEntry.safeParse(raw);
      if (!entry.success) continue;
      const held = (entry.data.raw ?? {}) as { policyId?: unknown; chunks?: unknown; blocks?: unknown };
      if (typeof held.policyId !== 'string') continue;
      if (entry.data.store === STORES.versions && Array.isArray(held.chunks)) {
        for (const key of held.chunks) if (typeof key === 'string') chunkRefs.set(pieceId(held.policyId, key), (chunkRefs.get(pieceId(held.policyId, key)) ?? 0) + 1);
      }
      if (entry.data.store === STORES.chunks && Array.isArray(held.blocks)) {
        for (const key of held.blocks) if (typeof key === 'string') pinnedBlocks.push(pieceId(held.policyId, key));
      }
    }
    const blockRefs = new Map<string, number>();
    for (const [id, blocks] of chunkBlocks) {
      if ((chunkRefs.get(id) ?? 0) === 0) continue;
      for (const b of blocks) blockRefs.set(b, (blockRefs.get(b) ?? 0) + 1);
    }
    for (const b of [...pinnedBlocks, ...damagedChunkBlocks]) blockRefs.set(b, (blockRefs.get(b) ?? 0) + 1);

    const deadChunks = new Set<string>();
    const deadBlocks = new Set<string>();
    const releaseChunk = (id: string) => {
      deadChunks.add(id);
      bytes -= chunkSize.get(id) ?? 0;
      for (const b of chunkBlocks.get(id) ?? []) {
        const n = (blockRefs.get(b) ?? 0) - 1;
        blockRefs.set(b, n);
        if (n <= 0 && !deadBlocks.has(b) && blockSize.has(b)) {
          deadBlocks.add(b);
          bytes -= blockSize.get(b) ?? 0;
        }
      }
    };
    // Garbage first: chunks and blocks nothing refers to. An unreferenced chunk's blocks were never counted
    // in `blockRefs` (above), so it is dropped without releasing them: a block it shares with a chunk still
    // in use (after a re-extraction, the old text's chunks share most blocks with the new one's) stays.
    for (const id of chunkBlocks.keys()) {
      if ((chunkRefs.get(id) ?? 0) !== 0) continue;
      deadChunks.add(id);
      bytes -= chunkSize.get(id) ?? 0;
    }
    for (const id of blockSize.keys()) {
      if ((blockRefs.get(id) ?? 0) <= 0 && !deadBlocks.has(id)) {
        deadBlocks.add(id);
        bytes -= blockSize.get(id) ?? 0;
      }
    }

    // Raw captures before any version: each policy keeps its first and its latest.
    const rawSize = new Map(raws.pages.map((r) => [r.sha256, r.size]));
    const entriesByPolicy = new Map<string, ChainEntry[]>();
    for (const raw of of(STORES.captures)[0]) {
      const e = CaptureRecord.safeParse(raw);
      if (e.success) entriesByPolicy.set(e.data.policyId, [...(entriesByPolicy.get(e.data.policyId) ?? []), e.data]);
    }
    const keepRaw = new Set<string>();
    const capturedAt = new Map<string, number>();
    for (const entries of entriesByPolicy.values()) {
      let first: string | undefined;
      let latest: string | undefined;
      for (const e of entries.sort((a, b) => a.seq - b.seq)) {
        if (!e.rawSha256 || !rawSize.has(e.rawSha256)) continue;
        first ??= e.rawSha256;
        // The latest capture's page, even when it is one seen before (a policy put back as it was); a
        // re-extraction's entry names the page it read again, which is no capture.
        if (e.kind !== 'reextraction') latest = e.rawSha256;
        const at = Date.parse(e.capturedAt);
        capturedAt.set(e.rawSha256, Math.min(at, capturedAt.get(e.rawSha256) ?? Infinity));
      }
      if (first) keepRaw.add(first);
      if (latest) keepRaw.add(latest);
    }
    // Nor the page of the version a change awaiting review is told from (the baseline): a newer extractor
    // reads it again, so the change is never told between two extractors' texts.
    for (const { pending } of histories) {
      const sha = pending?.baseline.rawSha256;
      if (sha) keepRaw.add(sha);
    }
    // A quarantined version still names its capture, for the day it is repaired.
    for (const raw of of(STORES.quarantine)[0]) {
      const held = (QuarantineEntry.safeParse(raw).data?.raw ?? {}) as { rawSha256?: unknown };
      if (typeof held.rawSha256 === 'string') keepRaw.add(held.rawSha256);
    }
    const rawCandidates = [...rawSize.keys()]
      .filter((sha) => !keepRaw.has(sha))
      .sort((a, b) => (capturedAt.get(a) ?? -Infinity) - (capturedAt.get(b) ?? -Infinity) || a.localeCompare(b));
    const removedRaw = new Set<string>();
    const lastResort = options.removeHeld !== undefined;
    for (const sha of lastResort ? [] : rawCandidates) {
      if (bytes <= target) break;
      removedRaw.add(sha);
      bytes -= rawSize.get(sha) ?? 0;
    }

    // Each policy keeps its first and latest versions, and the last one the user reviewed: what awaits
    // review is the change from that one (core/review.ts), so without it a change already reviewed
    // would be shown again.
    // Nor a version awaiting review whose change was major: the badge counts it, and the change since the
    // last review is shown through it (without it, a sale followed by a cosmetic edit would read as cosmetic).
    // Nor one awaiting review whose change has no analysis yet (it failed, or is owed to the backfill), or an
    // analysis that compared only part of the text and found nothing: it may be major, and once it is gone its
    // successor's analysis, told from it, would hide it. Nor, for the same reason, one awaiting review whose
    // change is worth reviewing without being major (a minor change, good news): with a single version left
    // awaiting review, the change shown is that version's own analysis, told from the one removed. Only as a
    // last resort (`removeHeld`: a save on a full disk that an ordinary prune did not make room for, say after
    // an import whose analyses were all dropped, where the backfill cannot write either, or with minor changes
    // nobody reviewed) do those go, a few at a time, so that the new capture is still kept, as a full quota
    // promises: those known to be worth reviewing but not major first, oldest first, then those whose change
    // is not known (no analysis, or one that compared only part of the text and found nothing): they may be major.
    const knownMinor: VersionRecord[] = [];
    const unknown: VersionRecord[] = [];
    const candidates = histories
      .flatMap(({ sorted, pending }) => {
        const awaitingMajor = new Set(pending?.versions.filter(isUnreviewedMajor) ?? []);
        const held = new Map<VersionRecord, VersionRecord[]>();
        const at = new Map(sorted.map((v, i) => [v, i]));
        for (const v of pending?.versions ?? []) {
          const before = sorted[(at.get(v) ?? -1) - 1];
          if (v.analysis === null) {
            if (owesAnalysis(v, false, before)) held.set(v, unknown);
          } else if (hasReviewableChange(v.analysis)) held.set(v, knownMinor);
          else if (v.analysis.truncated) held.set(v, unknown);
        }
        const middle = sorted.slice(1, -1).filter((v) => v !== pending?.baseline && !awaitingMajor.has(v));
        for (const v of middle) held.get(v)?.push(v);
        return middle.filter((v) => !held.has(v));
      })
      .sort(versionOrder);
    const chosen = lastResort ? [...knownMinor.sort(versionOrder), ...unknown.sort(versionOrder)].slice(0, options.removeHeld) : candidates;
    const removed: string[] = [];
    for (const v of chosen) {
      if (!lastResort && bytes <= target) break;
      removed.push(v.versionId);
      bytes -= versionSize.get(v.versionId) ?? 0;
      for (const key of v.chunks) {
        const id = pieceId(v.policyId, key);
        const n = (chunkRefs.get(id) ?? 0) - 1;
        chunkRefs.set(id, n);
        if (n === 0 && chunkBlocks.has(id)) releaseChunk(id);
      }
    }

    const deletes: Promise<unknown>[] = [];
    for (const id of removed) deletes.push(tx.objectStore(STORES.versions).delete(id));
    for (const sha of removedRaw) deletes.push(tx.objectStore(STORES.raw).delete(sha));
    // A version whose capture is gone can no longer be re-extracted: it leaves that work list.
    const gone = new Set(removed);
    for (const list of versionsByPolicy.values()) {
      for (const v of list) {
        if (gone.has(v.versionId) || !v.rawSha256 || !removedRaw.has(v.rawSha256) || v.checkedBy === undefined) continue;
        const { checkedBy: _gone, ...rest } = v;
        deletes.push(putChecked(tx as RwTx, STORES.versions, rest));
      }
    }
    // Every summary is refreshed after a prune that removed versions (store.ts): owed until then.
    if (removed.length > 0) oweSummaries(tx as RwTx, [undefined], deletes);
    for (const id of deadChunks) deletes.push(tx.objectStore(STORES.chunks).delete(primaryKeys.get(id)!));
    for (const id of deadBlocks) deletes.push(tx.objectStore(STORES.blocks).delete(primaryKeys.get(id)!));
    await Promise.all(deletes);
    await tx.done;
    // Every version the last resort removes awaited review (it chooses among those alone); no other does.
    return { removedVersions: removed.length, removedRaw: removedRaw.size, removedUnreviewed: lastResort ? removed.length : 0, bytesBefore, bytesAfter: bytes };
  } catch (error) {
    throw await failedWrite(ctx, tx, error, 'free storage space');
  }
}
