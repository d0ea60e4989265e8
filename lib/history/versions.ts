/**
 * A policy's versions as read: the checked version records, their texts put together from the chunks
 * and blocks they name, and the shapes callers are given (VersionMeta, StoredVersion).
 */
import { digestOf, type Block, type PolicyDocument } from '../core/schema';
import { versionOrder } from '../core/version-order';
import { INDEX_VERSION_BY_POLICY, STORES } from './db';
import { contentHashInput, sha256Hex } from './hash';
import { check, primaryKeyOf, type Bad } from './records';
import { BlockRecord, ChunkRecord, VersionRecord, type StoredVersion, type VersionMeta } from './schema';
import { pieceId, piecesRange, policyRange, type AnyTx } from './context';
import { siteOfPolicyId } from './site';

export function toMeta(v: VersionRecord): VersionMeta {
  return {
    versionId: v.versionId,
    policyId: v.policyId,
    firstSeen: v.firstSeen,
    lastSeen: v.lastSeen,
    contentHash: v.contentHash,
    statedDate: v.statedDate,
    url: v.url,
    title: v.title,
    language: v.language,
    words: v.extraction.words,
    blockCount: v.blockCount,
    reviewed: v.reviewed,
    extractorVersion: v.extractorVersion,
    rawSha256: v.rawSha256,
    reextractedFrom: v.reextracted?.from ?? null,
    checkedBy: v.checkedBy ?? null,
    counts: v.analysis?.counts ?? null,
    digest: v.analysis ? digestOf(v.analysis) : null,
  };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A policy's valid versions, oldest first, in one request (a cursor costs a round trip per step). The index
 * orders them by time, and versions of one time by their random ids: they are sorted again in the one order
 * of versions (lib/core/version-order.ts), which breaks a tie by the text.
 */
export async function policyVersions(tx: AnyTx, policyId: string, bad: Bad[]): Promise<VersionRecord[]> {
  const raws: unknown[] = await tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_POLICY).getAll(policyRange(policyId));
  return raws.flatMap((raw) => check(VersionRecord, STORES.versions, primaryKeyOf(STORES.versions, raw), raw, bad) ?? []).sort(versionOrder);
}

/**
 * The site a policy belongs to, read loosely from its record; when the record is missing or damaged, the
 * site its id names, where one site's reads list it (read.ts readSiteIndex). Undefined when neither says.
 */
export async function siteOfPolicy(tx: AnyTx, policyId: string): Promise<string | undefined> {
  const policy = (await tx.objectStore(STORES.policies).get(policyId)) as { site?: unknown } | undefined;
  return typeof policy?.site === 'string' ? policy.site : siteOfPolicyId(policyId);
}

/**
 * Newest valid versions of a policy, newest first, reading those and not the policy's other versions. The
 * versions' index is ordered by policy and time: a key cursor walked back from the newest finds the time of
 * the `limit`-th newest, and one range request reads every version from that time on (a tie of times whole:
 * the one order of versions breaks it by the text, not by the index's order). A version that fails its
 * check is skipped, as policyVersions skips it, and the next older ones are read in its place.
 */
export async function latestVersions(tx: AnyTx, policyId: string, limit: number, bad: Bad[]): Promise<VersionRecord[]> {
  const index = tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_POLICY);
  const found: VersionRecord[] = [];
  // Versions before `upper` (inclusive until the first range is read) are still to read.
  let upper = Infinity;
  let upperOpen = false;
  while (found.length < limit) {
    const below = IDBKeyRange.bound([policyId, -Infinity], [policyId, upper], false, upperOpen);
    let cursor = await index.openKeyCursor(below, 'prev');
    if (!cursor) break;
    let from = timeOfKey(cursor.key);
    for (let more = limit - found.length - 1; more > 0 && cursor; more--) {
      cursor = await cursor.continue();
      if (cursor) from = timeOfKey(cursor.key);
    }
    const raws: unknown[] = await index.getAll(IDBKeyRange.bound([policyId, from], [policyId, upper], false, upperOpen));
    found.push(...raws.flatMap((raw) => check(VersionRecord, STORES.versions, primaryKeyOf(STORES.versions, raw), raw, bad) ?? []));
    upper = from;
    upperOpen = true;
  }
  return found.sort((a, b) => versionOrder(b, a)).slice(0, limit);
}

/** The time in a key of the versions' index ([policyId, firstSeen]; within a policy's range, a number). */
function timeOfKey(key: IDBValidKey): number {
  return (key as [string, number])[1];
}

export type Assembled = { blocks: Block[]; missing: number };
/** Chunks and blocks by `policyId NUL key`. */
export type Pieces = { chunks: Map<string, ChunkRecord>; blocks: Map<string, Block> };

/**
 * Reads all chunks and blocks of the given policies with one range request per store and policy:
 * far fewer round trips than one get per paragraph, which is what a browser's IndexedDB charges for.
 */
export async function readPieces(tx: AnyTx, policyIds: Iterable<string>, bad: Bad[], pieces: Pieces = { chunks: new Map(), blocks: new Map() }): Promise<Pieces> {
  await Promise.all(
    [...new Set(policyIds)].map(async (policyId) => {
      const range = piecesRange(policyId);
      const [rawChunks, rawBlocks] = await Promise.all([
        tx.objectStore(STORES.chunks).getAll(range),
        tx.objectStore(STORES.blocks).getAll(range),
      ]);
      for (const raw of rawChunks as unknown[]) keepChunk(pieces, policyId, raw, bad);
      for (const raw of rawBlocks as unknown[]) keepBlock(pieces, policyId, raw, bad);
    }),
  );
  return pieces;
}

