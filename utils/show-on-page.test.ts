/**
 * "Show on page" on WXT's fakeBrowser: the tab showing the policy is found (or opened) and brought
 * forward, and the passage reaches the highlighter in a message, never a global. fakeBrowser has no
 * `scripting` and no `tabs.sendMessage`: here injecting the highlighter runs its real code
 * (utils/highlight.ts) on the policy page in jsdom, and the message is delivered to the listener it
 * registered, as the browser would.
 */
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { quoteParts } from '@/lib/core/page/locate';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { parseMessage } from '@/lib/extension/protocol';
import { answerOneHighlight } from './highlight';
import { showOnPage } from './show-on-page';
import { POLICY_V1 } from './testing/support';

const URL_ = 'https://www.example.com/legal/privacy';
const QUOTE = 'We collect device information, including your browser type, operating system and IP address';
const none = {} as never;

class FakeHighlight {
  readonly ranges: Range[];
  constructor(...ranges: Range[]) {
    this.ranges = ranges;
  }
}
const painted = new Map<string, FakeHighlight>();
let page: JSDOM;
let injected: Array<{ tabId: number; files?: string[]; css?: string }> = [];

beforeAll(() => {
  Object.assign(globalThis, { CSS: { highlights: painted }, Highlight: FakeHighlight });
});
afterAll(() => {
  delete (globalThis as { CSS?: unknown }).CSS;
  delete (globalThis as { Highlight?: unknown }).Highlight;
});
beforeEach(() => {
  fakeBrowser.reset();
  painted.clear();
  injected = [];
  page = new JSDOM(POLICY_V1, { url: URL_ });
  const tabsApi = fakeBrowser.tabs as unknown as { sendMessage: unknown };
  Object.assign(fakeBrowser.scripting, {
    insertCSS: async ({ target, css }: { target: { tabId: number }; css: string }) => void injected.push({ tabId: target.tabId, css }),
    executeScript: async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      if (files[0] === '/highlighter.js') answerOneHighlight(page.window.document);
      return [];
    },
  });
  tabsApi.sendMessage = async (_tabId: number, message: unknown) => {
    let reply: unknown;
    const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>;
    await trigger(message, { id: fakeBrowser.runtime.id }, (r: unknown) => (reply = r));
    return reply;
  };
});

async function loadedTab(url: string) {
  const tab = await fakeBrowser.tabs.create({ url });
  await fakeBrowser.tabs.update(tab.id!, { status: 'complete' } as never);
  return tab.id!;
}

describe('show on page', () => {
  it('highlights the passage in the tab that shows the policy, without a global', async () => {
    const popupTab = await loadedTab('https://news.example.net/');
    const policyTab = await loadedTab(`${URL_}?utm_source=mail#top`);
    const broughtForward: number[] = [];
    fakeBrowser.tabs.onUpdated.addListener((id, info) => void ((info as { active?: boolean }).active && broughtForward.push(id)));
    expect(await showOnPage({ tabId: popupTab, url: URL_, quote: QUOTE }, none)).toEqual({ found: true, tabId: policyTab });
    expect(broughtForward).toEqual([policyTab]);
    expect(injected.map((i) => i.files?.[0] ?? 'css')).toEqual(['css', '/highlighter.js']);
    expect(painted.get('clausewatch')?.ranges[0]?.toString()).toBe(QUOTE);
    expect(Object.keys(globalThis).filter((k) => k.startsWith('__clausewatch'))).toEqual([]);
    // The highlighter answered once and stopped listening.
    expect(await fakeBrowser.tabs.sendMessage(policyTab, { channel: 'highlighter', quote: QUOTE })).toBeUndefined();
  });

  it('says so when the passage is not on the page', async () => {
    const tabId = await loadedTab(URL_);
    expect(await showOnPage({ tabId, url: URL_, quote: 'We sell your data to anyone who asks.' }, none)).toEqual({ found: false, tabId });
    expect(painted.size).toBe(0);
  });

  it('opens the policy in a new tab when none shows it, and waits for it to load', async () => {
    fakeBrowser.tabs.onCreated.addListener((tab) => {
      setTimeout(() => void fakeBrowser.tabs.update(tab.id!, { status: 'complete' } as never), 10);
    });
    const result = await showOnPage({ tabId: null, url: URL_, quote: QUOTE }, none);
    expect(result.found).toBe(true);
    expect((await fakeBrowser.tabs.get(result.tabId)).url).toBe(URL_);
  });
});

