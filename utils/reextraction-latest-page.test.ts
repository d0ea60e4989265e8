/**
 * Pruning keeps the page of a policy's latest capture even when that page is one seen before (a policy put
 * back as it was: pages H1, H2, H3, then H2 again), so the latest version can still be read anew before the
 * next visit compares with it, and no difference the extractor made reads as a change.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { freshStore } from '@/lib/history/test-support';
import { BASE, CONTACT, CONTACT2, URL_, docFor, ext9, page, seen, versionsOf, visit9 } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const H1 = page([BASE]);
const H2 = page([BASE, CONTACT]);
const H3 = page([BASE, CONTACT2]);

async function history() {
  const env = await freshStore();
  for (const html of [H1, H2, H3, H2]) {
    env.clock.tick();
    await env.store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(html, 8), raw: { html, source: 'visit' }, extractorVersion: 8, analyze: analyzeChange });
  }
  return env;
}

it('the latest capture, a page seen before, is kept', async () => {
  const { store } = await history();
  const vs = await versionsOf(store);
  expect(vs).toHaveLength(4);
  const latest = vs.at(-1)!;
  expect(latest.checkedBy).toBe(8);
  const r = await store.prune({ targetBytes: (await store.usage()).bytes - 1 });
  expect(r).toMatchObject({ removedVersions: 0 });
  expect.soft(await store.readRawCapture(latest.rawSha256!)).toBeDefined();
  expect((await versionsOf(store)).at(-1)!.checkedBy).toBe(8);
});

it('consequence: a visit under extractor 9 re-reads the latest first; nothing the extractor changed is told as a change', async () => {
  const { store } = await history();
  await store.prune({ targetBytes: (await store.usage()).bytes - 1 });
  // Same page H2 visited again with extractor 9: the only difference is the extractor (it reads the "Partners" panel).
  const saved = await visit9(store, H2, ext9);
  expect.soft(saved.status).toBe('unchanged');
  // The extractor-only "Partners" panel (extractor 9 reads it, 8 did not) is told as a new sharing: a major alert.
  expect(await seen(store)).toMatchObject({ badgeMajor: 0, alertIndex: 0 });
});

it('control: the same history without the revert keeps the latest page and the visit reads as unchanged', async () => {
  const env = await freshStore();
  const H4 = page([BASE, 'Write to us by post.']);
  for (const html of [H1, H2, H3, H4]) {
    env.clock.tick();
    await env.store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(html, 8), raw: { html, source: 'visit' }, extractorVersion: 8, analyze: analyzeChange });
  }
  await env.store.prune({ targetBytes: (await env.store.usage()).bytes - 1 });
  expect((await versionsOf(env.store)).at(-1)!.checkedBy).toBe(8);
  expect((await visit9(env.store, H4, ext9)).status).toBe('unchanged');
  void seen;
});
