/**
 * Versions kept without the analysis of their change get it afterwards, a few at a time: a version imported
 * where the version before it here is not the one it followed in the file (transfer.ts drops its analysis,
 * and that of a stored version an imported one now precedes), or one whose analysis failed when it was
 * saved. The badge counts a major change only from a version's own analysis, so without this an imported
 * change would never raise it. Bounded by `limit` analyses per call; each is written only if the version
 * still follows the same version (a save or an import meanwhile leaves it for the next call).
 */
import { ChangeAnalysis, type PolicyDocument } from '../core/schema';
import { versionOrder } from '../core/version-order';
import { STORES } from './db';
import type { Bad } from './records';
import { VersionRecord } from './schema';
import { begin, oweSummaries, putChecked, type StoreContext } from './context';
import { failedWrite, quarantine, reading } from './quarantine';
import { assemble, policyVersions, siteOfPolicy, toStored } from './versions';
import { INDEX_STORES, readIndex } from './read';
import type { AnalyzeFn } from './save';

type Candidate = { version: VersionRecord; previous: VersionRecord };

/**
 * Whether a version's change is owed an analysis: it has none, and its text differs from the version's before
 * it (a version with the text of the one before has no change to analyse; a first version none at all). The
 * backfill's rule, and so the rule of what pruning and the watch list count as not analysed yet.
 */
export function owesAnalysis(version: { contentHash: string }, analysed: boolean, previous: { contentHash: string } | undefined): boolean {
  return !analysed && previous !== undefined && version.contentHash !== previous.contentHash;
}

/**
 * `skip`: versions this worker already tried and could not analyse (damaged text, an analysis that failed);
 * they are passed over, so they are not retried on every run and older changes still get their turn. The
 * ones found so are added to it. `remaining`: changes still without analysis after this call (none tried).
 */
export async function analyzeMissing(ctx: StoreContext, analyze: AnalyzeFn, limit: number, skip: Set<string> = new Set()): Promise<{ analysed: number; sites: string[]; remaining: number }> {
  const candidates = await reading(ctx, 'find versions to analyse', INDEX_STORES, async (tx, bad) => {
    const out: Candidate[] = [];
    // Each policy's versions, oldest first (read.ts readIndex).
    for (const list of (await readIndex(tx, bad)).versionsByPolicy.values()) {
      list.forEach((version, i) => {
        const previous = list[i - 1];
        if (previous && owesAnalysis(version, version.analysis !== null, previous)) out.push({ version, previous });
      });
    }
    // The most recent first: they are what the badge and the popup show.
    return out.filter((c) => !skip.has(c.version.versionId)).sort((a, b) => versionOrder(b.version, a.version));
  });
  const remaining = Math.max(0, candidates.length - limit);
  candidates.length = Math.min(candidates.length, limit);
  let analysed = 0;
  const sites = new Set<string>();
  for (const { version, previous } of candidates) {
    const docs = await reading(ctx, 'read versions to analyse', [STORES.versions, STORES.chunks, STORES.blocks], async (tx, bad) => {
      const assembled = await assemble(tx, [previous, version], bad);
      return Promise.all([previous, version].map((v) => toStored(v, assembled.get(v.versionId)!)));
    });
    // Damaged text is not analysed: the change it would report is not the policy's.
    if (docs.some((d) => d.damaged)) {
      skip.add(version.versionId);
      continue;
    }
    let analysis: ChangeAnalysis;
    try {
      const result = ChangeAnalysis.safeParse(await analyze(docs[0]!.document as PolicyDocument, docs[1]!.document as PolicyDocument));
      if (!result.success) {
        skip.add(version.versionId);
        continue;
      }
      analysis = result.data;
    } catch {
      skip.add(version.versionId);
      continue;
    }
    const bad: Bad[] = [];
    const tx = begin(ctx, [STORES.versions, STORES.policies, STORES.summaryOwed], 'readwrite', 'store the analysis of a change');
    try {
      const list = await policyVersions(tx, version.policyId, bad);
      const at = list.findIndex((v) => v.versionId === version.versionId);
      const now = list[at];
      if (now && now.analysis === null && list[at - 1]?.versionId === previous.versionId) {
        const writes: Promise<unknown>[] = [putChecked(tx, STORES.versions, { ...now, analysis })];
        const site = await siteOfPolicy(tx, version.policyId);
        if (site !== undefined) sites.add(site);
        // Owed until the refresh after this call (store.ts): every site's when the policy's record does not say which.
        oweSummaries(tx, [site], writes);
        await Promise.all(writes);
        analysed++;
      }
      await tx.done;
    } catch (error) {
      throw await failedWrite(ctx, tx, error, 'store the analysis of a change', bad);
    }
    await quarantine(ctx, bad);
  }
  return { analysed, sites: [...sites], remaining };
}
