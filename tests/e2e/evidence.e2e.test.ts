/**
 * Evidence, in the browser the user runs: each visit keeps the page as the content script serialised
 * it; the history page shows that the record verifies and exports the site as a WARC file that
 * `clausewatch verify` accepts (and rejects once a byte is changed); the options page says what is kept
 * and exports everything; and a worker that starts with captures an older extractor read re-reads them
 * without reporting a change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { WARCParser } from 'warcio';
import { runVerify } from '../../cli/verify';
import { EXTRACTOR_VERSION } from '../../lib/core/page/extract';
import { demoPage } from './fixtures';
import { seriousViolations } from './axe';
import { badgeOf, inWorker, launchExtension, openExtensionPage, reportedOutcomes, screenshot, startServer, tabIdOf, waitFor, type Extension, type FixtureServer } from './harness';

async function* once(bytes: Uint8Array) {
  yield bytes;
}

describe('the evidence record', () => {
  let ext: Extension;
  let server: FixtureServer;
  let tab: Page;
  let downloaded: string;

  async function visit(expected: RegExp): Promise<void> {
    const before = (await reportedOutcomes(ext)).length;
    await tab.goto(`${server.origin}/legal/privacy`);
    await waitFor(async () => (await reportedOutcomes(ext)).slice(before).find((o) => o.outcome === 'policy' && expected.test(o.reason)), `the capture (${expected})`);
  }

  beforeAll(async () => {
    server = await startServer({ '/legal/privacy': demoPage('privacy-v1') });
    ext = await launchExtension();
    tab = await ext.context.newPage();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('keeps three captures, and the history page says the record verifies', async () => {
    await visit(/: first /);
    server.set('/legal/privacy', demoPage('privacy-cosmetic'));
    await visit(/: changed /);
    server.set('/legal/privacy', demoPage('privacy-v2'));
    await visit(/: changed /);

    const history = await openExtensionPage(ext, 'site-history.html?site=127.0.0.1');
    const status = history.locator('.record-status');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Record verifies: 3 entries in its hash chain, 3 saved pages kept\. Chain head [0-9a-f]{16}$/);
    expect(await history.getByText('Saved page kept', { exact: true }).count()).toBe(3);
    await screenshot(history, 'history-evidence');
    expect(await seriousViolations(history)).toEqual([]);
    await history.close();
  });

  it('exports the site as a WARC file that verify accepts, with the pages as the browser held them', async () => {
    const history = await openExtensionPage(ext, 'site-history.html?site=127.0.0.1');
    await history.getByRole('button', { name: 'Export evidence (WARC)' }).waitFor();
    const download = history.waitForEvent('download');
    await history.getByRole('button', { name: 'Export evidence (WARC)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^clausewatch-evidence-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.warc$/);
    downloaded = (await file.path())!;
    await expect.poll(() => history.getByRole('status').first().textContent()).toMatch(/^Exported clausewatch-evidence-.*\.warc \(8 WARC records\)/);

    const verified = await runVerify(downloaded);
    expect(verified.stdout.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(verified.exitCode).toBe(0);

    const responses: Array<{ uri: string | null | undefined; page: string }> = [];
    for await (const record of new WARCParser(once(readFileSync(downloaded)))) {
      if (record.warcType === 'response') responses.push({ uri: record.warcTargetURI, page: new TextDecoder().decode(await record.readFully(false)) });
    }
    expect(responses.map((r) => r.uri)).toEqual(Array(3).fill(`${server.origin}/legal/privacy`));
    // The page as the content script copied it from the tab: the served text, in the browser's serialisation.
    expect(responses[0]!.page).toMatch(/^<html lang="en"><head>/);
    expect(responses[0]!.page).toContain('Last updated: March 3, 2025');
    expect(responses[2]!.page).toContain('To train and improve our artificial intelligence models');
    await history.close();
  });

  it('the exported file fails verify, naming the record, once one byte is changed', async () => {
    const bytes = new Uint8Array(readFileSync(downloaded));
    const text = new TextDecoder().decode(bytes);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('We do not sell your personal information.'))).byteLength;
    expect(bytes[at + 3]).toBe(0x64);
    bytes[at + 3] = 0x6e; // "We do not sell" -> "We no not sell", in the first captured page
    const tamperedPath = `${downloaded}.tampered.warc`;
    writeFileSync(tamperedPath, bytes);
    const r = await runVerify(tamperedPath);
    expect(r.exitCode).toBe(1);
    expect(r.stdout.find((l) => l.startsWith('FAIL'))).toMatch(/^FAIL record 2 \(response <urn:uuid:[0-9a-f-]{36}> http:\/\/127\.0\.0\.1:\d+\/legal\/privacy\): WARC-Block-Digest does not match its content/);
  });

  it('the options page says what is kept and exports everything', async () => {
    const options = await openExtensionPage(ext, 'options.html');
    await expect.poll(() => options.locator('.raw-kept').textContent()).toMatch(/^Saved pages: 3 pages kept \(.+ compressed, .+ as captured\); 3 of the 3 versions have the page they were read from\.$/);
    await screenshot(options, 'options-evidence');
    expect(await seriousViolations(options)).toEqual([]);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export evidence (WARC)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^clausewatch-evidence-all_sites-/);
    expect((await runVerify((await file.path())!)).exitCode).toBe(0);
    await options.close();
  });

  it('a worker that starts with captures read by an older extractor reads them again, and reports no change', async () => {
    const tabId = await tabIdOf(ext, tab);
    const badge = (await badgeOf(ext, tabId)).text;
    // The stored versions are marked as read by an unnumbered extractor (0), as after an update.
    const marked = await inWorker(ext, async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('clausewatch');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction('versions', 'readwrite');
      const store = tx.objectStore('versions');
      const all = await new Promise<Array<Record<string, unknown>>>((resolve) => {
        const r = store.getAll();
        r.onsuccess = () => resolve(r.result as Array<Record<string, unknown>>);
      });
      for (const v of all) store.put({ ...v, extractorVersion: 0, checkedBy: 0 });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
      return all.length;
    }, null);
    expect(marked).toBe(3);

    // Chrome stops the worker; the next start finds the work and does it.
    const cdp = await ext.context.newCDPSession(tab);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const options = await openExtensionPage(ext, 'options.html');
    await waitFor(async () => (await reportedOutcomes(ext)).find((o) => o.outcome === 'reextracted'), 'the re-extraction', 30_000);
    const done = (await reportedOutcomes(ext)).find((o) => o.outcome === 'reextracted')!;
    expect(done.reason).toBe(`extractor ${EXTRACTOR_VERSION}: 0 new text, 3 same text, 0 unreadable`);
    await options.reload();
    await expect.poll(() => options.locator('.reextraction').textContent()).toBe(`Saved pages read again by extractor ${EXTRACTOR_VERSION}: 0 gave a different text (now stored), 3 the same text. None was reported as a change.`);
    await options.close();

    // No new version, no new alert; the chain records the re-reading and still verifies.
    expect((await badgeOf(ext, tabId)).text).toBe(badge);
    const history = await openExtensionPage(ext, 'site-history.html?site=127.0.0.1');
    await expect.poll(() => history.locator('.record-status').textContent(), { timeout: 15_000 }).toMatch(/^Record verifies: 6 entries in its hash chain, 3 saved pages kept\./);
    expect(await history.locator('ol.timeline > li').count()).toBe(3);
    await history.close();
  });
});
