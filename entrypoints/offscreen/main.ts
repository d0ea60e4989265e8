/**
 * Chrome's service worker has no DOMParser: background re-checks parse fetched pages here.
 * Only the service worker talks to this page, with `{ target: 'offscreen', task }`.
 */
import { browser, type Browser } from 'wxt/browser';
import { DomTask, runDomTask } from '@/lib/dom-tasks';
import { isSameSite } from '@/utils/site';

const parser = new DOMParser();

browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r: unknown) => void) => {
  const msg = raw as { target?: unknown; task?: unknown };
  if (msg?.target !== 'offscreen' || sender.id !== browser.runtime.id || sender.tab) return false;
  const task = DomTask.safeParse(msg.task);
  if (!task.success) {
    sendResponse({ error: 'invalid task' });
    return false;
  }
  sendResponse({ result: runDomTask(task.data, (html) => parser.parseFromString(html, 'text/html'), isSameSite) });
  return false;
});
