/**
 * The history as a file (format 'clausewatch-history'): exported as documents with their analyses (written
 * with each paragraph once: history-file.ts packHistory), and imported all or nothing from a file of either
 * version, after checking every version against its content hash. Raw captures stay
 * behind; an imported version gets an `import` chain entry. The one exception to "all": a new policy of a
 * site that already has as many policies as a capture may make (save.ts MAX_POLICIES_PER_SITE) is left out
 * with its versions, the rest is imported, and the result says how many were left out and why (`leftOut`).
 */
import { textSha256 } from './evidence/text';
import { STORES } from './db';
import { toStoreError, type StoreError } from './errors';
import { newVersionId, prepareDocument, type BlockDigests, type PreparedDocument } from './hash';
import { readHistoryFile } from './history-file';
import { type Bad } from './records';
import { ExportFile, LATEST_IMPORTED_FIRST_SEEN, type ExportPolicy, type ExportSite, type ExportVersion, type ImportResult, type PolicyRecord, type VersionRecord } from './schema';
import { normalizePolicyPath, originForUrl, policyIdFor, siteForUrl } from './site';
import { begin, oweSummaries, putChecked, type RwTx, type StoreContext } from './context';
import { appendEntry } from './chain';
import { failedWrite, quarantine, reading } from './quarantine';
import { INDEX_STORES, allPolicies, readIndex, summariseSites } from './read';
import { assembleFrom, contentHashOf, iso, policyVersions, readPieces, toStored } from './versions';
import { WRITE_STORES, fileUnderSite, pieceKeys, upsertPolicyAndSite, writePieces, type PieceKeys } from './write';
import { MAX_POLICIES_PER_SITE, newPolicyOverLimit } from './save';
import { ImportLeftOut, ImportRefusal } from '../core/import-refusal';
import { versionOrder } from '../core/version-order';

/** One version of a history file, as the merge sees it. */
interface Sighting {
  hash: string;
  firstSeen: number;
  lastSeen: number;
  /**
   * The text of the version before it in the file (null: none), which its analysis describes the change
   * from; by default the sighting before it in the list.
   */
  before?: string | null;
  /** Reviewed where the file was made (see mergeSightings for when the mark is carried). */
  reviewed?: boolean;
}
type MergeStep = { kind: 'same'; record: VersionRecord } | { kind: 'new'; sameBefore: boolean; reviewed: boolean };

/**
 * How a file's versions of a policy join the stored ones, in time: a version is the same as a stored one
 * when it has the same text and is next to it once both are ordered by when they were first seen (the same
 * sighting, from two browsers); otherwise it is a version of its own, so a policy that changed and changed
 * back (A, B, A) keeps its last A, and A stays the latest, when the store already holds the first A.
 * `sameBefore`: the version before it here has the text of the version before it in the file (its
 * analysis still describes the change from that one). `extended`: stored versions to write again, with
 * their new lastSeen where the file saw them for longer, and without their analysis where an imported
 * version now comes right before them (it described the change from the one that came before; one record
 * each), or reviewed where the file's user reviewed the same change.
 * A review covers the change from the last version reviewed before it (or the first) to it (lib/core/review.ts
 * pendingChange), so a file's mark is carried, to a new version (`reviewed`) or to a stored copy, only where
 * that version's baseline in the file has the text of its baseline here, the file's versions and marks
 * merged in: a user who reviewed B -> C elsewhere has not reviewed A -> C, which this history awaits.
 */
