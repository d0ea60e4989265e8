/**
 * The content script's page capture on a page in jsdom, for its tests: `go` changes the address as an app
 * does (history.pushState), and every page opened is stopped by `stopAll` (call it after each test).
 */
import { JSDOM } from 'jsdom';
import { createPageCapture } from '../page-capture';

const stops: Array<() => void> = [];

export function openPage(html: string, url: string) {
  const dom = new JSDOM(html, { url });
  let href = url;
  const go = (to: string) => {
    href = to;
    dom.window.history.pushState(null, '', to);
  };
  const page = createPageCapture({ isInvalid: false }, dom.window.document, () => href);
  stops.push(page.stop);
  return { page, document: dom.window.document, go };
}

/** Ends every page's waits and timers, and whatever else a test handed over (`onStop`). */
export function stopAll(): void {
  for (const stop of stops.splice(0)) stop();
}

/** Something to end with the pages after the test (a ticker the test started). */
export function onStop(stop: () => void): void {
  stops.push(stop);
}
