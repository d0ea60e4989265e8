// @vitest-environment jsdom
/**
 * What a web page can do to Clausewatch's content script (entrypoints/page-watch.ts, run as the build runs
 * it: an unlisted script declared in the manifest, whose main takes no context) and what the script costs
 * on a busy page that is not a policy.
 *
 * DOM events are shared by the page's main world and the content script's isolated world: a page's
 * `document.dispatchEvent(new CustomEvent(name, { detail }))` reaches a listener of the content script,
 * and the content script's own `dispatchEvent` reaches the page's listeners. WXT's ContentScriptContext
 * dispatches "<extension id>:content:wxt:content-script-started" on every page and stops the script when
 * it hears that event from anyone else; the extension id is public (the store's id, the gecko id).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import content from '@/entrypoints/page-watch';
import { POLL_MS } from '@/utils/address-watch';
import { createPageCapture } from '@/utils/page-capture';

const POLICY_V1 = readFileSync(join(import.meta.dirname, '../cli/fixtures/policy-v1.html'), 'utf8');
// The names WXT's context uses here (in the build: "<extension id>:content:wxt:content-script-started").
// Private in WXT's types, public at run time (and in every built content script).
const STARTED_NAME = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
const STARTED = () => STARTED_NAME;
const LOCATION_CHANGE = () => STARTED_NAME.replace('content-script-started', 'locationchange');

type Sent = { type: string; data: { url: string; html: string } };
let sent: Sent[] = [];

const runtime = fakeBrowser.runtime as { id?: string };
const EXTENSION_ID = runtime.id;

beforeEach(() => {
  fakeBrowser.reset();
  runtime.id = EXTENSION_ID;
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
    sent.push(m as Sent);
    return Promise.resolve({ ok: true, value: { status: 'first' } });
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  // The extension goes away, as on a reload: the copies of the content script that ran in this test
  // (jsdom keeps one window for the whole file) stop by themselves at their next look.
  runtime.id = undefined;
  await new Promise((r) => setTimeout(r, POLL_MS + 200));
});

/** An app shell at a policy address: its text arrives after the content script has started. */
function openShell() {
  window.history.replaceState(null, '', '/legal/privacy');
  document.documentElement.innerHTML = '<head><title>Privacy Policy</title></head><body><div id="app"></div></body>';
}
const renderPolicy = () => {
  const policy = new DOMParser().parseFromString(POLICY_V1, 'text/html');
  document.getElementById('app')!.innerHTML = policy.body.innerHTML;
};
/** As the build runs it: WXT's unlisted-script wrapper calls main() with nothing. */
const runContentScript = () => (content as unknown as { main: () => void }).main();

describe('a web page and the content script', () => {
  it('cannot switch off capture by replaying WXT\'s "content script started" event', async () => {
    openShell();
    runContentScript();
    // The page (main world) pretends a newer copy of the content script started, and that the address changed.
    document.dispatchEvent(new CustomEvent(STARTED(), { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.dispatchEvent(new CustomEvent(LOCATION_CHANGE()));
    renderPolicy();
    await expect.poll(() => sent.length, { timeout: 7_000 }).toBe(1);
    expect(sent[0]!.data.html).toContain('We collect device information');
  });

  it('cannot tell that Clausewatch is installed from any event the content script dispatches', async () => {
    const heard: string[] = [];
    // A page script, run before document_idle, listening for the names it knows.
    document.addEventListener(STARTED(), (e) => heard.push(e.type));
    window.addEventListener(STARTED(), (e) => heard.push(e.type));
    window.addEventListener(LOCATION_CHANGE(), (e) => heard.push(e.type));
    window.addEventListener('message', (e) => heard.push(`message ${JSON.stringify(e.data)}`));
    // And any event at all dispatched by script on the page's objects.
    const dispatched = [window, document, EventTarget.prototype].map((target) => vi.spyOn(target, 'dispatchEvent'));
    const posted = vi.spyOn(window, 'postMessage');
    openShell();
    runContentScript();
    // The page's router: a new address, and (as a router does on back/forward) its own popstate.
    window.history.pushState(null, '', '/legal/terms');
    const own = new PopStateEvent('popstate');
    window.dispatchEvent(own);
    renderPolicy();
    await expect.poll(() => sent.length, { timeout: 7_000 }).toBe(1);
    expect(sent[0]!.data.url).toMatch(/\/legal\/terms$/);
    expect(heard).toEqual([]);
    expect(dispatched.flatMap((spy) => spy.mock.calls.map(([e]) => e)).filter((e) => e !== own)).toEqual([]);
    expect(posted).not.toHaveBeenCalled();
  });
});

describe('a busy single-page app that is not a policy', () => {
  let live = 0;
  let maxLive = 0;
  const Original = window.MutationObserver;
  class Counting extends Original {
    private on = false;
    override observe(target: Node, options?: MutationObserverInit) {
      if (!this.on) {
        this.on = true;
        live++;
        maxLive = Math.max(maxLive, live);
      }
      super.observe(target, options);
    }
    override disconnect() {
      if (this.on) {
        this.on = false;
        live--;
      }
      super.disconnect();
    }
  }
  beforeEach(() => {
    live = 0;
    maxLive = 0;
    window.MutationObserver = Counting as typeof MutationObserver;
  });
  afterEach(() => {
    window.MutationObserver = Original;
  });

  it('holds at most one whole-document observer at a time, and adds no listener per address change', async () => {
    // A map: the address changes on every pan (history.replaceState), the DOM all the time.
    window.history.replaceState(null, '', '/maps/@52.5,13.4,12z');
    document.documentElement.innerHTML = '<head><title>Maps</title></head><body><h1>Maps</h1><div id="tiles"></div></body>';
    let listeners = 0;
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((...args: Parameters<EventTarget['addEventListener']>) => {
        listeners++;
        return add(...args);
      });
    }
    const page = createPageCapture({ isInvalid: false }, document, () => location.href);
    page.start();
    const tiles = document.getElementById('tiles')!;
    const mutate = setInterval(() => tiles.replaceChildren(document.createElement('canvas')), 50);
    let n = 0;
    const pan = setInterval(() => {
      window.history.replaceState(null, '', `/maps/@52.5,13.${++n},12z`);
      page.navigated();
    }, 200);
    await new Promise((r) => setTimeout(r, 3_000));
    clearInterval(pan);
    clearInterval(mutate);
    page.stop();

    expect(maxLive).toBeLessThanOrEqual(1); // before: one per address change still settling (about 15)
    expect(listeners).toBe(0);
    expect(sent).toEqual([]);
  });

  it('(through the content script) holds no observer on that page at all, and a map without headings at most one', async () => {
    window.history.replaceState(null, '', '/maps/@52.5,13.4,12z');
    document.documentElement.innerHTML = '<head><title>Maps</title></head><body><div id="tiles"></div></body>';
    runContentScript();
    const tiles = document.getElementById('tiles')!;
    const mutate = setInterval(() => tiles.replaceChildren(document.createElement('canvas')), 50);
    let n = 0;
    const pan = setInterval(() => window.history.replaceState(null, '', `/maps/@52.5,14.${++n},12z`), 200);
    await new Promise((r) => setTimeout(r, 3_000));
    clearInterval(pan);
    clearInterval(mutate);
    expect(maxLive).toBeLessThanOrEqual(1);
    expect(sent).toEqual([]);
  });
});
