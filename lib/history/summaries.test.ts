/**
 * The per-site summaries the badge reads instead of the history: right after every save, review,
 * prune and import, and rebuilt when the store opens.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDatabase, STORES } from './db';
import { openPolicyStore } from './store';
import { fakeAnalysis, freshStore, makeDocument } from './test-support';

const A = 'https://www.example.com/privacy';
const B = 'https://other.example.org/legal/privacy';
const doc = (text: string) => makeDocument({ Privacy: [text] });

describe('site summaries', () => {
  it('list the alerts of the given sites only, up to the limit, past alerts of other sites', async () => {
    const { store, clock } = await freshStore();
    const sites = Array.from({ length: 12 }, (_, i) => `s${String(i).padStart(2, '0')}.example`);
    for (const site of sites) {
      const url = `https://www.${site}/privacy`;
      await store.savePolicyVersion({ url, document: doc('We collect your email.'), kind: 'privacy-policy' });
      clock.tick();
      await store.savePolicyVersion({ url, document: doc('We collect your email and sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    }
    expect(await store.alertSites(3)).toEqual(sites.slice(0, 3));
    // The first alerts are of sites not asked for: the ones asked for are still found.
    expect(await store.alertSites(2, ['s11.example', 's09.example', 'nowhere.example'])).toEqual(['s09.example', 's11.example']);
    expect(await store.alertSites(1, ['s10.example', 's11.example'])).toEqual(['s10.example']);
    expect(await store.alertSites(5, [])).toEqual([]);
  });

  it('follow a change, a second change and the review, and list the sites that have an alert', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: A, document: doc('We collect your email.'), kind: 'privacy-policy' });
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, unreviewedMajor: 0, pending: [] });
    expect(await store.alertSites()).toEqual([]);

    clock.tick();
    const changed = await store.savePolicyVersion({ url: A, document: doc('We collect your email and sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(2) });
    const state = await store.siteState('example.com');
    expect(state).toMatchObject({ alert: 1, unreviewedMajor: 1, lastChange: changed.version.firstSeen });
    expect(state?.pending).toHaveLength(1);
    expect(state?.pending[0]).toMatchObject({ versions: 1, latestVersionId: changed.version.versionId, digest: { counts: { major: 2 } } });
    expect(await store.alertSites()).toEqual(['example.com']);

    // Two unreviewed changes: the change to show is baseline -> latest, which the background analyses.
    clock.tick();
    const again = await store.savePolicyVersion({ url: A, document: doc('We sell everything.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    expect((await store.siteState('example.com'))?.pending[0]).toMatchObject({ versions: 2, latestVersionId: again.version.versionId, digest: null });

    // The popup's review marks every version up to the one shown.
    await store.markReviewed(changed.version.versionId);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1, pending: [{ versions: 1, digest: { counts: { major: 1 } } }] });
    await store.markReviewed(again.version.versionId);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, pending: [] });
    expect(await store.alertSites()).toEqual([]);
    // Another site never shows up in this one's summary.
    await store.savePolicyVersion({ url: B, document: doc('Hello.'), kind: 'privacy-policy' });
    expect(await store.siteState('example.org')).toMatchObject({ site: 'example.org', pending: [] });
    expect(await store.siteState('nowhere.example')).toBeNull();
  });

  it('are rebuilt when the store opens: a summary lost or left stale (a worker stopped mid-way) is put right', async () => {
    const { store, clock, factory } = await freshStore();
    await store.savePolicyVersion({ url: A, document: doc('One.'), kind: 'privacy-policy' });
    clock.tick();
    await store.savePolicyVersion({ url: A, document: doc('Two, and we sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    store.close();
    const db = await openDatabase(factory, 'test');
    await db.clear(STORES.summaries);
    await db.put(STORES.summaries, { site: 'gone.example', alert: 1, unreviewedMajor: 3, lastChange: null, pending: [] });
    db.close();
    const reopened = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    expect(await reopened.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
    expect(await reopened.siteState('gone.example')).toBeNull();
    expect(await reopened.alertSites()).toEqual(['example.com']);
  });

  it('follow an import', async () => {
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: A, document: doc('One.'), kind: 'privacy-policy' });
    clock.tick();
    await store.savePolicyVersion({ url: A, document: doc('One, and we sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    const file = await store.exportAll();
    const { store: other } = await freshStore();
    expect(await other.alertSites()).toEqual([]);
    expect((await other.importAll(file)).ok).toBe(true);
    expect(await other.alertSites()).toEqual(['example.com']);
  });

  it('raise no alert for an imported change older than the version the user already reviewed', async () => {
    // The laptop saw the policy start selling data, and nobody reviewed it there.
    const laptop = await freshStore();
    await laptop.store.savePolicyVersion({ url: A, document: doc('We collect your email.'), kind: 'privacy-policy' });
    laptop.clock.tick(86_400_000);
    await laptop.store.savePolicyVersion({ url: A, document: doc('We collect your email and sell it.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    // The desktop saw a later version, and the user reviewed it there.
    const { store, clock } = await freshStore();
    await store.savePolicyVersion({ url: A, document: doc('We collect your email.'), kind: 'privacy-policy' });
    clock.tick(3 * 86_400_000);
    const later = await store.savePolicyVersion({ url: A, document: doc('We collect your email and share it with partners.'), kind: 'privacy-policy', analyze: () => fakeAnalysis(1) });
    await store.markReviewed(later.version.versionId);
    expect((await store.importAll(await laptop.store.exportAll())).ok).toBe(true);
    // The imported version is in the history, behind what the user reviewed: nothing awaits review.
    const [policy] = await store.listPolicies('example.com');
    expect(policy?.versions).toBe(3);
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, unreviewedMajor: 0, pending: [] });
    expect(await store.alertSites()).toEqual([]);
  });

  it('raise no alert once a change is undone before anyone reviewed it', async () => {
    const { store, clock } = await freshStore();
    for (const [text, major] of [['We collect your email.', 0], ['We collect your email and sell it.', 1], ['We collect your email.', 0]] as const) {
      clock.tick();
      await store.savePolicyVersion({ url: A, document: doc(text), kind: 'privacy-policy', analyze: () => fakeAnalysis(major) });
    }
    expect(await store.siteState('example.com')).toMatchObject({ alert: 0, unreviewedMajor: 0 });
    expect(await store.alertSites()).toEqual([]);
  });

  it('keep an alert whose policy record was damaged or lost when another policy of the site saves', async () => {
    const TERMS = 'https://www.example.com/cookies';
    for (const damage of ['lost', 'damaged'] as const) {
      const { store, clock, factory } = await freshStore();
      await store.savePolicyVersion({ url: TERMS, document: doc('Terms one.'), kind: 'privacy-adjacent' });
      clock.tick();
      await store.savePolicyVersion({ url: TERMS, document: doc('Terms two, and we sell it.'), kind: 'privacy-adjacent', analyze: () => fakeAnalysis(1) });
      await store.savePolicyVersion({ url: A, document: doc('We collect your email.'), kind: 'privacy-policy' });
      expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
      const terms = (await store.listPolicies('example.com')).find((p) => p.kind === 'privacy-adjacent')!;
      store.close();
      const db = await openDatabase(factory, 'test');
      if (damage === 'lost') await db.delete(STORES.policies, terms.policyId);
      else await db.put(STORES.policies, { policyId: terms.policyId, site: 'example.com', kind: 'privacy-adjacent', garbage: true });
      db.close();
      const reopened = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
      expect(await reopened.siteState('example.com'), damage).toMatchObject({ alert: 1, unreviewedMajor: 1 });
      // The popup still lists the policy, rebuilt from its versions, and no other site's.
      await reopened.savePolicyVersion({ url: 'https://other.example.org/privacy', document: doc('Elsewhere.'), kind: 'privacy-policy' });
      expect((await reopened.listPolicies('example.com')).map((p) => [p.kind, p.versions]), damage).toEqual([['privacy-adjacent', 2], ['privacy-policy', 1]]);
      clock.tick();
      await reopened.savePolicyVersion({ url: A, document: doc('We collect your email and your name.'), kind: 'privacy-policy' });
      expect(await reopened.siteState('example.com'), damage).toMatchObject({ alert: 1, unreviewedMajor: 1 });
      expect(await reopened.alertSites(), damage).toEqual(['example.com']);
      reopened.close();
    }
  });

  it.each([
    ['a time that is not a number', (v: Record<string, unknown>) => ({ ...v, versionId: 'damaged', firstSeen: '2026-01-01T00:00:00Z' })],
    ['a policy id that is not text', (v: Record<string, unknown>) => ({ ...v, versionId: 'damaged', policyId: 7 })],
  ])('lists one site\'s policies whole when a damaged version record has %s (its key cannot be stepped past)', async (_name, damage) => {
    const { store, factory, clock } = await freshStore();
    const B = 'https://www.example.com/cookies';
    await store.savePolicyVersion({ url: A, document: doc('We collect your email.'), kind: 'privacy-policy' });
    clock.tick();
    const cookies = await store.savePolicyVersion({ url: B, document: doc('We use cookies.'), kind: 'privacy-policy' });
    const db = await openDatabase(factory, 'test');
    // The cookie policy's own record lost, and a damaged version record not yet quarantined.
    await db.delete(STORES.policies, cookies.policyId);
    const [v] = (await db.getAll(STORES.versions)) as Record<string, unknown>[];
    await db.put(STORES.versions, damage(v!));
    db.close();
    expect((await store.listPolicies('example.com')).map((p) => p.path)).toEqual(['/cookies', '/privacy']);
  });
});