export function mergeSightings(stored: readonly VersionRecord[], file: readonly Sighting[]): { steps: MergeStep[]; extended: VersionRecord[] } {
  type Entry = { contentHash: string; firstSeen: number; record?: VersionRecord; index?: number };
  const timeline: Entry[] = [...stored.map((record) => ({ contentHash: record.contentHash, firstSeen: record.firstSeen, record })), ...file.map((f, index) => ({ contentHash: f.hash, firstSeen: f.firstSeen, index }))];
  // In the one order of versions (lib/core/version-order.ts: on a tie in time, by the text), so the same
  // texts are together and the timeline is the order the store will list; then the stored one first, so a
  // file's copy of a stored version sits right after it (a file may give two versions one time: importing it
  // twice adds nothing). Stored versions of one time and text keep the order they are given in (oldest first).
  timeline.sort((a, b) => versionOrder(a, b) || (a.record ? 0 : 1) - (b.record ? 0 : 1));
  const steps: MergeStep[] = [];
  const lastSeen = new Map<VersionRecord, number>();
  const reviewedThere = new Set<VersionRecord>();
  const nearestRecord = nearestRecords(timeline);
  const fileBeforeOf = (index: number): string | null => {
    const sighting = file[index]!;
    return sighting.before !== undefined ? sighting.before : (file[index - 1]?.hash ?? null);
  };
  timeline.forEach((entry, k) => {
    if (entry.index === undefined) return;
    const sighting = file[entry.index]!;
    const before = timeline[k - 1];
    // The stored version it copies: the nearest stored one among the entries of the same text next to it
    // (a file that gives one text twice in a row, at one time or two, names one version: importing it twice
    // adds nothing).
    const record = nearestRecord[k];
    if (record) {
      steps[entry.index] = { kind: 'same', record };
      if (sighting.lastSeen > (lastSeen.get(record) ?? record.lastSeen)) lastSeen.set(record, sighting.lastSeen);
      return;
    }
    // The nearest earlier version here: a stored one, or another of the file's.
    steps[entry.index] = { kind: 'new', sameBefore: (before?.contentHash ?? null) === fileBeforeOf(entry.index), reviewed: false };
  });
  // Reviews, in time: the baseline (the text of the last version reviewed, or of the first) here, the file's
  // versions merged in, and in the file; a file's mark is carried where the two are the same text.
  let hereBase: string | null = null;
  let fileBase: string | null = null;
  for (const entry of timeline) {
    if (entry.record) {
      if (hereBase === null || entry.record.reviewed || reviewedThere.has(entry.record)) hereBase = entry.contentHash;
      continue;
    }
    const sighting = file[entry.index!]!;
    const step = steps[entry.index!]!;
    const carried = !!sighting.reviewed && (hereBase === null || hereBase === fileBase);
    if (step.kind === 'new') {
      step.reviewed = carried;
      if (hereBase === null || carried) hereBase = entry.contentHash;
    } else if (carried && !step.record.reviewed) {
      reviewedThere.add(step.record);
      hereBase = entry.contentHash;
    }
    if (fileBase === null || sighting.reviewed) fileBase = entry.contentHash;
  }
  // The version before each stored one once the file's new versions are in: an imported one makes its
  // analysis (the change from the stored one before it) stale.
  // Stale only if that text differs from the one before it until now (A, B, A imported before C keeps C's A -> C).
  const stale = new Set<VersionRecord>();
  let storedBefore: string | null = null;
  let newBefore: string | null = null;
  for (const entry of timeline) {
    if (entry.record) {
      if (newBefore !== null && newBefore !== storedBefore && entry.record.analysis !== null) stale.add(entry.record);
      storedBefore = entry.contentHash;
      newBefore = null;
    } else if (entry.index !== undefined && steps[entry.index]?.kind === 'new') newBefore = entry.contentHash;
  }
  const rewritten = new Set([...lastSeen.keys(), ...stale, ...reviewedThere]);
  return {
    steps,
    extended: [...rewritten].map((record) => ({
      ...record,
      lastSeen: lastSeen.get(record) ?? record.lastSeen,
      ...(stale.has(record) ? { analysis: null } : {}),
      ...(reviewedThere.has(record) ? { reviewed: true } : {}),
    })),
  };
}

/**
 * For each timeline[k], the stored record nearest to it in the run of consecutive entries with its text
 * (an earlier one first). Two passes, one each way, so a file that repeats one text many times costs work
 * in proportion to its versions, not to their square.
 */
