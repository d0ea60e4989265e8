/**
 * The history as the background uses it: the one store (opened once per worker, reopened after a
 * failure), saving a captured version with the page it came from, the storage problem the user must
 * hear about (a full disk; what was pruned to make room), and re-extraction of kept pages when the
 * extractor changes. A feature module: the background wires it, tests run it on fakeBrowser.
 */
import { storage } from 'wxt/utils/storage';
import { analyzeChangeYielding } from '@/lib/core/engine';
import { EXTRACTOR_VERSION } from '@/lib/core/page/extract';
import type { PolicyDocument, PolicyKind } from '@/lib/core/schema';
import { StorageProblem } from '@/lib/extension/views';
import { addRemoved, NOTHING_REMOVED, openPolicyStore, reextractAll, removedAnything, saveWithQuotaRecovery, StoreError, type ExtractFn, type PolicyStore, type Removed } from '@/lib/history';
import { recordOutcome } from './diagnostics';
import { serial } from './serial';

/** Lets the service worker answer other messages between steps of a long analysis. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The storage problem the user must hear about, as codes. Version 1, as every release has written it; a
 * change of shape adds its migration step here.
 */
const storageProblemItem = storage.defineItem<unknown>('local:storageProblem', { fallback: null, version: 1, migrations: {} });

export interface HistoryDeps {
  /** The IndexedDB factory (the extension's `indexedDB`; fake-indexeddb's in tests). */
  idb: () => IDBFactory;
  /** The page pipeline on a kept page, in the background's DOM (re-extraction runs it). */
  extract: ExtractFn;
  name?: string;
}

/** What a storage problem says was removed to make room. */
const removedIn = (p: StorageProblem): Removed => ({ removedRaw: p.removedRaw ?? 0, removedVersions: p.removedVersions ?? 0, removedUnreviewed: p.removedUnreviewed ?? 0 });

export interface History {
  store(): Promise<PolicyStore>;
  /** The site a tab's address belongs to, or null (not a web page, or not one the store can file). */
  siteOf(store: PolicyStore, url: string | undefined | null): string | null;
  save(url: string, document: PolicyDocument, kind: PolicyKind, raw: { html: string; source: 'visit' | 'check' }): ReturnType<typeof saveWithQuotaRecovery>;
  storageProblem(): Promise<StorageProblem | null>;
  /**
   * The user read the notice of what was removed to make room and closed it: a pruning notice goes. A failed
   * save's notice stays: it goes when saving works again (save).
   */
  dismissStorageProblem(): Promise<boolean>;
  /**
   * Re-reads kept pages an older extractor read, a few per step, and analyses again the unreviewed changes
   * whose texts that changed; one run at a time per worker. Resolves to how many texts came out different,
   * and the sites of the versions read anew (a site whose version cannot be read back is left out).
   */
  reextract(): Promise<{ reread: number; sites: string[] }>;
  /**
   * Analyses the changes of versions kept without one (imported, or whose analysis failed), at most
   * BACKFILL_PER_RUN per call, so the badge counts them; how many it analysed. Runs one at a time, in the
   * order asked; a run only reads the history when some may be missing (at the worker's start, after a save
   * whose analysis failed, while a run left some, and always with `force`: after an import).
   */
  backfill(force?: boolean): Promise<number>;
}

/** Changes analysed per backfill run: a bound on work for the background (the alarm runs it again). */
export const BACKFILL_PER_RUN = 20;

