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
  // Analyses done and under way, by their pair of texts: a refresh of every tab asks for the same pair
  // many times at once, and it is analysed once.
  const cache = new Map<string, Promise<ChangeAnalysis | null>>();
  const analyse = async (store: PolicyStore, pair: PendingPair, latest?: StoredVersion): Promise<ChangeAnalysis | null> => {
    const [baseline, last] = await Promise.all([store.getVersion(pair.baselineVersionId), latest ?? store.getVersion(pair.latestVersionId)]);
    // Without the baseline (pruned meanwhile), or with its text still an older extractor's (the background
    // has not read it anew yet), the latest version's own analysis is the best there is: a change told
    // between two extractors' texts would report what the extractor changed as the policy's change.
    if (!baseline || !last || baseline.extractorVersion !== last.extractorVersion) return last?.analysis ?? null;
    return await analyzeChangeYielding(baseline.document, last.document, nextTask);
  };
  return (store, pair, latest) => {
    const hit = cache.get(pair.textKey);
    if (hit) return hit;
    const pending = analyse(store, pair, latest).then(
      (analysis) => {
        // Nothing found (or a failure) is not kept: the next call tries again.
        if (!analysis) cache.delete(pair.textKey);
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
