/**
 * What the options page reads and sets: the watch list, the settings, the storage used, how far
 * re-reading kept pages with the current extractor has got, and any storage problem.
 */
import { EXTRACTOR_VERSION } from '@/lib/core/page/extract';
import type { History } from './history';
import type { Handlers } from './messaging';
import { getSettings, getWatches, setAsideCount, setSettings } from './prefs';

export function createOptions(history: Pick<History, 'store' | 'storageProblem' | 'dismissStorageProblem'>): Pick<Handlers, 'getOptions' | 'setSettings' | 'dismissStorageProblem'> {
  return {
    async getOptions() {
      const store = await history.store();
      const progress = await store.reextractionProgress();
      const current = progress?.extractorVersion === EXTRACTOR_VERSION ? progress : null;
      return {
        watches: (await getWatches()).sort((a, b) => a.site.localeCompare(b.site)),
        settings: await getSettings(),
        usage: await store.usage(),
        extraction: {
          extractorVersion: EXTRACTOR_VERSION,
          pending: (await store.pendingReextraction(EXTRACTOR_VERSION, 1000)).length,
          changedText: current?.changedText ?? 0,
          sameText: current?.sameText ?? 0,
          failed: current?.failed ?? 0,
        },
        quarantined: (await store.listQuarantine()).length,
        setAside: await setAsideCount(),
        storageProblem: await history.storageProblem(),
      };
    },

    setSettings: (change) => setSettings(change),

    async dismissStorageProblem() {
      return { dismissed: await history.dismissStorageProblem() };
    },
  };
}
