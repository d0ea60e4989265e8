/**
 * "Show on page", the background's side: the tab showing the policy (or a new one), brought forward once
 * loaded, the highlight style inserted, the highlighter injected and sent the passage (utils/highlight.ts).
 */
import { browser, type Browser } from 'wxt/browser';
import { samePolicyAddress, siteForUrl } from '@/lib/history';
import type { HighlightReply, HighlightRequest } from './highlight';
import type { Handlers } from './messaging';
import { serial } from './serial';

const HIGHLIGHT_CSS = '::highlight(clausewatch) { background-color: #fde047; color: #111827; }';
const LOAD_TIMEOUT_MS = 15_000;

/** The tab showing the policy page `url` (same origin and path, as the store identifies a policy). */
function samePage(a: string | undefined, b: string): boolean {
  return a !== undefined && samePolicyAddress(a, b);
}

/** Whether `a` is on the same site (registrable domain) as `b`: a redirect within the site (to https, to "www.", to where the policy moved) stays on it. */
function sameSite(a: string | undefined, b: string): boolean {
  try {
    return a !== undefined && /^https?:/i.test(a) && siteForUrl(a) === siteForUrl(b);
  } catch {
    return false;
  }
}

async function waitForComplete(tabId: number): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  if (tab.status === 'complete') return;
  await new Promise<void>((resolve) => {
    const done = () => {
      browser.tabs.onUpdated.removeListener(listener);
      clearTimeout(timer);
      resolve();
    };
    const listener = (id: number, info: Browser.tabs.OnUpdatedInfo) => {
      if (id === tabId && info.status === 'complete') done();
    };
    const timer = setTimeout(done, LOAD_TIMEOUT_MS);
    browser.tabs.onUpdated.addListener(listener);
  });
}

/**
 * Highlights in one tab, one after another (./serial.ts: a failed one does not hold up the next): each
 * injected highlighter answers the next request and stops listening, so two requests in flight at once (two
 * clicks) could both reach the first one, leaving the second unanswered. One queue per tab asked, for the
 * worker's life.
 */
const queues = new Map<number, ReturnType<typeof serial>>();
function inTurn<T>(tabId: number, run: () => Promise<T>): Promise<T> {
  let queue = queues.get(tabId);
  if (!queue) queues.set(tabId, (queue = serial()));
  return queue(run);
}

export const showOnPage: Handlers['showOnPage'] = async ({ tabId, url, quote, quoteEnd }) => {
  let target = tabId != null ? await browser.tabs.get(tabId).catch(() => null) : null;
  if (!target || !samePage(target.url, url)) {
    const tabs = await browser.tabs.query({});
    target = tabs.find((t) => samePage(t.url, url)) ?? (await browser.tabs.create({ url }));
  }
  const id = target.id!;
  await browser.tabs.update(id, { active: true });
  await waitForComplete(id);
  return inTurn(id, async () => {
    // Once loaded, the tab may show another site (a consent wall or login page elsewhere, a link followed
    // meanwhile): nothing is injected there, and the passage is not sent to it. Within the policy's site (a
    // redirect to https or "www.", a policy that moved) the passage is looked for. A tab closed meanwhile
    // fails here, as injecting into it would.
    const loaded = await browser.tabs.get(id);
    if (!sameSite(loaded.url, url)) return { found: false, tabId: id, elsewhere: true };
    await browser.scripting.insertCSS({ target: { tabId: id }, css: HIGHLIGHT_CSS });
    await browser.scripting.executeScript({ target: { tabId: id }, files: ['/highlighter.js'] });
    const request: HighlightRequest = { channel: 'highlighter', quote, ...(quoteEnd ? { quoteEnd } : {}) };
    const reply = (await browser.tabs.sendMessage(id, request, { frameId: 0 })) as HighlightReply | undefined;
    return { found: reply?.found === true, tabId: id };
  });
};
