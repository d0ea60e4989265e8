/**
 * Hostile input never freezes the extension. A policy page carrying the inputs that once froze the
 * background (a list of twenty recipients with no "when/if" after it, "third party" said 39 times, a
 * sentence of 200,000 characters), and a watched page that streams 300 MB, are analysed and checked while
 * an extension page keeps asking the background: its message loop keeps answering (a message it refuses
 * at once), so does the options page's own request (which also waits for the history database), and the
 * popup opens on the hostile change with its findings.
 *
 * The bounds here are for a freeze, not for speed (HANG_MS: a busy CI machine must never fail them; a
 * synchronous analysis of these inputs blocked the worker for many seconds). The times are printed; the
 * speed targets themselves (100 ms, 250 ms, 300 ms on an idle machine) are what the log lines and
 * `npm run bench` report, never a test's pass or fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fireRecheckAlarm, launchExtension, openExtensionPage, openPopup, reportedOutcomes, startServer, tabIdOf, waitFor, watches, type Extension, type FixtureServer } from './harness';
import { demoPage } from './fixtures';

/** A worker that does not answer within this is frozen, whatever the machine's load. */
const HANG_MS = 2_000;

const RECIPIENTS = [
  'service providers', 'advertising partners', 'analytics providers', 'payment processors', 'cloud hosting providers', 'marketing partners',
  'data brokers', 'affiliates', 'subsidiaries', 'resellers', 'auditors', 'insurers', 'lawyers', 'consultants', 'contractors', 'suppliers',
  'research partners', 'ad networks', 'sponsors', 'and other companies in our group',
];

function hostilePolicy(): string {
  const list = `Our ${RECIPIENTS.join(', ')}.`;
  const thirdParty = `${'third party '.repeat(39)}.`;
  const long = `We may share ${'information about your use of the service and '.repeat(4_500)}with our partners.`;
  const base = demoPage('privacy-v2').body;
  return base.replace('<h2>4. Cookies</h2>', `<p>${list}</p><p>${thirdParty}</p><p>${long}</p><h2>4. Cookies</h2>`);
}

interface Answers {
  /** Round trips of a message the background refuses at once (unknown type): how long its message loop is blocked. */
  loop: number[];
  /** Round trips of the options page's own request, which also reads the history database. */
  options: number[];
}

/** Both round trips, timed in the options page, again and again while `busy` runs. */
async function answerTimes(options: Page, busy: () => Promise<unknown>): Promise<Answers> {
  const out: Answers = { loop: [], options: [] };
  let done = false;
  const work = busy().finally(() => {
    done = true;
  });
  while (!done || out.loop.length < 5) {
    const [loop, opts] = await options.evaluate(async () => {
      const send = (m: unknown) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m);
      const t0 = performance.now();
      await send({ type: 'noSuchMessage', data: {} });
      const t1 = performance.now();
      await send({ type: 'getOptions', data: {} });
      return [t1 - t0, performance.now() - t1];
    });
    out.loop.push(loop);
    out.options.push(opts);
    await options.waitForTimeout(20);
  }
  await work;
  return out;
}

const show = (xs: number[]) => xs.map((t) => t.toFixed(0)).join(', ');

describe('the background stays responsive under hostile input', () => {
  let ext: Extension;
  let server: FixtureServer;
  let policyTab: Page;
  let options: Page;

  beforeAll(async () => {
    server = await startServer({ '/': demoPage('index'), '/legal/privacy': demoPage('privacy-v1') });
    ext = await launchExtension();
    policyTab = await ext.context.newPage();
    await policyTab.goto(`${server.origin}/legal/privacy`);
    await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.reason.includes(': first ')), 'version 1');
    // Opening the popup once puts the site on the watch list (the re-check below needs it).
    const first = await openPopup(ext, await tabIdOf(ext, policyTab));
    await first.getByText('What this policy says now').waitFor();
    await waitFor(async () => (await watches(ext)).length > 0, 'the site on the watch list');
    await first.close();
    options = await openExtensionPage(ext, 'options.html');
    // Warm the path being timed: the first request of a fresh page opens the history database.
    await answerTimes(options, async () => {});
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('keeps answering while a hostile change is captured and analysed, and opens its popup on the change', async () => {
    server.set('/legal/privacy', { body: hostilePolicy() });
    const times = await answerTimes(options, async () => {
      await policyTab.reload();
      await waitFor(async () => (await reportedOutcomes(ext)).some((o) => o.reason.includes(': changed ')), 'the hostile version');
    });
    console.log(`during the hostile analysis: message loop ${show(times.loop)} ms; options request ${show(times.options)} ms`);
    expect(Math.max(...times.loop)).toBeLessThan(HANG_MS);
    // The options request reads the history database, so it also waits for the save's transaction.
    expect(Math.max(...times.options)).toBeLessThan(HANG_MS);

    const popup = await openPopup(ext, await tabIdOf(ext, policyTab));
    await popup.locator('article.finding.sev-major').first().waitFor();
    // From the popup's navigation to its findings on screen, on the popup's own clock.
    const openedIn = await popup.evaluate(() => performance.now());
    console.log(`popup on the hostile change: findings shown ${openedIn.toFixed(0)} ms after navigation`);
    expect(openedIn).toBeLessThan(HANG_MS);
    expect(await popup.locator('article.finding').count()).toBeGreaterThan(0);
  });

  it('keeps answering while a watched page streams 300 MB, and the check fails at the size limit', async () => {
    server.set('/legal/privacy', { body: '', streamBytes: 300 * 1024 * 1024 });
    const times = await answerTimes(options, async () => {
      await fireRecheckAlarm(ext);
      await waitFor(async () => (await watches(ext)).find((w) => w.status === 'failed' && /larger than 8 MB/.test(w.failure ?? '')), 'the abandoned check', 30_000);
    });
    console.log(`during the 300 MB check: message loop ${show(times.loop)} ms; options request ${show(times.options)} ms`);
    expect(Math.max(...times.loop)).toBeLessThan(HANG_MS);
    expect(Math.max(...times.options)).toBeLessThan(HANG_MS);
  });
});
