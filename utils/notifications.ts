/**
 * Desktop notifications: a watched policy that changed in a way worth reviewing, when the user turned
 * notifications on; a click on one opens that site's history.
 */
import { browser } from 'wxt/browser';
import { explainer } from '@/lib/core/explain';

const PREFIX = 'clausewatch:';

export interface Notifications {
  notifyChange(site: string): Promise<void>;
  /** Opens the site's history page when one of our notifications is clicked. */
  listen(): void;
}

export function createNotifications(language: () => string): Notifications {
  async function notifyChange(site: string): Promise<void> {
    const words = explainer(language()).ui.notification;
    try {
      await browser.notifications.create(`${PREFIX}${site}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: words.title(site),
        message: words.message,
      });
    } catch {
      // The notifications permission was withdrawn; the badge still tells.
    }
  }

  function listen(): void {
    browser.notifications?.onClicked.addListener((id) => {
      if (!id.startsWith(PREFIX)) return;
      void browser.tabs.create({ url: browser.runtime.getURL(`/site-history.html?site=${encodeURIComponent(id.slice(PREFIX.length))}`) });
    });
  }

  return { notifyChange, listen };
}
