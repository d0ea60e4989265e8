/**
 * The extension in a German browser: Chromium's UI language set to German (as a German user's would be),
 * a policy that changes, and the popup, the history page and the options page read in German, the
 * finding's headline included. The policy's own words stay English, as the demo site wrote them.
 * Screenshots: test-results/popup-de.png, options-de.png, history-de.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { demoPage } from './fixtures';
import {
  launchExtension, openExtensionPage, openPopup, reportedOutcomes, screenshot, startServer, tabIdOf, waitFor,
  type Extension, type FixtureServer,
} from './harness';

/** English words of our page chrome that must not be left in the German pages. */
const ENGLISH_CHROME = ['Mark as reviewed', 'History', 'Settings and watched sites', 'Show on page', 'major change', 'Section:', 'Watched sites', 'Check now', 'Loading', 'Could not'];

async function visitPolicy(ext: Extension, page: Page, url: string, expected: RegExp): Promise<void> {
  const before = (await reportedOutcomes(ext)).length;
  await page.goto(url);
  await waitFor(async () => (await reportedOutcomes(ext)).slice(before).find((o) => o.outcome === 'policy' && expected.test(o.reason)), `${url} to be stored (${expected})`);
}

/** The page's own words: everything but the policy's quoted sentences. */
function chromeText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    for (const quote of copy.querySelectorAll('blockquote, .evidence, .evidence-before, .doc-block')) quote.remove();
    return copy.textContent ?? '';
  });
}