describe('show on page, when the tab does not stay on the policy or is asked twice at once (a review, 7 December 2026)', () => {
  it('injects nothing and sends no passage when the tab, once loaded, shows another page; the answer says so', async () => {
    const tab = await fakeBrowser.tabs.create({ url: URL_ });
    // The policy's address redirects (a consent wall on another site) before the tab completes.
    setTimeout(() => void fakeBrowser.tabs.update(tab.id!, { url: 'https://consent.other.example/welcome', status: 'complete' } as never), 10);
    expect(await showOnPage({ tabId: tab.id!, url: URL_, quote: QUOTE }, none)).toEqual({ found: false, tabId: tab.id, elsewhere: true });
    expect(injected).toEqual([]);
    expect(painted.size).toBe(0);
  });

  it('still highlights where the policy’s address redirects within its site (to https and "www.")', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'http://example.com/legal/privacy' });
    setTimeout(() => void fakeBrowser.tabs.update(tab.id!, { url: URL_, status: 'complete' } as never), 10);
    expect(await showOnPage({ tabId: tab.id!, url: 'http://example.com/legal/privacy', quote: QUOTE }, none)).toEqual({ found: true, tabId: tab.id });
    expect(painted.get('clausewatch')?.ranges[0]?.toString()).toBe(QUOTE);
  });

  it('answers two requests for one tab made at once, each with its own highlight', async () => {
    const tabId = await loadedTab(URL_);
    // As Chrome and Firefox do, a message reaches every listener registered when it arrives (a copy of the
    // list), and the reply comes a moment after the injected script ran.
    const listeners: Array<(...a: unknown[]) => unknown> = [];
    Object.assign(fakeBrowser.runtime, {
      onMessage: {
        addListener: (l: (...a: unknown[]) => unknown) => void listeners.push(l),
        removeListener: (l: (...a: unknown[]) => unknown) => void (listeners.includes(l) && listeners.splice(listeners.indexOf(l), 1)),
        hasListener: (l: (...a: unknown[]) => unknown) => listeners.includes(l),
        trigger: async (...a: unknown[]) => Promise.all([...listeners].map((l) => l(...a))),
      },
    });
    const inject = fakeBrowser.scripting.executeScript.bind(fakeBrowser.scripting);
    Object.assign(fakeBrowser.scripting, {
      executeScript: async (o: Parameters<typeof inject>[0]) => {
        const done = await inject(o);
        await new Promise((r) => setTimeout(r, 20));
        return done;
      },
    });
    const other = 'We do not sell your personal information.';
    const results = await Promise.all([showOnPage({ tabId, url: URL_, quote: QUOTE }, none), showOnPage({ tabId, url: URL_, quote: other }, none)]);
    expect(results).toEqual([{ found: true, tabId }, { found: true, tabId }]);
    expect(painted.get('clausewatch')?.ranges[0]?.toString()).toBe(other);
    // Each injection answered one request and stopped listening.
    expect(listeners).toEqual([]);
  });
});

describe('show on page of a long quoted sentence', () => {
  it('sends what the protocol carries, and highlights the whole sentence', async () => {
    // The engine quotes the sentence whole, however long: here past the 5,000 characters a quote may carry.
    const partners = Array.from({ length: 260 }, (_, i) => `Partner Company Number ${i} Limited`).join(', ');
    const added = `We share your personal information, including your browsing history and location, with advertisers and the following advertising partners so that they can show you personalised ads: ${partners}.`;
    const doc = (md: string) => documentFromMarkdown(`# Privacy Policy\n\n${md}`, { url: URL_, language: 'en' });
    const v1 = 'We collect your email address to run the service.';
    const sentence = analyzeChange(doc(v1), doc(`${v1}\n\n${added}`)).findings.find((f) => f.severity === 'major')!.evidence[0]!.sentence;
    expect(sentence.length).toBeGreaterThan(5000);
    // What the popup and the history page send.
    const request = { tabId: null, url: URL_, ...quoteParts(sentence) };
    expect(parseMessage({ type: 'showOnPage', data: request }, 'extension-page')).toMatchObject({ ok: true });
    page = new JSDOM(`<!doctype html><html><head><title>Privacy Policy</title></head><body><h1>Privacy Policy</h1><p>${v1}</p><p>${added}</p></body></html>`, { url: URL_ });
    const tabId = await loadedTab(URL_);
    expect(await showOnPage(request, none)).toEqual({ found: true, tabId });
    expect(painted.get('clausewatch')?.ranges[0]?.toString()).toBe(added);
  });
});
