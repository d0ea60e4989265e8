/**
 * The writes a save, an import and a re-extraction share: a document's text as content-addressed chunks
 * and blocks, and the policy and site records a version belongs to (and the policy filed under its site).
 * Each one only queues its puts on `writes`, for the caller to await with the rest of its transaction.
 */
import { INDEX_POLICY_BY_SITE, STORES, type StoreName } from './db';
import type { PreparedDocument } from './hash';
import { check, type Bad } from './records';
import { PolicyRecord, SiteRecord } from './schema';
import { pieceKeyOf, piecesRange, putChecked, type RwTx } from './context';
import { siteOfPolicyId } from './site';
import { policyVersions } from './versions';

export const WRITE_STORES: StoreName[] = [STORES.sites, STORES.policies, STORES.versions, STORES.chunks, STORES.blocks, STORES.captures, STORES.sitePolicies, STORES.summaryOwed];
export const SAVE_STORES: StoreName[] = [...WRITE_STORES, STORES.raw];

/**
 * Writes the chunks and blocks of a document that the policy does not have yet. Checking each piece
 * (not just each chunk) also puts back a paragraph that was quarantined, which heals every version
 * that lost it, so it is done for unchanged captures too.
 */
export async function writePieces(tx: RwTx, policyId: string, prepared: PreparedDocument, writes: Promise<unknown>[], have?: PieceKeys): Promise<void> {
  const { chunks: haveChunks, blocks: haveBlocks } = have ?? (await pieceKeys(tx, policyId));
  for (const chunk of prepared.chunks) {
    if (haveChunks.has(chunk.key)) continue;
    haveChunks.add(chunk.key);
    writes.push(putChecked(tx, STORES.chunks, { policyId, key: chunk.key, blocks: chunk.blocks }));
  }
  for (const [key, block] of prepared.blocks) {
    if (haveBlocks.has(key)) continue;
    haveBlocks.add(key);
    writes.push(putChecked(tx, STORES.blocks, { policyId, key, block }));
  }
}

/** The keys of a policy's chunks and blocks, as writePieces keeps them up to date with what it writes. */
export type PieceKeys = { chunks: Set<string>; blocks: Set<string> };

/**
 * Reads the keys of a policy's chunks and blocks: once for all the versions a transaction writes (an import),
 * passed to each writePieces, instead of once per version, which would cost the policy's pieces per version.
 */
export async function pieceKeys(tx: RwTx, policyId: string): Promise<PieceKeys> {
  const range = piecesRange(policyId);
  const [chunkKeys, blockKeys] = await Promise.all([
    tx.objectStore(STORES.chunks).getAllKeys(range),
    tx.objectStore(STORES.blocks).getAllKeys(range),
  ]);
  return { chunks: new Set(chunkKeys.map(pieceKeyOf)), blocks: new Set(blockKeys.map(pieceKeyOf)) };
}

/**
 * Files a policy under the site its id names (sitePolicies), where one site's reads find it even once its
 * own record is lost. One small put, the same each time, so every write of a version makes it.
 */
export function fileUnderSite(tx: RwTx, policyId: string, writes: Promise<unknown>[]): void {
  const site = siteOfPolicyId(policyId);
  if (site) writes.push(putChecked(tx, STORES.sitePolicies, { site, policyId }));
}

export async function upsertPolicyAndSite(
  tx: RwTx,
  bad: Bad[],
  policy: Omit<PolicyRecord, 'firstSeen' | 'lastSeen'>,
  firstSeen: number,
  lastSeen: number,
  writes: Promise<unknown>[],
): Promise<void> {
  const [rawPolicy, rawSite] = await Promise.all([
    tx.objectStore(STORES.policies).get(policy.policyId),
    tx.objectStore(STORES.sites).get(policy.site),
  ]);
  const oldPolicy = check(PolicyRecord, STORES.policies, policy.policyId, rawPolicy, bad);
  const oldSite = check(SiteRecord, STORES.sites, policy.site, rawSite, bad);
  // A damaged record is replaced by the valid one written here, kept in the quarantine all the same
  // (quarantine.ts). A record missing or damaged (a read may have quarantined it already) has its times told
  // again from what it stands for: the policy's versions, the site's policies. Only then: for a new policy or
  // site that is a read of an empty range, and it is otherwise rare.
  const replacing = (store: Bad['store'], key: string, raw: unknown) => {
    const entry = bad.find((b) => b.store === store && b.key === key && b.replaced === undefined);
    if (entry) entry.replaced = raw;
  };
  let times = oldPolicy ? { firstSeen: oldPolicy.firstSeen, lastSeen: oldPolicy.lastSeen } : null;
  if (!oldPolicy) {
    if (rawPolicy !== undefined) replacing(STORES.policies, policy.policyId, rawPolicy);
    const versions = await policyVersions(tx, policy.policyId, bad);
    if (versions.length > 0) times = { firstSeen: versions[0]!.firstSeen, lastSeen: versions.reduce((t, v) => Math.max(t, v.lastSeen), -Infinity) };
  }
  const newer = !oldPolicy || lastSeen >= oldPolicy.lastSeen;
  const policyFirst = Math.min(firstSeen, times?.firstSeen ?? Infinity);
  const policyLast = Math.max(lastSeen, times?.lastSeen ?? -Infinity);
  writes.push(
    putChecked(tx, STORES.policies, {
      ...policy,
      url: newer ? policy.url : oldPolicy.url,
      title: newer ? policy.title : oldPolicy.title,
      firstSeen: policyFirst,
      lastSeen: policyLast,
    }),
  );
  let siteTimes = oldSite ? { firstSeen: oldSite.firstSeen, lastSeen: oldSite.lastSeen } : null;
  if (!oldSite) {
    if (rawSite !== undefined) replacing(STORES.sites, policy.site, rawSite);
    const policies = (await tx.objectStore(STORES.policies).index(INDEX_POLICY_BY_SITE).getAll(policy.site)) as unknown[];
    for (const raw of policies) {
      const p = PolicyRecord.safeParse(raw);
      if (p.success) siteTimes = { firstSeen: Math.min(siteTimes?.firstSeen ?? Infinity, p.data.firstSeen), lastSeen: Math.max(siteTimes?.lastSeen ?? -Infinity, p.data.lastSeen) };
    }
  }
  writes.push(
    putChecked(tx, STORES.sites, {
      site: policy.site,
      firstSeen: Math.min(policyFirst, siteTimes?.firstSeen ?? Infinity),
      lastSeen: Math.max(policyLast, siteTimes?.lastSeen ?? -Infinity),
    }),
  );
}
