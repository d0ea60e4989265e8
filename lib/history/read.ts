/**
 * Listing the history: sites, policies and versions as summaries, and stored versions with their texts.
 * A policy whose own record was quarantined is rebuilt from its versions, so it is still listed.
 */
import type { ZodType } from 'zod';
import { INDEX_POLICY_BY_SITE, STORES, type StoreName } from './db';
import { check, primaryKeyOf, type Bad } from './records';
import { PolicyKind, PolicyRecord, SitePolicyRecord, SiteRecord, VersionRecord, type PolicySummary, type SiteSummary, type StoredVersion, type VersionMeta } from './schema';
import { parsePolicyId, siteOfPolicyId } from './site';
import { siteRange, type AnyTx, type StoreContext } from './context';
import { reading } from './quarantine';
import { pendingChange } from '../core/review';
import { versionOrder } from '../core/version-order';
import { assemble, latestVersions, policyVersions, toMeta, toStored } from './versions';

export function isUnreviewedMajor(v: VersionRecord): boolean {
  return !v.reviewed && (v.analysis?.counts.major ?? 0) > 0;
}

/**
 * Unreviewed versions with a major change, counted after the last version the user reviewed (the popup's
 * pending change, core/review.ts): an older one, imported from another browser's history, is behind
 * what the user has already reviewed and alerts nobody; nor does a change undone since (the latest text
 * is the reviewed one again, so the popup has nothing to review).
 */
function unreviewedMajorOf(versions: VersionRecord[]): number {
  const change = pendingChange(versions);
  if (!change || change.latest.contentHash === change.baseline.contentHash) return 0;
  return change.versions.filter(isUnreviewedMajor).length;
}

/** Policy ids read `kind:origin/path`; used to keep a policy listed when its own record was quarantined. */
function policyFromVersions(policyId: string, versions: VersionRecord[]): PolicyRecord | undefined {
  const parts = parsePolicyId(policyId);
  const kind = PolicyKind.safeParse(parts?.kind);
  const site = siteOfPolicyId(policyId);
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (!parts || !kind.success || !site || !first || !last) return undefined;
  return {
    policyId,
    kind: kind.data,
    site,
    origin: parts.origin,
    path: parts.path,
    url: last.url,
    title: last.title,
    firstSeen: first.firstSeen,
    lastSeen: versions.reduce((t, v) => Math.max(t, v.lastSeen), -Infinity),
  };
}

function summarisePolicy(policy: PolicyRecord, versions: VersionRecord[]): PolicySummary {
  const latest = versions[versions.length - 1];
  return {
    ...policy,
    versions: versions.length,
    latestVersionId: latest?.versionId ?? null,
    lastChange: versions.length > 1 && latest ? latest.firstSeen : null,
    unreviewedMajor: unreviewedMajorOf(versions),
  };
}

export type Everything = {
  sites: SiteRecord[];
  policies: PolicyRecord[];
  /** Valid versions grouped by policy, oldest first (lib/core/version-order.ts). */
  versionsByPolicy: Map<string, VersionRecord[]>;
};

export const INDEX_STORES: StoreName[] = [STORES.sites, STORES.policies, STORES.versions];

export async function readIndex(tx: AnyTx, bad: Bad[]): Promise<Everything> {
  const readAll = async <T>(store: 'sites' | 'policies' | 'versions', schema: ZodType<T>) => {
    const values: unknown[] = await tx.objectStore(store).getAll();
    return values.flatMap((raw) => check(schema, store, primaryKeyOf(store, raw), raw, bad) ?? []);
  };
  const [sites, policies, versions] = await Promise.all([
    readAll(STORES.sites, SiteRecord),
    readAll(STORES.policies, PolicyRecord),
    readAll(STORES.versions, VersionRecord),
  ]);
  const versionsByPolicy = new Map<string, VersionRecord[]>();
  for (const v of versions.sort(versionOrder)) {
    const list = versionsByPolicy.get(v.policyId) ?? [];
    list.push(v);
    versionsByPolicy.set(v.policyId, list);
  }
  return { sites, policies, versionsByPolicy };
}

