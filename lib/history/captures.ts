/**
 * Raw captures: each page a version was extracted from, kept gzipped and content-addressed (`raw`, by
 * SHA-256), read back, and read again by a newer extractor. Re-extraction works version by version
 * (reextract.ts steps through the list); a text that comes out different replaces the stored one and is
 * never reported as a change.
 */
import { gunzip, savedPage, type PreparedRaw } from './evidence/raw';
import { StoreError } from './errors';
import { textSha256 } from './evidence/text';
import { ChangeAnalysis, PolicyDocument } from '../core/schema';
import { INDEX_VERSION_BY_CHECKED, STORES } from './db';
import { prepareDocument, type PreparedDocument } from './hash';
import { check, describeIssues, type Bad } from './records';
import { RawRecord, ReextractionProgress, VersionRecord } from './schema';
import { abortQuietly, begin, oweSummaries, putChecked, type RwTx, type StoreContext } from './context';
import { appendEntry, lastEntryOf } from './chain';
import { failedWrite, quarantine, reading } from './quarantine';
import { writePieces } from './write';
import { assemble, policyVersions, siteOfPolicy, toStored } from './versions';
import type { AnalyzeFn } from './save';
import { summariesAfter } from './summaries';

/** Extracts a policy from a raw capture (the background runs the page pipeline in its DOM). */
export type ExtractFn = (html: string, url: string) => Promise<{ ok: true; document: PolicyDocument } | { ok: false; reason: string }>;

export type ReextractOutcome = 'changed-text' | 'same-text' | 'failed' | 'skipped';

/** Writes a raw capture unless it is already stored (content-addressed: the same page is kept once). */
export async function writeRaw(tx: RwTx, raw: PreparedRaw, writes: Promise<unknown>[]): Promise<void> {
  const have = await tx.objectStore(STORES.raw).getKey(raw.sha256);
  if (have === undefined) writes.push(putChecked(tx, STORES.raw, { sha256: raw.sha256, bytes: raw.bytes, gzip: raw.gzip }));
}

export async function pendingReextraction(ctx: StoreContext, extractorVersion: number, limit: number): Promise<string[]> {
  return reading(ctx, 'list captures to re-extract', [STORES.versions], async (tx) => {
    const keys = await tx.objectStore(STORES.versions).index(INDEX_VERSION_BY_CHECKED).getAllKeys(IDBKeyRange.upperBound(extractorVersion, true), limit);
    return keys.map(String);
  });
}

export async function readRawCapture(ctx: StoreContext, sha: string): Promise<string | undefined> {
  const record = await reading(ctx, 'read a raw capture', [STORES.raw], async (tx, bad) => check(RawRecord, STORES.raw, sha, await tx.objectStore(STORES.raw).get(sha), bad));
  if (!record) return undefined;
  const page = await savedPage(record.gzip);
  if (!page) throw new StoreError('corrupt', 'This saved page is damaged: its stored bytes cannot be read. Verifying the history names it.');
  return new TextDecoder().decode(page);
}

async function bumpProgress(ctx: StoreContext, tx: RwTx, extractorVersion: number, outcome: 'changed-text' | 'same-text' | 'failed', writes: Promise<unknown>[]): Promise<void> {
  const old = ReextractionProgress.safeParse(await tx.objectStore(STORES.meta).get('reextraction'));
  const base = old.success && old.data.extractorVersion === extractorVersion ? old.data : { key: 'reextraction' as const, extractorVersion, changedText: 0, sameText: 0, failed: 0, updatedAt: 0 };
  writes.push(
    putChecked(tx, STORES.meta, {
      ...base,
      changedText: base.changedText + (outcome === 'changed-text' ? 1 : 0),
      sameText: base.sameText + (outcome === 'same-text' ? 1 : 0),
      failed: base.failed + (outcome === 'failed' ? 1 : 0),
      updatedAt: ctx.clock(),
    }),
  );
}

/**
 * Reads one version's raw capture with `extract` (the current extractor) and records the result, in
 * one transaction with the progress, so a worker stopped at any point leaves each version either done
 * or still pending. A different text replaces the stored one (the version keeps its dates and its
 * review flag); its chain gets a `reextraction` entry, and the site's summary is rebuilt. Nothing here is
 * ever reported as a change. A capture the extractor cannot read keeps its older text, with the reason.
 *
 * The analyses of changes the user has not reviewed are made again, with `analyze`, where both texts of
 * the change are now the current extractor's and one of them was read anew (`reanalyses`); every other
 * analysis stays as it was, made from two texts of one extractor. So a change is never told between
 * two extractors' texts, and a difference that was only the extractor's disappears with it.
 */
