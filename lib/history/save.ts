/**
 * Saving a capture: the latest stored version is read and the change analysed first (hashing and the
 * analysis are asynchronous work that is not IndexedDB, so they stay out of the write), then everything
 * is written in one readwrite transaction that starts over if the latest version is no longer the one
 * read. Saves of one policy through one connection wait for each other (the context's `saving` queue).
 */
import { MAX_IMPORT_VERSION_CHARS } from '../core/limits';
import { prepareRaw, type PreparedRaw } from './evidence/raw';
import { textSha256 } from './evidence/text';
import { ChangeAnalysis, PolicyDocument } from '../core/schema';
import { INDEX_POLICY_BY_SITE, INDEX_VERSION_BY_POLICY, STORES } from './db';
import { StoreError } from './errors';
import { newVersionId, prepareDocument, type PreparedDocument } from './hash';
import { describeIssues, type Bad } from './records';
import { PolicyKind, type SaveOutcome, type VersionRecord } from './schema';
import { policyKeyFor } from './site';
import { abortQuietly, begin, oweSummaries, pieceId, putChecked, type RwTx, type StoreContext } from './context';
import { appendEntry } from './chain';
import { reextractVersion, writeRaw, type ExtractFn } from './captures';
import { failedWrite, quarantine, reading } from './quarantine';
import { assembleFrom, latestVersions, readPiecesOf, toMeta, toStored, type Pieces } from './versions';
import { SAVE_STORES, WRITE_STORES, fileUnderSite, upsertPolicyAndSite, writePieces } from './write';

export type AnalyzeFn = (previous: PolicyDocument, next: PolicyDocument) => ChangeAnalysis | Promise<ChangeAnalysis>;

export type SaveInput = {
  url: string;
  document: PolicyDocument;
  kind: PolicyKind;
  analyze?: AnalyzeFn;
  /** The page the document was extracted from, kept as a raw capture: as serialised on a visit, or as fetched by a check. */
  raw?: { html: string; source: 'visit' | 'check' };
  /** The extractor that made `document` (lib/core/page/extract EXTRACTOR_VERSION); 0 when unknown. */
  extractorVersion?: number;
  /**
   * When the policy's latest version was extracted by an older extractor from a kept capture, it is
   * re-extracted with this first, so the comparison is between texts of the same extractor and a
   * change of extractor never reads as a change of policy.
   */
  reextract?: ExtractFn;
};

export type SaveResult = SaveOutcome & {
  /**
   * Set when `analyze` threw or returned something invalid, or the text of the version before it is damaged
   * (never analysed); the version is stored without analysis, for the backfill to make.
   */
  analysisError?: string;
};

/**
 * A save starts over only when another connection saved the same policy in between, so each retry means
 * someone else's save landed: with a pause that doubles (jittered, at most a second), 40 attempts outlast
 * any burst of captures a browser produces (several tabs and pages at once), yet cannot spin forever.
 */
const SAVE_ATTEMPTS = 40;
const RETRY_BASE_MS = 4;
const RETRY_MAX_MS = 1_000;

/**
 * Policies one site (registrable domain) may have. Each address that reads as a policy is one, and a page
 * can change its address without loading (history.pushState) as often as it likes; without a bound, one
 * site could fill the history with records that freeing space cannot remove (it keeps every policy's first
 * and latest version). A site's privacy policy, terms, cookie notice and their translations and regional
 * editions stay far below it, and so, for a reader, do the policies of many services that one host keeps
 * (a document host, a policy generator: each is a policy of that host's site). Past it, a capture of a
 * further address is refused (StoreError 'limit'); the site's known policies are saved as before. An import
 * is held to it too (transfer.ts importAll): a file's new policies past it are left out, and the result
 * says how many and why.
 */
export const MAX_POLICIES_PER_SITE = 200;