/** Policies with their versions, including ones whose own record was lost. */
export function allPolicies(all: Everything): PolicySummary[] {
  const out: PolicySummary[] = [];
  const known = new Set<string>();
  for (const p of all.policies) {
    known.add(p.policyId);
    out.push(summarisePolicy(p, all.versionsByPolicy.get(p.policyId) ?? []));
  }
  for (const [policyId, versions] of all.versionsByPolicy) {
    if (known.has(policyId)) continue;
    const rebuilt = policyFromVersions(policyId, versions);
    if (rebuilt) out.push(summarisePolicy(rebuilt, versions));
  }
  return out.sort((a, b) => a.site.localeCompare(b.site) || a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
}

export function summariseSites(all: Everything): SiteSummary[] {
  const bySite = new Map<string, SiteSummary>();
  for (const s of all.sites) {
    bySite.set(s.site, { ...s, policies: 0, versions: 0, lastChange: null, unreviewedMajor: 0 });
  }
  for (const p of allPolicies(all)) {
    let summary = bySite.get(p.site);
    if (!summary) {
      summary = { site: p.site, firstSeen: p.firstSeen, lastSeen: p.lastSeen, policies: 0, versions: 0, lastChange: null, unreviewedMajor: 0 };
      bySite.set(p.site, summary);
    }
    summary.policies++;
    summary.versions += p.versions;
    summary.unreviewedMajor += p.unreviewedMajor;
    if (p.lastChange !== null) summary.lastChange = Math.max(summary.lastChange ?? -Infinity, p.lastChange);
  }
  return [...bySite.values()].sort((a, b) => a.site.localeCompare(b.site));
}

export async function listSites(ctx: StoreContext): Promise<SiteSummary[]> {
  return reading(ctx, 'list sites', INDEX_STORES, async (tx, bad) => summariseSites(await readIndex(tx, bad)));
}

export async function getSite(ctx: StoreContext, site: string): Promise<SiteSummary | undefined> {
  return reading(ctx, 'read the site', SITE_STORES, async (tx, bad) => summariseSites(await readSiteIndex(tx, site, bad)).find((s) => s.site === site));
}

/** One site's policies (the popup and the history page ask this on every opening), from that site's records alone. */
export async function listPolicies(ctx: StoreContext, site: string): Promise<PolicySummary[]> {
  return reading(ctx, 'list policies', SITE_STORES, async (tx, bad) => allPolicies(await readSiteIndex(tx, site, bad)).filter((p) => p.site === site));
}

/** What readSiteIndex reads: the index's stores and the policies filed by site. */
export const SITE_STORES: StoreName[] = [...INDEX_STORES, STORES.sitePolicies];

/**
 * One site's part of the index, what readIndex gives of it and nothing of any other site's: its record, its
 * policies' records (by the policies' site index), and the versions of those policies and of every other one
 * filed under the site (sitePolicies), so that a policy whose own record was lost or is damaged is rebuilt
 * from its versions, as allPolicies does from the whole index. `also`: ids known otherwise (the policies a
 * site's summary names). A policy filed here whose readable record names another site is that site's.
 */
export async function readSiteIndex(tx: AnyTx, site: string, bad: Bad[], also: Iterable<string> = []): Promise<Everything> {
  const [rawSite, rawPolicies, rawFiled] = (await Promise.all([
    tx.objectStore(STORES.sites).get(site),
    tx.objectStore(STORES.policies).index(INDEX_POLICY_BY_SITE).getAll(site),
    tx.objectStore(STORES.sitePolicies).getAll(siteRange(site)),
  ])) as [unknown, unknown[], unknown[]];
  const record = check(SiteRecord, STORES.sites, site, rawSite, bad);
  const policies = rawPolicies.flatMap((raw) => check(PolicyRecord, STORES.policies, primaryKeyOf(STORES.policies, raw), raw, bad) ?? []);
  const filed = rawFiled.flatMap((raw) => check(SitePolicyRecord, STORES.sitePolicies, primaryKeyOf(STORES.sitePolicies, raw), raw, bad)?.policyId ?? []);
  const known = new Set(policies.map((p) => p.policyId));
  const others = [...new Set([...filed, ...also])].filter((id) => !known.has(id));
  // Of the others, those with no readable record of their own, to rebuild from their versions.
  const recordless = (await Promise.all(others.map(async (id) => ((await policyRecordExists(tx, id)) ? [] : [id])))).flat();
  const versionsByPolicy = new Map<string, VersionRecord[]>();
  await Promise.all(
    [...known, ...recordless].map(async (id) => {
      const versions = await policyVersions(tx, id, bad);
      if (versions.length > 0) versionsByPolicy.set(id, versions);
    }),
  );
  return { sites: record ? [record] : [], policies, versionsByPolicy };
}

/** Whether a policy has a readable record of its own (one that does not read is rebuilt from its versions). */
async function policyRecordExists(tx: AnyTx, policyId: string): Promise<boolean> {
  return PolicyRecord.safeParse(await tx.objectStore(STORES.policies).get(policyId)).success;
}

export async function listVersions(ctx: StoreContext, policyId: string): Promise<VersionMeta[]> {
  return reading(ctx, 'list versions', [STORES.versions], async (tx, bad) => (await policyVersions(tx, policyId, bad)).map(toMeta));
}

const DOC_STORES: StoreName[] = [STORES.versions, STORES.chunks, STORES.blocks];

export async function getVersion(ctx: StoreContext, versionId: string): Promise<StoredVersion | undefined> {
  const found = await reading(ctx, 'read the version', DOC_STORES, async (tx, bad) => {
    const v = check(VersionRecord, STORES.versions, versionId, await tx.objectStore(STORES.versions).get(versionId), bad);
    if (!v) return undefined;
    return { v, assembled: (await assemble(tx, [v], bad)).get(v.versionId)! };
  });
  return found && toStored(found.v, found.assembled);
}

export async function getLatestTwo(ctx: StoreContext, policyId: string): Promise<{ latest?: StoredVersion; previous?: StoredVersion }> {
  const found = await reading(ctx, 'read the latest versions', DOC_STORES, async (tx, bad) => {
    const versions = await latestVersions(tx, policyId, 2, bad);
    return { versions, assembled: await assemble(tx, versions, bad) };
  });
  const [latest, previous] = await Promise.all(found.versions.map((v) => toStored(v, found.assembled.get(v.versionId)!)));
  return { ...(latest ? { latest } : {}), ...(previous ? { previous } : {}) };
}
