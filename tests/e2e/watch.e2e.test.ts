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
    // The reload resets the tab's badge; the background writes it again when the tab has loaded.
    const optionsTab = await tabIdOf(ext, options);
    await waitFor(async () => (await badgeOf(ext, optionsTab)).text === '1', 'the badge on the options tab');
    const elsewhere = await badgeOf(ext, optionsTab);
    expect(elsewhere.text).toBe('1');
    expect(elsewhere.title).toMatch(/1 watched site has unreviewed/);
    await expect.poll(() => options.locator('table').textContent()).toMatch(/changed/i);
    await screenshot(options, 'options-watched-changed');
  });

  it.each([
    ['a server error', { status: 500, body: 'oops' }, /HTTP 500/],
    // Chromium hides where a redirect leads (an opaque redirect), so a background check does not follow it.
    ['a redirect to a login page', { status: 302, body: '', headers: { location: '/login?next=/legal/privacy' } }, /does not let extensions see where a redirect leads/],
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
    expect(server.seen.filter((r) => r.path === '/login')).toEqual([]);
  });

  it('abandons an endless page at the size limit: a failed check, no version, and the download stopped', async () => {
    const before = await versionsOf(ext, '127.0.0.1');
    server.set('/legal/privacy', { body: '', streamBytes: 300 * 1024 * 1024 });
    await fireRecheckAlarm(ext);
    const failed = await waitFor(async () => (await watches(ext)).find((w) => w.status === 'failed' && /larger than 8 MB/.test(w.failure ?? '')), 'the abandoned check', 30_000);
    expect(failed.failure).toMatch(/abandoned/);
    expect(await versionsOf(ext, '127.0.0.1')).toBe(before);
    // Counted at the server once the connection has settled: the check hung up soon after 8 MB, far
    // from the 300 MB on offer.
    await new Promise((r) => setTimeout(r, 500));
    expect(server.streamed.get('/legal/privacy')).toBeLessThan(64 * 1024 * 1024);
  });

  it('never follows a redirect to another host in the background; "Check now" shows where it points, and stores nothing', async () => {
    const before = await versionsOf(ext, '127.0.0.1');
    const elsewhere = `http://policies.other.test:${server.port}/moved/privacy`;
    server.set('/moved/privacy', demoPage('privacy-v2'));
    server.set('/legal/privacy', { status: 302, body: '', headers: { location: elsewhere } });
    const seenBefore = server.seen.length;
    const checkedBefore = (await watches(ext))[0]?.lastCheck ?? 0;
    await fireRecheckAlarm(ext);
    await waitFor(async () => (await watches(ext)).find((w) => w.status === 'failed' && /does not let extensions see where/.test(w.failure ?? '') && (w.lastCheck ?? 0) > checkedBefore), 'the refused check');
    // The alarm's check asked for the watched address once and went nowhere else.
    expect(server.seen.slice(seenBefore)).toEqual([{ host: `127.0.0.1:${server.port}`, path: '/legal/privacy' }]);

    // The user asks: the browser follows the redirect to say where it leads, and nothing is stored.
    await options.reload();
    await options.getByRole('button', { name: 'Check now: 127.0.0.1' }).click();
    await expect.poll(() => options.locator('table').textContent()).toContain(`now points to ${elsewhere}, another site`);
    expect((await watches(ext))[0]).toMatchObject({ status: 'failed', movedTo: elsewhere });
    expect(await versionsOf(ext, '127.0.0.1')).toBe(before);
    expect(await versionsOf(ext, 'other.test')).toBe(0);
    expect(server.seen.filter((r) => r.host.startsWith('policies.other.test'))).toHaveLength(1);
    await screenshot(options, 'options-moved-elsewhere');
    // The user confirms the new address: the watch moves to that site, and its first check reads it.
    await options.getByRole('button', { name: `Watch policies.other.test:${server.port}/moved/privacy instead` }).click();
    await waitFor(async () => {
      const list = await watches(ext);
      return list.length === 1 && list[0]!.site === 'other.test' && list[0]!.policyUrl === elsewhere;
    }, 'the watch to move to the new address');
    await fireRecheckAlarm(ext);
    await waitFor(async () => (await watches(ext))[0]?.status === 'up-to-date', 'the first check of the new address');
    expect(await versionsOf(ext, 'other.test')).toBe(1);
  });
});
