/**
 * Which change of a policy the user still has to review. Versions after the last one the user marked
 * reviewed are pending; the change to show is from that reviewed version (or the first version ever
 * seen) to the latest. So a cosmetic update arriving after an unreviewed major change never hides it,
 * and two quick changes read as one.
 */
import type { AnalysisDigest, ChangeAnalysis } from './schema';

/**
 * True when a change has something worth a reader's attention (not only formatting or rewording): what
 * the popup offers to mark as reviewed, what makes a watched site "Changed", and the versions whose review
 * the history page tells. A change's digest answers the same as its analysis.
 */
export function hasReviewableChange(analysis: Pick<ChangeAnalysis | AnalysisDigest, 'counts' | 'findings'>): boolean {
  const { major, minor, goodNews } = analysis.counts;
  return major + minor + goodNews > 0 || analysis.findings.some((f) => f.severity !== 'cosmetic');
}

export interface VersionLike {
  versionId: string;
  firstSeen: number;
  reviewed: boolean;
}

export interface Pending<V extends VersionLike> {
  baseline: V;
  latest: V;
  /** Versions after the baseline, oldest first; the latest is the last one. */
  versions: V[];
}

/** `versions` oldest first. Null when nothing is pending (a single version, or all reviewed). */
export function pendingChange<V extends VersionLike>(versions: V[]): Pending<V> | null {
  if (versions.length < 2) return null;
  let baselineIndex = 0;
  for (let i = versions.length - 1; i > 0; i--) {
    if (versions[i]!.reviewed) {
      baselineIndex = i;
      break;
    }
  }
  const after = versions.slice(baselineIndex + 1);
  if (after.length === 0) return null;
  return { baseline: versions[baselineIndex]!, latest: after[after.length - 1]!, versions: after };
}
