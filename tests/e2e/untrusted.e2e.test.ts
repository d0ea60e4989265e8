/**
 * Policy text is untrusted. A page whose title, headings and sentences carry markup and script payloads
 * must show them as text in the popup and the history page, and nothing of them may run or render.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, openExtensionPage, reportedOutcomes, openPopup, screenshot, startServer, tabIdOf, waitFor, type Extension, type FixtureServer } from './harness';

const IMG = '<img src=x onerror="globalThis.__pwned=1">';
const SCRIPT = '<script>globalThis.__pwned=2</script>';
const LINK = '<a href="javascript:globalThis.__pwned=3">click</a>';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function policy(extra: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy ${esc(SCRIPT)}</title></head>
<body><main><article>
<h1>Privacy Policy ${esc(IMG)}</h1>
<p>Last updated: January 5, 2026</p>
<p>This privacy policy explains how Hostile Corp collects, uses and shares personal information when you use our services.</p>
<h2>Sharing ${esc(LINK)}</h2>
<p>We share personal information with service providers who process it on our behalf ${esc(IMG)}.</p>
<p>We collect your name, email address and usage data to provide the service.</p>
<h2>Information we collect</h2>
<p>When you create an account we collect your name, email address, password and the country you live in. When you use the service we collect information about your device, browser, IP address and the pages you visit, so that we can keep the service secure and working.</p>
<p>We use cookies and similar technologies to keep you signed in and to remember your preferences. You can control cookies in your browser settings.</p>
<h2>How long we keep data</h2>
<p>We keep personal data for as long as your account is open and for up to 90 days after you close it, unless the law requires us to keep it longer.</p>
<h2>Your rights</h2>
<p>You can access and delete your personal data at any time by contacting privacy@hostile.example.</p>
${extra}
<h2>Contact</h2><p>Write to our data protection officer for any question about this privacy policy.</p>
</article></main></body></html>`;
}

async function assertInert(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (globalThis as { __pwned?: unknown }).__pwned ?? null,
    imgs: document.querySelectorAll('img[src="x"], [onerror]').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    text: document.body.textContent ?? '',
  }));
  expect(state.pwned).toBeNull();
  expect(state.imgs).toBe(0);
  expect(state.jsLinks).toBe(0);
  expect(state.inlineScripts).toBe(0);
  expect(state.text).toContain('onerror=');
}

describe('untrusted policy text in extension pages', () => {
  let ext: Extension;
  let server: FixtureServer;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await startServer({ '/privacy': { body: policy('') } });
    ext = await launchExtension();
    ext.context.on('page', (p) => p.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); }));
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('renders payloads in titles, headings and evidence as text, in the popup and the history page', async () => {
    const page = await ext.context.newPage();
    const stored = async (status: string) => {
      const list = await reportedOutcomes(ext);
      return list.some((o) => o.outcome === 'policy' && o.reason.includes(`: ${status} `));
    };
    await page.goto(`${server.origin}/privacy`);
    await waitFor(() => stored('first'), 'version 1');
    server.set('/privacy', { body: policy(`<h2>AI ${esc(SCRIPT)}</h2><p>We may use your content to train our machine learning models ${esc(IMG)} ${esc(LINK)}.</p><p>We may sell your personal information to data brokers and advertisers ${esc(SCRIPT)}.</p>`) });
    await page.reload();
    await waitFor(() => stored('changed'), 'version 2');

    const popup = await openPopup(ext, await tabIdOf(ext, page));
    await expect.poll(() => popup.locator('article.finding.sev-major').count()).toBeGreaterThan(0);
    await assertInert(popup);
    expect(await popup.locator('article.finding').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('<img src=x onerror=')]));
    await screenshot(popup, 'popup-hostile-text');

    const history = await openExtensionPage(ext, 'site-history.html?site=127.0.0.1');
    await expect.poll(() => history.locator('article.finding').count()).toBeGreaterThan(0);
    await history.getByLabel('Side by side').check();
    await assertInert(history);
    await screenshot(history, 'history-hostile-text');
    expect(dialogs).toEqual([]);
  });
});
