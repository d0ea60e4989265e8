/**
 * Desktop notifications: a watched policy that changed in a way worth reviewing, when the user turned
 * notifications on; a click on one opens that site's history.
 */
import { browser } from 'wxt/browser';
import { explainer } from '@/lib/core/explain';

const PREFIX = 'clausewatch:';
/** A site's notification: one at most, a newer one replacing it. */
const idOf = (site: string) => `${PREFIX}${site}`;

export interface Notifications {
  notifyChange(site: string): Promise<void>;
  /** Takes the site's notification off the screen, if one is there; never fails. */
  clearChange(site: string): Promise<void>;
  /** Opens the site's history page when one of our notifications is clicked (from the worker's start). */
  listen(): void;
}

/** A click on one of our notifications: that site's history. */
function opened(id: string): void {
  if (!id.startsWith(PREFIX)) return;
  void browser.tabs.create({ url: browser.runtime.getURL(`/site-history.html?site=${encodeURIComponent(id.slice(PREFIX.length))}`) });
}

/**
 * The click listener on the notifications namespace as it is now, once. "notifications" is an optional
 * permission: without it the namespace is absent, and the browser adds it to the running worker when the
 * user grants it (Firefox makes a new one after a grant that follows a withdrawal: the event at hand is
 * asked whether it has the listener).
 */
function hearClicks(): void {
  const clicked = browser.notifications?.onClicked;
  if (clicked && !clicked.hasListener(opened)) clicked.addListener(opened);
}

export function createNotifications(language: () => string): Notifications {
  async function notifyChange(site: string): Promise<void> {
    const words = explainer(language()).ui.notification;
    try {
      // Also here: a notification shown before the browser told this worker of the grant is heard too.
      hearClicks();
      await browser.notifications.create(idOf(site), {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: words.title(site),
        message: words.message,
      });
    } catch {
      // The notifications permission was withdrawn; the badge still tells.
    }
  }

  async function clearChange(site: string): Promise<void> {
    try {
      // Without the permission the namespace is absent, and none of ours can be on screen.
      await browser.notifications?.clear(idOf(site));
    } catch {
      // The permission withdrawn meanwhile, or the browser refused: what asked for this is done all the
      // same, and the notification goes when the user dismisses it.
    }
  }

  function listen(): void {
    hearClicks();
    // Granted while the worker runs (the options page's switch, or the browser's add-on manager).
    browser.permissions.onAdded.addListener((added) => {
      if (added.permissions?.includes('notifications')) hearClicks();
    });
  }

  return { notifyChange, clearChange, listen };
}
