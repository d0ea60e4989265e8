/**
 * Bringing stored texts up to the current extractor: each version whose raw capture an older extractor
 * read is read again, a few per step, by the store's `reextractVersion` (which records each result in
 * the same transaction as the version, so a worker stopped at any moment resumes where it was: the work
 * list is the versions still marked with an older extractor). A text that comes out different replaces
 * the stored one without ever being reported as a change.
 */
import type { ExtractFn, PolicyStore } from './store';
import type { AnalyzeFn } from './save';

/** Versions per step: each step is a few page extractions, so the worker answers messages in between. */
export const REEXTRACT_PER_STEP = 5;
/** A run stops after this many steps whatever happens; the next run goes on (counts, never a clock). */
const MAX_STEPS = 2_000;
/** Versions a run passes over at most (the extractor threw on them) before it stops; the next run retries them. */
const MAX_PASSED = 500;

export type StepResult = {
  processed: number;
  changedText: number;
  sameText: number;
  failed: number;
  more: boolean;
  /**
   * The versions read anew, whose text came out different or the same (a same text read anew can still end a
   * change: its extractor now matches its neighbours', so their change is compared directly again).
   */
  readIds: string[];
};

export async function reextractStep(
  store: Pick<PolicyStore, 'pendingReextraction' | 'reextractVersion'>,
  options: { extractorVersion: number; extract: ExtractFn; analyze?: AnalyzeFn; limit?: number; passed?: Set<string> },
): Promise<StepResult> {
  const result: StepResult = { processed: 0, changedText: 0, sameText: 0, failed: 0, more: false, readIds: [] };
  const limit = options.limit ?? REEXTRACT_PER_STEP;
  // Versions the extractor threw on in this run (`passed`) are left for the next run, and the list goes
  // on past them: pages it throws on never keep the others waiting.
  const passed = options.passed ?? new Set<string>();
  const unpassed = async (n: number) => (await store.pendingReextraction(options.extractorVersion, n + passed.size)).filter((id) => !passed.has(id)).slice(0, n);
  const ids = await unpassed(limit);
  for (const id of ids) {
    const outcome = await store.reextractVersion(id, options.extractorVersion, options.extract, options.analyze);
    if (outcome === 'skipped') {
      passed.add(id);
      continue;
    }
    result.processed++;
    if (outcome === 'changed-text') result.changedText++;
    else if (outcome === 'same-text') result.sameText++;
    else result.failed++;
    if (outcome !== 'failed') result.readIds.push(id);
  }
  result.more = ids.length > 0 && passed.size <= MAX_PASSED && (await unpassed(1)).length > 0;
  return result;
}

/** Steps until nothing is left (or MAX_STEPS), pausing between steps; returns the totals. */
export async function reextractAll(
  store: Pick<PolicyStore, 'pendingReextraction' | 'reextractVersion'>,
  options: { extractorVersion: number; extract: ExtractFn; analyze?: AnalyzeFn; limit?: number; pause?: () => Promise<void> },
): Promise<StepResult> {
  const total: StepResult = { processed: 0, changedText: 0, sameText: 0, failed: 0, more: false, readIds: [] };
  const passed = new Set<string>();
  for (let step = 0; step < MAX_STEPS; step++) {
    const r = await reextractStep(store, { ...options, passed });
    total.processed += r.processed;
    total.changedText += r.changedText;
    total.sameText += r.sameText;
    total.failed += r.failed;
    total.readIds.push(...r.readIds);
    total.more = r.more;
    if (!r.more) break;
    await options.pause?.();
  }
  return total;
}
