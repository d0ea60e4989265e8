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

/** The site a policy belongs to, read loosely from its record (undefined when the record is missing or damaged). */
export async function siteOfPolicy(tx: AnyTx, policyId: string): Promise<string | undefined> {
  const policy = (await tx.objectStore(STORES.policies).get(policyId)) as { site?: unknown } | undefined;
  return typeof policy?.site === 'string' ? policy.site : undefined;
}

/** Newest valid versions of a policy, newest first. */
export async function latestVersions(tx: AnyTx, policyId: string, limit: number, bad: Bad[]): Promise<VersionRecord[]> {
  return (await policyVersions(tx, policyId, bad)).reverse().slice(0, limit);
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
      for (const raw of rawChunks as unknown[]) {
        const chunk = check(ChunkRecord, STORES.chunks, primaryKeyOf(STORES.chunks, raw), raw, bad);
        if (chunk) pieces.chunks.set(pieceId(policyId, chunk.key), chunk);
      }
      for (const raw of rawBlocks as unknown[]) {
        const record = check(BlockRecord, STORES.blocks, primaryKeyOf(STORES.blocks, raw), raw, bad);
        if (record) pieces.blocks.set(pieceId(policyId, record.key), record.block);
      }
    }),
  );
  return pieces;
}

export async function assemble(tx: AnyTx, versions: VersionRecord[], bad: Bad[]): Promise<Map<string, Assembled>> {
  return assembleFrom(versions, await readPieces(tx, versions.map((v) => v.policyId), bad));
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
