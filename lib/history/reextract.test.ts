import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../core/engine';
import { prepareDocument } from './hash';
import { reextractAll, reextractStep } from './reextract';
import { openPolicyStore, type ExtractFn, type PolicyStore } from './store';
import { freshStore, makeClock } from './test-support';
import { currentExtractor, DEMO_URL, demoHtml, extracted, fallbackOnlyExtractor } from './test-pages';

/** Extractor k made the stored texts; k + 1 is the one the store is now opened with. */
const K = 1;
const K1 = 2;

/** Captures of the demo policy, version 1 then version 2 (a real change), all made by extractor k. */
async function capturedUnderK(store: PolicyStore, tick: () => void) {
  for (const name of ['privacy-v1', 'privacy-v2'] as const) {
    const html = demoHtml(name);
    await store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: await extracted(fallbackOnlyExtractor, html), raw: { html, source: 'visit' }, extractorVersion: K, analyze: analyzeChange });
    tick();
  }
}

function counting(extract: ExtractFn): ExtractFn & { calls: string[] } {
  const calls: string[] = [];
  const fn = (async (html: string, url: string) => {
    calls.push(url);
    return extract(html, url);
  }) as ExtractFn & { calls: string[] };
  fn.calls = calls;
  return fn;
}

describe('re-extraction when the extractor changes', () => {
  it('the two extractors really differ on version 2: without re-extraction, the next capture reads as a change', async () => {
    const html = demoHtml('privacy-v2');
    const [k, k1] = await Promise.all([extracted(fallbackOnlyExtractor, html), extracted(currentExtractor, html)]);
    expect((await prepareDocument(k)).contentHash).not.toBe((await prepareDocument(k1)).contentHash);
    expect(k.blocks[0]).toMatchObject({ kind: 'heading', text: 'Privacy Policy' });
    expect(k1.blocks.some((b) => b.kind === 'heading' && b.text === 'Privacy Policy')).toBe(false);

    // What happened before re-extraction existed: the same page, read by the new extractor, is a new version.
    const { store, clock } = await freshStore();
    await capturedUnderK(store, () => clock.tick());
    const next = await store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: k1, raw: { html, source: 'visit' }, extractorVersion: K1, analyze: analyzeChange });
    expect(next.status).toBe('changed');
    expect(next.analysis?.changes.map((c) => [c.type, c.before])).toContainEqual(['removed', 'Privacy Policy']);
  });

  it('a store with captures made under version k, opened with k + 1, re-extracts them and shows no change', async () => {
    const { store, factory, clock } = await freshStore();
    await capturedUnderK(store, () => clock.tick());
    const policyId = (await store.listPolicies('inkwell.example'))[0]!.policyId;
    const before = await store.listVersions(policyId);
    const sitesBefore = await store.listSites();
    expect(before.map((v) => v.extractorVersion)).toEqual([K, K]);
    expect((await store.pendingReextraction(K1, 10)).sort()).toEqual(before.map((v) => v.versionId).sort());
    store.close();

    // The updated extension opens the same database and runs the background re-extraction.
    const upgraded = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    const extract = counting(currentExtractor);
    const totals = await reextractAll(upgraded, { extractorVersion: K1, extract, analyze: analyzeChange });
    // Extractor k kept the page's <h1> in both; k + 1 leaves it out of both (its fallback, on version 1, does
    // as Readability does on version 2), so both texts are new and neither is reported as a change.
    expect(totals).toEqual({ processed: 2, changedText: 2, sameText: 0, failed: 0, more: false, readIds: expect.arrayContaining(before.map((v) => v.versionId)) });
    expect(totals.readIds).toHaveLength(2);
    expect(extract.calls).toHaveLength(2);

    // The same versions, dates, review flags and analyses (the unreviewed change analysed again from the
    // new texts, to the same findings): no new version, no new alert.
    const after = await upgraded.listVersions(policyId);
    expect(after.map((v) => [v.versionId, v.firstSeen, v.lastSeen, v.reviewed, v.digest, v.counts])).toEqual(before.map((v) => [v.versionId, v.firstSeen, v.lastSeen, v.reviewed, v.digest, v.counts]));
    expect(after.map((v) => [v.extractorVersion, v.reextractedFrom])).toEqual([
      [K1, K],
      [K1, K],
    ]);
    expect(await upgraded.listSites()).toEqual(sitesBefore);
    // The text is now the new extractor's, without the heading it never meant to keep.
    const latest = (await upgraded.getVersion(after[1]!.versionId))!;
    expect(latest.document.blocks).toEqual((await extracted(currentExtractor, demoHtml('privacy-v2'))).blocks);
    expect(latest.damaged).toBe(false);
    expect(await upgraded.reextractionProgress()).toMatchObject({ extractorVersion: K1, changedText: 2, sameText: 0, failed: 0 });

    // The next capture of the same page, by the new extractor, is the same version.
    const html = demoHtml('privacy-v2');
    clock.tick();
    const again = await upgraded.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: await extracted(currentExtractor, html), raw: { html, source: 'visit' }, extractorVersion: K1, analyze: analyzeChange });
    expect(again.status).toBe('unchanged');
    expect(await upgraded.listVersions(policyId)).toHaveLength(2);
    // And the chain records both re-extractions and still verifies.
    expect((await upgraded.verifyChains('inkwell.example'))[0]).toMatchObject({ ok: true, entries: 4, rawKept: 2 });
    // Nothing is left to do, and a second run does nothing.
    expect(await reextractAll(upgraded, { extractorVersion: K1, extract })).toMatchObject({ processed: 0 });
    expect(extract.calls).toHaveLength(2);
    upgraded.close();
  });

  it('a capture arriving before the background got to its policy re-extracts the latest version first', async () => {
    const { store, clock } = await freshStore();
    await capturedUnderK(store, () => clock.tick());
    const html = demoHtml('privacy-v2');
    const saved = await store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: await extracted(currentExtractor, html), raw: { html, source: 'check' }, extractorVersion: K1, analyze: analyzeChange, reextract: currentExtractor });
    expect(saved.status).toBe('unchanged');
    expect(saved.version).toMatchObject({ extractorVersion: K1, reextractedFrom: K });
    // Only the latest was needed; the first version is still waiting for the background.
    expect(await store.pendingReextraction(K1, 10)).toHaveLength(1);
  });

  it('works a few versions per step and, after a worker restart mid-step, does the rest exactly once', async () => {
    const { store, factory, clock } = await freshStore(makeClock());
    const html = demoHtml('privacy-v1');
    const doc = await extracted(fallbackOnlyExtractor, html);
    // Seven policies (one per path), each captured once under k.
    for (let i = 0; i < 7; i++) {
      const url = `https://inkwell.example/legal/privacy-${i}`;
      await store.savePolicyVersion({ url, kind: 'privacy-policy', document: { ...doc, url }, raw: { html: `${html}<!-- capture ${i} -->`, source: 'visit' }, extractorVersion: K });
      clock.tick();
    }
    const first = counting(currentExtractor);
    expect(await reextractStep(store, { extractorVersion: K1, extract: first, limit: 3 })).toMatchObject({ processed: 3, more: true });

    // The worker is stopped while it reads the fourth capture: that extraction never returns.
    let stopped!: () => void;
    const reached = new Promise<void>((r) => (stopped = r));
    const hanging: ExtractFn = () => {
      stopped();
      return new Promise(() => {});
    };
    void reextractStep(store, { extractorVersion: K1, extract: hanging, limit: 3 });
    await reached;
    store.close();

    const restarted = await openPolicyStore({ idb: factory, name: 'test', clock: clock.fn });
    expect((await restarted.reextractionProgress())?.changedText).toBe(3);
    const rest = counting(currentExtractor);
    expect(await reextractAll(restarted, { extractorVersion: K1, extract: rest, limit: 3 })).toMatchObject({ processed: 4, more: false });
    expect(rest.calls).toHaveLength(4);
    expect(new Set([...first.calls, ...rest.calls]).size).toBe(7);
    expect(await restarted.reextractionProgress()).toMatchObject({ sameText: 0, changedText: 7, failed: 0 });
    restarted.close();
  });

  it('keeps the older text, with the reason, when the new extractor cannot read a capture, and does not retry it', async () => {
    const { store } = await freshStore();
    const html = demoHtml('privacy-v1');
    const doc = await extracted(fallbackOnlyExtractor, html);
    const saved = await store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: doc, raw: { html, source: 'visit' }, extractorVersion: K });
    const refuses: ExtractFn = async () => ({ ok: false, reason: 'not a privacy policy' });
    expect(await reextractAll(store, { extractorVersion: K1, extract: refuses })).toMatchObject({ processed: 1, failed: 1 });
    const v = (await store.getVersion(saved.version.versionId))!;
    expect(v.document.blocks).toEqual(doc.blocks);
    expect(v.extractorVersion).toBe(K);
    expect(await store.pendingReextraction(K1, 10)).toEqual([]);
    expect((await store.verifyChains('inkwell.example'))[0]?.ok).toBe(true);
  });

  it('leaves a capture pending when the extractor itself throws (no DOM yet), and reads it on the next run', async () => {
    const { store } = await freshStore();
    const html = demoHtml('privacy-v2');
    const saved = await store.savePolicyVersion({ url: DEMO_URL, kind: 'privacy-policy', document: await extracted(fallbackOnlyExtractor, html), raw: { html, source: 'visit' }, extractorVersion: K });
    const throws: ExtractFn = async () => {
      throw new Error('the offscreen document is not ready');
    };
    expect(await reextractAll(store, { extractorVersion: K1, extract: throws })).toMatchObject({ processed: 0, failed: 0, more: false });
    expect(await store.pendingReextraction(K1, 10)).toEqual([saved.version.versionId]);
    expect(await reextractAll(store, { extractorVersion: K1, extract: currentExtractor })).toMatchObject({ processed: 1, failed: 0 });
    expect((await store.getVersion(saved.version.versionId))?.extractorVersion).toBe(K1);
  });

  it('pages the extractor throws on do not keep the others waiting, and are tried again on the next run', async () => {
    const { store, clock } = await freshStore();
    const html = demoHtml('privacy-v2');
    const document = await extracted(fallbackOnlyExtractor, html);
    // Eight sites, one capture each; the first six (by the list's order) make the extractor throw.
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      clock.tick();
      const url = `https://site${i}.example/privacy`;
      ids.push((await store.savePolicyVersion({ url, kind: 'privacy-policy', document: { ...document, url }, raw: { html, source: 'visit' }, extractorVersion: K })).version.versionId);
    }
    const pending = await store.pendingReextraction(K1, 10);
    const throwsOn = new Set(pending.slice(0, 6));
    const byUrl = new Map(await Promise.all(ids.map(async (id) => [(await store.getVersion(id))!.url, id] as const)));
    const sometimes: ExtractFn = async (h, url) => {
      if (throwsOn.has(byUrl.get(url)!)) throw new Error('this page breaks the extractor');
      return currentExtractor(h, url);
    };
    expect(await reextractAll(store, { extractorVersion: K1, extract: sometimes, limit: 5 })).toMatchObject({ processed: 2, more: false });
    expect((await store.pendingReextraction(K1, 10)).sort()).toEqual([...throwsOn].sort());
    throwsOn.clear();
    expect(await reextractAll(store, { extractorVersion: K1, extract: sometimes, limit: 5 })).toMatchObject({ processed: 6 });
    expect(await store.pendingReextraction(K1, 10)).toEqual([]);
  });
});
