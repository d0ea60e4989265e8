/**
 * The change since the last review, shared by the badge and the popup: analysed once per pair of texts,
 * even when every tab's badge asks for it at the same moment (a refresh of all tabs after a worker restart).
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { analyzeChange } from '@/lib/core/engine';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { freshStore } from '@/lib/history/test-support';
import type { PolicyStore } from '@/lib/history';
import { createCombinedChange } from './combined';

const URL_ = 'https://www.example.com/privacy';
const doc = (md: string) => documentFromMarkdown(`# Privacy Policy\n\n${md}`, { url: URL_, language: 'en' });

describe('the change since the last review', () => {
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
