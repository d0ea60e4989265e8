/**
 * A change awaiting review whose analysis failed at save (left for the background's backfill) may be major:
 * pruning keeps it until it is analysed (prune.ts), so a sale followed by a cosmetic edit is not hidden behind
 * the edit's analysis, told from it.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { fakeAnalysis, freshStore, makeDocument } from '@/lib/history/test-support';
import type { AnalyzeFn } from '@/lib/history/save';

const URL_A = 'https://www.example.com/privacy';
const docs = [
  makeDocument({ Data: ['We collect your email.'] }),
  makeDocument({ Data: ['We collect your email.', 'We sell your data to brokers.'] }), // the sale (major)
  makeDocument({ Data: ['We collect your email.', 'We sell your data to brokers.', 'Contact us.'] }), // cosmetic
];
/** The engine: the sale is major, anything else cosmetic. */
const engine: AnalyzeFn = (a, b) => fakeAnalysis(b.blocks.length - a.blocks.length === 1 && b.blocks.some((x) => x.text.includes('sell')) && !a.blocks.some((x) => x.text.includes('sell')) ? 1 : 0);

async function history() {
  const env = await freshStore();
  let n = 0;
  for (const document of docs) {
    env.clock.tick();
    // The analysis of the sale fails at save time (the version is stored without one, for the backfill).
    const analyze: AnalyzeFn = (a, b) => {
      if (n === 1) throw new Error('analysis worker restarted');
      return engine(a, b);
    };
    await env.store.savePolicyVersion({ url: URL_A, document, kind: 'privacy-policy', analyze });
    n++;
  }
  return env;
}

it('control: without a prune, the backfill makes the sale\'s analysis and the badge counts it', async () => {
  const { store } = await history();
  expect(await store.siteState('example.com')).toMatchObject({ unreviewedMajor: 0 });
  await store.analyzeMissing(engine, 20);
  expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
});

it('a prune before the backfill keeps the unanalysed version: the sale is counted once analysed', async () => {
  const { store } = await history();
  const { bytes } = await store.usage();
  const r = await store.prune({ targetBytes: bytes - 1 });
  expect(r.removedVersions).toBe(0); // the unanalysed change awaiting review is kept
  await store.analyzeMissing(engine, 20);
  // The promise (prune.ts and maintenance.test.ts 'keeps a major change that awaits review'): still 1.
  expect(await store.siteState('example.com')).toMatchObject({ alert: 1, unreviewedMajor: 1 });
});

// What the user sees, with the real engine and the background's badge/popup code (utils/testing helpers).
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { BASE, CONTACT, SALE, URL_, docFor, page, seen } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

async function realHistory() {
  const env = await freshStore();
  let n = 0;
  for (const html of [page([BASE]), page([BASE, SALE]), page([BASE, SALE, CONTACT])]) {
    env.clock.tick();
    const analyze: AnalyzeFn = (a, b) => {
      if (n === 1) throw new Error('analysis worker restarted');
      return analyzeChange(a, b);
    };
    await env.store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(html, 9), analyze, extractorVersion: 9 });
    n++;
  }
  return env;
}

it('control (real engine): backfill without prune, the site is on the alert index', async () => {
  const { store } = await realHistory();
  await store.analyzeMissing(analyzeChange, 20);
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, alertIndex: 1, unreviewedMajor: 1 });
});

it('real engine: prune, then backfill: badge, popup and alert index all show the sale', async () => {
  const { store } = await realHistory();
  expect((await store.prune({ targetBytes: (await store.usage()).bytes - 1 })).removedVersions).toBe(0);
  await store.analyzeMissing(analyzeChange, 20);
  const after = await seen(store);
  expect(after).toMatchObject({ badgeMajor: 1, popupMajor: 1 });
  expect(after).toMatchObject({ alertIndex: 1, unreviewedMajor: 1 });
});
