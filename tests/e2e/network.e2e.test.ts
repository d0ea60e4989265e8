/**
 * Nothing leaves the browser, in Chromium and in Firefox. The browser runs behind a recording proxy that
 * sees every request it makes, loopback included, and forwards only those for the fixture server (whose
 * pages set a cookie, so a request that carries cookies shows). Through the main flows (a first visit, a
 * change with its badge, the popup, the history page, the options page, a background re-check, the exports
 * of the history as JSON and of the evidence as WARC) the test asserts that the extension's own requests were only the re-checks of the
 * watched policy, without cookies, and that nothing else went to any host but the fixture server, apart
 * from the browser's own services (Chromium's update and account services, Firefox's remote settings),
 * which the browser contacts outside any page or extension.
 *
 * - Chromium (`--proxy-bypass-list=<-loopback>`): the extension's requests are recognised by their Fetch
 *   Metadata, from a context without a site (`Sec-Fetch-Site: none`, not a navigation) or with a
 *   `chrome-extension://` origin.
 * - Firefox (proxy preferences, `network.proxy.allow_hijacking_localhost`): its background's fetches carry
 *   no origin and call themselves same-origin, so they are not recognised; instead every request must be
 *   accounted for: the test's own navigations, the favicon Firefox asks for on a page it shows, tunnels to
 *   Mozilla's service hosts, and the re-checks. Anything else fails the test, whoever made it. What goes
 *   inside a tunnel cannot be read: a request of the extension to a Mozilla service host would pass
 *   unseen (the extension holds no such address; any other host shows).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { badgeOf, fireRecheckAlarm, launchExtension, openExtensionPage, openPopup, reportedOutcomes, startServer, tabIdOf, waitFor, watches, type Extension, type FixtureServer, type Route } from './harness';
import { demoPage } from './fixtures';
import { launchFirefox, untilSelector, badgeOf as badgeInFirefox, fireRecheckAlarm as fireRecheckInFirefox, outcomes as outcomesInFirefox, tabIdOf as tabIdInFirefox, watches as watchesInFirefox, type FirefoxExtension } from './firefox';
import { recordingProxy, type Seen } from './proxy';

/** Chromium's own services (updates, accounts), contacted by the browser itself whatever the extension does. */
const BROWSER_SERVICE = /^(?:accounts\.google\.com|[a-z0-9-]+\.googleapis\.com|clients\d*\.google\.com|[a-z0-9-]+\.gvt1\.com)(?::443)?$/;

/** A request the extension made (its service worker, offscreen document or pages), not the test's navigation. */
const byExtension = (r: Seen) => String(r.headers.origin ?? '').startsWith('chrome-extension://') || (r.headers['sec-fetch-site'] === 'none' && r.headers['sec-fetch-mode'] !== 'navigate');

/** The demo policy, setting a cookie for the site as any site would. */
const withCookie = (route: Route): Route => ({ ...route, headers: { ...route.headers, 'set-cookie': 'session=reader-1; Path=/; SameSite=Lax' } });

