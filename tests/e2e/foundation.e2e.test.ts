import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inWorker, launchExtension, liveWorker, reportedOutcomes, openExtensionPage, openPopup, screenshot, startServer, tabIdOf, waitFor,
  type Extension, type FixtureServer,
} from './harness';
import { demoPage } from './fixtures';

/** A policy page of about 12.5 million characters: over what the content script will copy (12 million). */
const HUGE_PARA = '<p>We keep your email address to send you receipts.</p>\n';
const HUGE_PARAS = Math.ceil(12_500_000 / HUGE_PARA.length);
function hugePolicy(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy Policy</title></head><body><h1>Privacy Policy</h1>${HUGE_PARA.repeat(HUGE_PARAS)}</body></html>`;
}

/**
 * The demo policy under a title that does not name it, so that only its h1 does: as HTML, and as XHTML
 * served as XML, an XML document whose h1 the gate must read too (an XPath read by the unprefixed name
 * `h1` would find nothing there in Chromium).
 */
function namedOnlyInItsHeading(xhtml: boolean): { body: string; type: string } {
  // Its first h2s would name it too ("How we use your information"): only the h1 may.
  const html = demoPage('privacy-v1')
    .body.replace('<title>Privacy Policy | Inkwell Notes</title>', '<title>Inkwell Notes</title>')
    .replace('2. How we use your information', '2. What the information is for');
  if (!xhtml) return { body: html, type: 'text/html; charset=utf-8' };
  const xml = html
    .replace('<!doctype html>\n', '<?xml version="1.0" encoding="utf-8"?>\n')
    .replace('<html lang="en">', '<html xmlns="http://www.w3.org/1999/xhtml" lang="en">')
    .replace(/<(meta|link)([^>]*[^/])>/g, '<$1$2/>');
  return { body: xml, type: 'application/xhtml+xml; charset=utf-8' };
}

describe('the built extension in Chromium', () => {
  let ext: Extension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer({
      '/': demoPage('index'),
      '/legal/privacy': demoPage('privacy-v1'),
      '/huge/privacy': { body: hugePolicy() },
      '/p/12': namedOnlyInItsHeading(false),
      '/x/12': namedOnlyInItsHeading(true),
    });
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('starts its service worker with the Clausewatch manifest', async () => {
    expect(ext.id).toMatch(/^[a-p]{32}$/);
    const worker = await liveWorker(ext);
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Clausewatch');
    expect(manifest.manifest_version).toBe(3);
  });

  it('refuses to run the suite against a browser without the extension', async () => {
    await expect(launchExtension({ extensionDir: null, workerTimeoutMs: 4_000 })).rejects.toThrow(/did not load/);
  });

  it('refuses a captured page whose claimed address is not the tab\'s, and stores nothing for it', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/`);
    const tabId = await tabIdOf(ext, page);
    // What a compromised or confused content script could send: the tab's page, filed as a bank's policy.
    const reply = await inWorker(ext, async ({ tabId: id, html }) => {
      const [done] = await chrome.scripting.executeScript({
        target: { tabId: id },
        world: 'ISOLATED',
        func: (body: string) => chrome.runtime.sendMessage({ type: 'pageCaptured', data: { url: 'https://www.bank.example/privacy', reason: 'forged', html: body } }),
        args: [html],
      });
      return done?.result as unknown;
    }, { tabId, html: demoPage('privacy-v1').body });
    expect(reply).toEqual({ ok: true, value: { status: 'rejected' } });
    const outcome = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.outcome === 'rejected'), 'the rejection');
    expect(outcome.reason).toMatch(/does not match its tab/);
    const history = await openExtensionPage(ext, 'site-history.html?site=bank.example');
    await history.waitForSelector('h1');
    await history.waitForTimeout(300);
    expect(await history.locator('ol.timeline > li').count()).toBe(0);
    await history.close();
    await page.close();
  });

  it('delivers a visited privacy policy to the background, extracted', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/legal/privacy`);
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/legal/privacy') && o.outcome === 'policy'), 'the policy report');
    expect(seen.reason).toMatch(/privacy-policy/);
    await page.close();
  });

  it('delivers a policy that only its heading names, in HTML and in XHTML served as XML', async () => {
    for (const path of ['/p/12', '/x/12']) {
      const page = await ext.context.newPage();
      await page.goto(`${server.origin}${path}`);
      expect(await page.evaluate(() => [document.contentType, document.title])).toEqual([path === '/x/12' ? 'application/xhtml+xml' : 'text/html', 'Inkwell Notes']);
      await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith(path) && o.outcome === 'policy'), `the policy report for ${path}`);
      await page.close();
    }
  });

  it('records a policy page too large to copy as failed, with the reason, and leaves the page alone', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/huge/privacy`);
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/huge/privacy') && o.outcome === 'failed'), 'the failure report', 60_000);
    expect(seen.reason).toMatch(/too large to copy \(more than 12000000 characters\)/);
    expect((await reportedOutcomes(ext)).filter((o) => o.url.endsWith('/huge/privacy') && o.outcome === 'policy')).toEqual([]);
    // The live page is untouched: every paragraph still there, nothing added.
    expect(await page.evaluate(() => [document.title, document.querySelectorAll('p').length, document.body.children.length])).toEqual(['Privacy Policy', HUGE_PARAS, HUGE_PARAS + 1]);
    await page.close();
  });

  it('sends nothing for an ordinary page that only links to its policy', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/`);
    // Visit the policy afterwards: once its report arrives, the home page's would have too.
    await page.goto(`${server.origin}/legal/privacy?again=1`);
    await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.url.includes('again=1')), 'the second policy report');
    const home = (await reportedOutcomes(ext)).filter((o) => new URL(o.url).pathname === '/');
    expect(home).toEqual([]);
    await page.close();
  });

  it('does not announce itself to the pages it reads', async () => {
    const page = await ext.context.newPage();
    // Record, in the page's own world, every message posted to its window from the start.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __seen: string[] }).__seen = seen;
      window.addEventListener('message', (e) => seen.push(JSON.stringify(e.data)));
    });
    await page.goto(`${server.origin}/legal/privacy?quiet=1`);
    await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.url.includes('quiet=1')), 'the policy report');
    const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    expect(seen.filter((m) => m.includes(ext.id) || /wxt|content-script/i.test(m))).toEqual([]);
    await page.close();
  });

  it('renders the popup for a tab and the options page', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/`);
    const tabId = await tabIdOf(ext, page);
    const popup = await openPopup(ext, tabId);
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toContain('Clausewatch');
    await screenshot(popup, 'foundation-popup');
    const options = await openExtensionPage(ext, 'options.html');
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toContain('Clausewatch');
    await screenshot(options, 'foundation-options');
  });
});
