/**
 * What the background knows of a site's policies as far as review goes: each policy's view (latest
 * version, pending change and its analysis) and its latest document. The popup's tab state and the watch
 * list read it; a change spread over several unreviewed versions comes from `combined` (./combined.ts),
 * which the badge shares.
 */
import { hasReviewableChange, pendingChange } from '@/lib/core/review';
import type { ChangeAnalysis, PolicyDocument } from '@/lib/core/schema';
import type { PolicyStore } from '@/lib/history';
import type { PolicyView } from '@/lib/extension/views';
import type { CombinedChange } from './combined';
import { getLastReviews, type LastReview } from './prefs';

/**
 * A policy of a site as far as review goes: its view without the statements and language, and its latest
 * document, from which getTabState describes what the policy says now and in which language. The badge
 * and the watch list need only the pending change, so they never pay for classifying the whole policy.
 */
export interface PolicyState {
  view: Omit<PolicyView, 'statements' | 'language'>;
  pendingVersionIds: string[];
  document: PolicyDocument;
}

/**
 * With `lastReviewed` (the popup), a reviewed policy's analysis is the change last reviewed where it spanned
 * several versions (prefs.ts LastReview); the watch list asks only whether a change awaits review.
 */
export type PolicyStates = (store: PolicyStore, site: string, options?: { lastReviewed?: boolean }) => Promise<PolicyState[]>;

/** Whether a policy has a change worth reviewing that awaits review (the watch list's "Changed"). */
export function awaitsReviewIn(state: PolicyState): boolean {
  const analysis = state.view.latest.analysis;
  return state.pendingVersionIds.length > 0 && analysis != null && hasReviewableChange(analysis);
}

/**
 * PolicyView.olderLanguage: the language of the versions the shown change may quote besides the latest, from
 * its baseline (the pending change's, else the version before the latest) up to the latest. Any of them in
 * another language than the latest gives that language, so the popup marks the quotes as of none: a combined
 * change read by two extractors quotes the versions in between, and an analysis stored before analyses
 * recorded their languages may compare with a version since pruned, which one kept before it stands for.
 */
export function olderLanguageOf(versions: ReadonlyArray<{ language: string }>, baseline: { language: string } | undefined): string | null {
  const latest = versions[versions.length - 1];
  if (!latest || versions.length < 2) return null;
  const from = baseline ? versions.indexOf(baseline) : versions.length - 2;
  const spanned = versions.slice(Math.max(0, from), -1);
  return (spanned.find((v) => v.language !== latest.language) ?? spanned[0])?.language ?? null;
}

export function createPolicyStates(combined: CombinedChange): PolicyStates {
  return async function policyStates(store, site, options = {}) {
    const out: PolicyState[] = [];
    let lastReviews: ReadonlyMap<string, LastReview> | undefined;
    const policies = await store.listPolicies(site);
    policies.sort((a, b) => (a.kind === b.kind ? a.firstSeen - b.firstSeen : a.kind === 'privacy-policy' ? -1 : 1));
    for (const policy of policies) {
      const versions = await store.listVersions(policy.policyId);
      const last = versions[versions.length - 1];
      if (!last) continue;
      const latest = await store.getVersion(last.versionId);
      if (!latest) continue;
      const pending = pendingChange(versions);
      // Reviewed: the change last reviewed, when it spanned several versions up to this latest one and its
      // baseline is still kept; else the latest version's own change.
      let span = pending;
      if (!pending && options.lastReviewed === true) {
        const review = (lastReviews ??= await getLastReviews()).get(policy.policyId);
        const from = review && review.latest === latest.versionId ? versions.findIndex((v) => v.versionId === review.baseline) : -1;
        if (from >= 0 && from < versions.length - 2) span = { baseline: versions[from]!, latest: last, versions: versions.slice(from + 1) };
      }
      let analysis: ChangeAnalysis | null = latest.analysis;
      if (span && span.versions.length > 1) {
        const pair = { baselineVersionId: span.baseline.versionId, latestVersionId: latest.versionId, textKey: `${span.baseline.contentHash}>${span.latest.contentHash}` };
        analysis = await combined(store, pair, latest);
      }
      out.push({
        pendingVersionIds: pending ? pending.versions.map((v) => v.versionId) : [],
        view: {
          policyId: policy.policyId,
          kind: policy.kind,
          url: latest.url,
          title: latest.title,
          firstSeen: policy.firstSeen,
          versionCount: versions.length,
          // The shown analysis's own record of it where it has one and compares with the latest (the version it
          // compared with may be pruned); a stand-in of one pending version's analysis need not (combined.ts).
          olderLanguage:
            versions.length > 1 && analysis?.languages && analysis.languages.newer === latest.document.language ? analysis.languages.older : olderLanguageOf(versions, span?.baseline),
          latest: {
            versionId: latest.versionId,
            firstSeen: latest.firstSeen,
            lastSeen: latest.lastSeen,
            statedDate: latest.statedDate,
            reviewed: pending === null,
            analysis: versions.length > 1 ? analysis : null,
          },
        },
        document: latest.document,
      });
    }
    return out;
  };
}
