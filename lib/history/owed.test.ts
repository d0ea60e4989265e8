/**
 * The work a summary and a site's reads cost: a write marks its site's summary owed in its own transaction,
 * so a worker stopped before the refresh still ends up right on the next opening, and an opening with
 * nothing owed refreshes nothing; one site's reads touch that site's records alone; the latest versions are
 * read without the others. Work is counted by watching the requests (test-support.ts watchRequests).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, STORES } from './db';
import { openPolicyStore } from './store';
import { fakeAnalysis, freshStore, makeDocument, watchRequests, type Touch } from './test-support';

/** Off: every refresh a write runs afterwards is skipped, as when the worker stops right after the write. */
const refresh = vi.hoisted(() => ({ off: false }));
vi.mock('./summaries', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./summaries')>();
  return { ...actual, summariesAfter: (...args: Parameters<typeof actual.summariesAfter>) => (refresh.off ? Promise.resolve() : actual.summariesAfter(...args)) };
});
afterEach(() => {
  refresh.off = false;
});

const A = 'https://www.example.com/privacy';
const doc = (text: string) => makeDocument({ Privacy: [text] });
const HISTORY_STORES: string[] = [STORES.sites, STORES.policies, STORES.versions, STORES.chunks, STORES.blocks, STORES.captures, STORES.sitePolicies];
const writesOf = (touched: Touch[]) => touched.filter((t) => ['put', 'add', 'delete', 'clear'].includes(t.method));

/** A site with a first version and, when `change`, a major change nobody reviewed. */
async function siteWith(change: boolean) {
  const env = await freshStore();
  await env.store.savePolicyVersion({ url: A, document: doc('We collect your email.'), kind: 'privacy-policy' });
  env.clock.tick();
  const changed = change ? await env.store.savePolicyVersion({ url: A, document: doc('We collect your email and sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) }) : undefined;
  return { ...env, changed };
}

describe('a summary a write left owed (the worker stopped before its refresh)', () => {
  const reopen = async (env: Awaited<ReturnType<typeof freshStore>>) => {
    env.store.close();
    refresh.off = false;
    return openPolicyStore({ idb: env.factory, name: 'test', clock: env.clock.fn });
  };

  it('is right after reopening: a save', async () => {
    const env = await siteWith(false);
    refresh.off = true;
    await env.store.savePolicyVersion({ url: A, document: doc('We collect your email and sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    expect(await env.store.siteState('example.com')).toMatchObject({ alert: 0 });
    const store = await reopen(env);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1, pending: [{ versions: 1 }] });
    expect(await store.alertSites()).toEqual(['example.com']);
  });

  it('is right after reopening: a review', async () => {
    const env = await siteWith(true);
    refresh.off = true;
    await env.store.markReviewed(env.changed!.version.versionId);
    expect(await env.store.siteState('example.com')).toMatchObject({ alert: 1 });
    const store = await reopen(env);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, unreviewedMajor: 0, pending: [] });
    expect(await store.alertSites()).toEqual([]);
  });

  it('is right after reopening: an analysis made afterwards (the backfill)', async () => {
    const env = await siteWith(false);
    await env.store.savePolicyVersion({ url: A, document: doc('We collect your email and sell it.'), kind: 'privacy-policy' });
    expect(await env.store.siteState('example.com')).toMatchObject({ alert: 0 });
    refresh.off = true;
    expect(await env.store.analyzeMissing(() => fakeAnalysis(2), 10)).toEqual({ analysed: 1, remaining: 0 });
    const store = await reopen(env);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1, pending: [{ digest: { counts: { major: 2 } } }] });
  });

  it('is right after reopening: an import', async () => {
    // The site known here with its first version (a summary with no alert); the file brings the change.
    const { store: source } = await siteWith(true);
    const env = await siteWith(false);
    refresh.off = true;
    expect(await env.store.importAll(await source.exportAll())).toMatchObject({ ok: true, added: 1 });
    expect(await env.store.siteState('example.com')).toMatchObject({ alert: 0 });
    const store = await reopen(env);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
    expect(await store.alertSites()).toEqual(['example.com']);
  });

  it('is right after reopening: a version found damaged by a read, and quarantined', async () => {
    const env = await siteWith(true);
    const db = await openDatabase(env.factory, 'test');
    await db.put(STORES.versions, { ...((await db.get(STORES.versions, env.changed!.version.versionId)) as object), reviewed: 'garbage' });
    db.close();
    // The read takes the damaged change out of the history: the summary that counted it is owed.
    expect(await env.store.listVersions(env.changed!.policyId)).toHaveLength(1);
    const store = await reopen(env);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, unreviewedMajor: 0, pending: [] });
  });
});

