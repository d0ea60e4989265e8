/**
 * Each policy's hash chain as stored (`captures`, by [policyId, seq]): appending an entry for a capture,
 * an import or a re-extraction, and finding the entry that brought in a version's capture. Checking a
 * chain is read-evidence.ts; the entries themselves are lib/history/evidence/chain.ts.
 */
import { nextEntry, sealEntry, type ChainEntry } from './evidence/chain';
import { STORES } from './db';
import { check, primaryKeyOf, type Bad } from './records';
import { CaptureRecord, type VersionRecord } from './schema';
import { piecesRange, putChecked, type AnyTx, type RwTx } from './context';

/**
 * Appends an entry to a policy's chain in a readwrite transaction: numbered after the last one stored
 * and sealed with its hash (one cursor step). When the last stored entry cannot be read (it goes to the
 * quarantine), the new one is numbered after it all the same and linked to the last readable entry, so
 * the chain shows the break instead of papering over it, and the capture is still recorded.
 */
export async function appendEntry(tx: RwTx, policyId: string, bad: Bad[], fields: Omit<ChainEntry, 'seq' | 'prevSha256' | 'sha256' | 'policyId'>, writes: Promise<unknown>[]): Promise<ChainEntry> {
  const cursor = await tx.objectStore(STORES.captures).openCursor(piecesRange(policyId), 'prev');
  let entry: ChainEntry;
  if (!cursor) entry = nextEntry(undefined, { policyId, ...fields });
  else {
    const last = check(CaptureRecord, STORES.captures, cursor.primaryKey, cursor.value, bad);
    if (last) entry = nextEntry(last, { policyId, ...fields });
    else {
      const raws: unknown[] = await tx.objectStore(STORES.captures).getAll(piecesRange(policyId));
      const readable = raws.flatMap((raw) => CaptureRecord.safeParse(raw).data ?? []);
      const seq = Number((cursor.primaryKey as unknown[])[1]) + 1;
      entry = sealEntry({ policyId, ...fields, seq: Number.isSafeInteger(seq) ? seq : readable.length, prevSha256: readable.at(-1)?.sha256 ?? null });
    }
  }
  writes.push(putChecked(tx, STORES.captures, entry));
  return entry;
}

/** The chain entry that brought in a version's raw capture (for the capture time of a re-extraction). */
export async function lastEntryOf(tx: AnyTx, v: VersionRecord, bad: Bad[]): Promise<ChainEntry | undefined> {
  const raws: unknown[] = await tx.objectStore(STORES.captures).getAll(piecesRange(v.policyId));
  const entries = raws.flatMap((raw) => check(CaptureRecord, STORES.captures, primaryKeyOf(STORES.captures, raw), raw, bad) ?? []);
  return entries.find((e) => e.versionId === v.versionId && e.rawSha256 === v.rawSha256 && e.kind === 'capture');
}