function nearestRecords(timeline: ReadonlyArray<{ contentHash: string; record?: VersionRecord }>): Array<VersionRecord | undefined> {
  const nearest: Array<VersionRecord | undefined> = new Array(timeline.length);
  let before: VersionRecord | undefined;
  for (let k = 0; k < timeline.length; k++) {
    if (timeline[k - 1]?.contentHash !== timeline[k]!.contentHash) before = undefined;
    nearest[k] = before;
    before = timeline[k]!.record ?? before;
  }
  let after: VersionRecord | undefined;
  for (let k = timeline.length - 1; k >= 0; k--) {
    if (timeline[k + 1]?.contentHash !== timeline[k]!.contentHash) after = undefined;
    nearest[k] ??= after;
    after = timeline[k]!.record ?? after;
  }
  return nearest;
}

/**
 * The content hash that names a file's version: its whole text's, which a version damaged where it was
 * exported gives beside the hash of what was left of it (schema.ts ExportVersion `wholeContentHash`).
 */
function versionHash({ v, prepared }: { v: ExportVersion; prepared: PreparedDocument }): string {
  return v.wholeContentHash ?? prepared.contentHash;
}

/** A registrable domain or bare host, as siteForUrl would produce it. */
function isSiteName(site: string): boolean {
  try {
    return siteForUrl(`https://${site.includes(':') ? `[${site}]` : site}/`) === site;
  } catch {
    return false;
  }
}

