/**
 * A site whose pages read differently on every visit (text that changes each time, a page that reloads
 * itself) cannot fill the history: it records at most MAX_CHANGES_PER_SITE_PER_DAY changes in any 24 hours,
 * its policies together (save.ts). What it had is kept; the same text is still recorded; a day later it
 * records changes again; a policy's first version is no change, and another site is not held to it.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_CHANGES_PER_SITE_PER_DAY } from './save';
import { freshStore, makeDocument } from './test-support';

const HOUR = 3_600_000;
const PRIVACY = 'https://www.example.com/privacy';
const COOKIES = 'https://www.example.com/cookies';
const reading = (n: number, url = PRIVACY) => makeDocument({ Data: [`We collect your email. Visit number ${n}.`] }, { url });

async function store() {
  const env = await freshStore();
  const save = (n: number, url = PRIVACY) => env.store.savePolicyVersion({ url, document: reading(n, url), kind: 'privacy-policy' });
  return { ...env, save };
}

describe('a site that reads differently on every visit', () => {
  it('records at most the bound of changes in 24 hours, its policies together, and refuses the next reading with a clear reason', async () => {
    const { store: s, clock, save } = await store();
    await save(0);
    await save(0, COOKIES);
    // Half the day's changes on each of the site's two policies, a minute apart.
    for (let n = 1; n <= MAX_CHANGES_PER_SITE_PER_DAY; n++) {
      clock.tick();
      expect((await save(n, n % 2 ? PRIVACY : COOKIES)).status).toBe('changed');
    }
    clock.tick();
    await expect(save(999)).rejects.toMatchObject({ code: 'too-many-changes', message: expect.stringContaining(`at most ${MAX_CHANGES_PER_SITE_PER_DAY} changes`) });
    await expect(save(998, COOKIES)).rejects.toMatchObject({ code: 'too-many-changes' });
    // Nothing of the refused readings was stored, and nothing stored before was lost.
    const policies = await s.listPolicies('example.com');
    const versions = await Promise.all(policies.map((p) => s.listVersions(p.policyId)));
    expect(versions.map((v) => v.length).reduce((a, b) => a + b)).toBe(MAX_CHANGES_PER_SITE_PER_DAY + 2);
  });

  it('still records a reading that repeats the latest text, and another site as before', async () => {
    const { clock, save, store: s } = await store();
    await save(0);
    for (let n = 1; n <= MAX_CHANGES_PER_SITE_PER_DAY; n++) {
      clock.tick();
      await save(n);
    }
    clock.tick();
    const again = await save(MAX_CHANGES_PER_SITE_PER_DAY);
    expect(again.status).toBe('unchanged');
    expect(again.version.lastSeen).toBe(clock.now);
    await s.savePolicyVersion({ url: 'https://other.example/privacy', document: reading(0, 'https://other.example/privacy'), kind: 'privacy-policy' });
    clock.tick();
    expect((await s.savePolicyVersion({ url: 'https://other.example/privacy', document: reading(1, 'https://other.example/privacy'), kind: 'privacy-policy' })).status).toBe('changed');
  });

  it('records changes again once the day’s oldest change is 24 hours old, one for each that aged out', async () => {
    const { clock, save } = await store();
    await save(0);
    const start = clock.now;
    for (let n = 1; n <= MAX_CHANGES_PER_SITE_PER_DAY; n++) {
      clock.tick(HOUR / 2);
      await save(n);
    }
    await expect(save(100)).rejects.toMatchObject({ code: 'too-many-changes' });
    // The first change was saved half an hour after the start: 24 hours on, it no longer counts.
    clock.now = start + HOUR / 2 + 24 * HOUR;
    expect((await save(101)).status).toBe('changed');
    await expect(save(102)).rejects.toMatchObject({ code: 'too-many-changes' });
  });

  it('counts no policy’s first version as a change: a reader going through many of a site’s pages is not held back', async () => {
    const { clock, save } = await store();
    for (let i = 0; i < MAX_CHANGES_PER_SITE_PER_DAY + 5; i++) {
      clock.tick();
      expect((await save(0, `https://www.example.com/legal/privacy-${i}`)).status).toBe('first');
    }
    clock.tick();
    expect((await save(1, 'https://www.example.com/legal/privacy-0')).status).toBe('changed');
  });
});
