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

/** Until the reader picks, compare `focusVersion` (or the latest version) with the one before it. */
export function defaultSelection(view: HistoryView, focusVersion: string | null): Selection | null {
  for (const policy of view.policies) {
    const versions = newestFirst(policy.versions);
    const at = focusVersion ? versions.findIndex((v) => v.versionId === focusVersion) : -1;
    if (focusVersion && at < 0) continue;
    const i = Math.max(at, 0);
    const newer = versions[i];
    const older = versions[i + 1];
    if (newer && older) return { policyId: policy.policyId, ids: [older.versionId, newer.versionId] };
  }
  return null;
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