export async function exportAll(ctx: StoreContext): Promise<ExportFile> {
  const found = await reading(ctx, 'export the history', [...INDEX_STORES, STORES.chunks, STORES.blocks], async (tx, bad) => {
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
      const remnant = stored.damaged ? await contentHashOf(stored.document) : undefined;
      versions.push({
        firstSeen: iso(v.firstSeen),
        lastSeen: iso(v.lastSeen),
        // A damaged version is exported as what is left of it, under the hash of that, and named by the hash
        // of its whole text (`wholeContentHash`), so importing the file where it is held adds nothing.
        contentHash: remnant ?? v.contentHash,
        ...(remnant !== undefined && remnant !== v.contentHash ? { wholeContentHash: v.contentHash } : {}),
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
    exportedAt: iso(ctx.clock()),
    sites: [...sites.values()].filter((s) => s.policies.length > 0),
  });
}

/** How far after this computer's date an imported version may be dated: clocks and time zones a little apart. */
const FUTURE_ALLOWANCE_MS = 86_400_000;
/** What a written address never holds (a URL's href encodes it): spaces, line breaks and other control characters. */
// eslint-disable-next-line no-control-regex
const UNWRITTEN = /[\u0000-\u0020\u007f]/;

/** A file refused as damaged or from an unsupported version, with the checker's `detail`. */
function damaged(detail: string): ImportResult {
  return {
    ok: false,
    code: 'invalid-import',
    error: `This Clausewatch history file is damaged or from an unsupported version (${detail}). Nothing was imported.`,
    refusal: ImportRefusal.parse({ kind: 'damaged', detail }),
  };
}

/** An import the store could not carry out; a database closed by an update is a refusal the page words. */
function failedImport(storeError: StoreError, code: 'quota' | 'unknown'): ImportResult {
  return { ok: false, code, error: `${storeError.message} Nothing was imported.`, ...(storeError.code === 'unavailable' ? { refusal: { kind: 'store-closed' } as const } : {}) };
}

export async function importAll(ctx: StoreContext, data: unknown): Promise<ImportResult> {
  const parsed = readHistoryFile(data);
  if (!parsed.ok) {
    if (parsed.why === 'damaged') return damaged(parsed.detail);
    if (parsed.why === 'too-large') {
      const { unit, limit, policy } = parsed;
      const what = policy !== undefined ? `a version of ${policy.slice(0, 100)} holds more than ${limit} characters` : `its versions hold more than ${limit} ${unit === 'paragraphs' ? 'paragraphs' : 'characters of text'} together`;
      return { ok: false, code: 'invalid-import', error: `The history file is larger than Clausewatch imports at once: ${what}. Nothing was imported.`, refusal: ImportRefusal.parse({ kind: 'too-large', unit, limit, ...(policy !== undefined ? { policy } : {}) }) };
    }
    return { ok: false, code: 'invalid-import', error: 'This is not a Clausewatch history file. Nothing was imported.', refusal: { kind: 'not-ours' } };
  }

  // The file's versions share its paragraph objects (a version 2 file): each is hashed once.
  const digests: BlockDigests = new WeakMap();
  type Planned = { policy: PolicyRecord; versions: { v: ExportVersion; prepared: PreparedDocument; before: string | null }[]; repeats: number };
  const planned: Planned[] = [];
  // Nothing dated after this computer's date (and a day, for clocks and time zones a little apart): a version
  // from the future would date every later capture of its policy after it (save.ts keeps versions in order).
  const latestAccepted = Math.min(LATEST_IMPORTED_FIRST_SEEN, ctx.clock() + FUTURE_ALLOWANCE_MS);
  for (const site of parsed.file.sites) {
    if (!isSiteName(site.site)) {
      return {
        ok: false,
        code: 'invalid-import',
        error: `The history file names an invalid site (${JSON.stringify(site.site.slice(0, 100))}). Nothing was imported.`,
        refusal: ImportRefusal.parse({ kind: 'bad-site', site: site.site }),
      };
    }
    for (const p of site.policies) {
      const late = p.versions.findIndex((v) => Date.parse(v.lastSeen) > latestAccepted);
      if (late >= 0) {
        const seen = p.versions[late]!.lastSeen;
        // At the latest time a record holds, no clock was ever right: the file is damaged.
        if (Date.parse(seen) > LATEST_IMPORTED_FIRST_SEEN) return damaged(`version ${late + 1} of ${site.site}${p.path} was seen ${seen}, later than any history can hold`);
        return {
          ok: false,
          code: 'invalid-import',
          error: `The history file has a version of ${site.site}${p.path} seen ${seen}, after this computer's date (at most ${iso(latestAccepted)}): the clock of the computer that recorded it was ahead, or the file was altered. Nothing was imported.`,
          refusal: ImportRefusal.parse({ kind: 'future', policy: `${site.site}${p.path}`, seen: seen.slice(0, 10) }),
        };
      }
      const backwards = p.versions.findIndex((v) => Date.parse(v.lastSeen) < Date.parse(v.firstSeen));
      if (backwards >= 0) {
        return damaged(`version ${backwards + 1} of ${site.site}${p.path} was last seen before it was first seen`);
      }
      // An address is written as a browser writes it: the URL parser quietly drops line breaks, tabs and
      // spaces at its ends, so one kept with them would not be the address it reads as (and a line break
      // would break the evidence file's headers).
      const unwritten = [p.url, p.origin ?? '', ...p.versions.map((v) => v.document.url)].find((u) => UNWRITTEN.test(u));
      if (unwritten !== undefined) {
        return damaged(`${site.site}${p.path} names an address with a space, a line break or a control character (${JSON.stringify(unwritten.slice(0, 100))})`);
      }
      const versions = await Promise.all(p.versions.map(async (v) => ({ v, prepared: await prepareDocument(v.document, digests) })));
      const mismatch = versions.findIndex(({ v, prepared }) => prepared.contentHash !== v.contentHash);
      if (mismatch >= 0) {
        return {
          ok: false,
          code: 'invalid-import',
          error: `The history file is damaged: version ${mismatch + 1} of ${site.site}${p.path} does not match its checksum. Nothing was imported.`,
          refusal: ImportRefusal.parse({ kind: 'checksum', version: mismatch + 1, policy: `${site.site}${p.path}` }),
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
      const positions = new Map(p.versions.map((v, i) => [v, i]));
      for (const entry of versions) {
        const origin = p.origin ?? originOf(entry.v.document.url) ?? originOf(p.url);
        if (!origin || originOf(origin) !== origin) {
          return {
            ok: false,
            code: 'invalid-import',
            error: `The history file names a policy of ${site.site} at an address outside it (${JSON.stringify((p.origin ?? p.url).slice(0, 100))}). Nothing was imported.`,
            refusal: ImportRefusal.parse({ kind: 'outside', site: site.site, address: p.origin ?? p.url }),
          };
        }
        // Each version's own address is shown and opened ("Show on page"): a web address of its policy's
        // origin, as every capture's is, or the file is refused (a crafted "javascript:" address has no
        // origin at all: originOf gives null, never the policy's origin checked above).
        if (originOf(entry.v.document.url) !== origin) {
          return {
            ok: false,
            code: 'invalid-import',
            error: `The history file names a version of ${site.site}${p.path} at an address outside it (${JSON.stringify(entry.v.document.url.slice(0, 100))}). Nothing was imported.`,
            refusal: ImportRefusal.parse({ kind: 'outside', site: site.site, address: entry.v.document.url }),
          };
        }
        const group = groups.get(origin);
        if (group) group.push(entry);
        else groups.set(origin, [entry]);
      }
      for (const [origin, given] of groups) {
        const path = normalizePolicyPath(`${origin}${p.path}`);
        // One text given twice in a row in time (a file edited by hand, or two joined) is one version seen over
        // both spans, as a save would keep it, not two versions in a row; reviewed if either was. In the one
        // order of versions, not the file's: A, A, B in the file with B between the two A's is a change back.
        const order = (e: (typeof given)[number]) => ({ firstSeen: Date.parse(e.v.firstSeen), contentHash: versionHash(e), lastSeen: Date.parse(e.v.lastSeen) });
        const repeats = new Set<(typeof given)[number]>();
        const inTime = [...given].sort((a, b) => versionOrder(order(a), order(b)));
        for (let k = 1, kept = inTime[0]; k < inTime.length; k++) {
          const entry = inTime[k]!;
          if (versionHash(entry) !== versionHash(kept!)) {
            kept = entry;
            continue;
          }
          // In place: the file's own version keeps its identity (its position in the file is looked up by it).
          kept!.v.lastSeen = iso(Math.max(Date.parse(kept!.v.lastSeen), Date.parse(entry.v.lastSeen)));
          kept!.v.reviewed ||= entry.v.reviewed;
          repeats.add(entry);
        }
        // Each keeps the text of the one before it in the file, which its analysis is told from, whatever was
        // collapsed between them.
        const list = given.flatMap((e, i) => (repeats.has(e) ? [] : [{ ...e, before: i > 0 ? versionHash(given[i - 1]!) : null }]));
        // The latest in the one order of versions, as the store will list them (a file may give two texts one
        // time, in either order).
        const latest = list.reduce((a, b) => (versionOrder(order(a), order(b)) > 0 ? a : b)).v;
        if (groups.size > 1) {
          // An analysis describes the change from the version before it; in another policy now, it no longer does.
          const keeps = list.map((entry, i) => p.versions[positions.get(entry.v)! - 1] === list[i - 1]?.v);
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
            // Not Math.min(...times): spreading a policy's versions into arguments overflows the stack.
            firstSeen: list.reduce((t, e) => Math.min(t, Date.parse(e.v.firstSeen)), Infinity),
            lastSeen: list.reduce((t, e) => Math.max(t, Date.parse(e.v.lastSeen)), -Infinity),
          },
          versions: list,
          repeats: given.length - list.length,
        });
      }
    }
  }

  const bad: Bad[] = [];
  let tx: RwTx;
  try {
    tx = begin(ctx, WRITE_STORES, 'readwrite', 'import the history');
  } catch (error) {
    return failedImport(toStoreError(error, 'import the history'), 'unknown');
  }
  let added = 0;
  let skipped = 0;
  /** Policies left out past the bound, and their versions, by site (in the file's order). */
  const overLimit = new Map<string, { policies: number; versions: number }>();
  try {
    const writes: Promise<unknown>[] = [];
    for (const { policy, versions, repeats } of planned) {
      // A policy new to this history joins its site only within the bound a capture is held to (counted in
      // this transaction, so the file's own new policies count as they are added): in the file's order, the
      // first ones up to the bound are imported, the rest left out with their versions. The site's known
      // policies are merged as before, past the bound too.
      if (await newPolicyOverLimit(tx, policy.site, policy.policyId)) {
        const left = overLimit.get(policy.site) ?? { policies: 0, versions: 0 };
        overLimit.set(policy.site, { policies: left.policies + 1, versions: left.versions + versions.length });
        continue;
      }
      skipped += repeats;
      const stored = await policyVersions(tx, policy.policyId, bad);
      const sightings = versions.map((entry) => ({ hash: versionHash(entry), firstSeen: Date.parse(entry.v.firstSeen), lastSeen: Date.parse(entry.v.lastSeen), before: entry.before, reviewed: entry.v.reviewed }));
      const plan = mergeSightings(stored, sightings);
      let have: PieceKeys | undefined;
      for (const [i, { v, prepared }] of versions.entries()) {
        const step = plan.steps[i];
        const { firstSeen, lastSeen } = sightings[i]!;
        if (step?.kind === 'same') {
          skipped++;
          continue;
        }
        have ??= await pieceKeys(tx, policy.policyId);
        await writePieces(tx, policy.policyId, prepared, writes, have);
        const versionId = newVersionId();
        writes.push(
          putChecked(tx, STORES.versions, {
            versionId,
            policyId: policy.policyId,
            firstSeen,
            lastSeen,
            // A version damaged where it was exported keeps the hash of its whole text with what was left of
            // it: it reads as damaged here too (versions.ts toStored), is never analysed, is exported the same
            // way again, and a capture of that text makes it whole (save.ts).
            contentHash: sightings[i]!.hash,
            statedDate: v.document.statedDate,
            url: v.document.url,
            title: v.document.title,
            language: v.document.language,
            extraction: v.document.extraction,
            chunks: prepared.chunks.map((c) => c.key),
            blockCount: prepared.blockKeys.length,
            // Its analysis describes the change from the version before it in the file: kept only where
            // that is still the version before it here.
            analysis: step?.kind === 'new' && step.sameBefore ? v.analysis : null,
            // The file's mark where its user reviewed the same change (mergeSightings).
            reviewed: step?.kind === 'new' ? step.reviewed : v.reviewed,
            extractorVersion: 0,
            rawSha256: null,
          } satisfies VersionRecord),
        );
        const at = new Date(ctx.clock()).toISOString();
        await appendEntry(tx, policy.policyId, bad, { kind: 'import', versionId, url: v.document.url, source: 'unknown', capturedAt: new Date(firstSeen).toISOString(), recordedAt: at, extractorVersion: 0, rawSha256: null, textSha256: textSha256(v.document) }, writes);
        added++;
      }
      // A stored version seen over a longer span elsewhere; firstSeen orders versions, so only lastSeen moves.
      for (const record of plan.extended) writes.push(putChecked(tx, STORES.versions, record));
      const { firstSeen, lastSeen, ...fields } = policy;
      await upsertPolicyAndSite(tx, bad, fields, firstSeen, lastSeen, writes);
      fileUnderSite(tx, policy.policyId, writes);
    }
    // Every summary is refreshed after an import (store.ts): owed until then.
    oweSummaries(tx, [undefined], writes);
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    const storeError = await failedWrite(ctx, tx, error, 'import the history');
    return failedImport(storeError, storeError.code === 'quota' ? 'quota' : 'unknown');
  }
  await quarantine(ctx, bad);
  const left = [...overLimit.entries()];
  if (left.length === 0) return { ok: true, added, skipped };
  const leftOut = ImportLeftOut.parse({
    kind: 'site-limit',
    limit: MAX_POLICIES_PER_SITE,
    policies: left.reduce((n, [, l]) => n + l.policies, 0),
    versions: left.reduce((n, [, l]) => n + l.versions, 0),
    site: left[0]![0],
    sites: left.length,
  });
  return { ok: true, added, skipped, leftOut };
}
