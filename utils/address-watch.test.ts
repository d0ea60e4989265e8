/**
 * How the content script hears a single-page app change its address (utils/address-watch.ts): at once
 * through the Navigation API where there is one, through popstate/hashchange and a poll while the page is
 * visible where there is none (Firefox before 147), never from an event a page made up, and with the
 * same listeners for the page's lifetime however often the address changes.
 */
import { JSDOM } from 'jsdom';
import { afterEach, describe, expect, it } from 'vitest';
import { POLL_MS, watchAddress } from './address-watch';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function page(url = 'https://app.example/') {
  const dom = new JSDOM('<!doctype html><title>App</title>', { url, pretendToBeVisual: true });
  const win = dom.window as unknown as Window;
  const seen: string[] = [];
  let invalid = false;
  const added = { count: 0 };
  for (const target of [dom.window, dom.window.document] as EventTarget[]) {
    const add = target.addEventListener.bind(target);
    target.addEventListener = ((...args: Parameters<EventTarget['addEventListener']>) => {
      added.count++;
      return add(...args);
    }) as EventTarget['addEventListener'];
  }
  const start = () => {
    const stop = watchAddress(win, () => seen.push(win.location.href), () => invalid);
    stops.push(stop);
    return stop;
  };
  return { dom, win, seen, added, start, invalidate: () => (invalid = true) };
}

describe('without the Navigation API', () => {
  it('hears back/forward and hash routes at once, and a pushState within the poll', async () => {
    const { dom, seen, start } = page();
    start();
    dom.window.location.hash = '#/legal/privacy';
    await expect.poll(() => seen, { timeout: 200 }).toEqual(['https://app.example/#/legal/privacy']);
    dom.window.history.pushState(null, '', '/legal/terms');
    await expect.poll(() => seen.at(-1), { timeout: POLL_MS + 500 }).toBe('https://app.example/legal/terms');
    expect(seen).toHaveLength(2);
  });

  it('ignores an event a page makes up when the address did not change', async () => {
    const { dom, seen, start } = page();
    start();
    dom.window.dispatchEvent(new dom.window.PopStateEvent('popstate'));
    dom.window.dispatchEvent(new dom.window.HashChangeEvent('hashchange'));
    await sleep(50);
    expect(seen).toEqual([]);
  });

  it('adds its listeners once, however often the address changes', async () => {
    const { dom, seen, added, start } = page();
    start();
    const atStart = added.count;
    for (let i = 0; i < 20; i++) {
      dom.window.history.replaceState(null, '', `/maps/@52.5,13.${i},12z`);
      dom.window.dispatchEvent(new dom.window.PopStateEvent('popstate'));
    }
    expect(seen).toHaveLength(20);
    expect(added.count).toBe(atStart);
  });

  it('stops when the extension is gone', async () => {
    const { dom, seen, start, invalidate } = page();
    start();
    invalidate();
    dom.window.history.pushState(null, '', '/a');
    dom.window.dispatchEvent(new dom.window.PopStateEvent('popstate'));
    dom.window.history.pushState(null, '', '/b');
    await sleep(POLL_MS + 300);
    expect(seen).toEqual([]);
  });
});

describe('with the Navigation API', () => {
  it('hears every same-document change through currententrychange, and does not poll', async () => {
    const { dom, win, seen, added, start } = page();
    const navigation = new dom.window.EventTarget();
    Object.defineProperty(dom.window, 'navigation', { value: navigation });
    const listen = navigation.addEventListener.bind(navigation);
    let navListeners = 0;
    navigation.addEventListener = ((...args: Parameters<EventTarget['addEventListener']>) => {
      navListeners++;
      return listen(...args);
    }) as EventTarget['addEventListener'];
    start();
    for (const path of ['/one', '/two', '/two']) {
      win.history.pushState(null, '', path);
      navigation.dispatchEvent(new dom.window.Event('currententrychange'));
    }
    // Without the event, nothing: no poll runs.
    win.history.pushState(null, '', '/three');
    await sleep(POLL_MS + 300);
    expect(seen).toEqual(['https://app.example/one', 'https://app.example/two']);
    expect(navListeners).toBe(1);
    expect(added.count).toBe(0);
  });
});
