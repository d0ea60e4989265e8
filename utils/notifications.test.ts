/**
 * Clicks on the desktop notification of a change, on WXT's fakeBrowser: "notifications" is an optional
 * permission, so a worker may start without the notifications namespace and see it appear when the user
 * grants the permission on the options page (the browser adds it to the running worker and fires
 * permissions.onAdded).
 */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { backgroundForTest, grantPermissions, withBackgroundWorld } from './testing/support';

withBackgroundWorld();

const SITE = 'example.com';
const historyPage = () => fakeBrowser.runtime.getURL(`/site-history.html?site=${SITE}`);
const opened = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url).filter((u) => u === historyPage());

/** A worker started before the user granted the permission: no notifications namespace at its start. */
function startedWithoutPermission() {
  const background = backgroundForTest();
  const api = fakeBrowser.notifications;
  (fakeBrowser as { notifications?: unknown }).notifications = undefined;
  background.notifications.listen();
  // The user grants the permission: the browser adds the namespace to the running worker.
  (fakeBrowser as { notifications?: unknown }).notifications = api;
  return background;
}

describe('a click on a change notification', () => {
  it('opens the site’s history, once, when the permission was granted while the worker runs', async () => {
    startedWithoutPermission();
    await grantPermissions({ permissions: ['notifications'] });
    // Granted again (after the user withdrew it in the browser's add-on manager): still one listener.
    await grantPermissions({ permissions: ['notifications'] });
    await fakeBrowser.notifications.onClicked.trigger(`clausewatch:${SITE}`);
    expect(await opened()).toEqual([historyPage()]);
  });

  it('opens the site’s history when the worker shows one before the browser told of the grant', async () => {
    const { notifications } = startedWithoutPermission();
    await notifications.notifyChange(SITE);
    await fakeBrowser.notifications.onClicked.trigger(`clausewatch:${SITE}`);
    expect(await opened()).toEqual([historyPage()]);
  });
});
