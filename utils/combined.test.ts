/**
 * The change since the last review, shared by the badge and the popup: analysed once per pair of texts,
 * even when every tab's badge asks for it at the same moment (a refresh of all tabs after a worker restart).
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { freshStore } from '@/lib/history/test-support';
import type { PolicyStore } from '@/lib/history';
import { createCombinedChange } from './combined';
import { MAX_KEPT, sessionAnalysisCache } from './analysis-cache';

const URL_ = 'https://www.example.com/privacy';
const doc = (md: string) => documentFromMarkdown(`# Privacy Policy\n\n${md}`, { url: URL_, language: 'en' });

beforeEach(() => fakeBrowser.reset());

/** A store with three versions of one policy (one reviewed: none) and a copy that counts the versions read. */
async function threeVersions() {
  const { store, clock } = await freshStore();
  for (const md of ['We collect your email.', 'We collect your email.\n\nWe may use your content to train our AI models.', 'We collect your email.\n\nWe may use your content to train our AI models.\n\nWe sell your data to advertisers.']) {
    clock.tick();
    await store.savePolicyVersion({ url: URL_, document: doc(md), kind: 'privacy-policy', analyze: analyzeChange });
  }
  const counter = { reads: 0 };
  const counting = new Proxy(store, {
    get(target, key) {
      const value = Reflect.get(target, key) as unknown;
      if (key === 'getVersion') return (id: string) => (counter.reads++, target.getVersion(id));
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as PolicyStore;
  const [pending] = (await store.siteState('example.com'))!.pending;
  return { store: counting, counter, pending: pending! };
}

describe('the change since the last review', () => {
  it('is not analysed again by a worker that starts again in the same browser session', async () => {
    const { store, counter, pending } = await threeVersions();
    const first = await createCombinedChange(sessionAnalysisCache())(store, pending);
    expect(counter.reads).toBe(2);
    // The worker stopped; a new one has none of the first one's memory, only the session's storage.
    const again = await createCombinedChange(sessionAnalysisCache())(store, pending);
    expect(counter.reads).toBe(2);
    expect(again).toEqual(first);
    expect(again!.counts.major).toBe(2);
  });

  it('analyses again what the session storage cannot read, and keeps at most MAX_KEPT analyses', async () => {
    const { store, counter, pending } = await threeVersions();
    await createCombinedChange(sessionAnalysisCache())(store, pending);
    await fakeBrowser.storage.session.set({ combinedAnalyses: [{ textKey: pending.textKey, analysis: { counts: 'damaged' } }] });
    const again = await createCombinedChange(sessionAnalysisCache())(store, pending);
    expect(counter.reads).toBe(4);
    expect(again!.counts.major).toBe(2);
    const cache = sessionAnalysisCache();
    for (let i = 0; i < MAX_KEPT + 3; i++) await cache.set(`key-${i}`, again!);
    const kept = (await fakeBrowser.storage.session.get('combinedAnalyses')).combinedAnalyses as unknown[];
    expect(kept).toHaveLength(MAX_KEPT);
    expect(await cache.get('key-0')).toBeNull();
    expect(await cache.get(`key-${MAX_KEPT + 2}`)).toEqual(again);
  });

  it('is analysed once when many ask for it at once, and gives each of them the same analysis', async () => {
    const { store, clock } = await freshStore();
    for (const md of ['We collect your email.', 'We collect your email.\n\nWe may use your content to train our AI models.', 'We collect your email.\n\nWe may use your content to train our AI models.\n\nWe sell your data to advertisers.']) {
      clock.tick();
      await store.savePolicyVersion({ url: URL_, document: doc(md), kind: 'privacy-policy', analyze: analyzeChange });
    }
    // The store as the background has it, counting the versions read (an analysis reads two).
    let reads = 0;
    const counting = new Proxy(store, {
      get(target, key) {
        const value = Reflect.get(target, key) as unknown;
        if (key === 'getVersion') return (id: string) => (reads++, target.getVersion(id));
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as PolicyStore;
    const [pending] = (await store.siteState('example.com'))!.pending;
    expect(pending).toMatchObject({ versions: 2 });
    const combined = createCombinedChange();
    const answers = await Promise.all(Array.from({ length: 12 }, () => combined(counting, pending!)));
    expect(reads).toBe(2);
    expect(answers[0]!.counts.major).toBe(2);
    for (const a of answers) expect(a).toBe(answers[0]);
    // Asked again later: from the cache.
    await combined(counting, pending!);
    expect(reads).toBe(2);
  });
});
