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
