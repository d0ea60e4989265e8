import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { gzip } from './evidence/raw';
import { openDatabase, STORES } from './db';
import { freshStore, makeDocument } from './test-support';

const URL_ = 'https://www.example.com/privacy';
const SITE = 'example.com';

async function twoCaptures() {
  const env = await freshStore();
  const docs = [makeDocument({ Sharing: ['We do not share your data.'] }), makeDocument({ Sharing: ['We share your data with partners.'] })];
  const saved = [];
  for (const [i, document] of docs.entries()) {
    saved.push(await env.store.savePolicyVersion({ url: URL_, document, kind: 'privacy-policy', raw: { html: `<h1>Privacy</h1><p>page ${i}</p>`, source: 'visit' }, extractorVersion: 1 }));
    env.clock.tick();
  }
  return { ...env, saved, policyId: saved[0]!.policyId };
}

/** Changes a record in the database behind the store's back, as damage or tampering would. */
async function alter(factory: IDBFactory, store: string, key: IDBValidKey, change: (r: Record<string, unknown>) => Record<string, unknown>) {
  const db = await openDatabase(factory, 'test');
  const record = (await db.get(store as 'versions', key)) as Record<string, unknown>;
  await db.put(store as 'versions', change(record));
  db.close();
}

describe('the record of a policy in the store', () => {
  it('verifies after captures, with an entry per version linking the page and the text', async () => {
    const { store } = await twoCaptures();
    const [chain] = await store.verifyChains(SITE);
    expect(chain).toMatchObject({ ok: true, entries: 2, rawKept: 2, rawPruned: 0, problems: [] });
    expect(chain!.versions.map((v) => v.raw)).toEqual(['kept', 'kept']);
  });

  it('says a version imported from a history file has its page behind, not that it came before pages were kept', async () => {
    const { store } = await twoCaptures();
    const { store: other, clock } = await freshStore();
    expect(await other.importAll(await store.exportAll())).toMatchObject({ ok: true, added: 2 });
    const [chain] = await other.verifyChains(SITE);
    expect(chain).toMatchObject({ ok: true, entries: 2, rawKept: 0 });
    expect(chain!.versions.map((v) => v.raw)).toEqual(['imported', 'imported']);
    // A capture of the latest text keeps its page from then on.
    clock.tick();
    await other.savePolicyVersion({ url: URL_, document: makeDocument({ Sharing: ['We share your data with partners.'] }), kind: 'privacy-policy', raw: { html: '<p>again</p>', source: 'visit' }, extractorVersion: 1 });
    expect((await other.verifyChains(SITE))[0]!.versions.map((v) => v.raw)).toEqual(['imported', 'kept']);
  });

  it('names the entry when one was altered in the database', async () => {
    const { store, factory, policyId } = await twoCaptures();
    await alter(factory, STORES.captures, [policyId, 0], (e) => ({ ...e, capturedAt: '2020-01-01T00:00:00.000Z' }));
    const [chain] = await store.verifyChains(SITE);
    expect(chain?.ok).toBe(false);
    expect(chain?.problems).toEqual(['Chain entry 0 does not match its own hash (it was altered).']);
    expect(chain?.codes).toEqual([{ code: 'altered-entry', seq: 0 }]);
  });

  it('says so when a stored text or a saved page no longer matches its hash', async () => {
    const { store, factory, saved } = await twoCaptures();
    const db = await openDatabase(factory, 'test');
    const blocks = (await db.getAll(STORES.blocks)) as Array<{ policyId: string; key: string; block: { text: string } }>;
    const target = blocks.find((b) => b.block.text === 'We share your data with partners.')!;
    await db.put(STORES.blocks, { ...target, block: { ...target.block, text: 'We share your data with nobody.' } });
    db.close();
    const rawSha = saved[0]!.version.rawSha256!;
    const other = await gzip(new TextEncoder().encode('<h1>Privacy</h1><p>another page</p>'));
    await alter(factory, STORES.raw, rawSha, (r) => ({ ...r, gzip: other }));

    const [chain] = await store.verifyChains(SITE);
    expect(chain?.ok).toBe(false);
    expect(chain?.problems).toEqual([
      expect.stringMatching(/^The stored text of the version first seen .* is not the text its chain entry names \(it was altered or damaged\)\.$/),
      `The raw capture ${rawSha.slice(0, 12)}… does not match its hash (it was altered or damaged).`,
    ]);
    // The same problems as codes, in the same order, for the history page to word in the reader's language.
    expect(chain?.codes).toEqual([
      { code: 'text-altered', seen: saved[1]!.version.firstSeen },
      { code: 'page-altered', sha: rawSha.slice(0, 12) },
    ]);
  });

  it('exports the evidence without a saved page whose compressed bytes are damaged, and verification names it', async () => {
    const { store, factory, saved } = await twoCaptures();
    const rawSha = saved[0]!.version.rawSha256!;
    // Cut short, as a disk error would leave it: still bytes, so the stored record reads.
    await alter(factory, STORES.raw, rawSha, (r) => ({ ...r, gzip: (r as { gzip: Uint8Array }).gzip.slice(0, 10) }));

    const evidence = await store.evidence(null);
    expect(evidence).toHaveLength(1);
    expect([...evidence[0]!.raws.keys()]).toEqual([saved[1]!.version.rawSha256]);
    expect(evidence[0]!.texts).toHaveLength(2);
    const [chain] = await store.verifyChains(SITE);
    expect(chain?.codes).toEqual([{ code: 'page-altered', sha: rawSha.slice(0, 12) }]);
    await expect(store.readRawCapture(rawSha)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringMatching(/saved page is damaged/) });
    expect(await store.readRawCapture(saved[1]!.version.rawSha256!)).toBe('<h1>Privacy</h1><p>page 1</p>');
  });

  it('still records a capture when the last entry is unreadable, and the chain shows the break', async () => {
    const { store, factory, policyId } = await twoCaptures();
    await alter(factory, STORES.captures, [policyId, 1], (e) => ({ ...e, textSha256: 'not a hash' }));
    const third = await store.savePolicyVersion({ url: URL_, document: makeDocument({ Sharing: ['We sell your data.'] }), kind: 'privacy-policy', raw: { html: '<p>3</p>', source: 'check' }, extractorVersion: 1 });
    expect(third.status).toBe('changed');
    expect((await store.listQuarantine()).map((q) => q.store)).toEqual([STORES.captures]);
    const [chain] = await store.verifyChains(SITE);
    expect(chain?.ok).toBe(false);
    expect(chain?.problems).toContain('Chain entry 2 is numbered 2 but is entry 1 of the chain.');
    expect(chain?.problems).toContainEqual(expect.stringMatching(/has no chain entry\.$/));
    expect(chain?.codes).toContainEqual({ code: 'misnumbered', seq: 2, position: 1 });
    expect(chain?.codes).toContainEqual({ code: 'no-entry', seen: expect.any(Number) });
    expect(chain?.codes).toHaveLength(chain?.problems.length ?? -1);
  });
});
