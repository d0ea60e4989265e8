/**
 * Settings and the watch list, in extension storage as WXT storage items (versioned, with migrations).
 * They are small and read often; the policy history itself lives in IndexedDB (lib/history).
 * Every value is parsed with zod on read, a list entry by entry and the settings field by field: what
 * fails is kept aside under a `broken:` key (never silently dropped, and counted on the options page)
 * and the rest is used, the defaults standing in for bad settings.
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

/** Keeps a value that does not read aside under a `broken:` key (never silently dropped). */
async function setAside(name: string, n: number, raw: unknown, reason: string): Promise<void> {
  await storage.setItem(`local:broken:${name}:${Date.now()}:${n}`, { raw, reason });
}

const nameOf = (item: WxtStorageItem<unknown, Record<string, unknown>>) => item.key.replace(/^local:/, '');

type Turn = <T>(job: () => Promise<T>) => Promise<T>;

/** What a stored value reads as, and what of it does not read and is set aside (nothing: it reads whole). */
interface Reading<T> {
  value: T;
  aside: Array<{ raw: unknown; reason: string }>;
}

/**
 * A stored value as `read` reads it. What does not read is set aside under `broken:` keys and the value
 * written back without it, in `turn`, the item's queue, on what is stored when its turn comes: a read
 * outside the queue never writes a stale value over a change queued meanwhile, and reads that race set
 * each part aside once. `turn` null: the caller is that queue.
 */
async function readStored<T>(item: WxtStorageItem<unknown, Record<string, unknown>>, read: (raw: unknown) => Reading<T>, turn: Turn | null): Promise<T> {
  const first = read(await item.getValue());
  if (first.aside.length === 0) return first.value;
  const repair = async () => {
    const again = read(await item.getValue());
    for (const [n, part] of again.aside.entries()) await setAside(nameOf(item), n, part.raw, part.reason);
    if (again.aside.length > 0) await item.setValue(again.value);
    return again.value;
  };
  return turn ? turn(repair) : repair();
}

/**
 * A stored list, entry by entry: an entry that does not read (damaged, or written by a newer release) is
 * set aside on its own and the others are kept; only a value that is no list at all is set aside whole.
 */
function listOf<T>(entry: z.ZodType<T>): (raw: unknown) => Reading<T[]> {
  return (raw) => {
    if (!Array.isArray(raw)) return { value: [], aside: [{ raw, reason: 'not a list' }] };
    const value: T[] = [];
    const aside: Reading<T[]>['aside'] = [];
    for (const item of raw as unknown[]) {
      const parsed = entry.safeParse(item);
      if (parsed.success) value.push(parsed.data);
      else aside.push({ raw: item, reason: parsed.error.message });
    }
    return { value, aside };
  };
}

const readList = <T>(item: WxtStorageItem<unknown, Record<string, unknown>>, entry: z.ZodType<T>, turn: Turn | null): Promise<T[]> => readStored(item, listOf(entry), turn);

/**
 * The settings, field by field over the defaults: a field that does not read takes its default and the
 * stored value is set aside, the others keep what the user chose (one bad field must not turn checks
 * back on). A field missing (a shape from before it existed) takes its default: nothing to set aside.
 */
function settingsOf(raw: unknown): Reading<Settings> {
  const stored = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  const value: Settings = { ...DEFAULT_SETTINGS };
  const bad: string[] = [];
  for (const key of Object.keys(Settings.shape) as Array<keyof Settings>) {
    if (stored === null || !(key in stored)) continue;
    const parsed = Settings.shape[key].safeParse(stored[key]);
    if (parsed.success) value[key] = parsed.data;
    else bad.push(key);
  }
  const reason = stored === null ? 'not settings' : bad.length > 0 ? `fields that do not read: ${bad.join(', ')}` : null;
  return { value, aside: reason === null ? [] : [{ raw, reason }] };
}

const readSettings = (turn: Turn | null): Promise<Settings> => readStored(settingsItem, settingsOf, turn);

/** How many stored values (watch-list entries, settings, lists of sites) were set aside: the options page says so. */
export async function setAsideCount(): Promise<number> {
  return Object.keys(await storage.snapshot('local')).filter((key) => key.startsWith('broken:')).length;
}

const settingsInTurn = serial();

export async function getSettings(): Promise<Settings> {
  return readSettings(settingsInTurn);
}

