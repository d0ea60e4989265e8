/**
 * The one order of a policy's versions: which is the latest, what the history lists, which of two is the
 * older in a comparison, the order an export writes. Every ordering of versions goes through
 * `versionOrder`, so they all agree.
 *
 * Versions are ordered by when they were first seen. A save always places a new version strictly after
 * the latest, but an import can bring two different texts of one policy with the same time (two browsers
 * captured a change in the same millisecond, or a file was edited). Ordered by time alone, such a tie fell
 * to whatever came next: IndexedDB's key order, that is the random version ids, so either text could be
 * the latest, and the badge, the popup and the history could disagree from one import to another. The tie
 * is broken by the SHA-256 of the text (`contentHash`): derived from the text alone, the same in every
 * store, and carried by the history file (checked on import), so the same versions are in the same order
 * after an export and an import, in any browser. Two versions with one time and one text are the same
 * text: they follow by `lastSeen`, then by their ids (only then does an id decide anything, and the text
 * shown is the same either way).
 */

/** What the order reads of a version: its time and its text's hash; `lastSeen` and the id only on a tie of both. */
export interface Orderable {
  firstSeen: number;
  contentHash: string;
  lastSeen?: number;
  versionId?: string;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Negative when `a` comes before `b` (is older), positive when after, zero for the same place. */
export function versionOrder(a: Orderable, b: Orderable): number {
  return a.firstSeen - b.firstSeen || compareText(a.contentHash, b.contentHash) || (a.lastSeen ?? 0) - (b.lastSeen ?? 0) || compareText(a.versionId ?? '', b.versionId ?? '');
}

/** A copy of `versions`, oldest first. */
export function oldestFirst<T extends Orderable>(versions: readonly T[]): T[] {
  return [...versions].sort(versionOrder);
}

/** A copy of `versions`, newest first (the order a reader scans a history in). */
export function newestFirst<T extends Orderable>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => versionOrder(b, a));
}