describe('a German browser', () => {
  let ext: Extension;
  let server: FixtureServer;
  let policyTab: Page;

  beforeAll(async () => {
    server = await startServer({ '/legal/privacy': demoPage('privacy-v1') });
    ext = await launchExtension({ language: 'de' });
    policyTab = await ext.context.newPage();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('reports German to the extension, and the manifest’s name and description follow', async () => {
    const options = await openExtensionPage(ext, 'options.html');
    const seen = await options.evaluate(() => ({ ui: chrome.i18n.getUILanguage(), description: chrome.i18n.getMessage('extDescription'), lang: document.documentElement.lang }));
    expect(seen.ui).toMatch(/^de\b/);
    expect(seen.lang).toBe('de');
    expect(seen.description).toMatch(/Datenschutz/);
    await options.close();
  });

  it('explains a changed policy in German in the popup', async () => {
    await visitPolicy(ext, policyTab, `${server.origin}/legal/privacy`, /: first /);
    server.set('/legal/privacy', demoPage('privacy-v2'));
    await visitPolicy(ext, policyTab, `${server.origin}/legal/privacy`, /: changed /);
    const popup = await openPopup(ext, await tabIdOf(ext, policyTab));
    const major = popup.locator('article.finding.sev-major');
    await expect.poll(() => major.count()).toBe(2);
    // The findings: headlines, severity and category in German; the quoted evidence as the policy wrote it.
    const headlines = await major.locator('h3').allTextContents();
    expect(headlines).toContain('Neu: Ihre Daten dürfen zum Training von KI-Modellen verwendet werden');
    expect(headlines.some((h) => /^(Neu|Erweitert): .*Werbe/.test(h))).toBe(true);
    expect(await major.first().locator('.finding-meta').textContent()).toMatch(/^Wichtig/);
    expect((await major.allTextContents()).join(' ')).toContain('To train and improve our artificial intelligence models');
    // The page chrome.
    expect(await popup.locator('.site-header p').textContent()).toMatch(/^Heute geändert$/);
    expect(await popup.locator('p.summary').first().textContent()).toMatch(/^2 wichtige Änderungen: /);
    expect(await popup.getByRole('button', { name: 'Als geprüft markieren' }).count()).toBe(1);
    expect(await popup.getByRole('link', { name: 'Verlauf' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Einstellungen und beobachtete Websites' }).count()).toBe(1);
    expect(await popup.getByRole('button', { name: 'Auf der Seite zeigen' }).count()).toBeGreaterThan(0);
    const text = await chromeText(popup);
    for (const english of ENGLISH_CHROME) expect(text, english).not.toContain(english);
    await screenshot(popup, 'popup-de');
    expect(await seriousViolations(popup)).toEqual([]);
    // Long German words stay inside the popup: nothing is wider than the page.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await popup.close();
  });

  it('shows the history page in German', async () => {
    const history = await openExtensionPage(ext, `site-history.html?site=${encodeURIComponent('127.0.0.1')}`);
    await expect.poll(() => history.locator('article.finding.sev-major').count()).toBe(2);
    await expect.poll(() => history.locator('.record-status').first().textContent()).toMatch(/^Aufzeichnung bestätigt: \d+ Einträge in der Hash-Kette/);
    expect(await history.getByRole('heading', { level: 1 }).textContent()).toBe('Verlauf von 127.0.0.1');
    expect(await history.title()).toBe('Verlauf von 127.0.0.1 · Clausewatch');
    expect(await history.getByRole('heading', { level: 2, name: /^Änderungen zwischen / }).count()).toBe(1);
    expect(await history.getByRole('button', { name: 'Zusammenfassung als Markdown kopieren' }).count()).toBe(1);
    expect(await history.getByRole('list', { name: /^Versionen von .*, neueste zuerst$/ }).count()).toBe(1);
    const text = await chromeText(history);
    for (const english of ENGLISH_CHROME) expect(text, english).not.toContain(english);
    // What a screen reader says before added and removed words (hidden from sight): German too.
    const hints = await history.evaluate(() => ['ins', 'del'].map((tag) => {
      const el = document.body.appendChild(document.createElement(tag));
      const content = getComputedStyle(el, '::before').content;
      el.remove();
      return content;
    }));
    expect(hints).toEqual(['" [hinzugefügt: "', '" [entfernt: "']);
    await screenshot(history, 'history-de');
    await history.setViewportSize({ width: 480, height: 800 });
    await screenshot(history, 'history-de-narrow');
    expect(await history.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await history.setViewportSize({ width: 1200, height: 800 });
    await history.getByLabel('Nebeneinander').check();
    await expect.poll(() => history.locator('.side-by-side h4').allTextContents()).toEqual([expect.stringMatching(/^Ältere Version, gesehen am /), expect.stringMatching(/^Neuere Version, gesehen am /)]);
    expect(await history.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await seriousViolations(history)).toEqual([]);
    await history.close();
  });

  it('shows the options page in German', async () => {
    const options = await openExtensionPage(ext, 'options.html');
    await expect.poll(() => options.locator('table').count()).toBe(1);
    expect(await options.getByRole('heading', { level: 1 }).textContent()).toBe('Clausewatch-Einstellungen');
    expect(await options.title()).toBe('Clausewatch-Einstellungen');
    expect(await options.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Beobachtete Websites', 'Website hinzufügen', 'Prüfungen und Benachrichtigungen', 'Verlauf', 'Speicher']);
    expect(await options.locator('thead th').allTextContents()).toEqual(['Website', 'Richtlinie', 'Letzte Prüfung', 'Letzte Änderung', 'Status', 'Häufigkeit', 'Aktionen']);
    // The popup put the policy on the watch list; its status reads in German.
    expect(await options.locator('td.status-cell').first().textContent()).toBe('Geändert');
    expect(await options.getByRole('button', { name: 'Jetzt prüfen: 127.0.0.1' }).count()).toBe(1);
    expect(await options.getByRole('combobox', { name: 'Prüfhäufigkeit für 127.0.0.1' }).inputValue()).toBe('24');
    expect(await options.locator('select option:checked').textContent()).toBe('Täglich');
    const text = await chromeText(options);
    for (const english of ENGLISH_CHROME) expect(text, english).not.toContain(english);
    await screenshot(options, 'options-de');
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    // In a narrow window the long German headings and labels wrap; the table scrolls inside its card.
    await options.setViewportSize({ width: 480, height: 800 });
    await screenshot(options, 'options-de-narrow');
    expect(await options.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('says in German why a history file is refused, and imports nothing', async () => {
    const options = await openExtensionPage(ext, 'options.html');
    await expect.poll(() => options.locator('table').count()).toBe(1);
    const storage = options.getByRole('region', { name: 'Speicher' }).locator('p').first();
    const kept = await storage.textContent();
    expect(kept).toMatch(/Version/);
    const section = options.getByRole('region', { name: 'Verlauf' });
    const status = section.locator('.status-line');
    const importFile = async (name: string, json: unknown) => {
      await section.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^Import fehlgeschlagen/);
      return (await status.textContent()) ?? '';
    };
    // Not a history of ours, then one of ours from a version this one cannot read: each refusal in German.
    expect(await importFile('fremd.json', { format: 'something-else' })).toBe('Import fehlgeschlagen: Dies ist keine Verlaufsdatei von Clausewatch. Es wurde nichts importiert.');
    const damaged = await importFile('zukunft.json', { format: 'clausewatch-history', version: 3, exportedAt: '2026-12-05T00:00:00.000Z', sites: [] });
    expect(damaged).toContain('beschädigt');
    expect(damaged).not.toContain('Nothing was imported');
    // Nothing was added to what the browser keeps.
    expect(await storage.textContent()).toBe(kept);
    await options.close();
  });
});
