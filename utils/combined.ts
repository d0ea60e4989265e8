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
  /** The change, and whether it may be kept for the pair of texts. */
  const analyse = async (store: PolicyStore, pair: PendingPair, latest?: StoredVersion): Promise<{ analysis: ChangeAnalysis | null; keep: boolean }> => {
    const [baseline, last] = await Promise.all([store.getVersion(pair.baselineVersionId), latest ?? store.getVersion(pair.latestVersionId)]);
    // Without the baseline (pruned meanwhile), the latest version's own analysis is the best there is.
    if (!baseline || !last) return { analysis: last?.analysis ?? null, keep: false };
    // A baseline whose kept page the background has yet to read with the latest's extractor: told now, the
    // change would be between two extractors' texts and report what the extractor changed. Until then the
    // latest version's own analysis stands in, not kept (the call after the re-reading tells the whole
    // change, whether or not the text came out different). A baseline no extractor can read again (no
    // kept page) is compared as it is.
    if (baseline.checkedBy !== null && baseline.checkedBy < last.extractorVersion) return { analysis: last.analysis, keep: false };
    const analysis = await analyzeChangeYielding(baseline.document, last.document, nextTask);
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
