/**
 * The content script on a page that changes its address under it (a review, 7 December 2026): a page that
 * keeps naming a new policy address gets a bounded number of copies, and a copy the page moved away from
 * while it was being made is not sent under the old address. Real timers, jsdom and WXT's fakeBrowser.
 */
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createPageCapture, MAX_COPIES_PER_DOCUMENT, whenShown } from './page-capture';
import { answerCopies, POLICY_V1, type SentCopy } from './testing/support';
import { onStop, openPage, stopAll } from './testing/page-view';

const sent: SentCopy[] = [];
beforeEach(() => answerCopies(sent, () => 'changed'));
afterEach(stopAll);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a page that names a new policy address again and again is copied a bounded number of times', async () => {
  const base = 'https://hostile.example/legal';
  const { page, go, document } = openPage(POLICY_V1, `${base}?doc=privacy&n=0`);
  page.start();
  await expect.poll(() => sent.length).toBe(1);
  for (let i = 1; i < MAX_COPIES_PER_DOCUMENT; i++) {
    document.body.insertAdjacentText('beforeend', ` more words ${i}`);
    go(`${base}?doc=privacy&n=${i}`);
    page.navigated();
    // Each new address is a page view of its own, copied once the look after navigation runs.
    await expect.poll(() => sent.length, { timeout: 3_000 }).toBe(i + 1);
  }
  for (let i = MAX_COPIES_PER_DOCUMENT; i < MAX_COPIES_PER_DOCUMENT + 3; i++) {
    go(`${base}?doc=privacy&n=${i}`);
    page.navigated();
    await sleep(500);
  }
  await sleep(1_000);
  expect(sent).toHaveLength(MAX_COPIES_PER_DOCUMENT);
}, 30_000);

/** A long policy page, so that its copy takes several slices: time for the page to move on meanwhile. */
const longPolicy = `<!doctype html><html><head><title>Privacy Policy</title></head><body><h1>Privacy Policy</h1>${Array.from({ length: 4000 }, (_, i) => `<div><p>We collect device information, item ${i}, to run the service.</p></div>`).join('')}</body></html>`;

it('a copy the page moved away from while it was being made is not sent under the old address; the new page is copied', async () => {
  const { page, go, document } = openPage(longPolicy, 'https://app.example/legal?doc=privacy');
  page.start();
  // The copy is under way; the app now shows its terms at another address.
  await sleep(5);
  expect(sent).toHaveLength(0);
  document.title = 'Terms of Service';
  for (const p of Array.from(document.querySelectorAll('p'))) p.textContent = 'These terms govern your use of the service.';
  go('https://app.example/legal?doc=terms');
  page.navigated();
  await expect.poll(() => sent.length, { timeout: 5_000 }).toBeGreaterThan(0);
  await sleep(1_000);
  // What was sent is the terms page under its own address, never under the policy's.
  expect(sent.map((s) => s.data.url)).toEqual(['https://app.example/legal?doc=terms']);
}, 20_000);

it('a copy is still sent when the page only takes a tracking parameter off its address meanwhile', async () => {
  const { page, go } = openPage(longPolicy, 'https://www.example.com/privacy?utm_source=newsletter');
  page.start();
  await sleep(5);
  expect(sent).toHaveLength(0);
  go('https://www.example.com/privacy');
  page.navigated();
  await expect.poll(() => sent.length, { timeout: 5_000 }).toBe(1);
  expect(sent[0]!.data.html).toContain('We collect device information, item 3999');
  await sleep(1_000);
  expect(sent).toHaveLength(1);
}, 20_000);

it('a page Chrome prerenders is copied once it is opened, not before (its tab still shows the page before)', async () => {
  const dom = new JSDOM(POLICY_V1, { url: 'https://www.example.com/privacy' });
  Object.defineProperty(dom.window.document, 'prerendering', { configurable: true, get: () => true });
  const page = createPageCapture({ isInvalid: false }, dom.window.document, () => 'https://www.example.com/privacy');
  onStop(page.stop);
  whenShown(dom.window.document, page.start);
  await sleep(1_000);
  expect(sent).toHaveLength(0);
  Object.defineProperty(dom.window.document, 'prerendering', { configurable: true, get: () => false });
  dom.window.document.dispatchEvent(new dom.window.Event('prerenderingchange'));
  await expect.poll(() => sent.length).toBe(1);
  // Once: a second activation event starts nothing more.
  dom.window.document.dispatchEvent(new dom.window.Event('prerenderingchange'));
  await sleep(500);
  expect(sent).toHaveLength(1);
});

it('an ordinary page starts at once', () => {
  let started = 0;
  whenShown(new JSDOM('<p>x</p>').window.document, () => started++);
  expect(started).toBe(1);
});
