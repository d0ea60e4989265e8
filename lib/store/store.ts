/**
 * The history of every policy the user has seen, in IndexedDB.
 *
 * Layout: a site has policies; a policy has versions; a version lists chunk keys; a chunk lists block
 * keys; a block holds one paragraph, heading or list item. Chunks and blocks are content-addressed and
 * shared by every version of the policy that contains them, so a new version of a long policy costs its
 * metadata plus the chunks and blocks that actually changed. They are keyed [policyId, key] so that a
 * version is read with a few range requests, not one request per paragraph (a browser's IndexedDB
 * charges about a tenth of a millisecond per request); the price is that two policies containing the
 * same paragraph store it twice.
 *
 * Safety rules followed throughout:
 *  - everything asynchronous that is not IndexedDB (hashing, the change analysis) happens outside
 *    transactions, so a transaction never auto-commits half-way;
 *  - a save is checked and written in one readwrite transaction, against the latest version it read
 *    before (optimistic: if another tab saved in between, it starts over), so two tabs saving the same
 *    policy give one version, and a save cut short writes nothing and can simply be repeated;
 *  - saves of one policy through one connection wait for each other, and a save that lost the race to
 *    another connection starts over after a growing, jittered pause, so simultaneous captures all land;
 *  - every record read is parsed; one that fails is moved to the quarantine store and the read goes on.
 */
import type { IDBPTransaction } from 'idb';
import type { ZodType } from 'zod';
import { checkChain, nextEntry, sealEntry, type ChainEntry } from '../evidence/chain';
import { sha256Hex as sha256OfBytes } from '../evidence/digest';
import type { EvidencePolicy } from '../evidence/export';
import { gunzip, prepareRaw, type PreparedRaw } from '../evidence/raw';
import { renderExtractedText, textSha256 } from '../evidence/text';
import { ChangeAnalysis, PolicyDocument, digestOf, type Block } from '../schema';
import {
  ALL_STORES,
  DEFAULT_NAME,
  INDEX_VERSION_BY_CHECKED,
  INDEX_SUMMARY_BY_ALERT,
  INDEX_VERSION_BY_POLICY,
  STORES,
  openDatabase,
  type Database,
  type StoreName,
} from './db';
import { StoreError, toStoreError } from './errors';
import { contentHashInput, newVersionId, prepareDocument, sha256Hex, type PreparedDocument } from './hash';
import { SCHEMAS, check, describeIssues, primaryKeyOf, type Bad } from './records';
import {
  BlockRecord,
  CaptureRecord,
  ChunkRecord,
  ExportFile,
  PolicyKind,
  PolicyRecord,
  QuarantineEntry,
  RawRecord,
  ReextractionProgress,
  SiteRecord,
  SiteStateRecord,
  VersionRecord,
  type ChainStatus,
  type PendingPolicy,
  type ExportPolicy,
  type ExportSite,
  type ExportVersion,
  type ImportResult,
  type PolicySummary,
  type SaveOutcome,
  type SiteSummary,
  type StoredVersion,
  type Usage,
  type VersionMeta,
} from './schema';
import { normalizePolicyPath, originForUrl, parsePolicyId, policyIdFor, policyKeyFor, siteForUrl } from './site';
import { pendingChange } from '../review';

export type AnalyzeFn = (previous: PolicyDocument, next: PolicyDocument) => ChangeAnalysis | Promise<ChangeAnalysis>;

/** Extracts a policy from a raw capture (the background runs the page pipeline in its DOM). */
export type ExtractFn = (html: string, url: string) => Promise<{ ok: true; document: PolicyDocument } | { ok: false; reason: string }>;

export type SaveInput = {
  url: string;
  document: PolicyDocument;
  kind: PolicyKind;
  analyze?: AnalyzeFn;
  /** The page the document was extracted from, kept as a raw capture: as serialised on a visit, or as fetched by a check. */
  raw?: { html: string; source: 'visit' | 'check' };
  /** The extractor that made `document` (lib/extract EXTRACTOR_VERSION); 0 when unknown. */
  extractorVersion?: number;
  /**
   * When the policy's latest version was extracted by an older extractor from a kept capture, it is
   * re-extracted with this first, so the comparison is between texts of the same extractor and a
   * change of extractor never reads as a change of policy.
   */
  reextract?: ExtractFn;
};

export type ReextractOutcome = 'changed-text' | 'same-text' | 'failed' | 'skipped';

export type PruneResult = { removedVersions: number; removedRaw: number; bytesBefore: number; bytesAfter: number };

/** Estimated bytes of a stored value: its JSON, with binary data (a raw capture's gzip) at its length. */
function sizeOf(value: unknown): number {
  let binary = 0;
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      binary += v.byteLength;
      return 0;
    }
    return v;
  });
  return (json?.length ?? 0) + binary;
}

export type SaveResult = SaveOutcome & {
  /** Set when `analyze` threw or returned something invalid; the version is stored without analysis. */
  analysisError?: string;
};

export interface PolicyStore {
  savePolicyVersion(input: SaveInput): Promise<SaveResult>;
  listSites(): Promise<SiteSummary[]>;
  getSite(site: string): Promise<SiteSummary | undefined>;
  listPolicies(site: string): Promise<PolicySummary[]>;
  listVersions(policyId: string): Promise<VersionMeta[]>;
  getVersion(versionId: string): Promise<StoredVersion | undefined>;
  getLatestTwo(policyId: string): Promise<{ latest?: StoredVersion; previous?: StoredVersion }>;
  markReviewed(versionId: string, reviewed?: boolean): Promise<void>;
  siteForUrl(url: string): string;
  usage(): Promise<Usage>;
  prune(options?: { targetBytes?: number }): Promise<PruneResult>;
  listQuarantine(): Promise<QuarantineEntry[]>;
  exportAll(): Promise<ExportFile>;
  importAll(data: unknown): Promise<ImportResult>;
  /** Versions whose raw capture no extractor as new as `extractorVersion` has read, at most `limit`. */
  pendingReextraction(extractorVersion: number, limit: number): Promise<string[]>;
  /** Re-extracts one version's raw capture; a different text replaces the stored one, never as a change. */
  reextractVersion(versionId: string, extractorVersion: number, extract: ExtractFn): Promise<ReextractOutcome>;
  reextractionProgress(): Promise<ReextractionProgress | null>;
  /** A raw capture's page, decompressed, or undefined when it is not (or no longer) kept. */
  readRawCapture(sha256: string): Promise<string | undefined>;
  /** Whether each policy of a site has a chain that verifies against its stored versions and raw captures. */
  verifyChains(site: string): Promise<ChainStatus[]>;
  /** Everything the evidence export holds, for one site or (null) every site. */
  evidence(site: string | null): Promise<EvidencePolicy[]>;
  /** One site's badge state (one small record; null when the site has no history). */
  siteState(site: string): Promise<SiteStateRecord | null>;
  /** The sites with an unreviewed major change, at most `limit` of them (an index lookup). */
  alertSites(limit?: number): Promise<string[]>;
  close(): void;
}

export type OpenOptions = {
  idb: IDBFactory;
  name?: string;
  clock?: () => number;
};

type AnyTx = IDBPTransaction<unknown, StoreName[], IDBTransactionMode>;
type RwTx = IDBPTransaction<unknown, StoreName[], 'readwrite'>;

/**
 * A save starts over only when another connection saved the same policy in between, so each retry means
 * someone else's save landed: with a pause that doubles (jittered, at most a second), 40 attempts outlast
 * any burst of captures a browser produces (several tabs and pages at once), yet cannot spin forever.
 */
const SAVE_ATTEMPTS = 40;
const RETRY_BASE_MS = 4;
const RETRY_MAX_MS = 1_000;