/**
 * Past this many times the pieces a read needs, a policy's stored chunks or blocks are read one request per
 * piece instead of with one range request over the policy: a request costs about a tenth of a millisecond
 * in a browser, a record read with others far less, so the range request is cheaper until the policy holds
 * many times what is asked (a long history of a page rewritten each time), where it would cost what the
 * whole history costs.
 */
const PIECES_RANGE_FACTOR = 8;

/**
 * Reads the chunks the given versions name and the blocks those chunks name, and not the rest of their
 * policies' pieces (within PIECES_RANGE_FACTOR: how many a policy stores is counted first, keys only).
 */
export async function readPiecesOf(tx: AnyTx, versions: VersionRecord[], bad: Bad[]): Promise<Pieces> {
  const pieces: Pieces = { chunks: new Map(), blocks: new Map() };
  const byPolicy = new Map<string, VersionRecord[]>();
  for (const v of versions) byPolicy.set(v.policyId, [...(byPolicy.get(v.policyId) ?? []), v]);
  await Promise.all([...byPolicy].map(([policyId, list]) => readPolicyPieces(tx, policyId, list, bad, pieces)));
  return pieces;
}

/** One policy's part of readPiecesOf: its chunks the versions name, then the blocks those chunks name. */
async function readPolicyPieces(tx: AnyTx, policyId: string, versions: VersionRecord[], bad: Bad[], pieces: Pieces): Promise<void> {
  const range = piecesRange(policyId);
  const [storedChunks, storedBlocks] = await Promise.all([tx.objectStore(STORES.chunks).count(range), tx.objectStore(STORES.blocks).count(range)]);
  const blockKeys = new Set<string>();
  for (const raw of await readNamed(tx, STORES.chunks, policyId, [...new Set(versions.flatMap((v) => v.chunks))], storedChunks)) {
    for (const key of keepChunk(pieces, policyId, raw, bad)?.blocks ?? []) blockKeys.add(key);
  }
  for (const raw of await readNamed(tx, STORES.blocks, policyId, [...blockKeys], storedBlocks)) keepBlock(pieces, policyId, raw, bad);
}

/** A stored chunk of `policyId` kept in `pieces` if it reads (else noted in `bad`); the chunk, or undefined. */
function keepChunk(pieces: Pieces, policyId: string, raw: unknown, bad: Bad[]): ChunkRecord | undefined {
  const chunk = check(ChunkRecord, STORES.chunks, primaryKeyOf(STORES.chunks, raw), raw, bad);
  if (chunk) pieces.chunks.set(pieceId(policyId, chunk.key), chunk);
  return chunk;
}

/** A stored paragraph of `policyId` kept in `pieces` if it reads (else noted in `bad`). */
function keepBlock(pieces: Pieces, policyId: string, raw: unknown, bad: Bad[]): void {
  const record = check(BlockRecord, STORES.blocks, primaryKeyOf(STORES.blocks, raw), raw, bad);
  if (record) pieces.blocks.set(pieceId(policyId, record.key), record.block);
}

/**
 * The pieces of a policy under `keys`, of the `stored` it has: all of them with one range request while they
 * are not many times more than `keys` (PIECES_RANGE_FACTOR), else one request per key.
 */
async function readNamed(tx: AnyTx, store: typeof STORES.chunks | typeof STORES.blocks, policyId: string, keys: string[], stored: number): Promise<unknown[]> {
  if (keys.length === 0 || stored === 0) return [];
  if (stored <= keys.length * PIECES_RANGE_FACTOR) return tx.objectStore(store).getAll(piecesRange(policyId));
  const found: unknown[] = await Promise.all(keys.map((key) => tx.objectStore(store).get([policyId, key])));
  return found.filter((raw) => raw !== undefined);
}

/** The texts of some versions, from the pieces they name (readPiecesOf). */
export async function assemble(tx: AnyTx, versions: VersionRecord[], bad: Bad[]): Promise<Map<string, Assembled>> {
  return assembleFrom(versions, await readPiecesOf(tx, versions, bad));
}

export function assembleFrom(versions: VersionRecord[], pieces: Pieces): Map<string, Assembled> {
  const out = new Map<string, Assembled>();
  for (const v of versions) {
    const list: Block[] = [];
    let found = 0;
    for (const chunkKey of v.chunks) {
      const chunk = pieces.chunks.get(pieceId(v.policyId, chunkKey));
      if (!chunk) continue;
      for (const blockKey of chunk.blocks) {
        const block = pieces.blocks.get(pieceId(v.policyId, blockKey));
        if (block) {
          list.push(block);
          found++;
        }
      }
    }
    out.set(v.versionId, { blocks: list, missing: Math.max(0, v.blockCount - found) });
  }
  return out;
}

export function toDocument(v: VersionRecord, assembled: Assembled): PolicyDocument {
  const notes = [...v.extraction.notes];
  if (assembled.missing > 0) notes.push(`${assembled.missing} block(s) of this version could not be read from storage`);
  return {
    url: v.url,
    title: v.title,
    language: v.language,
    statedDate: v.statedDate,
    blocks: assembled.blocks,
    extraction: { ...v.extraction, notes },
  };
}

export async function contentHashOf(doc: PolicyDocument): Promise<string> {
  return sha256Hex(contentHashInput(doc));
}

/** The document, checked against its content hash: silent damage is reported, never passed off as text. */
export async function toStored(v: VersionRecord, assembled: Assembled): Promise<StoredVersion> {
  const document = toDocument(v, assembled);
  const damaged = assembled.missing > 0 || (await contentHashOf(document)) !== v.contentHash;
  return { ...toMeta(v), document, analysis: v.analysis, damaged };
}
