/**
 * The evidence record read back: each policy's chain checked against its stored texts and kept raw
 * captures, and everything the evidence export (lib/history/evidence/export.ts) writes out.
 */
import { checkChain, type ChainEntry } from './evidence/chain';
import { sha256Hex as sha256OfBytes } from './evidence/digest';
import type { EvidencePolicy } from './evidence/export';
import { savedPage } from './evidence/raw';
import { renderExtractedText, textSha256 } from './evidence/text';
import { STORES } from './db';
import { check, primaryKeyOf } from './records';
import { CaptureRecord, RawRecord, type ChainStatus, type PolicySummary, type VersionRecord } from './schema';
import { piecesRange, type StoreContext } from './context';
import { reading } from './quarantine';
import { SITE_STORES, allPolicies, readIndex, readSiteIndex } from './read';
import { assembleFrom, iso, readPieces, toDocument, type Assembled } from './versions';
import type { RecordProblem } from '../core/record-problem';

type PolicyEvidence = {
  policy: PolicySummary;
  versions: VersionRecord[];
  entries: ChainEntry[];
  assembled: Map<string, Assembled>;
  raws: Map<string, RawRecord>;
};

/**
 * Each policy of a site (or of every site) with its versions, texts, chain and kept raw captures; one site's
 * from that site's records alone (readSiteIndex).
 */
async function gatherEvidence(ctx: StoreContext, site: string | null, what: string): Promise<PolicyEvidence[]> {
  return reading(ctx, what, [...SITE_STORES, STORES.chunks, STORES.blocks, STORES.captures, STORES.raw], async (tx, bad) => {
    const all = site === null ? await readIndex(tx, bad) : await readSiteIndex(tx, site, bad);
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

/**
 * Whether a version's page is kept, was pruned, or was never kept: `imported` when it came from a history
 * file (its chain entry says so; transfer.ts: an export carries no pages), `none` when it was stored before
 * pages were kept.
 */
function rawOf(v: VersionRecord, imported: ReadonlySet<string>, raws: ReadonlyMap<string, RawRecord>): ChainStatus['versions'][number]['raw'] {
  if (v.rawSha256) return raws.has(v.rawSha256) ? 'kept' : 'pruned';
  return imported.has(v.versionId) ? 'imported' : 'none';
}

export async function verifyChains(ctx: StoreContext, site: string): Promise<ChainStatus[]> {
  const out: ChainStatus[] = [];
  for (const { policy, versions, entries, assembled, raws } of await gatherEvidence(ctx, site, 'verify the record')) {
    const chain = checkChain(policy.policyId, entries);
    const imported = new Set(entries.filter((e) => e.kind === 'import').map((e) => e.versionId));
    const problems = chain.map((p) => `Chain entry ${p.seq} ${p.message}.`);
    const codes: RecordProblem[] = chain.map((p) => p.problem);
    for (const v of versions) {
      const seen = iso(v.firstSeen);
      const entry = entries.findLast((e) => e.versionId === v.versionId);
      if (!entry) {
        problems.push(`The version first seen ${seen} has no chain entry.`);
        codes.push({ code: 'no-entry', seen: v.firstSeen });
        continue;
      }
      const text = textSha256(toDocument(v, assembled.get(v.versionId)!));
      if (entry.textSha256 !== text) {
        problems.push(`The stored text of the version first seen ${seen} is not the text its chain entry names (it was altered or damaged).`);
        codes.push({ code: 'text-altered', seen: v.firstSeen });
      }
    }
    for (const [sha, raw] of raws) {
      const page = await savedPage(raw.gzip);
      if (!page || sha256OfBytes(page) !== sha) {
        problems.push(`The raw capture ${sha.slice(0, 12)}… does not match its hash (it was altered or damaged).`);
        codes.push({ code: 'page-altered', sha: sha.slice(0, 12) });
      }
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
      codes,
      versions: versions.map((v) => ({ versionId: v.versionId, raw: rawOf(v, imported, raws) })),
    });
  }
  return out;
}

export async function evidence(ctx: StoreContext, site: string | null): Promise<EvidencePolicy[]> {
  const out: EvidencePolicy[] = [];
  for (const { policy, versions, entries, assembled, raws } of await gatherEvidence(ctx, site, 'export the evidence')) {
    const bytes = new Map<string, Uint8Array>();
    // A saved page whose compressed bytes are damaged is left out, as a pruned one is: the rest of the
    // evidence still exports, and verification names that page as altered (chainStatus above).
    for (const [sha, raw] of raws) {
      const page = await savedPage(raw.gzip);
      if (page) bytes.set(sha, page);
    }
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