describe('nothing leaves the browser', () => {
  let ext: Extension;
  let server: FixtureServer;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let policyTab: Page;

  beforeAll(async () => {
    server = await startServer({ '/': demoPage('index'), '/legal/privacy': withCookie(demoPage('privacy-v1')) });
    proxy = await recordingProxy(() => `127.0.0.1:${server.port}`);
    ext = await launchExtension({ extraArgs: [`--proxy-server=http://127.0.0.1:${proxy.port}`, '--proxy-bypass-list=<-loopback>'] });
  });
  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
  });

  it('through a visit, a change, the popup, history and options pages, a re-check and an export, requests only the watched policy', async () => {
    // A first visit, then a change seen while reading, with its badge.
    policyTab = await ext.context.newPage();
    await policyTab.goto(`${server.origin}/legal/privacy`);
    await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.reason.includes(': first ')), 'version 1');
    server.set('/legal/privacy', withCookie(demoPage('privacy-v2')));
    await policyTab.reload();
    const tabId = await tabIdOf(ext, policyTab);
    await waitFor(async () => (await badgeOf(ext, tabId)).text === '2', 'the "2" badge');

    // The popup (which puts the site on the watch list), the history page, the options page.
    const popup = await openPopup(ext, tabId);
    await popup.locator('article.finding.sev-major').first().waitFor();
    const history = await openExtensionPage(ext, 'site-history.html?site=127.0.0.1');
    await history.locator('article.finding').first().waitFor();
    const options = await openExtensionPage(ext, 'options.html');
    await options.locator('table').first().waitFor();
    await waitFor(async () => (await watches(ext)).length > 0, 'the site on the watch list');

    // A background re-check of the watched policy.
    const before = proxy.seen.filter(byExtension).length;
    await fireRecheckAlarm(ext);
    await waitFor(async () => proxy.seen.filter(byExtension).length > before && (await watches(ext))[0]?.lastCheck, 'the re-check');

    // An export of the whole history: written with each paragraph once, and imported back through the
    // page it adds nothing (every version already known).
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export history' }).click();
    const file = await (await download).path();
    const exported = JSON.parse(await readFile(file, 'utf8')) as { format: string; version: number; blocks: unknown[] };
    expect(exported).toMatchObject({ format: 'clausewatch-history', version: 2 });
    expect(exported.blocks.length).toBeGreaterThan(0);
    const historySection = options.getByRole('region', { name: 'History' });
    await historySection.locator('input[type="file"]').setInputFiles(file);
    await expect.poll(() => historySection.locator('.status-line').textContent(), { timeout: 10_000 }).toMatch(/^Imported 0 versions \([1-9]\d* already known\)\.$/);
    // And the evidence file (WARC) of every site.
    const warc = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export evidence (WARC)' }).click();
    expect((await warc).suggestedFilename()).toMatch(/\.warc(\.gz)?$/);
    await options.waitForTimeout(500);

    // Anything for another host is Chromium's own housekeeping (its update and account services, which
    // --disable-background-networking does not silence): made outside any page or extension, so with no
    // Fetch Metadata, and to Google's service hosts only. Anything else fails the test.
    const elsewhere = proxy.seen.filter((r) => r.host !== `127.0.0.1:${server.port}`);
    const notTheBrowsers = elsewhere.filter((r) => !BROWSER_SERVICE.test(r.host) || r.headers['sec-fetch-site'] !== undefined || r.headers.origin !== undefined);
    expect(notTheBrowsers).toEqual([]);
    const mine = proxy.seen.filter(byExtension).map((r) => `${r.method} ${r.host}${r.path}`);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine)).toEqual(new Set([`GET 127.0.0.1:${server.port}/legal/privacy`]));
    // And the re-check carried no cookie, though the reader's visits did.
    expect(proxy.seen.filter(byExtension).every((r) => r.headers.cookie === undefined)).toBe(true);
    expect(proxy.seen.some((r) => r.headers['sec-fetch-mode'] === 'navigate' && r.headers.cookie === 'session=reader-1')).toBe(true);
  });
});

/** Firefox's own services: remote settings, updates, telemetry (the profile points most of them nowhere). */
const FIREFOX_SERVICE = /^(?:[a-z0-9-]+\.)*(?:mozilla\.(?:com|net|org)|firefox\.com|mozaws\.net)(?::443)?$/;

