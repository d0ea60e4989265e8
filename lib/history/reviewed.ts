/**
 * Marking a change reviewed (or not): the flag on the version, then the summary of its site, so the
 * badge follows.
 */
import { STORES } from './db';
import { siteOfPolicyId } from './site';
import { StoreError } from './errors';
import { check, type Bad } from './records';
import { PolicyRecord, VersionRecord } from './schema';
import { begin, oweSummaries, putChecked, type StoreContext } from './context';
import { failedWrite } from './quarantine';
import { summariesAfter } from './summaries';

export async function markReviewed(ctx: StoreContext, versionId: string, reviewed = true): Promise<void> {
  const bad: Bad[] = [];
  const tx = begin(ctx, [STORES.versions, STORES.policies, STORES.summaryOwed], 'readwrite', 'mark the change as reviewed');
  let site: string | undefined;
  try {
    const v = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
    if (!v) throw new StoreError('not-found', 'That version is no longer in the history.');
    const writes: Promise<unknown>[] = [putChecked(tx, STORES.versions, { ...v, reviewed })];
    const policy = PolicyRecord.safeParse(await tx.objectStore(STORES.policies).get(v.policyId));
    site = policy.success ? policy.data.site : siteOfPolicyId(v.policyId);
    // Owed until the refresh below (every site's when neither the policy's record nor its id says which).
    oweSummaries(tx, [site], writes);
    await Promise.all(writes);
    await tx.done;
  } catch (error) {
    throw await failedWrite(ctx, tx, error, 'mark the change as reviewed', bad);
  }
  await summariesAfter(ctx, site ? [site] : null);
}