function retryPause(attempt: number): Promise<void> {
  const ms = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function policyRange(policyId: string): IDBKeyRange {
  return IDBKeyRange.bound([policyId, -Infinity], [policyId, Infinity]);
}

/** All [policyId, key] keys of one policy: arrays sort after strings, so [policyId, []] bounds them. */
function piecesRange(policyId: string): IDBKeyRange {
  return IDBKeyRange.bound([policyId], [policyId, []]);
}

function pieceId(policyId: string, key: string): string {
  return `${policyId}\u0000${key}`;
}

function pieceKeyOf(key: IDBValidKey): string {
  return Array.isArray(key) ? String(key[1]) : '';
}

function toMeta(v: VersionRecord): VersionMeta {
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
    counts: v.analysis?.counts ?? null,
    digest: v.analysis ? digestOf(v.analysis) : null,
  };
}

function isUnreviewedMajor(v: VersionRecord): boolean {
  return !v.reviewed && (v.analysis?.counts.major ?? 0) > 0;
}

/** Policy ids read `kind:origin/path`; used to keep a policy listed when its own record was quarantined. */
function policyFromVersions(policyId: string, versions: VersionRecord[]): PolicyRecord | undefined {
  const parts = parsePolicyId(policyId);
  const kind = PolicyKind.safeParse(parts?.kind);
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (!parts || !kind.success || !first || !last) return undefined;
  let site: string;
  try {
    site = siteForUrl(parts.origin);
  } catch {
    return undefined;
  }
  return {
    policyId,
    kind: kind.data,
    site,
    origin: parts.origin,
    path: parts.path,
    url: last.url,
    title: last.title,
    firstSeen: first.firstSeen,
    lastSeen: Math.max(...versions.map((v) => v.lastSeen)),
  };
}

function summarisePolicy(policy: PolicyRecord, versions: VersionRecord[]): PolicySummary {
  const latest = versions[versions.length - 1];
  return {
    ...policy,
    versions: versions.length,
    latestVersionId: latest?.versionId ?? null,
    lastChange: versions.length > 1 && latest ? latest.firstSeen : null,
    unreviewedMajor: versions.filter(isUnreviewedMajor).length,
  };
}

/** A registrable domain or bare host, as siteForUrl would produce it. */
function isSiteName(site: string): boolean {
  try {
    return siteForUrl(`https://${site.includes(':') ? `[${site}]` : site}/`) === site;
  } catch {
    return false;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Put that validates first: a record that would not survive a read is never written. */
function putChecked(tx: RwTx, store: Exclude<StoreName, 'quarantine'>, value: unknown): Promise<IDBValidKey> {
  const parsed = SCHEMAS[store].safeParse(value);
  if (!parsed.success) {
    throw new StoreError('corrupt', `Refused to write an invalid ${store} record: ${describeIssues(parsed.error)}`);
  }
  const request = tx.objectStore(store).put(parsed.data);
  // Awaited later with the other writes; if the transaction aborts first, the rejection is expected.
  request.catch(() => undefined);
  return request;
}

function abortQuietly(tx: AnyTx): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted.
  }
}

