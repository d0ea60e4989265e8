/**
 * The content script's work on a page, on a page in jsdom and WXT's fakeBrowser: a policy on the page is
 * copied to the background at once, a page that is not one is left alone, an app shell is copied once its
 * text has arrived, and a page is copied once however often it is looked at, unless the background found
 * no policy in the copy and the page's text then grew (a policy widget, an app's text after navigation).
 */
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageCapture, type PageContext } from './page-capture';
import { answerLikeTheBackground, POLICY_V1, type SentCopy } from './testing/support';

const URL_ = 'https://www.example.com/legal/privacy';
type Sent = { type: string; data: { url: string; reason: string; html: string } };
let sent: Sent[] = [];

beforeEach(() => {
  fakeBrowser.reset();
  sent = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    sent.push(message as Sent);
    return Promise.resolve({ ok: true, value: { status: 'first' } });
  });
});

const pages: { stop(): void }[] = [];
afterEach(() => {
  for (const page of pages.splice(0)) page.stop();
});

function open(html: string, url = URL_) {
  const dom = new JSDOM(html, { url });
  const ctx: PageContext = { isInvalid: false };
  let href = url;
  const go = (to: string) => {
    href = to;
    dom.window.history.pushState(null, '', to);
  };
  const page = createPageCapture(ctx, dom.window.document, () => href);
  pages.push(page);
  return { page, document: dom.window.document, go };
}

describe('the content script', () => {
  it('copies a policy that is on the page at once, and only once', async () => {
    const { page } = open(POLICY_V1);
    page.start();
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]).toMatchObject({ type: 'pageCaptured', data: { url: URL_, reason: expect.stringMatching(/^load: /) } });
    expect(sent[0]!.data.html).toContain('We collect device information');
  });

  it('does not copy the policy again when the reader follows its table of contents (#sharing)', async () => {
    const { page, go } = open(POLICY_V1);
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    for (const anchor of ['#sharing', '#rights', '#contact']) {
      go(`${URL_}${anchor}`);
      page.navigated();
    }
    // Each navigation settles (quiet for a moment) before it looks again: wait past that.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(sent).toHaveLength(1);
    // Another page of the site is looked at anew.
    go('https://www.example.com/legal/cookies');
    page.navigated();
    await expect.poll(() => sent.length, { timeout: 3_000 }).toBe(2);
  });

  it('copies the policy of a hash-routed app reached after its terms (#/terms, then #/privacy)', async () => {
    const { page, go, document } = open(`<!doctype html><html><head><title>Terms of Service</title></head><body><h1>Terms of Service</h1><p>${'By using the service you agree to these terms. '.repeat(60)}</p></body></html>`, 'https://app.example/#/terms');
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    // The app renders its privacy policy in place and changes its route.
    const policy = new JSDOM(POLICY_V1).window.document;
    document.title = policy.title;
    document.body.innerHTML = policy.body.innerHTML;
    go('https://app.example/#/privacy');
    page.navigated();
    await expect.poll(() => sent.length, { timeout: 3_000 }).toBe(2);
    expect(sent[1]!.data.url).toBe('https://app.example/#/privacy');
  });

  it('leaves a page alone that does not look like a policy', async () => {
    const { page } = open('<!doctype html><html><head><title>Soup</title></head><body><h1>Soup</h1><p>Boil water.</p></body></html>', 'https://www.example.com/recipes');
    page.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
  });

  it('waits for an app shell’s text before copying it', async () => {
    const { page, document } = open('<!doctype html><html><head><title>Privacy Policy</title></head><body><div id="app"></div></body></html>');
    page.start();
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).toEqual([]);
    document.getElementById('app')!.innerHTML = new JSDOM(POLICY_V1).window.document.body.innerHTML;
    await expect.poll(() => sent.length, { timeout: 3_000 }).toBe(1);
    expect(sent[0]!.data.reason).toMatch(/^rendered after load: /);
  });

  it('sends no copy of a page nested deeper than the background extracts, and says why', async () => {
    // A policy page whose text (1,600 paragraphs) sits 300 wrappers deep (the background reads at most 256 levels).
    const text = '<p>We collect device information and share it with partners.</p>'.repeat(1600);
    const { page } = open(`<!doctype html><html><head><title>Privacy Policy</title></head><body>${'<div>'.repeat(300)}<h1>Privacy Policy</h1>${text}${'</div>'.repeat(300)}</body></html>`);
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.data.html).toBe('');
    expect(sent[0]!.data.reason).toMatch(/nested too deeply to extract \(more than 256 levels\)/);
  });

  it('sends no copy of a page whose attribute alone is over the copy\'s limit, and says why, without serialising the page', async () => {
    const { page, document } = open(POLICY_V1);
    // A page's state kept in one attribute, 12 million characters long (the copy's limit is 12 million).
    const state = document.createElement('div');
    state.setAttribute('data-state', 'x'.repeat(12_000_001));
    document.body.append(state);
    const serialised: string[] = [];
    const outerHTML = Object.getOwnPropertyDescriptor(document.defaultView!.Element.prototype, 'outerHTML')!.get!;
    for (const el of [document.documentElement, document.body, state]) {
      Object.defineProperty(el, 'outerHTML', { get: () => (serialised.push(el.localName), outerHTML.call(el) as string) });
    }
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    expect(sent[0]!.data.html).toBe('');
    expect(sent[0]!.data.reason).toMatch(/^load: .*; page too large to copy \(more than 12000000 characters\)$/);
    expect(serialised).toEqual([]);
  });
});

