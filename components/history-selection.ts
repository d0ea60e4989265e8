/**
 * Which two versions the history page compares: until the reader picks, the requested (or latest)
 * version against the one before it; a pick of two, in time order.
 */
import type { HistoryView } from '@/lib/extension/views';
import { newestFirst, versionOrder } from '@/lib/core/version-order';

export interface Selection {
  policyId: string;
  ids: string[];
}

/**
 * Until the reader picks: `focusVersion` (a link's `?version=`) against the one before it. A policy's first
 * version has none before it: it is picked alone, checked in its timeline, for the reader to pick what to
 * compare it with. A version no longer stored (removed to free space when storage ran out, or set aside as
 * damaged) falls back to what shows with no focus: the latest version of the site's first policy with two
 * against the one before it; the page then says so (`focusGone`), so that the reader is not shown another
 * change as the one linked.
 */
export function defaultSelection(view: HistoryView, focusVersion: string | null): Selection | null {
  if (focusVersion) {
    for (const policy of view.policies) {
      const versions = newestFirst(policy.versions);
      const at = versions.findIndex((v) => v.versionId === focusVersion);
      const focus = versions[at];
      if (!focus) continue;
      const older = versions[at + 1];
      return { policyId: policy.policyId, ids: older ? [older.versionId, focus.versionId] : [focus.versionId] };
    }
  }
  for (const policy of view.policies) {
    const [newer, older] = newestFirst(policy.versions);
    if (newer && older) return { policyId: policy.policyId, ids: [older.versionId, newer.versionId] };
  }
  return null;
}

/** Whether a link named a version that no policy of the site holds any more (see defaultSelection). */
export function focusGone(view: HistoryView, focusVersion: string | null): boolean {
  return !!focusVersion && !view.policies.some((p) => p.versions.some((v) => v.versionId === focusVersion));
}

/** The older and newer version ids of a selection of two, in the one order of versions (lib/core/version-order.ts). */
export function orderedPair(view: HistoryView, sel: Selection | null): { olderId: string; newerId: string } | null {
  if (!sel || sel.ids.length !== 2) return null;
  const versions = view.policies.find((p) => p.policyId === sel.policyId)?.versions ?? [];
  const picked = sel.ids.map((id) => versions.find((v) => v.versionId === id));
  const [a, b] = picked;
  if (!a || !b) return null;
  return versionOrder(a, b) <= 0 ? { olderId: a.versionId, newerId: b.versionId } : { olderId: b.versionId, newerId: a.versionId };
}
