/**
 * Chrome's service worker has no DOMParser: background re-checks parse fetched pages here. Only the
 * background may ask (lib/extension/protocol.ts, the offscreen channel); everything else is refused or ignored.
 */
import { runDomTask } from '@/lib/core/page/dom-tasks';
import { registerOffscreenHandlers } from '@/utils/messaging';
import { isSameSite } from '@/lib/core/page/hops';

const parser = new DOMParser();

registerOffscreenHandlers({
  async runDomTask(task) {
    return runDomTask(task, (html) => parser.parseFromString(html, 'text/html'), isSameSite);
  },
});
