/**
 * Watched sites: added on the options page, re-checked in the background when the alarm fires, with
 * changes raising the badge and adding to the history, and failures shown with their reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { demoPage } from './fixtures';
import { badgeOf, fireRecheckAlarm, launchExtension, openExtensionPage, screenshot, startServer, tabIdOf, waitFor, watches, type Extension, type FixtureServer } from './harness';

async function versionsOf(ext: Extension, site: string): Promise<number> {
  const page = await openExtensionPage(ext, `site-history.html?site=${encodeURIComponent(site)}`);
  await page.waitForSelector('h1');
  await page.waitForTimeout(500);
  const n = await page.locator('ol.timeline > li').count();
  await page.close();
  return n;
}

describe('watched sites', () => {
  let ext: Extension;
  let server: FixtureServer;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({ '/': demoPage('index'), '/legal/privacy': demoPage('privacy-v1') });
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('adds a site typed on the options page, discovering its policy from the footer link', async () => {
    options = await openExtensionPage(ext, 'options.html');
    await options.getByLabel('Site or policy address').fill(server.origin);
    await options.getByRole('button', { name: 'Find policy' }).click();
    const candidate = options.getByLabel(`${server.origin}/legal/privacy`, { exact: true });
    await candidate.check();
    await options.getByRole('button', { name: 'Confirm and watch' }).click();
    await waitFor(async () => (await watches(ext)).find((w) => w.policyUrl === `${server.origin}/legal/privacy`), 'the watch entry');
    await expect.poll(() => options.locator('table').textContent()).toContain('127.0.0.1');
  });

  it('re-checks in the background: the first check records, a change raises the badge and adds a version', async () => {
    await fireRecheckAlarm(ext);
    await waitFor(async () => (await watches(ext))[0]?.status === 'up-to-date', 'the first check');
    expect(await versionsOf(ext, '127.0.0.1')).toBe(1);

    server.set('/legal/privacy', demoPage('privacy-v2'));
    await fireRecheckAlarm(ext);
    await waitFor(async () => (await watches(ext))[0]?.status === 'changed', 'the second check to find the change');
    expect(await versionsOf(ext, '127.0.0.1')).toBe(2);

    // A page of the site shows its two major changes; a tab elsewhere (here the options page) counts
    // the sites with unreviewed major changes.
    const sitePage = await ext.context.newPage();
    await sitePage.goto(`${server.origin}/`);
    await waitFor(async () => (await badgeOf(ext, await tabIdOf(ext, sitePage))).text === '2', 'the badge on the site');
    await options.reload();
    const elsewhere = await badgeOf(ext, await tabIdOf(ext, options));
    expect(elsewhere.text).toBe('1');
    expect(elsewhere.title).toMatch(/1 watched site has unreviewed/);
    await expect.poll(() => options.locator('table').textContent()).toMatch(/changed/i);
    await screenshot(options, 'options-watched-changed');
  });

  it.each([
    ['a server error', { status: 500, body: 'oops' }, /HTTP 500/],
    ['a redirect to a login page', { status: 302, body: '', headers: { location: '/login?next=/legal/privacy' } }, /login page/],
  ])('shows %s as a failed check with its reason and creates no version', async (_name, route, reason) => {
    server.set('/login', { body: '<!doctype html><title>Sign in</title><form><input type="password"></form>' });
    const before = await versionsOf(ext, '127.0.0.1');
    server.set('/legal/privacy', route);
    await fireRecheckAlarm(ext);
    const failed = await waitFor(async () => (await watches(ext)).find((w) => w.status === 'failed' && reason.test(w.failure ?? '')), 'the failed check');
    expect(failed.failure).toMatch(reason);
    expect(await versionsOf(ext, '127.0.0.1')).toBe(before);
    await options.reload();
    await expect.poll(() => options.locator('table').textContent()).toMatch(reason);
    await screenshot(options, `options-failed-${route.status}`);
  });
});