export async function openPolicyStore(options: OpenOptions): Promise<PolicyStore> {
  const clock = options.clock ?? (() => Date.now());
  const db: Database = await openDatabase(options.idb, options.name ?? DEFAULT_NAME, undefined, clock);

  /** Opening a transaction throws at once when the connection was closed (extension update). */
  function begin(stores: StoreName[], mode: 'readonly', what: string): AnyTx;
  function begin(stores: StoreName[], mode: 'readwrite', what: string): RwTx;
  function begin(stores: StoreName[], mode: IDBTransactionMode, what: string): AnyTx {
    let tx: AnyTx;
    try {
      tx = db.transaction(stores, mode) as AnyTx;
    } catch (error) {
      throw toStoreError(error, what);
    }
    // Callers that abort do not always await `done`; its rejection then is expected, not unhandled.
    tx.done.catch(() => undefined);
    return tx;
  }

  /** Moves records that failed validation aside. Best effort: a failure here must not break the read. */
  async function quarantine(bad: Bad[]): Promise<void> {
    if (bad.length === 0) return;
    const seen = new Set<string>();
    const unique = bad.filter((b) => {
      const id = `${b.store}\u0000${JSON.stringify(b.key)}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const stores = [...new Set(unique.map((b) => b.store))];
    let tx: RwTx | undefined;
    try {
      tx = begin([...stores, STORES.quarantine], 'readwrite', 'quarantine invalid records');
      for (const b of unique) {
        const raw: unknown = await tx.objectStore(b.store).get(b.key);
        if (raw === undefined || SCHEMAS[b.store].safeParse(raw).success) continue;
        const entry = QuarantineEntry.parse({ store: b.store, key: JSON.stringify(b.key), raw, reason: b.reason, at: clock() });
        await tx.objectStore(STORES.quarantine).add(entry);
        await tx.objectStore(b.store).delete(b.key);
      }
      await tx.done;
    } catch (error) {
      if (tx) abortQuietly(tx);
      console.warn('[Clausewatch] could not quarantine invalid records', error);
    }
  }

  /** Runs a read, then quarantines whatever it found invalid. */
  async function reading<T>(what: string, stores: StoreName[], body: (tx: AnyTx, bad: Bad[]) => Promise<T>): Promise<T> {
    const bad: Bad[] = [];
    let result: T;
    const tx = begin(stores, 'readonly', what);
    try {
      result = await body(tx, bad);
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      throw toStoreError(error, what, tx.error);
    }
    await quarantine(bad);
    return result;
  }

  /** A policy's valid versions, oldest first, in one request (a cursor costs a round trip per step). */
  async function policyVersions(tx: AnyTx, policyId: string, bad: Bad[]): Promise<VersionRecord[]> {
    const raws: unknown[] = await tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_POLICY).getAll(policyRange(policyId));
    return raws.flatMap((raw) => check(VersionRecord, STORES.versions, primaryKeyOf(STORES.versions, raw), raw, bad) ?? []);
  }

  /** Newest valid versions of a policy, newest first. */
  async function latestVersions(tx: AnyTx, policyId: string, limit: number, bad: Bad[]): Promise<VersionRecord[]> {
    return (await policyVersions(tx, policyId, bad)).reverse().slice(0, limit);
  }

  type Assembled = { blocks: Block[]; missing: number };
  /** Chunks and blocks by `policyId NUL key`. */
  type Pieces = { chunks: Map<string, ChunkRecord>; blocks: Map<string, Block> };

  /**
   * Reads all chunks and blocks of the given policies with one range request per store and policy:
   * far fewer round trips than one get per paragraph, which is what a browser's IndexedDB charges for.
   */
  async function readPieces(tx: AnyTx, policyIds: Iterable<string>, bad: Bad[], pieces: Pieces = { chunks: new Map(), blocks: new Map() }): Promise<Pieces> {
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

  async function assemble(tx: AnyTx, versions: VersionRecord[], bad: Bad[]): Promise<Map<string, Assembled>> {
    return assembleFrom(versions, await readPieces(tx, versions.map((v) => v.policyId), bad));
  }

  function assembleFrom(versions: VersionRecord[], pieces: Pieces): Map<string, Assembled> {
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

  function toDocument(v: VersionRecord, assembled: Assembled): PolicyDocument {
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

  async function contentHashOf(doc: PolicyDocument): Promise<string> {
    return sha256Hex(contentHashInput(doc));
  }

  /** The document, checked against its content hash: silent damage is reported, never passed off as text. */
  async function toStored(v: VersionRecord, assembled: Assembled): Promise<StoredVersion> {
    const document = toDocument(v, assembled);
    const damaged = assembled.missing > 0 || (await contentHashOf(document)) !== v.contentHash;
    return { ...toMeta(v), document, analysis: v.analysis, damaged };
  }

  /**
   * Writes the chunks and blocks of a document that the policy does not have yet. Checking each piece
   * (not just each chunk) also puts back a paragraph that was quarantined, which heals every version
   * that lost it, so it is done for unchanged captures too.
   */
  async function writePieces(tx: RwTx, policyId: string, prepared: PreparedDocument, writes: Promise<unknown>[]): Promise<void> {
    const range = piecesRange(policyId);
    const [chunkKeys, blockKeys] = await Promise.all([
      tx.objectStore(STORES.chunks).getAllKeys(range),
      tx.objectStore(STORES.blocks).getAllKeys(range),
    ]);
    const haveChunks = new Set(chunkKeys.map(pieceKeyOf));
    const haveBlocks = new Set(blockKeys.map(pieceKeyOf));
    for (const chunk of prepared.chunks) {
      if (haveChunks.has(chunk.key)) continue;
      haveChunks.add(chunk.key);
      writes.push(putChecked(tx, STORES.chunks, { policyId, key: chunk.key, blocks: chunk.blocks }));
    }
    for (const [key, block] of prepared.blocks) {
      if (!haveBlocks.has(key)) writes.push(putChecked(tx, STORES.blocks, { policyId, key, block }));
    }
  }

  async function upsertPolicyAndSite(
    tx: RwTx,
    bad: Bad[],
    policy: Omit<PolicyRecord, 'firstSeen' | 'lastSeen'>,
    firstSeen: number,
    lastSeen: number,
    writes: Promise<unknown>[],
  ): Promise<void> {
    const [rawPolicy, rawSite] = await Promise.all([
      tx.objectStore(STORES.policies).get(policy.policyId),
      tx.objectStore(STORES.sites).get(policy.site),
    ]);
    const oldPolicy = check(PolicyRecord, STORES.policies, policy.policyId, rawPolicy, bad);
    const oldSite = check(SiteRecord, STORES.sites, policy.site, rawSite, bad);
    const newer = !oldPolicy || lastSeen >= oldPolicy.lastSeen;
    writes.push(
      putChecked(tx, STORES.policies, {
        ...policy,
        url: newer ? policy.url : oldPolicy.url,
        title: newer ? policy.title : oldPolicy.title,
        firstSeen: Math.min(firstSeen, oldPolicy?.firstSeen ?? Infinity),
        lastSeen: Math.max(lastSeen, oldPolicy?.lastSeen ?? -Infinity),
      }),
    );
    writes.push(
      putChecked(tx, STORES.sites, {
        site: policy.site,
        firstSeen: Math.min(firstSeen, oldSite?.firstSeen ?? Infinity),
        lastSeen: Math.max(lastSeen, oldSite?.lastSeen ?? -Infinity),
      }),
    );
  }

  const WRITE_STORES: StoreName[] = [STORES.sites, STORES.policies, STORES.versions, STORES.chunks, STORES.blocks, STORES.captures];
  const SAVE_STORES: StoreName[] = [...WRITE_STORES, STORES.raw];

  /**
   * Appends an entry to a policy's chain in a readwrite transaction: numbered after the last one stored
   * and sealed with its hash (one cursor step). When the last stored entry cannot be read (it goes to the
   * quarantine), the new one is numbered after it all the same and linked to the last readable entry, so
   * the chain shows the break instead of papering over it, and the capture is still recorded.
   */
  async function appendEntry(tx: RwTx, policyId: string, bad: Bad[], fields: Omit<ChainEntry, 'seq' | 'prevSha256' | 'sha256' | 'policyId'>, writes: Promise<unknown>[]): Promise<ChainEntry> {
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

  /** Writes a raw capture unless it is already stored (content-addressed: the same page is kept once). */
  async function writeRaw(tx: RwTx, raw: PreparedRaw, writes: Promise<unknown>[]): Promise<void> {
    const have = await tx.objectStore(STORES.raw).getKey(raw.sha256);
    if (have === undefined) writes.push(putChecked(tx, STORES.raw, { sha256: raw.sha256, bytes: raw.bytes, gzip: raw.gzip }));
  }

  async function savePolicyVersion(input: SaveInput): Promise<SaveResult> {
    const parsedDoc = PolicyDocument.safeParse(input.document);
    if (!parsedDoc.success) {
      throw new StoreError('invalid-input', `Not a valid policy document: ${describeIssues(parsedDoc.error)}`);
    }
    const kind = PolicyKind.safeParse(input.kind);
    if (!kind.success) throw new StoreError('invalid-input', `Unknown policy kind: ${String(input.kind)}`);
    const document = parsedDoc.data;
    const { site, origin, path, policyId } = policyKeyFor(input.url, kind.data);
    const prepared = await prepareDocument(document);
    const raw = input.raw ? await prepareRaw(input.raw.html) : null;
    const text = textSha256(document);
    return oneAtATime(policyId, async () => {
      await reextractStaleLatest(policyId, input);
      return saveAttempts({ input, document, kind: kind.data, site, origin, path, policyId, prepared, raw, text });
    });
  }

  /**
   * Before a capture is compared with the latest version: if an older extractor made that version's
   * text from a kept capture, the current one reads it again first (one version, the same work the
   * background re-extraction would do later), so what is compared is two texts of the same extractor.
   */
  async function reextractStaleLatest(policyId: string, input: SaveInput): Promise<void> {
    const extractorVersion = input.extractorVersion ?? 0;
    if (!input.reextract || extractorVersion < 1) return;
    const [latest] = await reading('read the stored policy', [STORES.versions], (tx, bad) => latestVersions(tx, policyId, 1, bad));
    if (latest?.checkedBy !== undefined && latest.checkedBy < extractorVersion) {
      await reextractVersion(latest.versionId, extractorVersion, input.reextract);
    }
  }

  /** Saves of one policy through this connection, one after another (the next starts when one settles). */
  const saving = new Map<string, Promise<unknown>>();
  function oneAtATime<T>(policyId: string, run: () => Promise<T>): Promise<T> {
    const next = (saving.get(policyId) ?? Promise.resolve()).then(run);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    saving.set(policyId, settled);
    void settled.then(() => {
      if (saving.get(policyId) === settled) saving.delete(policyId);
    });
    return next;
  }

  async function saveAttempts({
    input,
    document,
    kind,
    site,
    origin,
    path,
    policyId,
    prepared,
    raw,
    text,
  }: {
    input: SaveInput;
    document: PolicyDocument;
    kind: PolicyKind;
    site: string;
    origin: string;
    path: string;
    policyId: string;
    prepared: PreparedDocument;
    raw: PreparedRaw | null;
    /** SHA-256 of the document's text (lib/evidence/text.ts). */
    text: string;
  }): Promise<SaveResult> {
    const extractorVersion = input.extractorVersion ?? 0;
    const source = input.raw?.source ?? 'unknown';
    for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      const previous = await reading('read the stored policy', [STORES.versions, STORES.chunks, STORES.blocks], async (tx, bad) => {
        const [latest] = await latestVersions(tx, policyId, 1, bad);
        if (!latest || latest.contentHash === prepared.contentHash || !input.analyze) return { latest, document: undefined };
        const assembled = await assemble(tx, [latest], bad);
        return { latest, document: toDocument(latest, assembled.get(latest.versionId)!) };
      });

      let analysis: ChangeAnalysis | null = null;
      let analysisError: string | undefined;
      if (previous.document && input.analyze) {
        try {
          const result = ChangeAnalysis.safeParse(await input.analyze(previous.document, document));
          if (result.success) analysis = result.data;
          else analysisError = `the change analysis was not valid: ${describeIssues(result.error)}`;
        } catch (error) {
          analysisError = `the change analysis failed: ${error instanceof Error ? error.message : String(error)}`;
        }
      }

      const bad: Bad[] = [];
      const tx = begin(raw ? SAVE_STORES : WRITE_STORES, 'readwrite', 'save the policy');
      let outcome: SaveResult | 'retry';
      try {
        const [latest] = await latestVersions(tx, policyId, 1, bad);
        if (latest?.versionId !== previous.latest?.versionId || (latest && previous.latest && latest.contentHash !== previous.latest.contentHash)) {
          outcome = 'retry';
          abortQuietly(tx);
        } else {
          const now = clock();
          const writes: Promise<unknown>[] = [];
          const policyFields = { policyId, site, kind, origin, path, url: input.url, title: document.title };
          if (latest && latest.contentHash === prepared.contentHash) {
            const updated: VersionRecord = { ...latest, lastSeen: Math.max(latest.lastSeen, now) };
            // A version with no capture kept (stored before v4, or imported) keeps this one: the same
            // text, now with the page it came from, and made by the current extractor.
            if (raw && (latest.rawSha256 === null || (await tx.objectStore(STORES.raw).getKey(latest.rawSha256)) === undefined)) {
              await writeRaw(tx, raw, writes);
              updated.rawSha256 = raw.sha256;
              if (extractorVersion >= latest.extractorVersion) updated.extractorVersion = extractorVersion;
              updated.checkedBy = extractorVersion;
              const at = new Date(now).toISOString();
              await appendEntry(tx, policyId, bad, { kind: 'capture', versionId: latest.versionId, url: input.url, source, capturedAt: at, recordedAt: at, extractorVersion, rawSha256: raw.sha256, textSha256: text }, writes);
            }
            writes.push(putChecked(tx, STORES.versions, updated));
            await writePieces(tx, policyId, prepared, writes);
            await upsertPolicyAndSite(tx, bad, policyFields, now, now, writes);
            outcome = { status: 'unchanged', site, policyId, version: toMeta(updated) };
          } else {
            await writePieces(tx, policyId, prepared, writes);
            if (raw) await writeRaw(tx, raw, writes);
            // Strictly after the latest, so versions stay in order even if the clock steps back.
            const firstSeen = latest ? Math.max(now, latest.firstSeen + 1) : now;
            const version: VersionRecord = {
              versionId: newVersionId(),
              policyId,
              firstSeen,
              lastSeen: firstSeen,
              contentHash: prepared.contentHash,
              statedDate: document.statedDate,
              url: document.url,
              title: document.title,
              language: document.language,
              extraction: document.extraction,
              chunks: prepared.chunks.map((c) => c.key),
              blockCount: prepared.blockKeys.length,
              analysis: latest ? analysis : null,
              reviewed: false,
              extractorVersion,
              rawSha256: raw?.sha256 ?? null,
              ...(raw ? { checkedBy: extractorVersion } : {}),
            };
            writes.push(putChecked(tx, STORES.versions, version));
            const at = new Date(firstSeen).toISOString();
            await appendEntry(tx, policyId, bad, { kind: 'capture', versionId: version.versionId, url: document.url, source, capturedAt: at, recordedAt: at, extractorVersion, rawSha256: raw?.sha256 ?? null, textSha256: text }, writes);
            await upsertPolicyAndSite(tx, bad, policyFields, firstSeen, firstSeen, writes);
            outcome = {
              status: latest ? 'changed' : 'first',
              site,
              policyId,
              version: toMeta(version),
              ...(version.analysis ? { analysis: version.analysis } : {}),
              ...(latest && analysisError ? { analysisError } : {}),
            };
          }
          await Promise.all(writes);
          await tx.done;
        }
      } catch (error) {
        abortQuietly(tx);
        await tx.done.catch(() => undefined);
        await quarantine(bad);
        throw toStoreError(error, 'save the policy', tx.error);
      }
      if (outcome === 'retry') {
        await tx.done.catch(() => undefined);
        await retryPause(attempt);
        continue;
      }
      await quarantine(bad);
      return outcome;
    }
    throw new StoreError('conflict', 'The policy kept changing while Clausewatch was saving it; try again.');
  }

  // ---- re-extraction ----------------------------------------------------------------------------------

  async function pendingReextraction(extractorVersion: number, limit: number): Promise<string[]> {
    return reading('list captures to re-extract', [STORES.versions], async (tx) => {
      const keys = await tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_CHECKED).getAllKeys(IDBKeyRange.upperBound(extractorVersion, true), limit);
      return keys.map(String);
    });
  }

  async function readRawCapture(sha: string): Promise<string | undefined> {
    const record = await reading('read a raw capture', [STORES.raw], async (tx, bad) => check(RawRecord, STORES.raw, sha, await tx.objectStore(STORES.raw).get(sha), bad));
    if (!record) return undefined;
    return new TextDecoder().decode(await gunzip(record.gzip));
  }

  async function bumpProgress(tx: RwTx, extractorVersion: number, outcome: 'changed-text' | 'same-text' | 'failed', writes: Promise<unknown>[]): Promise<void> {
    const old = ReextractionProgress.safeParse(await tx.objectStore(STORES.meta).get('reextraction'));
    const base = old.success && old.data.extractorVersion === extractorVersion ? old.data : { key: 'reextraction' as const, extractorVersion, changedText: 0, sameText: 0, failed: 0, updatedAt: 0 };
    writes.push(
      putChecked(tx, STORES.meta, {
        ...base,
        changedText: base.changedText + (outcome === 'changed-text' ? 1 : 0),
        sameText: base.sameText + (outcome === 'same-text' ? 1 : 0),
        failed: base.failed + (outcome === 'failed' ? 1 : 0),
        updatedAt: clock(),
      }),
    );
  }

  /**
   * Reads one version's raw capture with `extract` (the current extractor) and records the result, in
   * one transaction with the progress, so a worker stopped at any point leaves each version either done
   * or still pending. A different text replaces the stored one (the version keeps its dates, its review
   * flag and the analysis the user saw); its chain gets a `reextraction` entry. Nothing here is ever
   * reported as a change. A capture the extractor cannot read keeps its older text, with the reason.
   */
  async function reextractVersion(versionId: string, extractorVersion: number, extract: ExtractFn): Promise<ReextractOutcome> {
    const found = await reading('read a capture to re-extract', [STORES.versions, STORES.raw], async (tx, bad) => {
      const v = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
      if (!v || v.checkedBy === undefined || v.checkedBy >= extractorVersion || !v.rawSha256) return { v: undefined, raw: undefined };
      return { v, raw: check(RawRecord, STORES.raw, v.rawSha256, await tx.objectStore(STORES.raw).get(v.rawSha256), bad) };
    });
    const v = found.v;
    if (!v) return 'skipped';

    let result: Awaited<ReturnType<ExtractFn>>;
    let html: string | null = null;
    if (!found.raw) result = { ok: false, reason: 'its raw capture is no longer stored' };
    else {
      try {
        html = new TextDecoder().decode(await gunzip(found.raw.gzip));
        result = { ok: false, reason: 'not read yet' };
      } catch (error) {
        result = { ok: false, reason: `its raw capture cannot be read: ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    if (html !== null) {
      try {
        result = await extract(html, v.url);
      } catch {
        // The extractor itself threw (no DOM yet while the worker starts, a lost message): not a verdict
        // on the page. Left pending, so the next run tries again, rather than stamped as failed.
        return 'skipped';
      }
    }
    let prepared: PreparedDocument | null = null;
    let document: PolicyDocument | null = null;
    if (result.ok) {
      const parsed = PolicyDocument.safeParse(result.document);
      if (parsed.success) {
        document = { ...parsed.data, url: v.url };
        prepared = await prepareDocument(document);
      } else result = { ok: false, reason: `the extractor returned an invalid document: ${describeIssues(parsed.error)}` };
    }
    const text = document ? textSha256(document) : null;

    const bad: Bad[] = [];
    const tx = begin([STORES.versions, STORES.chunks, STORES.blocks, STORES.captures, STORES.meta], 'readwrite', 're-extract a capture');
    try {
      const current = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
      // Done meanwhile by another page or worker: nothing to do.
      if (!current || current.checkedBy !== v.checkedBy || current.contentHash !== v.contentHash) {
        abortQuietly(tx);
        await tx.done.catch(() => undefined);
        return 'skipped';
      }
      const writes: Promise<unknown>[] = [];
      const now = clock();
      let outcome: Exclude<ReextractOutcome, 'skipped'>;
      if (!document || !prepared || !text) {
        const reason = result.ok ? 'unknown' : result.reason;
        const { checkedBy: _drop, ...rest } = current;
        // A capture that is gone cannot be read again; one that failed is not retried by this extractor.
        writes.push(putChecked(tx, STORES.versions, found.raw ? { ...current, checkedBy: extractorVersion, reextractionFailure: reason.slice(0, 500) } : rest));
        outcome = 'failed';
      } else {
        const same = prepared.contentHash === current.contentHash;
        outcome = same ? 'same-text' : 'changed-text';
        const { reextractionFailure: _old, ...kept } = current;
        const updated: VersionRecord = same
          ? { ...kept, extractorVersion, checkedBy: extractorVersion }
          : {
              ...kept,
              contentHash: prepared.contentHash,
              statedDate: document.statedDate,
              title: document.title,
              language: document.language,
              extraction: document.extraction,
              chunks: prepared.chunks.map((c) => c.key),
              blockCount: prepared.blockKeys.length,
              extractorVersion,
              checkedBy: extractorVersion,
              reextracted: { from: current.extractorVersion, at: now, previousContentHash: current.contentHash },
            };
        if (!same) await writePieces(tx, current.policyId, prepared, writes);
        writes.push(putChecked(tx, STORES.versions, updated));
        const capturedAt = (await lastEntryOf(tx, current, bad))?.capturedAt ?? new Date(current.firstSeen).toISOString();
        await appendEntry(tx, current.policyId, bad, { kind: 'reextraction', versionId, url: current.url, source: 'unknown', capturedAt, recordedAt: new Date(now).toISOString(), extractorVersion, rawSha256: current.rawSha256, textSha256: text }, writes);
      }
      await bumpProgress(tx, extractorVersion, outcome, writes);
      await Promise.all(writes);
      await tx.done;
      await quarantine(bad);
      return outcome;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      await quarantine(bad);
      throw toStoreError(error, 're-extract a capture', tx.error);
    }
  }

  /** The chain entry that brought in a version's raw capture (for the capture time of a re-extraction). */
  async function lastEntryOf(tx: AnyTx, v: VersionRecord, bad: Bad[]): Promise<ChainEntry | undefined> {
    const raws: unknown[] = await tx.objectStore(STORES.captures).getAll(piecesRange(v.policyId));
    const entries = raws.flatMap((raw) => check(CaptureRecord, STORES.captures, primaryKeyOf(STORES.captures, raw), raw, bad) ?? []);
    return entries.find((e) => e.versionId === v.versionId && e.rawSha256 === v.rawSha256 && e.kind === 'capture');
  }

  async function reextractionProgress(): Promise<ReextractionProgress | null> {
    return reading('read re-extraction progress', [STORES.meta], async (tx, bad) => check(ReextractionProgress, STORES.meta, 'reextraction', await tx.objectStore(STORES.meta).get('reextraction'), bad) ?? null);
  }

  type Everything = {
    sites: SiteRecord[];
    policies: PolicyRecord[];
    /** Valid versions grouped by policy, oldest first. */
    versionsByPolicy: Map<string, VersionRecord[]>;
  };

  async function readIndex(tx: AnyTx, bad: Bad[]): Promise<Everything> {
    const readAll = async <T>(store: 'sites' | 'policies' | 'versions', schema: ZodType<T>) => {
      const values: unknown[] = await tx.objectStore(store).getAll();
      return values.flatMap((raw) => check(schema, store, primaryKeyOf(store, raw), raw, bad) ?? []);
    };
    const [sites, policies, versions] = await Promise.all([
      readAll(STORES.sites, SiteRecord),
      readAll(STORES.policies, PolicyRecord),
      readAll(STORES.versions, VersionRecord),
    ]);
    const versionsByPolicy = new Map<string, VersionRecord[]>();
    for (const v of versions.sort((a, b) => a.firstSeen - b.firstSeen)) {
      const list = versionsByPolicy.get(v.policyId) ?? [];
      list.push(v);
      versionsByPolicy.set(v.policyId, list);
    }
    return { sites, policies, versionsByPolicy };
  }

  /** Policies with their versions, including ones whose own record was lost. */
  function allPolicies(all: Everything): PolicySummary[] {
    const out: PolicySummary[] = [];
    const known = new Set<string>();
    for (const p of all.policies) {
      known.add(p.policyId);
      out.push(summarisePolicy(p, all.versionsByPolicy.get(p.policyId) ?? []));
    }
    for (const [policyId, versions] of all.versionsByPolicy) {
      if (known.has(policyId)) continue;
      const rebuilt = policyFromVersions(policyId, versions);
      if (rebuilt) out.push(summarisePolicy(rebuilt, versions));
    }
    return out.sort((a, b) => a.site.localeCompare(b.site) || a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
  }

  function summariseSites(all: Everything): SiteSummary[] {
    const bySite = new Map<string, SiteSummary>();
    for (const s of all.sites) {
      bySite.set(s.site, { ...s, policies: 0, versions: 0, lastChange: null, unreviewedMajor: 0 });
    }
    for (const p of allPolicies(all)) {
      let summary = bySite.get(p.site);
      if (!summary) {
        summary = { site: p.site, firstSeen: p.firstSeen, lastSeen: p.lastSeen, policies: 0, versions: 0, lastChange: null, unreviewedMajor: 0 };
        bySite.set(p.site, summary);
      }
      summary.policies++;
      summary.versions += p.versions;
      summary.unreviewedMajor += p.unreviewedMajor;
      if (p.lastChange !== null) summary.lastChange = Math.max(summary.lastChange ?? -Infinity, p.lastChange);
    }
    return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
  }

  const INDEX_STORES: StoreName[] = [STORES.sites, STORES.policies, STORES.versions];

  async function listSites(): Promise<SiteSummary[]> {
    return reading('list sites', INDEX_STORES, async (tx, bad) => summariseSites(await readIndex(tx, bad)));
  }

  async function getSite(site: string): Promise<SiteSummary | undefined> {
    return (await listSites()).find((s) => s.site === site);
  }

  async function listPolicies(site: string): Promise<PolicySummary[]> {
    return reading('list policies', INDEX_STORES, async (tx, bad) => {
      // Through all versions, so that a policy whose own record was quarantined is still listed.
      return allPolicies(await readIndex(tx, bad)).filter((p) => p.site === site);
    });
  }

  async function listVersions(policyId: string): Promise<VersionMeta[]> {
    return reading('list versions', [STORES.versions], async (tx, bad) => (await policyVersions(tx, policyId, bad)).map(toMeta));
  }

  const DOC_STORES: StoreName[] = [STORES.versions, STORES.chunks, STORES.blocks];

  async function getVersion(versionId: string): Promise<StoredVersion | undefined> {
    const found = await reading('read the version', DOC_STORES, async (tx, bad) => {
      const v = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
      if (!v) return undefined;
      return { v, assembled: (await assemble(tx, [v], bad)).get(v.versionId)! };
    });
    return found && toStored(found.v, found.assembled);
  }

  async function getLatestTwo(policyId: string): Promise<{ latest?: StoredVersion; previous?: StoredVersion }> {
    const found = await reading('read the latest versions', DOC_STORES, async (tx, bad) => {
      const versions = await latestVersions(tx, policyId, 2, bad);
      return { versions, assembled: await assemble(tx, versions, bad) };
    });
    const [latest, previous] = await Promise.all(found.versions.map((v) => toStored(v, found.assembled.get(v.versionId)!)));
    return { ...(latest ? { latest } : {}), ...(previous ? { previous } : {}) };
  }

  // ---- per-site summaries (what the badge reads) -------------------------------------------------------

  /** A site's badge state from its policies' versions (oldest first). */
  function siteStateOf(site: string, policies: PolicySummary[], versionsByPolicy: Map<string, VersionRecord[]>): SiteStateRecord {
    const pending: PendingPolicy[] = [];
    let unreviewedMajor = 0;
    let lastChange: number | null = null;
    for (const p of policies) {
      const versions = versionsByPolicy.get(p.policyId) ?? [];
      unreviewedMajor += p.unreviewedMajor;
      if (p.lastChange !== null) lastChange = Math.max(lastChange ?? -Infinity, p.lastChange);
      const change = pendingChange(versions);
      if (!change) continue;
      const only = change.versions.length === 1 ? change.latest.analysis : null;
      pending.push({
        policyId: p.policyId,
        baselineVersionId: change.baseline.versionId,
        latestVersionId: change.latest.versionId,
        versions: change.versions.length,
        textKey: `${change.baseline.contentHash}>${change.latest.contentHash}`,
        digest: only ? digestOf(only) : null,
      });
    }
    return { site, alert: unreviewedMajor > 0 ? 1 : 0, unreviewedMajor, lastChange, pending };
  }

  /**
   * Rebuilds the summaries of `sites` (every site when null) from the history, in one transaction; a
   * summary whose site has no version left is deleted. Called after every write that can change what a
   * badge shows, and when the store opens (so a worker stopped between a write and this still ends up
   * right).
   */
  async function refreshSummaries(sites: Iterable<string> | null): Promise<void> {
    const bad: Bad[] = [];
    const tx = begin([STORES.sites, STORES.policies, STORES.versions, STORES.summaries], 'readwrite', 'update the site summaries');
    try {
      const all = await readIndex(tx, bad);
      const policies = allPolicies(all);
      const bySite = new Map<string, PolicySummary[]>();
      for (const p of policies) bySite.set(p.site, [...(bySite.get(p.site) ?? []), p]);
      const wanted = sites === null ? new Set([...bySite.keys(), ...((await tx.objectStore(STORES.summaries).getAllKeys()) as string[])]) : new Set(sites);
      const writes: Promise<unknown>[] = [];
      for (const site of wanted) {
        const list = bySite.get(site);
        if (!list || list.length === 0) writes.push(tx.objectStore(STORES.summaries).delete(site));
        else writes.push(putChecked(tx, STORES.summaries, siteStateOf(site, list, all.versionsByPolicy)));
      }
      await Promise.all(writes);
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw toStoreError(error, 'update the site summaries', tx.error);
    }
    await quarantine(bad);
  }

  async function siteState(site: string): Promise<SiteStateRecord | null> {
    return reading('read the site summary', [STORES.summaries], async (tx, bad) => check(SiteStateRecord, STORES.summaries, site, await tx.objectStore(STORES.summaries).get(site), bad) ?? null);
  }

  async function alertSites(limit?: number): Promise<string[]> {
    return reading('list sites with changes', [STORES.summaries], async (tx) => (await tx.objectStore(STORES.summaries).index(INDEX_SUMMARY_BY_ALERT).getAllKeys(1, limit)) as string[]);
  }

  async function markReviewed(versionId: string, reviewed = true): Promise<void> {
    const bad: Bad[] = [];
    const tx = begin([STORES.versions, STORES.policies], 'readwrite', 'mark the change as reviewed');
    let site: string | undefined;
    try {
      const v = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
      if (!v) throw new StoreError('not-found', 'That version is no longer in the history.');
      await putChecked(tx, STORES.versions, { ...v, reviewed });
      const policy = PolicyRecord.safeParse(await tx.objectStore(STORES.policies).get(v.policyId));
      site = policy.success ? policy.data.site : undefined;
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      await quarantine(bad);
      throw toStoreError(error, 'mark the change as reviewed', tx.error);
    }
    await summariesAfter(site ? [site] : null);
  }

  async function usage(): Promise<Usage> {
    return reading('measure storage', ALL_STORES, async (tx) => {
      const all = await Promise.all(ALL_STORES.map((s) => tx.objectStore(s).getAll()));
      let bytes = 0;
      for (const values of all) for (const value of values) bytes += sizeOf(value);
      const values = (s: StoreName) => all[ALL_STORES.indexOf(s)]! as unknown[];
      const raws = values(STORES.raw).flatMap((r) => {
        const parsed = RawRecord.safeParse(r);
        return parsed.success ? [parsed.data] : [];
      });
      const kept = new Set(raws.map((r) => r.sha256));
      const versionsWithRaw = values(STORES.versions).filter((v) => kept.has(String((v as { rawSha256?: unknown } | null)?.rawSha256))).length;
      return {
        bytes,
        versions: values(STORES.versions).length,
        policies: values(STORES.policies).length,
        sites: values(STORES.sites).length,
        raw: { captures: raws.length, bytes: raws.reduce((n, r) => n + r.gzip.byteLength, 0), pageBytes: raws.reduce((n, r) => n + r.bytes, 0), versionsWithRaw },
      };
    });
  }

  /**
   * Frees space until the estimate is at or under `targetBytes` (default: 80% of the current size).
   * First what nothing uses (chunks and blocks no version names, stored or quarantined); then raw
   * captures, oldest first across all policies, never the first or the latest capture of a policy;
   * only then versions between a policy's first and latest, oldest first. A pruned capture or version
   * keeps its chain entry (its hashes), so the chain still verifies. The analysis stored on the
   * version after a removed one still describes the change the user saw at the time.
   */
  async function prune(options: { targetBytes?: number } = {}): Promise<PruneResult> {
    const tx = begin(ALL_STORES, 'readwrite', 'free storage space');
    try {
      const all = await Promise.all(ALL_STORES.map((s) => Promise.all([tx.objectStore(s).getAll(), tx.objectStore(s).getAllKeys()])));
      const of = (s: StoreName) => all[ALL_STORES.indexOf(s)]!;
      let bytes = 0;
      for (const [values] of all) for (const value of values) bytes += sizeOf(value);
      const bytesBefore = bytes;
      const target = options.targetBytes ?? Math.floor(bytes * 0.8);

      // Pieces are counted by `policyId NUL key`; primary keys are kept for the deletes.
      const primaryKeys = new Map<string, IDBValidKey>();
      const chunkSize = new Map<string, number>();
      const chunkBlocks = new Map<string, string[]>();
      const [chunkValues, chunkKeys] = of(STORES.chunks);
      chunkValues.forEach((raw: unknown, i: number) => {
        const c = ChunkRecord.safeParse(raw);
        if (!c.success) return;
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
      for (const b of pinnedBlocks) blockRefs.set(b, (blockRefs.get(b) ?? 0) + 1);

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
      // Garbage first: chunks and blocks nothing refers to.
      for (const id of chunkBlocks.keys()) if ((chunkRefs.get(id) ?? 0) === 0) releaseChunk(id);
      for (const id of blockSize.keys()) {
        if ((blockRefs.get(id) ?? 0) <= 0 && !deadBlocks.has(id)) {
          deadBlocks.add(id);
          bytes -= blockSize.get(id) ?? 0;
        }
      }

      // Raw captures before any version: each policy keeps its first and its latest.
      const rawSize = new Map<string, number>();
      for (const raw of of(STORES.raw)[0]) {
        const r = RawRecord.safeParse(raw);
        if (r.success) rawSize.set(r.data.sha256, sizeOf(raw));
      }
      const entriesByPolicy = new Map<string, ChainEntry[]>();
      for (const raw of of(STORES.captures)[0]) {
        const e = CaptureRecord.safeParse(raw);
        if (e.success) entriesByPolicy.set(e.data.policyId, [...(entriesByPolicy.get(e.data.policyId) ?? []), e.data]);
      }
      const keepRaw = new Set<string>();
      const capturedAt = new Map<string, number>();
      for (const entries of entriesByPolicy.values()) {
        const order: string[] = [];
        for (const e of entries.sort((a, b) => a.seq - b.seq)) {
          if (!e.rawSha256 || !rawSize.has(e.rawSha256)) continue;
          if (!order.includes(e.rawSha256)) order.push(e.rawSha256);
          const at = Date.parse(e.capturedAt);
          capturedAt.set(e.rawSha256, Math.min(at, capturedAt.get(e.rawSha256) ?? Infinity));
        }
        if (order.length > 0) keepRaw.add(order[0]!).add(order.at(-1)!);
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
      for (const sha of rawCandidates) {
        if (bytes <= target) break;
        removedRaw.add(sha);
        bytes -= rawSize.get(sha) ?? 0;
      }

      const candidates = [...versionsByPolicy.values()]
        .flatMap((list) => list.sort((a, b) => a.firstSeen - b.firstSeen).slice(1, -1))
        .sort((a, b) => a.firstSeen - b.firstSeen);
      const removed: string[] = [];
      for (const v of candidates) {
        if (bytes <= target) break;
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
      for (const id of deadChunks) deletes.push(tx.objectStore(STORES.chunks).delete(primaryKeys.get(id)!));
      for (const id of deadBlocks) deletes.push(tx.objectStore(STORES.blocks).delete(primaryKeys.get(id)!));
      await Promise.all(deletes);
      await tx.done;
      return { removedVersions: removed.length, removedRaw: removedRaw.size, bytesBefore, bytesAfter: bytes };
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw toStoreError(error, 'free storage space', tx.error);
    }
  }

  // ---- the evidence record ------------------------------------------------------------------------

  type PolicyEvidence = {
    policy: PolicySummary;
    versions: VersionRecord[];
    entries: ChainEntry[];
    assembled: Map<string, Assembled>;
    raws: Map<string, RawRecord>;
  };

  /** Each policy of a site (or of every site) with its versions, texts, chain and kept raw captures. */
  async function gatherEvidence(site: string | null, what: string): Promise<PolicyEvidence[]> {
    return reading(what, [...INDEX_STORES, STORES.chunks, STORES.blocks, STORES.captures, STORES.raw], async (tx, bad) => {
      const all = await readIndex(tx, bad);
      const policies = allPolicies(all).filter((p) => site === null || p.site === site);
      const versions = policies.flatMap((p) => all.versionsByPolicy.get(p.policyId) ?? []);
      const assembled = assembleFrom(versions, await readPieces(tx, policies.map((p) => p.policyId), bad));
      const out: PolicyEvidence[] = [];
      for (const policy of policies) {
        const rawEntries: unknown[] = await tx.objectStore(STORES.captures).getAll(piecesRange(policy.policyId));
        const entries = rawEntries.flatMap((raw) => check(CaptureRecord, STORES.captures, primaryKeyOf(STORES.captures, raw), raw, bad) ?? []);
        const raws = new Map<string, RawRecord>();
        for (const sha of new Set(entries.flatMap((e) => (e.rawSha256 ? [e.rawSha256] : [])))) {
          const record = check(RawRecord, STORES.raw, sha, await tx.objectStore(STORES.raw).get(sha), bad);
          if (record) raws.set(sha, record);
        }
        out.push({ policy, versions: all.versionsByPolicy.get(policy.policyId) ?? [], entries, assembled, raws });
      }
      return out;
    });
  }

  async function verifyChains(site: string): Promise<ChainStatus[]> {
    const out: ChainStatus[] = [];
    for (const { policy, versions, entries, assembled, raws } of await gatherEvidence(site, 'verify the record')) {
      const problems = checkChain(policy.policyId, entries).map((p) => `Chain entry ${p.seq} ${p.message}.`);
      for (const v of versions) {
        const seen = iso(v.firstSeen);
        const entry = entries.findLast((e) => e.versionId === v.versionId);
        if (!entry) {
          problems.push(`The version first seen ${seen} has no chain entry.`);
          continue;
        }
        const text = textSha256(toDocument(v, assembled.get(v.versionId)!));
        if (entry.textSha256 !== text) problems.push(`The stored text of the version first seen ${seen} is not the text its chain entry names (it was altered or damaged).`);
      }
      for (const [sha, raw] of raws) {
        let actual: string;
        try {
          actual = sha256OfBytes(await gunzip(raw.gzip));
        } catch {
          actual = '';
        }
        if (actual !== sha) problems.push(`The raw capture ${sha.slice(0, 12)}… does not match its hash (it was altered or damaged).`);
      }
      const named = new Set(entries.flatMap((e) => (e.rawSha256 ? [e.rawSha256] : [])));
      out.push({
        policyId: policy.policyId,
        ok: problems.length === 0,
        entries: entries.length,
        head: entries.at(-1)?.sha256 ?? null,
        rawKept: raws.size,
        rawPruned: named.size - raws.size,
        problems,
        versions: versions.map((v) => ({ versionId: v.versionId, raw: !v.rawSha256 ? 'none' : raws.has(v.rawSha256) ? 'kept' : 'pruned' })),
      });
    }
    return out;
  }

  async function evidence(site: string | null): Promise<EvidencePolicy[]> {
    const out: EvidencePolicy[] = [];
    for (const { policy, versions, entries, assembled, raws } of await gatherEvidence(site, 'export the evidence')) {
      const bytes = new Map<string, Uint8Array>();
      for (const [sha, raw] of raws) bytes.set(sha, await gunzip(raw.gzip));
      out.push({
        policyId: policy.policyId,
        site: policy.site,
        url: policy.url,
        title: policy.title,
        chain: entries,
        raws: bytes,
        texts: versions.map((v) => ({ versionId: v.versionId, text: renderExtractedText(toDocument(v, assembled.get(v.versionId)!)) })),
      });
    }
    return out;
  }

  async function listQuarantine(): Promise<QuarantineEntry[]> {
    const values = await reading('list quarantined records', [STORES.quarantine], async (tx) => (await tx.objectStore(STORES.quarantine).getAll()) as unknown[]);
    return values.flatMap((raw) => {
      const entry = QuarantineEntry.safeParse(raw);
      return entry.success ? [entry.data] : [];
    });
  }

  async function exportAll(): Promise<ExportFile> {
    const found = await reading('export the history', [...INDEX_STORES, STORES.chunks, STORES.blocks], async (tx, bad) => {
      const all = await readIndex(tx, bad);
      const versions = [...all.versionsByPolicy.values()].flat();
      const pieces = await readPieces(tx, all.versionsByPolicy.keys(), bad);
      return { all, assembled: assembleFrom(versions, pieces) };
    });

    const sites = new Map<string, ExportSite>();
    for (const s of summariseSites(found.all)) {
      sites.set(s.site, { site: s.site, firstSeen: iso(s.firstSeen), lastSeen: iso(s.lastSeen), policies: [] });
    }
    for (const p of allPolicies(found.all)) {
      const versions: ExportVersion[] = [];
      for (const v of found.all.versionsByPolicy.get(p.policyId) ?? []) {
        const stored = await toStored(v, found.assembled.get(v.versionId)!);
        versions.push({
          firstSeen: iso(v.firstSeen),
          lastSeen: iso(v.lastSeen),
          // A damaged version is exported as what is left of it, under the hash of that.
          contentHash: stored.damaged ? await contentHashOf(stored.document) : v.contentHash,
          reviewed: v.reviewed,
          document: stored.document,
          analysis: v.analysis,
        });
      }
      if (versions.length === 0) continue;
      const policy: ExportPolicy = {
        kind: p.kind,
        origin: p.origin,
        path: p.path,
        url: p.url,
        title: p.title,
        firstSeen: iso(p.firstSeen),
        lastSeen: iso(p.lastSeen),
        versions,
      };
      sites.get(p.site)?.policies.push(policy);
    }
    return ExportFile.parse({
      format: 'clausewatch-history',
      version: 1,
      exportedAt: iso(clock()),
      sites: [...sites.values()].filter((s) => s.policies.length > 0),
    });
  }

  async function importAll(data: unknown): Promise<ImportResult> {
    const parsed = ExportFile.safeParse(data);
    if (!parsed.success) {
      const looksLikeOurs = !!data && typeof data === 'object' && (data as { format?: unknown }).format === 'clausewatch-history';
      return {
        ok: false,
        code: 'invalid-import',
        error: looksLikeOurs
          ? `This Clausewatch history file is damaged or from an unsupported version (${describeIssues(parsed.error)}). Nothing was imported.`
          : 'This is not a Clausewatch history file. Nothing was imported.',
      };
    }

    type Planned = { policy: PolicyRecord; versions: { v: ExportVersion; prepared: PreparedDocument }[] };
    const planned: Planned[] = [];
    for (const site of parsed.data.sites) {
      if (!isSiteName(site.site)) {
        return { ok: false, code: 'invalid-import', error: `The history file names an invalid site (${JSON.stringify(site.site.slice(0, 100))}). Nothing was imported.` };
      }
      for (const p of site.policies) {
        const versions = await Promise.all(p.versions.map(async (v) => ({ v, prepared: await prepareDocument(v.document) })));
        const mismatch = versions.findIndex(({ v, prepared }) => prepared.contentHash !== v.contentHash);
        if (mismatch >= 0) {
          return {
            ok: false,
            code: 'invalid-import',
            error: `The history file is damaged: version ${mismatch + 1} of ${site.site}${p.path} does not match its checksum. Nothing was imported.`,
          };
        }
        // A file from before policies had an origin may mix captures from several: each version goes to
        // the policy of the address it was captured from, as the v3 migration does with a stored history.
        const originOf = (url: string): string | null => {
          try {
            return siteForUrl(url) === site.site ? originForUrl(url) : null;
          } catch {
            return null;
          }
        };
        const groups = new Map<string, typeof versions>();
        for (const entry of versions) {
          const origin = p.origin ?? originOf(entry.v.document.url) ?? originOf(p.url);
          if (!origin || originOf(origin) !== origin) {
            return { ok: false, code: 'invalid-import', error: `The history file names a policy of ${site.site} at an address outside it (${JSON.stringify((p.origin ?? p.url).slice(0, 100))}). Nothing was imported.` };
          }
          groups.set(origin, [...(groups.get(origin) ?? []), entry]);
        }
        for (const [origin, list] of groups) {
          const path = normalizePolicyPath(`${origin}${p.path}`);
          const latest = list[list.length - 1]!.v;
          if (groups.size > 1) {
            // An analysis describes the change from the version before it; in another policy now, it no longer does.
            const keeps = list.map((entry, i) => p.versions[p.versions.indexOf(entry.v) - 1] === list[i - 1]?.v);
            list.forEach((entry, i) => {
              if (!keeps[i]) entry.v = { ...entry.v, analysis: null };
            });
          }
          planned.push({
            policy: {
              policyId: policyIdFor(p.kind, origin, path),
              site: site.site,
              kind: p.kind,
              origin,
              path,
              url: originOf(p.url) === origin ? p.url : latest.document.url,
              title: groups.size > 1 ? latest.document.title : p.title,
              firstSeen: Math.min(...list.map((e) => Date.parse(e.v.firstSeen))),
              lastSeen: Math.max(...list.map((e) => Date.parse(e.v.lastSeen))),
            },
            versions: list,
          });
        }
      }
    }

    const bad: Bad[] = [];
    let tx: RwTx;
    try {
      tx = begin(WRITE_STORES, 'readwrite', 'import the history');
    } catch (error) {
      const storeError = toStoreError(error, 'import the history');
      return { ok: false, code: 'unknown', error: `${storeError.message} Nothing was imported.` };
    }
    let added = 0;
    let skipped = 0;
    try {
      const writes: Promise<unknown>[] = [];
      for (const { policy, versions } of planned) {
        // Duplicates are judged against what was stored before this import, so a policy that changed and
        // changed back keeps both of its identical versions when imported into an empty history.
        const existing = new Map<string, VersionRecord>();
        for (const v of await latestVersions(tx, policy.policyId, Infinity, bad)) existing.set(v.contentHash, v);
        for (const { v, prepared } of versions) {
          const match = existing.get(prepared.contentHash);
          const firstSeen = Date.parse(v.firstSeen);
          const lastSeen = Date.parse(v.lastSeen);
          if (match) {
            skipped++;
            if (lastSeen > match.lastSeen || firstSeen < match.firstSeen) {
              // Seen over a longer span elsewhere; firstSeen orders versions, so only lastSeen moves.
              writes.push(putChecked(tx, STORES.versions, { ...match, lastSeen: Math.max(lastSeen, match.lastSeen) }));
            }
            continue;
          }
          await writePieces(tx, policy.policyId, prepared, writes);
          const versionId = newVersionId();
          writes.push(
            putChecked(tx, STORES.versions, {
              versionId,
              policyId: policy.policyId,
              firstSeen,
              lastSeen,
              contentHash: prepared.contentHash,
              statedDate: v.document.statedDate,
              url: v.document.url,
              title: v.document.title,
              language: v.document.language,
              extraction: v.document.extraction,
              chunks: prepared.chunks.map((c) => c.key),
              blockCount: prepared.blockKeys.length,
              analysis: v.analysis,
              reviewed: v.reviewed,
              extractorVersion: 0,
              rawSha256: null,
            } satisfies VersionRecord),
          );
          const at = new Date(clock()).toISOString();
          await appendEntry(tx, policy.policyId, bad, { kind: 'import', versionId, url: v.document.url, source: 'unknown', capturedAt: new Date(firstSeen).toISOString(), recordedAt: at, extractorVersion: 0, rawSha256: null, textSha256: textSha256(v.document) }, writes);
          added++;
        }
        const { firstSeen, lastSeen, ...fields } = policy;
        await upsertPolicyAndSite(tx, bad, fields, firstSeen, lastSeen, writes);
      }
      await Promise.all(writes);
      await tx.done;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      const storeError = toStoreError(error, 'import the history', tx.error);
      return { ok: false, code: storeError.code === 'quota' ? 'quota' : 'unknown', error: `${storeError.message} Nothing was imported.` };
    }
    await quarantine(bad);
    return { ok: true, added, skipped };
  }

  /**
   * Summaries are derived data: a failure to update one (a full disk, say) must not fail the write it
   * follows. The next write, or the next opening of the store, rebuilds it.
   */
  const summariesAfter = (sites: Iterable<string> | null) => refreshSummaries(sites).catch(() => undefined);
  await summariesAfter(null);

  return {
    async savePolicyVersion(input) {
      const result = await savePolicyVersion(input);
      if (result.status !== 'unchanged') await summariesAfter([result.site]);
      return result;
    },
    listSites,
    getSite,
    listPolicies,
    listVersions,
    getVersion,
    getLatestTwo,
    markReviewed,
    siteForUrl,
    usage,
    async prune(options) {
      const result = await prune(options);
      if (result.removedVersions > 0) await summariesAfter(null);
      return result;
    },
    listQuarantine,
    exportAll,
    async importAll(data) {
      const result = await importAll(data);
      if (result.ok) await summariesAfter(null);
      return result;
    },
    pendingReextraction,
    reextractVersion,
    reextractionProgress,
    readRawCapture,
    verifyChains,
    evidence,
    siteState,
    alertSites,
    close: () => db.close(),
  };
}

/**
 * A save that, when storage is full, frees space once (pruning middle versions, see `prune`) and tries
 * again, so that the newest capture is kept at the cost of the oldest intermediate ones. If nothing can
 * be pruned, or the retry fails too, the quota StoreError reaches the caller to show the user.
 */
export async function saveWithQuotaRecovery(
  store: PolicyStore,
  input: SaveInput,
): Promise<SaveResult & { pruned?: { removedVersions: number; removedRaw: number } }> {
  try {
    return await store.savePolicyVersion(input);
  } catch (error) {
    if (!(error instanceof StoreError) || error.code !== 'quota') throw error;
    const pruned = await store.prune();
    if (pruned.removedVersions + pruned.removedRaw === 0) throw error;
    return { ...(await store.savePolicyVersion(input)), pruned: { removedVersions: pruned.removedVersions, removedRaw: pruned.removedRaw } };
  }
}
