/**
 * The worker: the features (utils/features.ts) connected to the browser's events. Every listener is
 * registered synchronously at start; nothing is kept here (the worker may be stopped at any moment, and
 * what the features cache can be rebuilt).
 */
import { browser } from 'wxt/browser';
import { createDomRunner } from '@/utils/dom';
import { createFeatures } from '@/utils/features';
import { registerHandlers } from '@/utils/messaging';

export default defineBackground(() => {
  const features = createFeatures({ idb: () => indexedDB, dom: createDomRunner(), language: () => browser.i18n.getUILanguage() });
  // Messages from the content scripts and our pages (lib/extension/protocol.ts).
  registerHandlers(features.handlers, (error) => console.warn('[Clausewatch] refused a message:', error));
  // Tabs loading or brought forward: their badge.
  features.badges.followTabs();
  // The alarm: due checks of watched policies, and re-extraction of kept pages.
  features.recheck.schedule();
  // A click on a change notification: that site's history.
  features.notifications.listen();
});
