import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh copy of the module (its storage items migrate when defined), over storage as given. */
async function prefsOver(stored: Record<string, unknown>) {
  vi.resetModules();
  const { fakeBrowser } = await import('wxt/testing/fake-browser');
  fakeBrowser.reset();
  await fakeBrowser.storage.local.set(stored);
  const prefs = await import('./prefs');
  return { prefs, fakeBrowser };
}

beforeEach(() => {
  vi.resetModules();
});

describe('settings', () => {
  it('leaves "Watch policies I visit" off on a new install', async () => {
    const { prefs } = await prefsOver({});
    expect(await prefs.getSettings()).toEqual({ paused: false, autoWatchVisited: false, notifications: false });
  });

  it('turns off the old default "on" once, keeps the rest, and then keeps what the user chooses', async () => {
    // As the extension stored it before: version 1, no version marker, the default still in place.
    const { prefs, fakeBrowser } = await prefsOver({ settings: { paused: true, autoWatchVisited: true, notifications: true } });
    expect(await prefs.getSettings()).toEqual({ paused: true, autoWatchVisited: false, notifications: true });
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });

    await prefs.setSettings({ autoWatchVisited: true });
    const stored = await fakeBrowser.storage.local.get(null);
    const again = await prefsOver(stored);
    expect(await again.prefs.getSettings()).toMatchObject({ autoWatchVisited: true });
  });
});

describe('markIntroduced', () => {
  it('is true the first time the popup shows a site, once, even when two popups ask at once', async () => {
    const { prefs } = await prefsOver({});
    expect(await Promise.all([prefs.markIntroduced('example.com'), prefs.markIntroduced('example.com')])).toEqual([true, false]);
    expect(await prefs.markIntroduced('example.com')).toBe(false);
    expect(await prefs.markIntroduced('other.org')).toBe(true);
  });
});