/**
 * Changes (versions after a policy's first) one site may record in any 24 hours, its policies together. A
 * page can be made to read differently on every visit (text that changes each time, a page that reloads
 * itself), and each reading is a version kept with its page; past this, a capture with new text is refused
 * (StoreError 'too-many-changes') until the day's oldest change is 24 hours old. A policy really rewritten changes far
 * less often than this; the site's known versions stay as they are, and a capture of the same text as the
 * latest is still recorded. A bound on count, dated by the store's clock.
 */
export const MAX_CHANGES_PER_SITE_PER_DAY = 20;
const DAY_MS = 86_400_000;

function retryPause(attempt: number): Promise<void> {
  const ms = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function savePolicyVersion(ctx: StoreContext, input: SaveInput): Promise<SaveResult> {
  const parsedDoc = PolicyDocument.safeParse(input.document);
  if (!parsedDoc.success) {
    throw new StoreError('invalid-input', `Not a valid policy document: ${describeIssues(parsedDoc.error)}`);
  }
  const kind = PolicyKind.safeParse(input.kind);
  if (!kind.success) throw new StoreError('invalid-input', `Unknown policy kind: ${String(input.kind)}`);
  const document = parsedDoc.data;
  const { site, origin, path, policyId } = policyKeyFor(input.url, kind.data);
  const prepared = await prepareDocument(document);
  // What is kept can always be imported again (history-file.ts): a page whose paragraphs each repeat a long
  // heading can make a version far larger, as it is hashed, than the page.
  if (prepared.hashedChars > MAX_IMPORT_VERSION_CHARS) {
    throw new StoreError('too-large', `This page's text is too large to keep: its paragraphs, each with its headings, hold more than ${MAX_IMPORT_VERSION_CHARS} characters.`);
  }
  const raw = input.raw ? await prepareRaw(input.raw.html) : null;
  const text = textSha256(document);
  return oneAtATime(ctx, policyId, async () => {
    await reextractStaleLatest(ctx, policyId, input);
    return saveAttempts(ctx, { input, document, kind: kind.data, site, origin, path, policyId, prepared, raw, text });
  });
}

/**
 * Before a capture is compared with the latest version: if an older extractor made that version's
 * text from a kept capture, the current one reads it again first (one version, the same work the
 * background re-extraction would do later), so what is compared is two texts of the same extractor.
 */
async function reextractStaleLatest(ctx: StoreContext, policyId: string, input: SaveInput): Promise<void> {
  const extractorVersion = input.extractorVersion ?? 0;
  if (!input.reextract || extractorVersion < 1) return;
  const [latest] = await reading(ctx, 'read the stored policy', [STORES.versions], (tx, bad) => latestVersions(tx, policyId, 1, bad));
  if (latest?.checkedBy !== undefined && latest.checkedBy < extractorVersion) {
    await reextractVersion(ctx, latest.versionId, extractorVersion, input.reextract, input.analyze);
  }
}

/** Saves of one policy through this connection, one after another (the next starts when one settles). */
function oneAtATime<T>(ctx: StoreContext, policyId: string, run: () => Promise<T>): Promise<T> {
  const { saving } = ctx;
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

async function saveAttempts(
  ctx: StoreContext,
  {
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
    /** SHA-256 of the document's text (lib/history/evidence/text.ts). */
    text: string;
  },
): Promise<SaveResult> {
  const extractorVersion = input.extractorVersion ?? 0;
  const source = input.raw?.source ?? 'unknown';
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const previous = await reading(ctx, 'read the stored policy', [STORES.versions, STORES.chunks, STORES.blocks], async (tx, bad) => {
      const [latest] = await latestVersions(tx, policyId, 1, bad);
      if (!latest || latest.contentHash === prepared.contentHash || !input.analyze) return { latest, document: undefined };
      // Damaged text is never analysed (backfill.ts, captures.ts): every paragraph it lost would read as
      // added. A piece the store lost that this capture holds too is taken from the capture (this save's
      // writePieces puts it back, healing that version); the text is then checked against its content
      // hash, so what is compared is the latest version's whole text, or nothing.
      const pieces = withCapturePieces(await readPiecesOf(tx, [latest], bad), policyId, prepared);
      const stored = await toStored(latest, assembleFrom([latest], pieces).get(latest.versionId)!);
      return { latest, document: stored.damaged ? null : stored.document };
    });

    let analysis: ChangeAnalysis | null = null;
    let analysisError: string | undefined;
    if (previous.document === null) {
      // Left without analysis, as a failed one is: the backfill makes it once that text is whole again.
      analysisError = 'the text of the version before it is damaged (some of it could not be read), so the change was not analysed';
    } else if (previous.document && input.analyze) {
      try {
        const result = ChangeAnalysis.safeParse(await input.analyze(previous.document, document));
        if (result.success) analysis = result.data;
        else analysisError = `the change analysis was not valid: ${describeIssues(result.error)}`;
      } catch (error) {
        analysisError = `the change analysis failed: ${error instanceof Error ? error.message : String(error)}`;
      }
    }

    const bad: Bad[] = [];
    const tx = begin(ctx, raw ? SAVE_STORES : WRITE_STORES, 'readwrite', 'save the policy');
    let outcome: SaveResult | 'retry' | 'limit' | 'changes';
    try {
      const [latest] = await latestVersions(tx, policyId, 1, bad);
      // One reading of the clock: the day's changes are counted to the time the version is dated by.
      const now = ctx.clock();
      if (!latest && (await newPolicyOverLimit(tx, site, policyId))) {
        outcome = 'limit';
        abortQuietly(tx);
      } else if (latest && latest.contentHash !== prepared.contentHash && (await changesOverLimit(tx, site, now))) {
        outcome = 'changes';
        abortQuietly(tx);
      } else if (latest?.versionId !== previous.latest?.versionId || (latest && previous.latest && latest.contentHash !== previous.latest.contentHash)) {
        outcome = 'retry';
        abortQuietly(tx);
      } else {
        const writes: Promise<unknown>[] = [];
        const policyFields = { policyId, site, kind, origin, path, url: input.url, title: document.title };
        if (latest && latest.contentHash === prepared.contentHash) {
          const updated: VersionRecord = { ...latest, lastSeen: Math.max(latest.lastSeen, now) };
          // A version imported damaged (transfer.ts: what was left of its text, under its whole text's hash)
          // is made whole by a capture of that text: it names the capture's pieces from now on. A version
          // saved here already names them (the same text gives the same pieces). Its chain then names the
          // whole text too (below: the capture's entry, with the page when one is kept).
          const chunks = prepared.chunks.map((c) => c.key);
          const remade = latest.blockCount !== prepared.blockKeys.length || latest.chunks.join() !== chunks.join();
          if (remade) Object.assign(updated, { chunks, blockCount: prepared.blockKeys.length, extraction: document.extraction });
          // A version with no capture kept (stored before v4, or imported) keeps this one: the same
          // text, now with the page it came from, and made by the current extractor.
          if (raw && (latest.rawSha256 === null || (await tx.objectStore(STORES.raw).getKey(latest.rawSha256)) === undefined)) {
            await writeRaw(tx, raw, writes);
            updated.rawSha256 = raw.sha256;
            if (extractorVersion >= latest.extractorVersion) updated.extractorVersion = extractorVersion;
            updated.checkedBy = extractorVersion;
            const at = new Date(now).toISOString();
            await appendEntry(tx, policyId, bad, { kind: 'capture', versionId: latest.versionId, url: input.url, source, capturedAt: at, recordedAt: at, extractorVersion, rawSha256: raw.sha256, textSha256: text }, writes);
          } else if (remade) {
            const at = new Date(now).toISOString();
            await appendEntry(tx, policyId, bad, { kind: 'capture', versionId: latest.versionId, url: input.url, source, capturedAt: at, recordedAt: at, extractorVersion, rawSha256: null, textSha256: text }, writes);
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
          // A new version changes what the site's badge shows: owed until the refresh after this save.
          oweSummaries(tx, [site], writes);
          outcome = {
            status: latest ? 'changed' : 'first',
            site,
            policyId,
            version: toMeta(version),
            ...(version.analysis ? { analysis: version.analysis } : {}),
            ...(latest && analysisError ? { analysisError } : {}),
          };
        }
        fileUnderSite(tx, policyId, writes);
        await Promise.all(writes);
        await tx.done;
      }
    } catch (error) {
      throw await failedWrite(ctx, tx, error, 'save the policy', bad);
    }
    if (outcome === 'limit') {
      await tx.done.catch(() => undefined);
      throw new StoreError('limit', `Clausewatch keeps at most ${MAX_POLICIES_PER_SITE} policies of one site, and ${site} has that many: this address (${path.slice(0, 200)}) was not saved.`);
    }
    if (outcome === 'changes') {
      await tx.done.catch(() => undefined);
      throw new StoreError('too-many-changes', `Clausewatch records at most ${MAX_CHANGES_PER_SITE_PER_DAY} changes of one site's policies in 24 hours, and ${site} has that many: this reading of ${path.slice(0, 200)} was not saved.`);
    }
    if (outcome === 'retry') {
      await tx.done.catch(() => undefined);
      await retryPause(attempt);
      continue;
    }
    await quarantine(ctx, bad);
    return outcome;
  }
  throw new StoreError('conflict', 'The policy kept changing while Clausewatch was saving it; try again.');
}

/**
 * The stored pieces of a policy, with the capture's own chunks and blocks added where the store has none
 * under their key (content-addressed: a piece of the capture under a key is the piece that key names).
 */
function withCapturePieces(pieces: Pieces, policyId: string, prepared: PreparedDocument): Pieces {
  for (const chunk of prepared.chunks) {
    const id = pieceId(policyId, chunk.key);
    if (!pieces.chunks.has(id)) pieces.chunks.set(id, { policyId, key: chunk.key, blocks: chunk.blocks });
  }
  for (const [key, block] of prepared.blocks) {
    const id = pieceId(policyId, key);
    if (!pieces.blocks.has(id)) pieces.blocks.set(id, block);
  }
  return pieces;
}

/**
 * Whether `site` recorded MAX_CHANGES_PER_SITE_PER_DAY changes in the 24 hours to `now`: its policies'
 * versions first seen since then, less each policy's first version (no change) when that is among them.
 * Two counts per policy of the site (at most MAX_POLICIES_PER_SITE), asked only for a capture with new text.
 */
async function changesOverLimit(tx: RwTx, site: string, now: number): Promise<boolean> {
  const policyIds = await tx.objectStore(STORES.policies).index(INDEX_POLICY_BY_SITE).getAllKeys(site);
  const byPolicy = tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_POLICY);
  const since = now - DAY_MS;
  const counts = await Promise.all(
    policyIds.map(async (id) => {
      // A version exactly 24 hours old no longer counts.
      const recent = await byPolicy.count(IDBKeyRange.bound([id, since], [id, Infinity], true));
      if (recent === 0) return 0;
      const before = await byPolicy.count(IDBKeyRange.bound([id, -Infinity], [id, since]));
      return before > 0 ? recent : recent - 1;
    }),
  );
  return counts.reduce((a, b) => a + b, 0) >= MAX_CHANGES_PER_SITE_PER_DAY;
}

/** Whether `policyId` would be a new policy of a site that already has MAX_POLICIES_PER_SITE. */
export async function newPolicyOverLimit(tx: RwTx, site: string, policyId: string): Promise<boolean> {
  if ((await tx.objectStore(STORES.policies).getKey(policyId)) !== undefined) return false;
  return (await tx.objectStore(STORES.policies).index(INDEX_POLICY_BY_SITE).count(site)) >= MAX_POLICIES_PER_SITE;
}
