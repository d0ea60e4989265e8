/**
 * Single-page sites in Firefox (the pages of spa-pages.ts, as spa.e2e.test.ts runs them in Chromium):
 * once with the Navigation API (as Firefox ships it from 147, switched on by its preference where Debian's ESR
 * is older), and once with it switched off, as in Firefox 140-146, which the manifest still allows: there the content script hears an app's pushState
 * only through its poll (utils/address-watch.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, waitFor, type FixtureServer } from './harness';
import { launchFirefox, outcomes, type FirefoxExtension } from './firefox';
import { spaRoutes } from './spa-pages';

/** The gecko id in the Firefox manifest: the extension id WXT puts in its event names there. */
const GECKO_ID = 'clausewatch@clausewatch.example';

describe.each<{ name: string; prefs: Record<string, boolean>; navigationApi: boolean }>([
  // On by default from Firefox 147 (153 ESR); switched on where the ESR is older (140.12).
  { name: 'with the Navigation API', prefs: { 'dom.navigation.webidl.enabled': true }, navigationApi: true },
  { name: 'without the Navigation API (Firefox before 147)', prefs: { 'dom.navigation.webidl.enabled': false }, navigationApi: false },
])('single-page sites in Firefox, $name', ({ prefs, navigationApi }) => {
  let ext: FirefoxExtension;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startServer(spaRoutes(GECKO_ID));
    ext = await launchFirefox({ prefs });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const stored = (suffix: string, what: string) =>
    waitFor(async () => (await outcomes(ext)).find((o) => o.url.endsWith(suffix) && o.outcome === 'policy'), what, 30_000);

  /** Opens an app's start page, checks nothing was reported for it, and follows its in-app link. */
  const openAndFollow = async (start: string, isApp: (url: string) => boolean): Promise<Page> => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin}${start}`);
    expect(await page.evaluate(() => typeof (window as { navigation?: unknown }).navigation !== 'undefined')).toBe(navigationApi);
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await outcomes(ext)).filter((o) => isApp(o.url))).toEqual([]);
    await page.click('#go');
    return page;
  };

  it('detects a policy rendered after load', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin}/late/privacy`);
    expect((await stored('/late/privacy', 'the late policy')).reason).toMatch(/privacy-policy: first/);
    await page.close();
  });

  it('detects a policy reached by history navigation (pushState), and not the home page before it', async () => {
    const page = await openAndFollow('/spa/', (url) => url.endsWith('/spa/'));
    expect((await stored('/spa/privacy', 'the policy after navigation')).reason).toMatch(/privacy-policy/);
    await page.close();
  });

  it('detects a policy reached by in-app navigation whose text is fetched behind a spinner, and never copies the spinner', async () => {
    const page = await openAndFollow('/nav/', (url) => url.endsWith('/nav/'));
    expect((await stored('/nav/privacy', 'the policy after navigation')).reason).toMatch(/privacy-policy: first/);
    const mine = (await outcomes(ext)).filter((o) => o.url.endsWith('/nav/privacy'));
    expect(mine.filter((o) => o.outcome === 'gate-passed').map((o) => o.reason)).toEqual([expect.stringMatching(/^navigation: /)]);
    expect(mine.filter((o) => o.outcome === 'not-policy')).toEqual([]);
    await page.close();
  });

  it('detects a policy reached through a hash route', async () => {
    const page = await openAndFollow('/hash/', (url) => url.includes('/hash/'));
    const seen = await waitFor(async () => (await outcomes(ext)).find((o) => o.url.includes('/hash/') && o.outcome === 'policy'), 'the policy after the hash route', 30_000);
    expect(seen.reason).toMatch(/privacy-policy/);
    await page.close();
  });

  it('detects a policy whose notice a widget fills in after load, below an introduction', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin}/widget/privacy`);
    expect((await stored('/widget/privacy', 'the policy from the widget')).reason).toMatch(/privacy-policy: first/);
    const passed = (await outcomes(ext)).filter((o) => o.url.endsWith('/widget/privacy') && o.outcome === 'gate-passed');
    expect(passed.map((o) => o.reason.split(':')[0])).toEqual(['load', 'late text']);
    await page.close();
  });

  it('records a page that forges WXT\'s "content script started" event, and lets it hear nothing', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin}/forged/privacy`);
    expect((await stored('/forged/privacy', 'the policy on the forging page')).reason).toMatch(/privacy-policy/);
    await page.evaluate(() => history.pushState({}, '', '/forged/privacy/more'));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    await page.close();
  });
});