describe('stored values that do not read', () => {
  const entry = (site: string) => ({ site, policyUrl: `https://${site}/privacy`, frequencyHours: 24, addedAt: 1, lastCheck: null, lastChange: null, status: 'pending' as const, failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: 2, checking: null });
  const brokenKeys = (stored: Record<string, unknown>, name: string) => Object.keys(stored).filter((k) => k.startsWith(`broken:${name}:`));

  it('keeps a malformed watch-list entry aside under a broken: key, and the other entries', async () => {
    // One entry damaged, one written by a newer release (a status this one does not know).
    const bad = [{ site: 'example.com', policyUrl: 42 }, { ...entry('c.example'), status: 'paused-by-user' }];
    const { prefs, fakeBrowser } = await prefsOver({ watches: [entry('a.example'), bad[0], entry('b.example'), bad[1]] });
    expect((await prefs.getWatches()).map((w) => w.site)).toEqual(['a.example', 'b.example']);
    const stored = await fakeBrowser.storage.local.get(null);
    const broken = brokenKeys(stored, 'watches');
    expect(broken.map((k) => (stored[k] as { raw: unknown }).raw)).toEqual(bad);
    expect((stored.watches as Array<{ site: string }>).map((w) => w.site)).toEqual(['a.example', 'b.example']);
    // Set aside once, and counted for the options page.
    expect((await prefs.getWatches()).map((w) => w.site)).toEqual(['a.example', 'b.example']);
    expect(await prefs.setAsideCount()).toBe(2);
  });

  it('sets a malformed entry aside once, and loses no change, when reads and a change of the list race', async () => {
    const { prefs, fakeBrowser } = await prefsOver({ watches: [entry('a.example'), { site: 'example.com', policyUrl: 42 }] });
    // The options page and the popup reading the list while the background adds a site.
    const [read1, , read2] = await Promise.all([prefs.getWatches(), prefs.updateWatches((list) => [...list, entry('b.example')]), prefs.getWatches(), prefs.getSettings()]);
    expect(read1.map((w) => w.site)).toContain('a.example');
    expect(read2.map((w) => w.site)).toContain('a.example');
    expect((await prefs.getWatches()).map((w) => w.site)).toEqual(['a.example', 'b.example']);
    expect(((await fakeBrowser.storage.local.get('watches')).watches as Array<{ site: string }>).map((w) => w.site)).toEqual(['a.example', 'b.example']);
    expect(await prefs.setAsideCount()).toBe(1);
  });

  it('sets bad settings aside once, and loses no change, when reads and a change race', async () => {
    const { prefs } = await prefsOver({ settings: { paused: false, autoWatchVisited: false, notifications: 'yes' }, settings$: { v: 2 } });
    await Promise.all([prefs.getSettings(), prefs.getSettings(), prefs.setSettings({ paused: true }), prefs.getSettings()]);
    expect(await prefs.getSettings()).toEqual({ paused: true, autoWatchVisited: false, notifications: false });
    expect(await prefs.setAsideCount()).toBe(1);
  });

  it('keeps a watch list that is no list aside whole, and starts from an empty one', async () => {
    const { prefs, fakeBrowser } = await prefsOver({ watches: { site: 'example.com' } });
    expect(await prefs.getWatches()).toEqual([]);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(brokenKeys(stored, 'watches').map((k) => stored[k])).toEqual([{ raw: { site: 'example.com' }, reason: 'not a list' }]);
    expect(stored.watches).toEqual([]);
  });

  it('keeps every removal but a malformed one ("Watch policies I visit" must not put the sites back)', async () => {
    const { prefs } = await prefsOver({ removedSites: ['a.example', 42, 'b.example'] });
    expect(await prefs.wasRemoved('a.example')).toBe(true);
    expect(await prefs.wasRemoved('b.example')).toBe(true);
    expect(await prefs.setAsideCount()).toBe(1);
  });

  it('merges the settings field by field over the defaults: one bad field does not unpause checks', async () => {
    const stored = { paused: true, autoWatchVisited: false, notifications: 'yes' };
    const { prefs, fakeBrowser } = await prefsOver({ settings: stored, settings$: { v: 2 } });
    expect(await prefs.getSettings()).toEqual({ paused: true, autoWatchVisited: false, notifications: false });
    const all = await fakeBrowser.storage.local.get(null);
    expect(brokenKeys(all, 'settings').map((k) => all[k])).toEqual([{ raw: stored, reason: 'fields that do not read: notifications' }]);
    expect(all.settings).toEqual({ paused: true, autoWatchVisited: false, notifications: false });
    // A field missing (a shape from before it existed) takes its default, and nothing is set aside for it.
    const older = await prefsOver({ settings: { paused: true }, settings$: { v: 2 } });
    expect(await older.prefs.getSettings()).toEqual({ paused: true, autoWatchVisited: false, notifications: false });
    expect(await older.prefs.setAsideCount()).toBe(0);
  });

  it('falls back to the default settings when what is stored is not settings', async () => {
    const { prefs } = await prefsOver({ settings: 'on', settings$: { v: 2 } });
    expect(await prefs.getSettings()).toEqual({ paused: false, autoWatchVisited: false, notifications: false });
    expect(await prefs.setAsideCount()).toBe(1);
  });

  it('reads a watch list written before failure codes, moved addresses and claimed checks existed (version 1, no marker)', async () => {
    const old = { site: 'example.com', policyUrl: 'https://example.com/privacy', frequencyHours: 24, addedAt: 1, lastCheck: null, lastChange: null, status: 'pending', failure: null, failures: 0, nextCheck: 2 };
    const { prefs } = await prefsOver({ watches: [old] });
    expect(await prefs.getWatches()).toEqual([{ ...old, failureCode: null, movedTo: null, checking: null }]);
  });

  it('keeps an entry whose failure a later release wrote with a code this one does not know, with its English reason', async () => {
    const later = { site: 'example.com', policyUrl: 'https://example.com/privacy', frequencyHours: 24, addedAt: 1, lastCheck: 5, lastChange: null, status: 'failed', failure: 'something new went wrong', failureCode: { code: 'something-new' }, movedTo: null, failures: 1, nextCheck: 9, checking: null };
    const { prefs } = await prefsOver({ watches: [later] });
    expect(await prefs.getWatches()).toEqual([{ ...later, failureCode: null }]);
    expect(await prefs.setAsideCount()).toBe(0);
  });
});

describe('a watch list stored with the visit\'s query', () => {
  it('is read without the parameters that do not name the document, and written so at the next change', async () => {
    const old = { site: 'example.com', policyUrl: 'https://example.com/legal?doc=privacy&utm_source=mail&sid=S1', frequencyHours: 24, addedAt: 1, lastCheck: null, lastChange: null, status: 'pending', failure: null, failureCode: null, movedTo: null, failures: 0, nextCheck: 2 };
    const { prefs, fakeBrowser } = await prefsOver({ watches: [old] });
    expect(await prefs.getWatches()).toEqual([{ ...old, policyUrl: 'https://example.com/legal?doc=privacy', checking: null }]);
    await prefs.updateWatches((list) => list);
    expect((await fakeBrowser.storage.local.get('watches')).watches).toMatchObject([{ policyUrl: 'https://example.com/legal?doc=privacy' }]);
  });
});

describe('the diagnostics log', () => {
  it('keeps every outcome reported at once, the last 50, and starts over from what it cannot read', async () => {
    const { fakeBrowser } = await prefsOver({});
    await fakeBrowser.storage.session.set({ diagnostics: 'garbage' });
    const { recordOutcome } = await import('./diagnostics');
    await Promise.all(Array.from({ length: 60 }, (_, i) => recordOutcome({ at: i, url: `https://example.com/${i}`, outcome: 'policy', reason: '' })));
    const { diagnostics } = await fakeBrowser.storage.session.get('diagnostics');
    expect((diagnostics as Array<{ at: number }>).map((d) => d.at)).toEqual(Array.from({ length: 50 }, (_, i) => i + 10));
  });
});
