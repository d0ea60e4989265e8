/**
 * The evidence record in Firefox, where pages are parsed, compressed (CompressionStream) and
 * re-extracted in the event page rather than an offscreen document: three visits are kept as pages, the
 * history page says the record verifies, and the site's WARC export passes `clausewatch verify`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { runVerify } from '../../cli/verify';
import { demoPage } from './fixtures';
import { startServer, waitFor, type FixtureServer } from './harness';
import { launchFirefox, outcomes, until, type FirefoxExtension } from './firefox';

describe('the evidence record in Firefox', () => {
  let ext: FirefoxExtension;
  let server: FixtureServer;
  let tab: Page;
  const dir = mkdtempSync(join(tmpdir(), 'clausewatch-ff-evidence-'));

  async function visit(expected: RegExp): Promise<void> {
    const before = (await outcomes(ext)).length;
    await tab.goto(`${server.origin}/legal/privacy`);
    await waitFor(async () => (await outcomes(ext)).slice(before).find((o) => o.outcome === 'policy' && expected.test(o.reason)), `the capture (${expected})`, 30_000);
  }

  beforeAll(async () => {
    server = await startServer({ '/legal/privacy': demoPage('privacy-v1') });
    ext = await launchFirefox();
    tab = await ext.browser.newPage();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps three captures, says the record verifies, and exports a WARC file that verify accepts', async () => {
    await visit(/: first /);
    server.set('/legal/privacy', demoPage('privacy-cosmetic'));
    await visit(/: changed /);
    server.set('/legal/privacy', demoPage('privacy-v2'));
    await visit(/: changed /);

    const history = await ext.openPage('site-history.html?site=127.0.0.1');
    await until(history, () => /^Record verifies: 3 entries in its hash chain, 3 saved pages kept\./.test(document.querySelector('.record-status')?.textContent ?? ''), null, 'the record verified');

    // The export the button makes, asked for from one of our pages as the button does.
    const reply = await ext.agent.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      type Reply<T> = { ok: boolean; value?: T; error?: string };
      const started = (await api.runtime.sendMessage({ type: 'exportEvidence', data: { site: '127.0.0.1' } })) as Reply<{ transfer: { id: string; length: number }; records: number }>;
      if (!started.value) return { ok: false, error: started.error };
      // The file travels in pieces, read as the page reads them (pages/transfer.ts).
      let warc = '';
      while (warc.length < started.value.transfer.length) {
        const piece = (await api.runtime.sendMessage({ type: 'readTransfer', data: { id: started.value.transfer.id, offset: warc.length } })) as Reply<{ text: string }>;
        if (!piece.value) return { ok: false, error: piece.error };
        warc += piece.value.text;
      }
      return { ok: true, value: { warc, records: started.value.records } };
    });
    expect(reply.error).toBeUndefined();
    expect(reply.value?.records).toBe(8);
    const file = join(dir, 'firefox.warc');
    writeFileSync(file, reply.value!.warc);
    const verified = await runVerify(file);
    expect(verified.stdout.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(verified.exitCode).toBe(0);
    expect(reply.value!.warc).toContain('To train and improve our artificial intelligence models');
  });
});
