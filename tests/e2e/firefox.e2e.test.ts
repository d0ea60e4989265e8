/**
 * The product's main promise in Firefox, where the background is an event page with a DOM of its own
 * (no offscreen document) and host permissions work differently: the Firefox build, installed in
 * Debian's firefox-esr, records a policy on a first visit, ignores an ordinary page, raises the badge
 * and explains the two major changes when version 2 arrives, and re-checks the watched policy from the
 * event page when the alarm fires. A policy whose headings are h3/h4 only is recorded as it loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { demoPage } from './fixtures';
import { policyRoute } from './layouts';
import { startServer, waitFor, type FixtureServer } from './harness';
import { badgeOf, fireRecheckAlarm, launchFirefox, outcomes, screenshotFirefox, setViewport, tabIdOf, until, untilSelector, watches, type FirefoxExtension } from './firefox';

describe('in Firefox', () => {
  let ext: FirefoxExtension;
  let server: FixtureServer;
  let tab: Page;

  /** Loads `url` and waits until the background has recorded a policy whose reason matches. */
  async function visitPolicy(url: string, expected: RegExp): Promise<void> {
    const before = (await outcomes(ext)).length;
    await tab.goto(url);
    await waitFor(async () => (await outcomes(ext)).slice(before).find((o) => o.outcome === 'policy' && expected.test(o.reason)), `${url} to be stored (${expected})`, 30_000);
  }

  beforeAll(async () => {
    server = await startServer({ '/': demoPage('index'), '/legal/privacy': demoPage('privacy-v1') });
    ext = await launchFirefox();
    tab = await ext.browser.newPage();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('sends nothing from an ordinary page', async () => {
    await tab.goto(`${server.origin}/`);
    // Give the content script its chance; an ordinary page must leave no record at all.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await outcomes(ext)).toEqual([]);
    expect(server.requests.filter((p) => p === '/legal/privacy')).toEqual([]);
  });

  it('records a policy on a first visit, without alarming and without watching it yet', async () => {
    await visitPolicy(`${server.origin}/legal/privacy`, /: first /);
    expect((await badgeOf(ext, await tabIdOf(ext, tab))).text).toBe('');
    expect(await watches(ext)).toEqual([]);
  });

  it('raises the badge and explains the two major changes when version 2 arrives', async () => {
    server.set('/legal/privacy', demoPage('privacy-v2'));
    await visitPolicy(`${server.origin}/legal/privacy`, /: changed /);
    const tabId = await tabIdOf(ext, tab);
    const badge = await waitFor(async () => {
      const b = await badgeOf(ext, tabId);
      return b.text === '2' && b;
    }, 'the badge');
    expect(badge.title).toMatch(/2 major changes/);

    const popup = await ext.openPage(`popup.html?tabId=${tabId}`);
    await setViewport(popup, { width: 400, height: 600 });
    await untilSelector(popup, 'article.finding.sev-major');
    const major = await popup.$$eval('article.finding.sev-major', (els) => els.map((e) => e.textContent ?? ''));
    expect(major).toHaveLength(2);
    expect(major.find((t) => /AI/.test(t))).toContain('To train and improve our artificial intelligence models');
    expect(major.find((t) => /advertis/i.test(t))).toContain('with advertising partners and their affiliates');
    expect(await popup.$$eval('article.finding.sev-major ins', (els) => els.length)).toBeGreaterThan(0);
    await screenshotFirefox(popup, 'firefox-popup-changed');
  });

  it('re-checks the watched policy when the alarm fires, and shows a failed check with its reason', async () => {
    const url = `${server.origin}/legal/privacy`;
    // Opening the popup on the site put the policy on the watch list, with the change awaiting review.
    const entry = await waitFor(async () => (await watches(ext)).find((w) => w.policyUrl === url), 'the watch entry');
    expect(entry).toMatchObject({ status: 'changed', lastChange: expect.any(Number) });
    await fireRecheckAlarm(ext);
    const checked = await waitFor(async () => (await watches(ext)).find((w) => w.policyUrl === url && w.lastCheck !== null), 'the background check', 30_000);
    expect(checked.status).not.toBe('failed');
    expect(server.requests.filter((p) => p === '/legal/privacy').length).toBeGreaterThanOrEqual(3);

    server.set('/legal/privacy', { status: 500, body: 'oops' });
    await fireRecheckAlarm(ext);
    const failed = await waitFor(async () => (await watches(ext)).find((w) => w.status === 'failed'), 'the failed check', 30_000);
    expect(failed.failure).toMatch(/HTTP 500/);
    // A fresh options page (WebDriver BiDi will not reload one of ours either) shows the failure.
    const options = await ext.openPage('options.html');
    await until(options, () => /HTTP 500/.test(document.querySelector('table')?.textContent ?? ''), null, 'the failed check');
    await screenshotFirefox(options, 'firefox-options-failed');
  });

  it('refuses before parsing a page with a tag of thousands of attributes (Firefox parses one tag in quadratic time)', async () => {
    // 400,000 attributes on one tag held Firefox's DOMParser 45 s; 5,000 is enough to be refused.
    const lastCheck = (await watches(ext))[0]?.lastCheck ?? 0;
    const attributes = Array.from({ length: 5_000 }, (_, i) => ` data-a${i}="x"`).join('');
    server.set('/legal/privacy', { body: demoPage('privacy-v2').body.replace('<body', `<body${attributes}`) });
    await fireRecheckAlarm(ext);
    const failed = await waitFor(async () => (await watches(ext)).find((w) => (w.lastCheck ?? 0) > lastCheck && w.status === 'failed'), 'the refused check', 30_000);
    expect(failed.failureCode).toEqual({ code: 'attributes-in-tag', n: 5_000, m: 1_000 });
    const options = await ext.openPage('options.html');
    await until(options, () => /a tag with 5,000 attributes/.test(document.querySelector('table')?.textContent ?? ''), null, 'the refusal');
  });

  it('does not follow a redirect the event page cannot see, and requests nothing on the other host', async () => {
    // Firefox, like Chromium, answers `redirect: "manual"` with an opaque redirect that hides its target.
    const lastCheck = (await watches(ext))[0]?.lastCheck ?? 0;
    server.set('/legal/privacy', { status: 302, body: '', headers: { location: `http://localhost:${server.port}/elsewhere` } });
    await fireRecheckAlarm(ext);
    const failed = await waitFor(async () => (await watches(ext)).find((w) => (w.lastCheck ?? 0) > lastCheck && w.status === 'failed'), 'the refused check', 30_000);
    expect(failed.failure).toMatch(/does not let extensions see where a redirect leads/);
    expect(server.seen.filter((r) => r.path === '/elsewhere')).toEqual([]);
  });

  it('records a policy whose headings are h3/h4 only as it loads, without waiting for an h1', async () => {
    server.set('/docs/privacy', policyRoute('h3-h4', 1));
    const url = `${server.origin}/docs/privacy`;
    await visitPolicy(url, /: first /);
    const captured = (await outcomes(ext)).find((o) => o.url === url && o.outcome === 'gate-passed');
    expect(captured?.reason).toMatch(/^load: /);
  });
});
