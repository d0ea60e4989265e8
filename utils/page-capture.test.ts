/**
 * The content script's work on a page, on a page in jsdom and WXT's fakeBrowser: a policy on the page is
 * copied to the background at once, a page that is not one is left alone, an app shell is copied once its
 * text has arrived, and a page is copied once however often it is looked at.
 */
import { JSDOM } from 'jsdom';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPageCapture, type PageContext } from './page-capture';
import { POLICY_V1 } from './testing/support';

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

function open(html: string, url = URL_) {
  const dom = new JSDOM(html, { url });
  const ctx: PageContext = { isInvalid: false, setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number, onInvalidated: () => {} };
  let href = url;
  const go = (to: string) => (href = to);
  return { page: createPageCapture(ctx, dom.window.document, () => href), document: dom.window.document, go };
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
});