describe('a write to a policy whose own record was lost', () => {
  it('marks the site its id names, not every site', async () => {
    const env = await siteWith(true);
    const db = await openDatabase(env.factory, 'test');
    await db.put(STORES.policies, { ...((await db.get(STORES.policies, env.changed!.policyId)) as object), firstSeen: 'damaged' });
    db.close();
    // A read takes the damaged record out (and marks its site); the mark is cleared by a refresh.
    await env.store.listPolicies('example.com');
    refresh.off = true;
    await env.store.markReviewed(env.changed!.version.versionId);
    env.store.close();
    const raw = await openDatabase(env.factory, 'test');
    const marks = (await raw.getAll(STORES.summaryOwed)) as Array<{ site: string }>;
    raw.close();
    expect(marks.map((m) => m.site)).toEqual(['example.com']);
  });
});

describe('a summary made wrong from outside the store (nothing marked it)', () => {
  it('is right after reopening: an alert whose changed version is gone', async () => {
    const env = await siteWith(true);
    env.store.close();
    const db = await openDatabase(env.factory, 'test');
    await db.delete(STORES.versions, env.changed!.version.versionId);
    db.close();
    const store = await openPolicyStore({ idb: env.factory, name: 'test', clock: env.clock.fn });
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, pending: [] });
    expect(await store.alertSites()).toEqual([]);
  });

  it('is right after reopening: a stale summary whose mark is damaged', async () => {
    const env = await siteWith(false);
    env.store.close();
    const db = await openDatabase(env.factory, 'test');
    await db.put(STORES.summaries, { site: 'example.com', alert: 1, unreviewedMajor: 3, lastChange: null, pending: [] });
    await db.put(STORES.summaryOwed, { site: '' } as never);
    db.close();
    const store = await openPolicyStore({ idb: env.factory, name: 'test', clock: env.clock.fn });
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, unreviewedMajor: 0 });
    expect(await store.listQuarantine()).toHaveLength(1);
  });
});

