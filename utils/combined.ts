/**
 * A change spread over several unreviewed versions is shown as one: from the last reviewed version (the
 * baseline) to the latest. The badge and the popup both need it; this is the one place that analyses
 * it, once per pair of texts (keyed by their content hashes, so a re-extracted text is analysed anew),
 * cached for the worker's life.
 */
import { analyzeChangeYielding } from '@/lib/core/engine';
import type { ChangeAnalysis } from '@/lib/core/schema';
import type { PolicyStore, StoredVersion } from '@/lib/history';
import { nextTask } from './history';

export interface PendingPair {
  baselineVersionId: string;
  latestVersionId: string;
  /** `${baseline content hash}>${latest content hash}`. */
  textKey: string;
}

export type CombinedChange = (store: PolicyStore, pair: PendingPair, latest?: StoredVersion) => Promise<ChangeAnalysis | null>;

export function createCombinedChange(): CombinedChange {
  const cache = new Map<string, ChangeAnalysis>();
  return async (store, pair, latest) => {
    const hit = cache.get(pair.textKey);
    if (hit) return hit;
    const [baseline, last] = await Promise.all([store.getVersion(pair.baselineVersionId), latest ?? store.getVersion(pair.latestVersionId)]);
    // Without the baseline (pruned meanwhile), the latest version's own analysis is the best there is.
    const analysis = baseline && last ? await analyzeChangeYielding(baseline.document, last.document, nextTask) : (last?.analysis ?? null);
    if (analysis) cache.set(pair.textKey, analysis);
    return analysis;
  };
}
