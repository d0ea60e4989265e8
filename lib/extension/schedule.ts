/**
 * When to check a watched site again. Checks are spread out with jitter so that many sites, or many
 * users, do not all fetch at the same minute, and failures back off exponentially up to the site's
 * normal period, so a site that is down is not hammered and a site that recovers is seen again soon.
 */
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
export const DEFAULT_FREQUENCY_HOURS = 24;
/** The alarm that runs due background checks (the end-to-end suites fire it). */
export const RECHECK_ALARM = 'clausewatch-recheck';
const JITTER = 0.1;
const FIRST_RETRY = 15 * MINUTE;

export interface Schedulable {
  frequencyHours: number;
  failures: number;
  nextCheck: number;
}

/** A random number in [0, 1), injected so tests are deterministic. */
export type Random = () => number;

function jitter(period: number, random: Random): number {
  return (random() * 2 - 1) * JITTER * period;
}

export function nextAfterSuccess(now: number, frequencyHours: number, random: Random): number {
  const period = frequencyHours * HOUR;
  return Math.round(now + period + jitter(period, random));
}

/** 15 min, 30 min, 1 h, 2 h ... capped at the site's own period. `failures` counts this one. */
export function nextAfterFailure(now: number, failures: number, frequencyHours: number, random: Random): number {
  const cap = frequencyHours * HOUR;
  const delay = Math.min(cap, FIRST_RETRY * 2 ** Math.max(0, failures - 1));
  return Math.round(now + delay + jitter(delay, random));
}

/** The first check of a newly watched site: soon, but not in the same instant as the others. */
export function firstCheck(now: number, random: Random): number {
  return Math.round(now + MINUTE + random() * 4 * MINUTE);
}

/** The latest a next check is ever set after the time it is set at: a period and its jitter, or the first check. */
function furthest(frequencyHours: number): number {
  return Math.max(frequencyHours * HOUR * (1 + JITTER), 5 * MINUTE);
}

/**
 * Due when its time has come, or when it is further off than any next check is ever set: set while the
 * computer's clock ran ahead (by hand, a restored snapshot), it would otherwise wait until that date.
 */
export function isDue(entry: Schedulable, now: number): boolean {
  return entry.nextCheck <= now || entry.nextCheck > now + furthest(entry.frequencyHours);
}

/** The entries to check now, the most overdue first, at most `limit` (a check costs a fetch and a parse). */
export function dueEntries<T extends Schedulable>(entries: T[], now: number, options: { paused: boolean; limit: number }): T[] {
  if (options.paused) return [];
  // The most overdue first; one set while the clock ran ahead counts as due now.
  const when = (e: T) => Math.min(e.nextCheck, now);
  return entries.filter((e) => isDue(e, now)).sort((a, b) => when(a) - when(b)).slice(0, options.limit);
}
