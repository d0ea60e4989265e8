/**
 * End-to-end harness for Firefox: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core), the
 * Firefox build installed as a temporary add-on, and a way into its pages.
 *
 * The add-on's internal UUID is fixed by a preference, so its pages have a known address. Debian has shipped
 * two Firefox ESRs that differ here: 153 will not navigate a tab to a `moz-extension://` page but offers the
 * browser window's privileged scope (with `--remote-allow-system-access`), from which the harness opens them
 * as the add-ons manager would; 140.12 has no such scope and allows the navigation (openAddonTab).
 * An add-on's background page is not one of its browsing contexts: the harness reads the add-on's state
 * through one of its pages, kept open (`agent`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { RECHECK_ALARM } from '../../lib/extension/schedule';
import { resultPath, ROOT, waitFor } from './harness';
import { fireRecheckNow, readBadge, readOutcomes, readWatches, tabIdForUrl, type ReportedOutcome, type WatchEntryView } from './probes';

export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv3');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The add-on id in the Firefox manifest (wxt.config.ts). */
const ADDON_ID = 'clausewatch@clausewatch.example';
/** The UUID its pages get (moz-extension://UUID/...), set through extensions.webextensions.uuids. */
const UUID = '6f0e4a52-7c1d-4b8e-9a3f-c1a05e0c0de0';

export interface FirefoxExtension {
  browser: Browser;
  /** An extension page kept open for calls into the extension's APIs (storage, tabs, action). */
  agent: Page;
  /** Opens one of the extension's pages in a new tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

async function hrefOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/**
 * The raw WebDriver BiDi connection: puppeteer has no public call for a command in the browser window's
 * own scope. `connection` is the getter of puppeteer's BiDi browser (24.x, pinned by the lockfile).
 */
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
function bidi(browser: Browser): BidiConnection {
  const connection = (browser as unknown as { connection?: BidiConnection }).connection;
  if (!connection) throw new Error('puppeteer exposes no WebDriver BiDi connection (was it upgraded?)');
  return connection;
}

/**
 * Opens `url` (one of the add-on's pages) in a new tab: from the browser window's privileged scope where
 * BiDi offers it (Firefox 153 ESR, which will not navigate a tab to a `moz-extension://` page), else by
 * navigating a tab over BiDi (Firefox ESR 140.12, which has no such scope and allows the navigation).
 */
async function openAddonTab(browser: Browser, url: string): Promise<void> {
  const { result } = await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const windows = (result as { contexts: Array<{ context: string; url: string }> }).contexts;
  const window = windows.find((c) => c.url.startsWith('chrome://'));
  if (window) {
    await bidi(browser).send('script.evaluate', {
      expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
      target: { context: window.context },
      awaitPromise: false,
    });
    return;
  }
  const tab = await browser.newPage();
  // The navigation's own promise may end with "frame detached": the page loads in the add-on's process,
  // and the caller finds it by its address.
  void tab.goto(url).catch(() => {});
}

/**
 * Launches Firefox with the add-on installed. `prefs` are added to the profile (the network audit sends
 * every request through its recording proxy this way).
 */
export async function launchFirefox(options: { prefs?: Record<string, string | number | boolean> } = {}): Promise<FirefoxExtension> {
  // Checked here rather than in the global setup, so a Chromium-only run needs neither.
  if (!existsSync(`${FIREFOX_BUILD}/manifest.json`)) throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run "npm run build:firefox" first.`);
  if (!existsSync(FIREFOX)) throw new Error(`${FIREFOX} is missing: install Debian's firefox-esr (apt-get install firefox-esr).`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox 153 ESR's privileged scope, where the harness opens the add-on's pages (openAddonTab).
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // No network but the fixture server: nothing to update, report or prefetch.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.prefetch-next': false,
      // Nor to ask whether the network is a captive portal (Firefox ESR 140.12 asks detectportal.firefox.com).
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...options.prefs,
    },
  });
  const close = () => browser.close().catch(() => {});
  try {
    const id = await browser.installExtension(FIREFOX_BUILD);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
    const openPage = async (path: string): Promise<Page> => {
      const url = `moz-extension://${UUID}/${path}`;
      const before = new Set(await browser.pages());
      await openAddonTab(browser, url);
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          // Read, not waited for (puppeteer's waitForFunction does not run in an add-on's page); a page object
          // whose frame the switch of process detached reads nothing, and the next look finds the live one.
          if (!before.has(page) && (await hrefOf(page)) === url && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete') return page;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${url} did not open`);
    };
    const agent = await openPage('options.html');
    return { browser, agent, openPage, close };
  } catch (error) {
    await close();
    throw new Error(`The Clausewatch add-on did not load in Firefox: ${String(error)}`);
  }
}

/** What the background recorded about pages that passed the gate (as the Chromium suite reads it). */
export async function outcomes(ext: FirefoxExtension): Promise<ReportedOutcome[]> {
  return ext.agent.evaluate(readOutcomes);
}

/** A tab's id, found by its URL. */
export async function tabIdOf(ext: FirefoxExtension, page: Page): Promise<number> {
  const url = page.url();
  const id = await ext.agent.evaluate(tabIdForUrl, url);
  if (id == null) throw new Error(`No tab found for ${url}`);
  return id;
}

export async function badgeOf(ext: FirefoxExtension, tabId: number): Promise<{ text: string; title: string; color: number[] }> {
  return ext.agent.evaluate(readBadge, tabId);
}

export async function screenshotFirefox(page: Page, name: string): Promise<string> {
  const path = resultPath(name);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export async function watches(ext: FirefoxExtension): Promise<WatchEntryView[]> {
  return ext.agent.evaluate(readWatches);
}

/** Makes every watched site due and fires the re-check alarm now, as the Chromium suite does. */
export async function fireRecheckAlarm(ext: FirefoxExtension): Promise<void> {
  await ext.agent.evaluate(fireRecheckNow, RECHECK_ALARM);
}

/**
 * Waits until `test(arg)` holds in `page` (harness.ts waitFor). Puppeteer's waitForFunction and
 * waitForSelector compile their polling code with Function(), which an add-on page's content security
 * policy refuses (Firefox ESR 140.12); evaluate does not.
 */
export async function until<A>(page: Page, test: (arg: A) => boolean, arg: A, what: string, timeoutMs = 15_000): Promise<void> {
  await waitFor(() => page.evaluate(test as (a: unknown) => boolean, arg as unknown), what, timeoutMs);
}

/** Waits until `selector` matches in `page` (see `until`). */
export function untilSelector(page: Page, selector: string, timeoutMs?: number): Promise<void> {
  return until(page, (s) => document.querySelector(s) !== null, selector, selector, timeoutMs);
}

/**
 * Sets a page's viewport. Puppeteer sends the screen orientation with it, a command Firefox ESR 140.12
 * does not know; the viewport itself is set by the other command, sent at the same time.
 */
export async function setViewport(page: Page, viewport: { width: number; height: number }): Promise<void> {
  await page.setViewport(viewport).catch((error: unknown) => {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
  });
}
