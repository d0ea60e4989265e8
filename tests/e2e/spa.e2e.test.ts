/**
 * Single-page sites: a policy rendered by script after load, or reached through history navigation,
 * is still detected (the content script watches URL changes and waits for the DOM to settle); so is a
 * policy whose notice a widget fills in after load, and one on a page that forges the events WXT's
 * content-script context listens for. Firefox runs the same pages in spa-firefox.e2e.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, reportedOutcomes, startServer, waitFor, type Extension, type FixtureServer } from './harness';
import { spaRoutes } from './spa-pages';

describe('single-page sites', () => {
  let ext: Extension;
  let server: FixtureServer;

  beforeAll(async () => {
    ext = await launchExtension();
    server = await startServer(spaRoutes(ext.id));
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /**
   * Opens an app's start page, checks that nothing was reported for it once it has settled, and follows
   * its in-app link; the page stays open on the new route.
   */
  const openAndFollow = async (start: string, isApp: (url: string) => boolean): Promise<Page> => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}${start}`);
    await page.waitForTimeout(1500);
    expect((await reportedOutcomes(ext)).filter((o) => isApp(o.url))).toEqual([]);
    await page.click('#go');
    return page;
  };

  it.each(['/late/privacy', '/late/logo/privacy', '/late/legal-7'])('detects a policy rendered after load at %s', async (path) => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}${path}`);
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith(path) && o.outcome === 'policy'), 'the late policy');
    expect(seen.reason).toMatch(/privacy-policy: (first|unchanged)/);
    await page.close();
  });

  it('detects a policy reached by history navigation, and not the home page before it', async () => {
    const page = await openAndFollow('/spa/', (url) => url.endsWith('/spa/'));
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/spa/privacy') && o.outcome === 'policy'), 'the policy after navigation');
    expect(seen.reason).toMatch(/privacy-policy/);
    await page.close();
  });

  it('detects a policy reached through a hash route whose title and heading say nothing', async () => {
    const page = await openAndFollow('/hash/', (url) => url.includes('/hash/'));
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Inkwell');
    expect(await page.title()).toBe('Inkwell');
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.includes('/hash/') && o.outcome === 'policy'), 'the policy after the hash route');
    expect(seen.reason).toMatch(/privacy-policy/);
    await page.close();
  });

  it('detects a policy reached by in-app navigation whose text is fetched behind a spinner, and never copies the spinner', async () => {
    const page = await openAndFollow('/nav/', (url) => url.endsWith('/nav/'));
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/nav/privacy') && o.outcome === 'policy'), 'the policy after navigation');
    expect(seen.reason).toMatch(/privacy-policy: first/);
    const mine = (await reportedOutcomes(ext)).filter((o) => o.url.endsWith('/nav/privacy'));
    expect(mine.filter((o) => o.outcome === 'gate-passed').map((o) => o.reason)).toEqual([expect.stringMatching(/^navigation: /)]);
    expect(mine.filter((o) => o.outcome === 'not-policy')).toEqual([]);
    await page.close();
  });

  it('detects a policy whose notice a widget fills in after load, below an introduction', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/widget/privacy`);
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/widget/privacy') && o.outcome === 'policy'), 'the policy from the widget');
    expect(seen.reason).toMatch(/privacy-policy: first/);
    const passed = (await reportedOutcomes(ext)).filter((o) => o.url.endsWith('/widget/privacy') && o.outcome === 'gate-passed');
    // The introduction alone went first, as the page loaded; the notice once it had grown the page.
    expect(passed.map((o) => o.reason.split(':')[0])).toEqual(['load', 'late text']);
    await page.close();
  });

  it('records a page that forges WXT\'s "content script started" event, and lets it hear nothing', async () => {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/forged/privacy`);
    const seen = await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.url.endsWith('/forged/privacy') && o.outcome === 'policy'), 'the policy on the forging page');
    expect(seen.reason).toMatch(/privacy-policy/);
    // An in-app address change too: WXT's context would have announced it on the window.
    await page.evaluate(() => history.pushState({}, '', '/forged/privacy/more'));
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    await page.close();
  });
});