/**
 * The background as it answers: a copy without the policy's text is no policy ("not-policy"); the real
 * pipeline gives that for an introduction without its embedded notice, and for a spinner.
 */
const POLICY_TEXT = 'We collect device information';
const copiedWithText = () => sent.some((s) => s.data.html.includes(POLICY_TEXT));
const policyBody = () => new JSDOM(POLICY_V1).window.document.body.innerHTML;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a policy whose text arrives after the content script looked', () => {
  beforeEach(() => {
    const copies: SentCopy[] = [];
    answerLikeTheBackground(copies, POLICY_TEXT);
    sent = copies;
  });

  it('is copied with its text when a policy widget (Termly, iubenda, OneTrust notice…) injects it after load', async () => {
    // Server-rendered page: an introduction with enough text to count as rendered, and the embed's placeholder.
    const intro = `<p>${'This page explains how Example Ltd handles personal data on all of its websites and apps. '.repeat(7)}</p>`;
    const { page, document } = open(`<!doctype html><html><head><title>Privacy Policy | Example</title></head><body><main><h1>Privacy Policy</h1>${intro}<div id="policy-embed"></div></main></body></html>`);
    page.start();
    // The widget's script fetches the notice and renders it 300 ms later.
    setTimeout(() => (document.getElementById('policy-embed')!.innerHTML = policyBody()), 300);
    await expect.poll(copiedWithText, { timeout: 4_000 }).toBe(true);
    // The introduction alone went first (the background found no policy in it), then the whole notice.
    expect(sent.map((s) => s.data.reason.split(':')[0])).toEqual(['load', 'late text']);
  });

  it('is copied with its text when a single-page app navigates to it and fetches the text (1 s, spinner shown)', async () => {
    const { page, go, document } = open('<!doctype html><html><head><title>Example</title></head><body><div id="app"><h1>Welcome</h1><p>Our product.</p></div></body></html>', 'https://www.example.com/');
    page.start();
    // The app routes to its policy page: the URL and title change at once, a spinner shows, the text is fetched.
    go('https://www.example.com/legal/privacy');
    document.title = 'Privacy Policy';
    document.getElementById('app')!.innerHTML = '<div class="spinner" aria-busy="true">Loading…</div>';
    page.navigated();
    setTimeout(() => (document.getElementById('app')!.innerHTML = policyBody()), 1_000);
    await sleep(3_000);
    // The spinner is never copied: the one copy holds the policy.
    expect(sent).toHaveLength(1);
    expect(copiedWithText()).toBe(true);
    expect(sent[0]!.data.reason).toMatch(/^navigation: /);
  });

  it('is copied again only a bounded number of times, and only when its text grew a lot', async () => {
    // A page named "privacy" that is no policy and keeps growing (a forum thread about privacy).
    const post = (n: number) => `<p>Post ${n}: ${'I wonder what they do with my data, honestly. '.repeat(12)}</p>`;
    const { page, document } = open(`<!doctype html><html><head><title>Privacy thread</title></head><body><main id="m"><h1>Privacy thread</h1>${post(0)}</main></body></html>`, 'https://forum.example/privacy-thread');
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    // A little more text: no new copy.
    document.getElementById('m')!.insertAdjacentHTML('beforeend', '<p>Short reply.</p>');
    await sleep(1_500);
    expect(sent).toHaveLength(1);
    // Much more text, again and again: at most two more copies of this page view.
    for (let i = 1; i <= 12; i++) {
      document.getElementById('m')!.insertAdjacentHTML('beforeend', post(i) + post(i + 100));
      await sleep(800);
    }
    expect(sent.length).toBe(3);
    expect(sent.slice(1).every((s) => s.data.reason.startsWith('late text: '))).toBe(true);
  });

  it('is not copied again when the background recorded it', async () => {
    const { page, document } = open(POLICY_V1);
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    document.body.insertAdjacentHTML('beforeend', `<section>${'<p>A long appendix about cookies and partners, added later by a script.</p>'.repeat(30)}</section>`);
    await sleep(1_500);
    expect(sent).toHaveLength(1);
  });
});

describe('address changes', () => {
  it('are ignored when only the query changes, and when the new page names nothing and has headings', async () => {
    const { page, go } = open('<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1><p>Things.</p></body></html>', 'https://shop.example/items');
    page.start();
    go('https://shop.example/items?sort=price');
    page.navigated();
    go('https://shop.example/items/42');
    page.navigated();
    await sleep(2_000);
    expect(sent).toEqual([]);
  });

  it('a query-only change on a policy page is not a new look', async () => {
    const { page, go } = open(POLICY_V1);
    page.start();
    await expect.poll(() => sent.length).toBe(1);
    go(`${URL_}?utm_source=newsletter`);
    page.navigated();
    await sleep(1_500);
    expect(sent).toHaveLength(1);
  });
});
