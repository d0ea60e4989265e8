/**
 * End-to-end harness for Firefox: Debian's firefox-esr driven over WebDriver BiDi (puppeteer-core), the
 * Firefox build installed as a temporary add-on, and a way into its pages.
 *
 * WebDriver BiDi will not navigate a tab to a `moz-extension://` page, and an add-on's background page is
 * not one of its browsing contexts. So Firefox is started with `--remote-allow-system-access` and the
 * harness opens the extension's pages from the browser window's own (privileged) scope, as the add-ons
 * manager would; everything else, visiting pages and reading ours, goes through ordinary tabs. The
 * add-on's internal UUID is fixed by a preference, so its pages have a known address.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { RECHECK_ALARM } from '../../lib/extension/schedule';
import { resultPath, ROOT } from './harness';
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
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
      // No network but the fixture server: nothing to update, report or prefetch.
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'network.prefetch-next': false,
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
      const { result } = await bidi(browser).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const window = (result as { contexts: Array<{ context: string }> }).contexts[0]?.context;
      if (!window) throw new Error('no browser window');
      await bidi(browser).send('script.evaluate', {
        expression: `gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() })`,
        target: { context: window },
        awaitPromise: false,
      });
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          if (!before.has(page) && (await hrefOf(page)) === url) {
            await page.waitForFunction(() => document.readyState === 'complete');
            return page;
          }
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
