/**
 * What the history page reads: a site's timeline, any two versions of one policy compared, and whether
 * each policy's record (hash chain, texts, kept pages) verifies.
 */
import { analyzeChangeYielding } from '@/lib/core/engine';
import type { StoredVersion } from '@/lib/history';
import { nextTask, type History } from './history';
import type { Handlers } from './messaging';
import { UserError } from '@/lib/core/user-error';
import { versionOrder } from '@/lib/core/version-order';

export function createHistoryPages(history: Pick<History, 'store'>): Pick<Handlers, 'getHistory' | 'compareVersions' | 'verifySite'> {
  return {
    async getHistory({ site }) {
      const store = await history.store();
      const policies = await store.listPolicies(site);
      return {
        site,
        policies: await Promise.all(
          policies.map(async (p) => ({
            policyId: p.policyId,
            kind: p.kind,
            url: p.url,
            title: p.title,
            versions: (await store.listVersions(p.policyId)).map((v) => ({
              versionId: v.versionId,
              firstSeen: v.firstSeen,
              lastSeen: v.lastSeen,
              contentHash: v.contentHash,
              statedDate: v.statedDate,
              reviewed: v.reviewed,
              digest: v.digest,
              major: v.counts?.major ?? 0,
              extractorVersion: v.extractorVersion,
              reextractedFrom: v.reextractedFrom,
            })),
          })),
        ),
      };
    },

    async compareVersions({ olderId, newerId }) {
      const store = await history.store();
      const [a, b] = await Promise.all([store.getVersion(olderId), store.getVersion(newerId)]);
      if (!a || !b) throw new UserError('version-gone', 'That version is no longer stored.');
      if (a.policyId !== b.policyId) throw new UserError('different-policies', 'Only versions of the same policy can be compared.');
      // In the one order of versions (two of one time are told apart by their texts, whichever was asked first).
      const [older, newer]: [StoredVersion, StoredVersion] = versionOrder(a, b) <= 0 ? [a, b] : [b, a];
      return {
        older: { versionId: older.versionId, firstSeen: older.firstSeen, document: older.document },
        newer: { versionId: newer.versionId, firstSeen: newer.firstSeen, document: newer.document },
        analysis: await analyzeChangeYielding(older.document, newer.document, nextTask),
      };
    },

    async verifySite({ site }) {
      const store = await history.store();
      return store.verifyChains(site);
    },
  };
}
