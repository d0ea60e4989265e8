/**
 * The worker as built: entrypoints/background.ts started on WXT's fakeBrowser (with fake-indexeddb as the
 * browser's IndexedDB) answers every message type of the protocol through its features, keeps the badge
 * of a tab that loads a page, and creates the re-check alarm.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { Protocol } from '@/lib/extension/protocol';
import { RECHECK_ALARM } from '@/lib/extension/schedule';
import { backgroundForTest, listenForGrants } from './testing/support';

beforeEach(() => {
  fakeBrowser.reset();
  // The worker listens for a granted notifications permission (fakeBrowser's permissions.onAdded throws).
  listenForGrants();
});

describe('the background', () => {
  it('has a handler for every message type of the protocol, and no other', () => {
    expect(Object.keys(backgroundForTest().handlers).sort()).toEqual(Object.keys(Protocol).sort());
  });

  it('starts: answers our pages, follows the tabs and sets the re-check alarm', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'en';
    await background.main();
    const page = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
    let reply: unknown;
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    await trigger({ type: 'unwatchSite', data: { site: 'example.com' } }, page, (r: unknown) => (reply = r));
    await expect.poll(() => reply).toEqual({ ok: true, value: { ok: true } });
    await expect.poll(() => fakeBrowser.alarms.get(RECHECK_ALARM)).toMatchObject({ name: RECHECK_ALARM });
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.example.com/' });
    await fakeBrowser.tabs.update(tab.id!, { status: 'complete' } as never);
    await expect.poll(() => fakeBrowser.action.getTitle({ tabId: tab.id! })).toBeTruthy();
  });
});
