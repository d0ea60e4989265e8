/**
 * A change spread over several unreviewed versions is shown as one: from the last reviewed version (the
 * baseline) to the latest. The badge and the popup both need it; this is the one place that analyses
 * it, once per pair of texts (keyed by their content hashes, so a re-extracted text is analysed anew),
 * cached for the worker's life.
 */
import { analyzeChangeYielding } from '@/lib/core/engine';
import type { ChangeAnalysis, Counts, Finding, Severity } from '@/lib/core/schema';
import { versionOrder } from '@/lib/core/version-order';
import type { PolicyStore, StoredVersion } from '@/lib/history';
import { nextTask } from './history';
import type { AnalysisCache } from './analysis-cache';

export interface PendingPair {
  baselineVersionId: string;
  latestVersionId: string;
  /** `${baseline content hash}>${latest content hash}`. */
  textKey: string;
}

export type CombinedChange = (store: PolicyStore, pair: PendingPair, latest?: StoredVersion) => Promise<ChangeAnalysis | null>;

/** With `kept` (./analysis-cache.ts), analyses outlive the worker: one that starts again does not redo them. */
export function createCombinedChange(kept?: AnalysisCache): CombinedChange {
  // Analyses done and under way, by their pair of texts: a refresh of every tab asks for the same pair
  // many times at once, and it is analysed once.
  const cache = new Map<string, Promise<ChangeAnalysis | null>>();
  /** The change, and whether it may be kept for the pair of texts. */
  const analyse = async (store: PolicyStore, pair: PendingPair, latest?: StoredVersion): Promise<{ analysis: ChangeAnalysis | null; keep: boolean }> => {
    const remembered = kept ? await kept.get(pair.textKey) : null;
    if (remembered) return { analysis: remembered, keep: true };
    const [baseline, last] = await Promise.all([store.getVersion(pair.baselineVersionId), latest ?? store.getVersion(pair.latestVersionId)]);
    // Without the baseline (pruned meanwhile), the latest version's own analysis is the best there is.
    if (!baseline || !last) return { analysis: last?.analysis ?? null, keep: false };
    // The two texts are different extractors': told between them, the change would report what the
    // extractor changed. The pending versions' own analyses, each made from two texts of one extractor,
    // stand in together, not kept: during a re-extraction, the call after the re-reading tells the whole
    // change. For a baseline no extractor can read again (no kept page, or extractor 0: a history migrated
    // from before the extractor was recorded, or imported) the stand-in lasts until the change is reviewed;
    // it shows each step, so a step undone later still shows.
    if (baseline.extractorVersion !== last.extractorVersion) return { analysis: await ownAnalyses(store, baseline, last), keep: false };
    const analysis = await analyzeChangeYielding(baseline.document, last.document, nextTask);
    if (analysis && kept) await kept.set(pair.textKey, analysis);
    return { analysis, keep: analysis !== null };
  };
  return (store, pair, latest) => {
    const hit = cache.get(pair.textKey);
    if (hit) return hit;
    const pending = analyse(store, pair, latest).then(
      ({ analysis, keep }) => {
        // Nothing found (or a failure, or a stand-in) is not kept: the next call tries again.
        if (!keep) cache.delete(pair.textKey);
        return analysis;
      },
      (error: unknown) => {
        cache.delete(pair.textKey);
        throw error;
      },
    );
    cache.set(pair.textKey, pending);
    return pending;
  };
}

/** Versions whose own analyses stand in for a combined change, at most (the newest). */
const OWN_ANALYSES = 20;

/**
 * The own analyses of the versions after `baseline` up to `last`, merged (`mergeAnalyses`): the newest
 * OWN_ANALYSES, and every one with a major finding among the OWN_ANALYSES before them.
 */
async function ownAnalyses(store: PolicyStore, baseline: StoredVersion, last: StoredVersion): Promise<ChangeAnalysis | null> {
  // Strictly between the two in the one order of versions (lib/core/version-order.ts), which listVersions follows.
  const metas = (await store.listVersions(last.policyId)).filter((v) => versionOrder(v, baseline) > 0 && versionOrder(v, last) < 0);
  const newest = metas.slice(-(OWN_ANALYSES - 1));
  const majors = metas.slice(0, metas.length - newest.length).filter((v) => (v.counts?.major ?? 0) > 0).slice(-OWN_ANALYSES);
  const earlier = await Promise.all([...majors, ...newest].map((v) => store.getVersion(v.versionId)));
  return mergeAnalyses([...earlier.map((v) => v?.analysis ?? null), last.analysis].filter((a): a is ChangeAnalysis => a !== null));
}

const COUNTED: Record<Severity, keyof Counts> = { major: 'major', minor: 'minor', 'good-news': 'goodNews', cosmetic: 'cosmetic' };
const ORDER: Record<Severity, number> = { major: 0, 'good-news': 1, minor: 2, cosmetic: 3 };

/**
 * Several changes' analyses (oldest first) as one: every finding once (the newest of the same id), major
 * first, then good news, then minor; their counts added; every text change, newest first.
 */
export function mergeAnalyses(list: ChangeAnalysis[]): ChangeAnalysis | null {
  if (list.length <= 1) return list[0] ?? null;
  const counts: Counts = { major: 0, minor: 0, goodNews: 0, cosmetic: 0 };
  for (const a of list) for (const k of Object.keys(counts) as Array<keyof Counts>) counts[k] += a.counts[k];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const a of [...list].reverse()) {
    for (const f of a.findings) {
      if (seen.has(f.id)) {
        counts[COUNTED[f.severity]] = Math.max(0, counts[COUNTED[f.severity]] - 1);
        continue;
      }
      seen.add(f.id);
      findings.push(f);
    }
  }
  findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return { schemaVersion: 2, counts, findings, changes: [...list].reverse().flatMap((a) => a.changes), truncated: list.some((a) => a.truncated) };
}