/** One change at a time: two options pages changing two settings at once keep both. */
export function setSettings(change: Partial<Settings>): Promise<Settings> {
  return settingsInTurn(async () => {
    const next = Settings.parse({ ...(await readSettings(null)), ...change });
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

const watchesInTurn = serial();

export async function getWatches(): Promise<WatchEntry[]> {
  return (await readList(watchesItem, WatchEntry, watchesInTurn)).map(withWatchedAddress);
}

/** Serialised read-modify-write of the watch list; `change` returns the new list. */
export function updateWatches(change: (list: WatchEntry[]) => WatchEntry[] | Promise<WatchEntry[]>): Promise<WatchEntry[]> {
  return watchesInTurn(async () => {
    const next = z.array(WatchEntry).parse(await change((await readList(watchesItem, WatchEntry, null)).map(withWatchedAddress)));
    await watchesItem.setValue(next);
    return next;
  });
}

/**
 * The last change the user reviewed of a policy, where it spanned several versions: from `baseline` (the
 * version reviewed before it, or the first) to `latest`. Once reviewed, the popup shows that whole change
 * again on request, not only the latest version's own step. Most recent last, bounded.
 */
export const LastReview = z.object({ policyId: z.string(), baseline: z.string(), latest: z.string() });
export type LastReview = z.infer<typeof LastReview>;
const lastReviewsItem = storage.defineItem<unknown>('local:lastReviews', { fallback: [], version: 1, migrations: {} });
const lastReviewsInTurn = serial();
/** Policies whose last review is remembered (the most recently reviewed kept). */
export const MAX_LAST_REVIEWS = 5_000;

/** The remembered last reviews, by policy. */
export async function getLastReviews(): Promise<ReadonlyMap<string, LastReview>> {
  return new Map((await readList(lastReviewsItem, LastReview, lastReviewsInTurn)).map((r) => [r.policyId, r]));
}

/** Remembers a policy's last review (`span` null: a change of one step, which the latest version's own analysis is). */
export function setLastReview(policyId: string, span: { baseline: string; latest: string } | null): Promise<void> {
  return lastReviewsInTurn(async () => {
    const list = (await readList(lastReviewsItem, LastReview, null)).filter((r) => r.policyId !== policyId);
    await lastReviewsItem.setValue((span ? [...list, { policyId, ...span }] : list).slice(-MAX_LAST_REVIEWS));
  });
}

/** Sites the user stopped watching; a visit never puts them back (lib/extension/autowatch.ts). Most recent last. */
const removedItem = storage.defineItem<unknown>('local:removedSites', { fallback: [], version: 1, migrations: {} });
const removedInTurn = serial();

/** Whether the user stopped watching `site` (and has not watched it again since). */
export async function wasRemoved(site: string): Promise<boolean> {
  return (await readList(removedItem, z.string(), removedInTurn)).includes(site);
}

/** Records that the user stopped watching `site` (`removed` true) or watched it again (false). */
export function setRemoved(site: string, removed: boolean): Promise<void> {
  return removedInTurn(async () => {
    const list = (await readList(removedItem, z.string(), null)).filter((s) => s !== site);
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
    const list = await readList(introducedItem, z.string(), null);
    if (list.includes(site)) return false;
    await introducedItem.setValue([...list, site].slice(-MAX_INTRODUCED));
    return true;
  });
}

/**
 * What the desktop notifications have considered (./change-notices.ts): for each policy, when the latest
 * version they considered was first seen; and `from`, when this record began, before which no change is
 * announced (a release that starts keeping it does not announce the changes kept before it, late).
 */
export const NoticeState = z.object({
  from: z.number(),
  considered: z.array(z.object({ policyId: z.string(), upTo: z.number() })),
});
export type NoticeState = z.infer<typeof NoticeState>;
/** No fallback: a record never written reads null, and starts from the moment it is first read. */
const noticesItem = storage.defineItem<unknown>('local:changeNotices', { version: 1, migrations: {} });
/** Policies whose consideration is remembered (the most recently considered kept). */
export const MAX_NOTICE_POLICIES = 5_000;
const noticesInTurn = serial();

/** Runs `work` in turn with the considerations (updateNotices), without reading or writing their record. */
export function inNoticesTurn<T>(work: () => Promise<T>): Promise<T> {
  return noticesInTurn(work);
}

/**
 * One consideration at a time (a check and the sweep at a worker's start must not both announce one
 * change): `work` gets the record and returns it as it should be stored, with its own result. A record
 * that does not read is set aside and starts again from now: nothing kept before is announced late.
 */
export function updateNotices<T>(work: (state: NoticeState) => Promise<{ state: NoticeState; result: T }>): Promise<T> {
  return noticesInTurn(async () => {
    const raw: unknown = await noticesItem.getValue();
    const parsed = NoticeState.safeParse(raw);
    if (raw !== null && !parsed.success) await setAside('changeNotices', 0, raw, parsed.error.message);
    const state = parsed.success ? parsed.data : { from: Date.now(), considered: [] };
    const { state: next, result } = await work(state);
    // Past the bound, the policies considered longest ago are dropped, and the record then begins after
    // the latest version they had considered: a dropped policy's change is not told again as new.
    const dropped = next.considered.slice(0, Math.max(0, next.considered.length - MAX_NOTICE_POLICIES));
    const from = dropped.reduce((at, c) => Math.max(at, c.upTo + 1), next.from);
    const bounded = NoticeState.parse({ from, considered: next.considered.slice(-MAX_NOTICE_POLICIES) });
    // Most checks consider nothing new: no write then.
    if (!parsed.success || JSON.stringify(bounded) !== JSON.stringify(parsed.data)) await noticesItem.setValue(bounded);
    return result;
  });
}