export function createHistory(deps: HistoryDeps): History {
  let opening: Promise<PolicyStore> | null = null;
  function store(): Promise<PolicyStore> {
    opening ??= openPolicyStore({ idb: deps.idb(), ...(deps.name ? { name: deps.name } : {}) }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  }

  function siteOf(s: PolicyStore, url: string | undefined | null): string | null {
    if (!url || !/^https?:/.test(url)) return null;
    try {
      return s.siteForUrl(url);
    } catch {
      return null;
    }
  }

  async function setStorageProblem(problem: StorageProblem | null): Promise<void> {
    await storageProblemItem.setValue(problem);
  }

  /** The stored problem, as codes; anything else there (an English sentence of an older release) is dropped. */
  async function storageProblem(): Promise<StorageProblem | null> {
    const parsed = StorageProblem.safeParse(await storageProblemItem.getValue());
    return parsed.success ? parsed.data : null;
  }

  async function dismissStorageProblem(): Promise<boolean> {
    if ((await storageProblem())?.kind !== 'pruned') return false;
    await setStorageProblem(null);
    return true;
  }

  /**
   * Saves a captured version with the page it came from (kept as a raw capture, and chained); on a full
   * quota the store prunes old raw captures, then old middle versions, and retries (store.ts
   * saveWithQuotaRecovery).
   */
  async function save(url: string, document: PolicyDocument, kind: PolicyKind, raw: { html: string; source: 'visit' | 'check' }) {
    try {
      // Opening may upgrade an older history, which a full disk can stop too.
      const s = await store();
      const saved = await saveWithQuotaRecovery(s, {
        url,
        document,
        kind,
        analyze: (a, b) => analyzeChangeYielding(a, b, nextTask),
        raw,
        extractorVersion: EXTRACTOR_VERSION,
        reextract: deps.extract,
      });
      if (saved.analysisError) leftWithout++;
      const earlier = await storageProblem();
      // What a refused save removed on the way is still told once saving works again.
      const untold = earlier?.kind === 'save-failed' ? removedIn(earlier) : NOTHING_REMOVED;
      if (saved.pruned) {
        await setStorageProblem({ kind: 'pruned', ...addRemoved(untold, saved.pruned) });
      } else if (earlier?.kind === 'save-failed') {
        // Saving works again; a pruning notice stays until the next one.
        await setStorageProblem(removedAnything(untold) ? { kind: 'pruned', ...untold } : null);
      }
      return saved;
    } catch (error) {
      // With what the recovery removed on the way, if anything, added to what no one was told yet: the user
      // hears of it even though the save failed.
      if (error instanceof StoreError && (error.code === 'quota' || error.pruned)) {
        const earlier = await storageProblem().catch(() => null);
        const removed = addRemoved(earlier ? removedIn(earlier) : NOTHING_REMOVED, error.pruned ?? NOTHING_REMOVED);
        const any = removedAnything(removed);
        if (error.code === 'quota') await setStorageProblem({ kind: 'save-failed', reason: 'quota', ...(any ? removed : {}) });
        else if (any) await setStorageProblem({ kind: 'pruned', ...removed });
      }
      throw error;
    }
  }

  let reextracting: Promise<{ reread: number; sites: string[] }> | null = null;
  function reextract(): Promise<{ reread: number; sites: string[] }> {
    reextracting ??= (async () => {
      try {
        const s = await store();
        const done = await reextractAll(s, { extractorVersion: EXTRACTOR_VERSION, extract: deps.extract, analyze: (a, b) => analyzeChangeYielding(a, b, nextTask), pause: nextTask });
        if (done.processed > 0) {
          await recordOutcome({ at: Date.now(), url: '', outcome: 'reextracted', reason: `extractor ${EXTRACTOR_VERSION}: ${done.changedText} new text, ${done.sameText} same text, ${done.failed} unreadable` });
          // An analysis that could not be made again was left empty, for the backfill to make.
          leftWithout++;
        }
        const sites = new Set<string>();
        for (const id of done.readIds) {
          const version = await s.getVersion(id).catch(() => undefined);
          if (version) sites.add(s.siteForUrl(version.url));
        }
        return { reread: done.changedText, sites: [...sites] };
      } catch (error) {
        console.warn('[Clausewatch] re-extraction stopped', error);
        return { reread: 0, sites: [] };
      } finally {
        reextracting = null;
      }
    })();
    return reextracting;
  }

  // Versions this worker could not analyse (damaged text, an analysis that failed): not retried on every run.
  const unanalysable = new Set<string>();
  // Counts whatever may leave a change without analysis (an import, a failed analysis at save); `doneAt`,
  // the count when a run last found none left (null: not known, as at the worker's start). A run is owed
  // whenever they differ, so one that began before an import does not settle it.
  let leftWithout = 0;
  let doneAt: number | null = null;
  const backfillInTurn = serial();
  function backfill(force = false): Promise<number> {
    if (force) leftWithout++;
    return backfillInTurn(async () => {
      if (doneAt === leftWithout) return 0;
      const began = leftWithout;
      try {
        const { analysed, remaining } = await (await store()).analyzeMissing((a, b) => analyzeChangeYielding(a, b, nextTask), BACKFILL_PER_RUN, unanalysable);
        doneAt = remaining > 0 ? null : began;
        return analysed;
      } catch (error) {
        console.warn('[Clausewatch] analysing kept versions stopped', error);
        return 0;
      }
    });
  }

  return { store, siteOf, save, storageProblem, dismissStorageProblem, reextract, backfill };
}
