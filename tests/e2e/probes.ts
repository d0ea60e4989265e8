/**
 * Functions the end-to-end suites run inside the extension: in Chromium's service worker (through
 * playwright) or in a Firefox extension page (through puppeteer). Each is self-contained, since only its
 * source travels, and finds the extension API as `browser` (Firefox) or `chrome` (Chromium).
 */

export interface ReportedOutcome { at: number; url: string; outcome: string; reason: string }

export interface WatchEntryView { site: string; policyUrl: string; status: string; failure: string | null; failureCode?: { code: string; n?: number; m?: number } | null; movedTo?: string | null; lastCheck: number | null; lastChange: number | null; nextCheck: number }

/** What the background recorded about pages that passed the gate and about background checks. */
export const readOutcomes = async (): Promise<ReportedOutcome[]> => {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  return ((await api.storage.session.get('diagnostics')).diagnostics ?? []) as ReportedOutcome[];
};

/** The watch list as the background keeps it. */
export const readWatches = async (): Promise<WatchEntryView[]> => {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  return ((await api.storage.local.get('watches')).watches ?? []) as WatchEntryView[];
};

/** What the alarm does when checks are due: make every watch due, then fire the alarm (named `alarm`) now. */
export const fireRecheckNow = async (alarm: string): Promise<void> => {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  const list = ((await api.storage.local.get('watches')).watches ?? []) as Array<{ nextCheck: number }>;
  await api.storage.local.set({ watches: list.map((w) => ({ ...w, nextCheck: 0 })) });
  await api.alarms.create(alarm, { when: Date.now() + 50, periodInMinutes: 30 });
};

/** The id of the tab showing `url` (the extension holds host permissions, so it sees tab URLs). */
export const tabIdForUrl = async (url: string): Promise<number | null> => {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  return (await api.tabs.query({})).find((t) => t.url === url)?.id ?? null;
};

/** A tab's badge: its text, tooltip and colour. */
export const readBadge = async (tabId: number): Promise<{ text: string; title: string; color: number[] }> => {
  const api = ((globalThis as { browser?: typeof chrome }).browser ?? chrome) as typeof chrome;
  return {
    text: await api.action.getBadgeText({ tabId }),
    title: await api.action.getTitle({ tabId }),
    color: (await api.action.getBadgeBackgroundColor({ tabId })) as number[],
  };
};