export async function reextractVersion(ctx: StoreContext, versionId: string, extractorVersion: number, extract: ExtractFn, analyze?: AnalyzeFn): Promise<ReextractOutcome> {
  const found = await reading(ctx, 'read a capture to re-extract', [STORES.versions, STORES.raw], async (tx, bad) => {
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
  const first = document && prepared && analyze ? await reanalyses(ctx, v, document, prepared.contentHash, extractorVersion, analyze) : null;

  const bad: Bad[] = [];
  const tx = begin(ctx, [STORES.versions, STORES.chunks, STORES.blocks, STORES.captures, STORES.meta, STORES.policies, STORES.summaryOwed], 'readwrite', 're-extract a capture');
  let site: string | undefined;
  let owed = false;
  try {
    const current = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
    // Done meanwhile by another page or worker: nothing to do.
    if (!current || current.checkedBy !== v.checkedBy || current.contentHash !== v.contentHash) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      return 'skipped';
    }
    const writes: Promise<unknown>[] = [];
    const now = ctx.clock();
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
      // Also for the same text: a paragraph the version lost (quarantined, or deleted) is put back from the
      // page just read, as a save of the same page does (write.ts).
      await writePieces(tx, current.policyId, prepared, writes);
      // Analyses made again (see `reanalyses`).
      if (await writeRedone(tx, current.policyId, first, updated, !same, extractorVersion, bad, writes)) owed = true;
      if (!same || owed) {
        site = await siteOfPolicy(tx, current.policyId);
        // Owed until the refresh below (every site's when the policy's record does not say which).
        oweSummaries(tx, [site], writes);
      }
      writes.push(putChecked(tx, STORES.versions, updated));
      const capturedAt = (await lastEntryOf(tx, current, bad))?.capturedAt ?? new Date(current.firstSeen).toISOString();
      await appendEntry(tx, current.policyId, bad, { kind: 'reextraction', versionId, url: current.url, source: 'unknown', capturedAt, recordedAt: new Date(now).toISOString(), extractorVersion, rawSha256: current.rawSha256, textSha256: text }, writes);
    }
    await bumpProgress(ctx, tx, extractorVersion, outcome, writes);
    await Promise.all(writes);
    await tx.done;
    await quarantine(ctx, bad);
    // What the badge reads names the texts it compares: a text read anew changes it.
    if (outcome === 'changed-text' || owed) await summariesAfter(ctx, site === undefined ? null : [site]);
    return outcome;
  } catch (error) {
    throw await failedWrite(ctx, tx, error, 're-extract a capture', bad);
  }
}

/** An analysis made again: for `versionId`, against a predecessor holding `previousHash`, its own text `hash`. */
type Redone = { versionId: string; previousHash: string; hash: string; analysis: ChangeAnalysis | null };
/** The sides of a version whose neighbour was not yet the current extractor's when `reanalyses` looked. */
type Waiting = { previous: boolean; next: boolean };
/** The result of a look at a version's neighbours: what was made again, and the sides left for later. */
type Reanalysed = { redo: Redone[]; waiting: Waiting; kept: ReadonlySet<string> };
/** Whether a version's text is the current extractor's (whether or not its page is still kept: pruning drops that mark). */
const holdsCurrentText = (x: VersionRecord | undefined, extractorVersion: number): boolean => x?.extractorVersion === extractorVersion;

/**
 * The changes around a version just read anew (`document`, text `hash`) whose analysis is made again: the
 * change to it from its predecessor, and from it to its successor, each where the user has not reviewed it,
 * the other side's text is the current extractor's too, and one side's text is a re-extraction's (this one,
 * or the neighbour's, read anew before). Two identical texts are no change (no analysis). A pair whose
 * analysis fails gets none either, and the background's backfill makes it later from the stored texts (both
 * the current extractor's); one whose other text is damaged keeps the analysis it had (damaged text is never
 * analysed; `kept`). `waiting`: the sides whose neighbour, with a page, was not yet the current extractor's
 * (see `writeRedone`). Bounded: two analyses per call.
 */
