/**
 * Settings and the watch list, in extension storage as WXT storage items (versioned, with migrations).
 * They are small and read often; the policy history itself lives in IndexedDB (lib/history).
 * Every value is parsed with zod on read; a value that fails is kept aside under a `broken:` key
 * (never silently dropped) and the defaults are used.
 * Only the background writes them, through `updateWatches`, which serialises read-modify-write.
 */
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import { z } from 'zod';
import { watchedAddress } from '@/lib/core/url';
import { Settings, WatchEntry } from '@/lib/extension/views';
import { serial } from './serial';

/** Visited policies join the watch list only when the user says so (lib/extension/autowatch.ts). */
export const DEFAULT_SETTINGS: Settings = { paused: false, autoWatchVisited: false, notifications: false };

const settingsItem = storage.defineItem<unknown>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: {
    // v2: "Watch policies I visit" was on by default, so a stored `true` records no choice anyone made;
    // it starts off like everyone else's, and the user can turn it on.
    2: (old: unknown) => (old && typeof old === 'object' ? { ...old, autoWatchVisited: false } : old),
  },
});
// Version 1 is the shape every release so far has written; a change of shape adds its step here
// (`2: (old) => ...`), and WXT runs it once on the stored value.
const watchesItem = storage.defineItem<unknown>('local:watches', { fallback: [], version: 1, migrations: {} });
/** Sites whose policy the popup has shown (so it has offered to watch them once); most recent last. */
const introducedItem = storage.defineItem<unknown>('local:introducedSites', { fallback: [], version: 1, migrations: {} });
const MAX_INTRODUCED = 5_000;

async function readParsed<T>(item: WxtStorageItem<unknown, Record<string, unknown>>, schema: z.ZodType<T>, fallback: T): Promise<T> {
  const raw = await item.getValue();
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  await storage.setItem(`local:broken:${item.key.replace(/^local:/, '')}:${Date.now()}`, { raw, reason: parsed.error.message });
  await item.setValue(fallback);
  return fallback;
}

export async function getSettings(): Promise<Settings> {
  return readParsed(settingsItem, Settings, DEFAULT_SETTINGS);
}

const settingsInTurn = serial();

/** One change at a time: two options pages changing two settings at once keep both. */
export function setSettings(change: Partial<Settings>): Promise<Settings> {
  return settingsInTurn(async () => {
    const next = Settings.parse({ ...(await getSettings()), ...change });
    await settingsItem.setValue(next);
    return next;
  });
}

/**
 * An entry stored before watched addresses lost the visit's query (utm_*, a session id) is read without
 * it, so its next check sends none of it; the cleaned address is written with the list's next change.
 */
function withWatchedAddress(w: WatchEntry): WatchEntry {
  try {
    const policyUrl = watchedAddress(w.policyUrl);
    return policyUrl === w.policyUrl ? w : { ...w, policyUrl };
  } catch {
    return w;
  }
}

export async function getWatches(): Promise<WatchEntry[]> {
  return (await readParsed(watchesItem, z.array(WatchEntry), [])).map(withWatchedAddress);
}

const watchesInTurn = serial();

/** Serialised read-modify-write of the watch list; `change` returns the new list. */
export function updateWatches(change: (list: WatchEntry[]) => WatchEntry[] | Promise<WatchEntry[]>): Promise<WatchEntry[]> {
  return watchesInTurn(async () => {
    const next = z.array(WatchEntry).parse(await change(await getWatches()));
    await watchesItem.setValue(next);
    return next;
  });
}

/** Sites the user stopped watching; a visit never puts them back (lib/extension/autowatch.ts). Most recent last. */
const removedItem = storage.defineItem<unknown>('local:removedSites', { fallback: [], version: 1, migrations: {} });
const removedInTurn = serial();

/** Whether the user stopped watching `site` (and has not watched it again since). */
export async function wasRemoved(site: string): Promise<boolean> {
  return (await readParsed(removedItem, z.array(z.string()), [])).includes(site);
}

/** Records that the user stopped watching `site` (`removed` true) or watched it again (false). */
export function setRemoved(site: string, removed: boolean): Promise<void> {
  return removedInTurn(async () => {
    const list = (await readParsed(removedItem, z.array(z.string()), [])).filter((s) => s !== site);
    await removedItem.setValue(removed ? [...list, site].slice(-MAX_INTRODUCED) : list);
  });
}

const introducedInTurn = serial();

/**
 * Records that the popup has shown `site`'s policy; resolves to true the first time for that site.
 * Serialised like the watch list, so two popups opening at once cannot both see a first time.
 */
export function markIntroduced(site: string): Promise<boolean> {
  return introducedInTurn(async () => {
    const list = await readParsed(introducedItem, z.array(z.string()), []);
    if (list.includes(site)) return false;
    await introducedItem.setValue([...list, site].slice(-MAX_INTRODUCED));
    return true;
  });
}