describe('opening the store', () => {
  /** A history of `count` sites, each with a major change nobody reviewed, closed. */
  async function manySites(count: number) {
    const env = await freshStore();
    const sites = Array.from({ length: count }, (_, i) => `site${i}.example`);
    for (const site of sites) {
      const url = `https://www.${site}/privacy`;
      await env.store.savePolicyVersion({ url, document: doc(`We collect your email at ${site}.`), kind: 'privacy-policy' });
      env.clock.tick();
      await env.store.savePolicyVersion({ url, document: doc(`We sell your email at ${site}.`), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    }
    env.store.close();
    return { ...env, sites };
  }

  it('with nothing owed reads no record of the history and refreshes no summary', async () => {
    const { factory, clock, sites } = await manySites(40);
    const watch = watchRequests();
    const store = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    watch.stop();
    expect(watch.touched.filter((t) => HISTORY_STORES.includes(t.store) && t.method !== 'getAllKeys' && t.method !== 'getKey')).toEqual([]);
    expect(writesOf(watch.touched)).toEqual([]);
    // Of the sites and their summaries, the keys alone, to find a summary lost (a site with none) or left over;
    // and the summaries with an alert, whose versions are looked up by key (an alert for a version gone).
    expect(watch.touched.filter((t) => t.store === STORES.sites || t.store === STORES.summaries).map((t) => [t.store, t.method])).toEqual([
      [STORES.sites, 'getAllKeys'],
      [STORES.summaries, 'getAllKeys'],
      [STORES.summaries, 'getAll'],
    ]);
    expect(await store.alertSites()).toEqual([...sites].sort());
    store.close();
  });

  it('with one summary owed refreshes that one, from its site\'s records alone', async () => {
    const { factory, clock } = await manySites(20);
    const store = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    refresh.off = true;
    const saved = await store.savePolicyVersion({ url: 'https://www.site7.example/privacy', document: doc('We sell everything at site7.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(3) });
    store.close();
    refresh.off = false;
    const watch = watchRequests();
    const reopened = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    watch.stop();
    expect(writesOf(watch.touched).map((t) => [t.store, t.method])).toEqual([
      [STORES.summaryOwed, 'delete'],
      [STORES.summaries, 'put'],
    ]);
    // Records: the keys of the sites are read whole, to find a summary lost (see above).
    const records = watch.touched.filter((t) => HISTORY_STORES.includes(t.store) && t.method !== 'getAllKeys').flatMap((t) => t.values);
    expect(new Set(JSON.stringify(records).match(/site\d+\.example/g))).toEqual(new Set(['site7.example']));
    expect(await reopened.siteState('site7.example')).toMatchObject({ alert: 1, unreviewedMajor: 2, pending: [{ versions: 2, latestVersionId: saved.version.versionId }] });
    reopened.close();
  });
});

describe('one site\'s reads', () => {
  it('read none of another site\'s records, a policy whose own record was lost still listed', async () => {
    const { store, clock, factory } = await freshStore();
    for (const site of ['example.com', 'other.example', 'third.example']) {
      for (const [path, text] of [['/privacy', 'We collect your email.'], ['/cookies', 'We use cookies.']] as const) {
        const url = `https://www.${site}${path}`;
        await store.savePolicyVersion({ url, document: { ...doc(text), url }, kind: 'privacy-policy', raw: { html: `<p>${text}</p>`, source: 'visit' }, extractorVersion: 1 });
        clock.tick();
        await store.savePolicyVersion({ url, document: { ...doc(`${text} And more.`), url }, kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
      }
    }
    const cookies = (await store.listPolicies('example.com')).find((p) => p.path === '/cookies')!;
    const db = await openDatabase(factory, 'test');
    await db.delete(STORES.policies, cookies.policyId);
    db.close();

    const watch = watchRequests();
    const policies = await store.listPolicies('example.com');
    const site = await store.getSite('example.com');
    const chains = await store.verifyChains('example.com');
    const evidence = await store.evidence('example.com');
    const latest = await store.getLatestTwo(cookies.policyId);
    watch.stop();
    expect(policies.map((p) => [p.path, p.versions])).toEqual([['/cookies', 2], ['/privacy', 2]]);
    expect(site).toMatchObject({ site: 'example.com', policies: 2, versions: 4, unreviewedMajor: 2 });
    expect(chains.map((c) => [c.ok, c.entries])).toEqual([[true, 2], [true, 2]]);
    expect(evidence).toHaveLength(2);
    expect(latest.latest?.document.blocks.at(-1)?.text).toBe('We use cookies. And more.');
    const read = JSON.stringify(watch.touched.flatMap((t) => t.values));
    expect(read).toContain('example.com');
    expect(read).not.toContain('other.example');
    expect(read).not.toContain('third.example');
  });
});

describe('the latest versions of a policy', () => {
  it('are read without the policy\'s older versions', async () => {
    const { store, clock } = await freshStore();
    const texts = Array.from({ length: 12 }, (_, i) => `We collect your email, edition ${i}.`);
    let policyId = '';
    for (const text of texts) {
      clock.tick();
      policyId = (await store.savePolicyVersion({ url: A, document: doc(text), kind: 'privacy-policy' })).policyId;
    }
    const watch = watchRequests();
    const { latest, previous } = await store.getLatestTwo(policyId);
    watch.stop();
    expect([previous?.document.blocks.at(-1)?.text, latest?.document.blocks.at(-1)?.text]).toEqual(texts.slice(-2));
    expect(latest?.damaged).toBe(false);
    const versionsRead = watch.touched.filter((t) => t.store === STORES.versions && t.method === 'getAll').flatMap((t) => t.values);
    expect(versionsRead).toHaveLength(2);
  });

  it('are read without the paragraphs only older versions hold, once the policy holds many times more', async () => {
    const { store, clock } = await freshStore();
    const edition = (i: number) => makeDocument({ Privacy: Array.from({ length: 5 }, (_, p) => `Edition ${i}, paragraph ${p}: we collect your email.`) });
    let policyId = '';
    for (let i = 0; i < 30; i++) {
      clock.tick(86_400_000);
      policyId = (await store.savePolicyVersion({ url: A, document: edition(i), kind: 'privacy-policy' })).policyId;
    }
    const watch = watchRequests();
    const { latest, previous } = await store.getLatestTwo(policyId);
    watch.stop();
    expect(previous?.document).toEqual(edition(28));
    expect(latest?.document).toEqual(edition(29));
    // 151 paragraphs stored (a heading and 5 per edition): the two editions' 11 are read.
    const blocks = watch.touched.filter((t) => t.store === STORES.blocks && t.method !== 'count').flatMap((t) => t.values);
    expect(blocks).toHaveLength(11);
  });
});