async function reanalyses(ctx: StoreContext, v: VersionRecord, document: PolicyDocument, hash: string, extractorVersion: number, analyze: AnalyzeFn): Promise<Reanalysed> {
  const waiting: Waiting = { previous: false, next: false };
  const pairs = await reading(ctx, 'read the neighbours of a version read anew', [STORES.versions, STORES.chunks, STORES.blocks], async (tx, bad) => {
    const versions = await policyVersions(tx, v.policyId, bad);
    const at = versions.findIndex((x) => x.versionId === v.versionId);
    if (at < 0) return [];
    const anew = (x: VersionRecord) => hash !== v.contentHash || x.reextracted !== undefined;
    const previous = versions[at - 1];
    const next = versions[at + 1];
    const wanted: Array<{ target: VersionRecord; other: VersionRecord; otherIsOlder: boolean }> = [];
    if (previous && !v.reviewed) {
      if (!holdsCurrentText(previous, extractorVersion)) waiting.previous = previous.checkedBy !== undefined;
      else if (anew(previous)) wanted.push({ target: v, other: previous, otherIsOlder: true });
    }
    if (next && !next.reviewed) {
      if (!holdsCurrentText(next, extractorVersion)) waiting.next = next.checkedBy !== undefined;
      else if (anew(next)) wanted.push({ target: next, other: next, otherIsOlder: false });
    }
    if (wanted.length === 0) return [];
    const assembled = await assemble(tx, wanted.map((w) => w.other), bad);
    return Promise.all(wanted.map(async (w) => ({ ...w, stored: await toStored(w.other, assembled.get(w.other.versionId)!) })));
  });
  const redo: Redone[] = [];
  const kept = new Set<string>();
  for (const { target, other, otherIsOlder, stored } of pairs) {
    const previousHash = otherIsOlder ? other.contentHash : hash;
    const ownHash = otherIsOlder ? hash : other.contentHash;
    // Damaged text is never analysed (the backfill passes it over too): the pair keeps the analysis it had.
    if (stored.damaged) {
      kept.add(target.versionId);
      continue;
    }
    let analysis: ChangeAnalysis | null = null;
    if (previousHash !== ownHash) {
      const [older, newer] = otherIsOlder ? [stored.document, document] : [document, stored.document];
      try {
        const parsed = ChangeAnalysis.safeParse(await analyze(older as PolicyDocument, newer));
        if (parsed.success) analysis = parsed.data;
      } catch {
        // None: the backfill makes it later from the stored texts.
      }
    }
    redo.push({ versionId: target.versionId, previousHash, hash: ownHash, analysis });
  }
  return { redo, waiting, kept };
}

/**
 * Writes analyses made again where the versions still hold the texts they were made from and still follow
 * each other, and the user has not reviewed the change meanwhile; `own` is this transaction's new record of
 * the version read anew (written by the caller). Then, in this same transaction, a change between `own` and
 * a neighbour whose text is the current extractor's, that was not made again here, is left without analysis
 * for the backfill to make from the two current texts (unless its other text is damaged: `kept`), where its
 * analysis cannot describe the stored texts: `own`'s text changed, or the neighbour was `waiting` (read anew
 * meanwhile by a re-reading at the same time). That covers a neighbour a visit added after the look too. So
 * no analysis of old texts stays, wherever the worker stops. Returns whether anything was written.
 */
async function writeRedone(tx: RwTx, policyId: string, found: Reanalysed | null, own: VersionRecord, ownChanged: boolean, extractorVersion: number, bad: Bad[], writes: Promise<unknown>[]): Promise<boolean> {
  const redo = found?.redo ?? [];
  const waiting = found?.waiting;
  if (redo.length === 0 && !waiting?.previous && !waiting?.next && !ownChanged) return false;
  const versions = (await policyVersions(tx, policyId, bad)).map((x) => (x.versionId === own.versionId ? own : x));
  const at = new Map(versions.map((x, i) => [x.versionId, i]));
  let wrote = false;
  const done = new Set<string>();
  for (const r of redo) {
    const i = at.get(r.versionId);
    const target = i === undefined ? undefined : versions[i];
    const before = i === undefined ? undefined : versions[i - 1];
    if (!target || !before || target.reviewed || target.contentHash !== r.hash || before.contentHash !== r.previousHash) continue;
    if (target === own) own.analysis = r.analysis;
    else writes.push(putChecked(tx, STORES.versions, { ...target, analysis: r.analysis }));
    done.add(target.versionId);
    wrote = true;
  }
  const self = versions.indexOf(own);
  if (self < 0) return wrote;
  const owe = (target: VersionRecord) => !target.reviewed && target.analysis !== null && !done.has(target.versionId) && !found?.kept.has(target.versionId);
  const previous = versions[self - 1];
  const next = versions[self + 1];
  if (holdsCurrentText(previous, extractorVersion) && (ownChanged || waiting?.previous) && owe(own)) {
    own.analysis = null;
    wrote = true;
  }
  if (next && holdsCurrentText(next, extractorVersion) && (ownChanged || waiting?.next) && owe(next)) {
    writes.push(putChecked(tx, STORES.versions, { ...next, analysis: null }));
    wrote = true;
  }
  return wrote;
}

export async function reextractionProgress(ctx: StoreContext): Promise<ReextractionProgress | null> {
  return reading(ctx, 'read re-extraction progress', [STORES.meta], async (tx, bad) => check(ReextractionProgress, STORES.meta, 'reextraction', await tx.objectStore(STORES.meta).get('reextraction'), bad) ?? null);
}
