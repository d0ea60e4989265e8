/**
 * Bringing stored texts up to the current extractor: each version whose raw capture an older extractor
 * read is read again, a few per step, by the store's `reextractVersion` (which records each result in
 * the same transaction as the version, so a worker stopped at any moment resumes where it was: the work
 * list is the versions still marked with an older extractor). A text that comes out different replaces
 * the stored one without ever being reported as a change.
 */
import type { ExtractFn, PolicyStore } from './store';

/** Versions per step: each step is a few page extractions, so the worker answers messages in between. */
export const REEXTRACT_PER_STEP = 5;
/** A run stops after this many steps whatever happens; the next run goes on (counts, never a clock). */
const MAX_STEPS = 2_000;

export type StepResult = { processed: number; changedText: number; sameText: number; failed: number; more: boolean };

export async function reextractStep(
  store: Pick<PolicyStore, 'pendingReextraction' | 'reextractVersion'>,
  options: { extractorVersion: number; extract: ExtractFn; limit?: number },
): Promise<StepResult> {
  const result: StepResult = { processed: 0, changedText: 0, sameText: 0, failed: 0, more: false };
  const ids = await store.pendingReextraction(options.extractorVersion, options.limit ?? REEXTRACT_PER_STEP);
  for (const id of ids) {
    const outcome = await store.reextractVersion(id, options.extractorVersion, options.extract);
    if (outcome === 'skipped') continue;
    result.processed++;
    if (outcome === 'changed-text') result.changedText++;
    else if (outcome === 'same-text') result.sameText++;
    else result.failed++;
  }
  // A step that moved nothing (every one skipped: the extractor kept throwing) ends the run; the next
  // start or alarm tries again.
  result.more = (ids.length === 0 || result.processed > 0) && (await store.pendingReextraction(options.extractorVersion, 1)).length > 0;
  return result;
}

/** Steps until nothing is left (or MAX_STEPS), pausing between steps; returns the totals. */
export async function reextractAll(
  store: Pick<PolicyStore, 'pendingReextraction' | 'reextractVersion'>,
  options: { extractorVersion: number; extract: ExtractFn; limit?: number; pause?: () => Promise<void> },
): Promise<StepResult> {
  const total: StepResult = { processed: 0, changedText: 0, sameText: 0, failed: 0, more: false };
  for (let step = 0; step < MAX_STEPS; step++) {
    const r = await reextractStep(store, options);
    total.processed += r.processed;
    total.changedText += r.changedText;
    total.sameText += r.sameText;
    total.failed += r.failed;
    total.more = r.more;
    if (!r.more) break;
    await options.pause?.();
  }
  return total;
}
