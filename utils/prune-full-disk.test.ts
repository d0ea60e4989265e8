/**
 * A full disk still lets a new capture be saved where an ordinary prune keeps what awaits review: after an
 * import whose analyses were all dropped (every version pending, none analysed yet), or with minor changes
 * nobody reviewed. When nothing else can be freed, or what was freed is not room enough, the quota's
 * recovery prunes those too, a few at a time and known minor changes first (store.ts saveWithQuotaRecovery,
 * prune.ts `removeHeld`), rather than refusing the capture; an ordinary prune still keeps them.
 */
import 'fake-indexeddb/auto';
import { afterEach, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { editDocument, fakeAnalysis, freshStore, syntheticPolicy } from '@/lib/history/test-support';
import { saveWithQuotaRecovery } from '@/lib/history/store';
import type { PolicyDocument } from '@/lib/core/schema';

const URL_A = 'https://www.example.com/privacy';
const HOUR = 3_600_000;
const EDITIONS = 24;
const cosmetic = () => fakeAnalysis(0);

const editions: PolicyDocument[] = [];
{
  let doc = { ...syntheticPolicy(1500), url: URL_A };
  for (let k = 0; k < EDITIONS + 5; k++) {
    editions.push(doc);
    doc = editDocument(doc, k + 1);
  }
}
const html = (k: number) => `<html><body>edition ${k} ${'<p>policy text</p>'.repeat(200)}</body></html>`;

/** A disk that is full until something is deleted (as a prune would); `full()` fills it again. */
function disk() {
  const put = IDBObjectStore.prototype.put;
  const del = IDBObjectStore.prototype.delete;
  let full = false;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args) {
    full = false;
    return del.apply(this, args);
  });
  return { full: () => (full = true), isFull: () => full };
}
afterEach(() => vi.restoreAllMocks());

async function merged() {
  const start = Date.UTC(2026, 0, 1);
  const laptop = await freshStore();
  const desktop = await freshStore();
  for (let k = 0; k < EDITIONS; k++) {
    const env = k % 2 === 0 ? desktop : laptop;
    env.clock.now = start + k * HOUR;
    await env.store.savePolicyVersion({ url: URL_A, document: editions[k]!, kind: 'privacy-policy', analyze: cosmetic, raw: { html: html(k), source: 'visit' }, extractorVersion: 9 });
  }
  const file = await laptop.store.exportAll();
  desktop.clock.now = start + EDITIONS * HOUR;
  const result = await desktop.store.importAll(file);
  expect(result).toMatchObject({ ok: true, added: EDITIONS / 2 });
  return desktop;
}

const OTHER = 'https://www.other.example/privacy';

/** The disk fills; the user visits another site's policy for the first time (nothing of that policy to prune). */
async function newSiteOnFullDisk(env: Awaited<ReturnType<typeof merged>>) {
  const d = disk();
  env.clock.tick(HOUR);
  d.full();
  return saveWithQuotaRecovery(env.store, { url: OTHER, document: { ...editions[0]!, url: OTHER }, kind: 'privacy-policy', analyze: cosmetic, raw: { html: html(99), source: 'visit' }, extractorVersion: 9 }).then(
    (r) => ({ status: r.status, pruned: r.pruned ?? null }),
    (e: { code?: string }) => ({ status: `error ${e.code}`, pruned: null }),
  );
}

it('the merge leaves every version pending and unanalysed', async () => {
  const env = await merged();
  const [policy] = await env.store.listPolicies('example.com');
  const versions = await env.store.listVersions(policy!.policyId);
  expect(versions).toHaveLength(EDITIONS);
  expect(versions.filter((v) => v.counts === null && !v.reviewed)).toHaveLength(EDITIONS);
});

it('control: once the backfill has analysed them, a full disk prunes old versions and the capture is kept', async () => {
  const env = await merged();
  await env.store.prune(); // an earlier full disk already took the middle pages
  await env.store.analyzeMissing(cosmetic, 1000);
  // Cosmetic changes, nothing in them to review: the notice calls them old intermediate versions.
  expect(await newSiteOnFullDisk(env)).toMatchObject({ status: 'first', pruned: { removedVersions: expect.any(Number), removedUnreviewed: 0 } });
});

it('before the backfill got through them: the capture is still kept, at the cost of changes awaiting their analysis', async () => {
  const env = await merged();
  await env.store.prune(); // an earlier full disk already took the middle pages
  const saved = await newSiteOnFullDisk(env);
  expect(saved).toMatchObject({ status: 'first' });
  // Each version removed awaited its analysis, and with it the user's review: the notice says so.
  expect(saved.pruned?.removedVersions).toBeGreaterThan(0);
  expect(saved.pruned?.removedUnreviewed).toBe(saved.pruned?.removedVersions);
});