describe('nothing leaves the browser, in Firefox', () => {
  let ext: FirefoxExtension;
  let server: FixtureServer;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let downloads: string;

  beforeAll(async () => {
    server = await startServer({ '/': demoPage('index'), '/legal/privacy': withCookie(demoPage('privacy-v1')) });
    proxy = await recordingProxy(() => `127.0.0.1:${server.port}`);
    downloads = mkdtempSync(join(tmpdir(), 'clausewatch-downloads-'));
    ext = await launchFirefox({
      prefs: {
        // Every request through the proxy, plain and encrypted (as a CONNECT), loopback included.
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        // No DNS over HTTPS: it would reach a resolver outside the proxy's sight.
        'network.trr.mode': 5,
        // The export is saved without a dialog, where the test can see it.
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
      },
    });
  });
  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
    if (downloads) rmSync(downloads, { recursive: true, force: true });
  });

  it('through a visit, a change, the popup, history and options pages, a re-check and an export, requests only the watched policy', async () => {
    const fixture = `127.0.0.1:${server.port}`;
    const policyUrl = `${server.origin}/legal/privacy`;
    // A first visit, then a change seen while reading, with its badge.
    const tab = await ext.browser.newPage();
    await tab.goto(policyUrl);
    await waitFor(async () => (await outcomesInFirefox(ext)).some((o) => o.reason.includes(': first ')), 'version 1', 30_000);
    server.set('/legal/privacy', withCookie(demoPage('privacy-v2')));
    await tab.goto(policyUrl);
    const tabId = await tabIdInFirefox(ext, tab);
    await waitFor(async () => (await badgeInFirefox(ext, tabId)).text === '2', 'the "2" badge', 30_000);

    // The popup (which puts the site on the watch list), the history page, the options page.
    const popup = await ext.openPage(`popup.html?tabId=${tabId}`);
    await untilSelector(popup, 'article.finding.sev-major');
    const history = await ext.openPage('site-history.html?site=127.0.0.1');
    await untilSelector(history, 'article.finding');
    const options = await ext.openPage('options.html');
    await untilSelector(options, 'table');
    await waitFor(async () => (await watchesInFirefox(ext)).length > 0, 'the site on the watch list');

    // A background re-check of the watched policy: a fetch, not a navigation.
    const isFetch = (r: Seen) => r.host === fixture && r.headers['sec-fetch-mode'] !== 'navigate' && r.headers['sec-fetch-dest'] === 'empty';
    const before = proxy.seen.filter(isFetch).length;
    await fireRecheckInFirefox(ext);
    await waitFor(async () => proxy.seen.filter(isFetch).length > before && (await watchesInFirefox(ext))[0]?.lastCheck, 'the re-check', 30_000);

    // An export of the whole history, saved to the downloads folder.
    await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export history')?.click());
    await waitFor(async () => readdirSync(downloads).some((f) => f.startsWith('clausewatch-') && !f.endsWith('.part')), 'the exported file', 15_000);
    // And the evidence file (WARC) of every site.
    await options.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export evidence (WARC)')?.click());
    await waitFor(async () => readdirSync(downloads).some((f) => /\.warc(\.gz)?$/.test(f)), 'the evidence file', 15_000);
    await new Promise((r) => setTimeout(r, 500));

    // Every request accounted for: anything left over fails the test.
    const visited = new Set(['/legal/privacy']);
    const accounted = (r: Seen): boolean => {
      // Firefox's own services, in tunnels: a CONNECT has no page or extension behind it that we can see.
      if (r.method === 'CONNECT') return FIREFOX_SERVICE.test(r.host);
      if (r.host !== fixture) return false;
      // The test's own visits.
      if (r.headers['sec-fetch-mode'] === 'navigate' && r.headers['sec-fetch-user'] === '?1' && visited.has(r.path)) return true;
      // The icon Firefox asks for on a page it shows.
      return r.path === '/favicon.ico' && r.headers['sec-fetch-dest'] === 'image' && String(r.headers.referer ?? '').startsWith(server.origin);
    };
    const rest = proxy.seen.filter((r) => !accounted(r));
    expect(rest.map((r) => `${r.method} ${r.host}${r.path}`)).toEqual(rest.map(() => `GET ${fixture}/legal/privacy`));
    expect(rest.length).toBeGreaterThan(0);
    // The re-checks carried no cookie, though the reader's visits did.
    expect(rest.every((r) => r.headers.cookie === undefined && isFetch(r))).toBe(true);
    expect(proxy.seen.some((r) => r.headers['sec-fetch-mode'] === 'navigate' && r.headers.cookie === 'session=reader-1')).toBe(true);
  });
});