const minor = () => ({ ...fakeAnalysis(0), counts: { major: 0, minor: 1, goodNews: 0, cosmetic: 0 } });

/** A page that does not compress (a deterministic pseudo-random run of letters): saved pages weigh here. */
const noisy = (k: number) => {
  let x = k + 1;
  let text = '';
  for (let i = 0; i < 6000; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    text += String.fromCharCode(97 + (x >>> 16) % 26);
  }
  return `<html><body><p>${text}</p></body></html>`;
};

/** Ten versions of one policy, each a minor change nobody reviewed, with their pages (`page`) or without. */
async function minorChanges(page?: (k: number) => string) {
  const env = await freshStore();
  for (let k = 0; k < 10; k++) {
    env.clock.now = Date.UTC(2026, 0, 1) + k * HOUR;
    await env.store.savePolicyVersion({ url: URL_A, document: editions[k]!, kind: 'privacy-policy', analyze: minor, ...(page ? { raw: { html: page(k), source: 'visit' as const } } : {}), extractorVersion: 9 });
  }
  return env;
}

/**
 * A disk with no room for another site's new version until `room` says so; `deleted` hears the store of
 * each record deleted (what a prune frees).
 */
function diskForOther(room: () => boolean, deleted: (store: string) => void) {
  const put = IDBObjectStore.prototype.put;
  const del = IDBObjectStore.prototype.delete;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (!room() && this.name === 'versions' && (args[0] as { url?: string }).url === OTHER) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
  vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementation(function (this: IDBObjectStore, ...args) {
    deleted(this.name);
    return del.apply(this, args);
  });
}

const saveOther = (env: Awaited<ReturnType<typeof freshStore>>, withPage: boolean) =>
  saveWithQuotaRecovery(env.store, { url: OTHER, document: { ...editions[0]!, url: OTHER }, kind: 'privacy-policy', analyze: minor, ...(withPage ? { raw: { html: html(99), source: 'visit' as const } } : {}), extractorVersion: 9 });

it('minor changes awaiting review, and the saved pages not room enough: the new capture is kept, a minor change goes', async () => {
  const env = await minorChanges(html);
  // No room for the new capture's version until a version goes: freeing saved pages is not enough.
  let versionGone = false;
  diskForOther(() => versionGone, (store) => (versionGone ||= store === 'versions'));
  env.clock.tick(HOUR);
  const saved = await saveOther(env, true);
  expect(saved.status).toBe('first');
  expect(saved.pruned?.removedRaw).toBeGreaterThan(0);
  // One version was room enough: one goes, the oldest minor change, not all eight held; the notice calls it
  // a change awaiting review, not an old intermediate version.
  expect(saved.pruned?.removedVersions).toBe(1);
  expect(saved.pruned?.removedUnreviewed).toBe(1);
  const [policy] = await env.store.listPolicies('example.com');
  const versions = await env.store.listVersions(policy!.policyId);
  expect(versions).toHaveLength(9);
  expect(versions[1]!.firstSeen).toBe(Date.UTC(2026, 0, 1) + 2 * HOUR);
  // The first and the latest are kept.
  expect(versions[0]!.firstSeen).toBe(Date.UTC(2026, 0, 1));
  expect(versions[versions.length - 1]!.firstSeen).toBe(Date.UTC(2026, 0, 1) + 9 * HOUR);
});

it('the last resort goes further a round at a time (1, then 2 more): three held versions go where three make room', async () => {
  const env = await minorChanges();
  // Room for the new capture once three versions are gone; no saved pages to free.
  let versionsDeleted = 0;
  diskForOther(() => versionsDeleted >= 3, (store) => void (store === 'versions' && versionsDeleted++));
  const saved = await saveOther(env, false);
  expect(saved.status).toBe('first');
  expect(saved.pruned).toEqual({ removedRaw: 0, removedVersions: 3, removedUnreviewed: 3 });
});

it('before more of what awaits review goes, an ordinary prune frees what it may again (saved pages here)', async () => {
  const env = await minorChanges(noisy);
  // Room for the new capture only once a saved page goes after a version has: the first round's version is
  // not enough, the next round's ordinary prune makes the room.
  let versionGone = false;
  let room = false;
  diskForOther(
    () => room,
    (store) => {
      if (store === 'versions') versionGone = true;
      if (store === 'raw' && versionGone) room = true;
    },
  );
  const saved = await saveOther(env, true);
  expect(saved.status).toBe('first');
  expect(saved.pruned?.removedVersions).toBe(1);
  expect(saved.pruned?.removedRaw).toBeGreaterThan(1);
});
