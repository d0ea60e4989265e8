/**
 * The background's history feature on WXT's fakeBrowser with a real store (fake-indexeddb) and the real
 * engine: saving captures, what the user is told about storage, and that a working save clears an old
 * "could not be saved" message (while a note about what was pruned stays until the next one).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBObjectStore } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, STORES } from '@/lib/history/db';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { documentFromMarkdown } from '@/lib/core/page/markdown';
import { createHistory } from './history';
import { backgroundForTest } from './testing/support';

const URL_ = 'https://www.example.com/privacy';
const doc = (md: string) => documentFromMarkdown(`# Privacy Policy\n\n${md}`, { url: URL_, language: 'en' });
const page = (text: string) => ({ html: `<html><body><h1>Privacy Policy</h1><p>${text}</p></body></html>`, source: 'visit' as const });

function setup() {
  const factory = new IDBFactory();
  return createHistory({ idb: () => factory, extract: async () => ({ ok: false, reason: 'not used' }) });
}

beforeEach(() => fakeBrowser.reset());

describe('the history feature', () => {
  it('files a first version, then a change with its analysis, under the page’s site; one store per worker', async () => {
    const history = setup();
    const first = await history.save(URL_, doc('We collect your email.'), 'privacy-policy', page('We collect your email.'));
    expect(first.status).toBe('first');
    const changed = await history.save(URL_, doc('We collect your email.\n\nWe may use your content to train our AI models.'), 'privacy-policy', page('We may use your content to train our AI models.'));
    expect(changed.status).toBe('changed');
    expect(changed.analysis?.findings.map((f) => [f.category, f.kind])).toContainEqual(['ai-training', 'new']);
    const store = await history.store();
    expect(await history.store()).toBe(store);
    expect(history.siteOf(store, URL_)).toBe('example.com');
    expect(history.siteOf(store, 'chrome://settings')).toBeNull();
    expect((await store.siteState('example.com'))?.alert).toBe(1);
  });

  it('clears an earlier "could not be saved" once saving works again, keeps a pruning notice, and drops what it cannot read', async () => {
    const history = setup();
    // As releases before the reason was a code stored it: the English sentence is dropped, the reason kept.
    await fakeBrowser.storage.local.set({ storageProblem: { kind: 'save-failed', detail: 'The browser refused to store more data.' } });
    expect(await history.storageProblem()).toEqual({ kind: 'save-failed', reason: 'quota' });
    await history.save(URL_, doc('One.'), 'privacy-policy', page('One.'));
    expect(await history.storageProblem()).toBeNull();
    await fakeBrowser.storage.local.set({ storageProblem: { kind: 'pruned', removedRaw: 2, removedVersions: 0 } });
    await history.save(URL_, doc('Two.'), 'privacy-policy', page('Two.'));
    expect(await history.storageProblem()).toEqual({ kind: 'pruned', removedRaw: 2, removedVersions: 0 });
    // An English sentence stored by an older release is not shown in a German popup: it is dropped.
    await fakeBrowser.storage.local.set({ storageProblem: 'Storage was full: 2 older saved pages were removed to make room.' });
    expect(await history.storageProblem()).toBeNull();
  });

  it('lets the user close a pruning notice once read, through the background; a failed save\'s notice stays until saving works', async () => {
    const { handlers, history } = backgroundForTest();
    await fakeBrowser.storage.local.set({ storageProblem: { kind: 'save-failed', reason: 'quota' } });
    expect(await handlers.dismissStorageProblem({}, {} as never)).toEqual({ dismissed: false });
    expect(await history.storageProblem()).toEqual({ kind: 'save-failed', reason: 'quota' });
    await fakeBrowser.storage.local.set({ storageProblem: { kind: 'pruned', removedRaw: 2, removedVersions: 1, removedUnreviewed: 1 } });
    expect((await handlers.getOptions({}, {} as never)).storageProblem).toMatchObject({ kind: 'pruned' });
    expect(await handlers.dismissStorageProblem({}, {} as never)).toEqual({ dismissed: true });
    expect((await handlers.getOptions({}, {} as never)).storageProblem).toBeNull();
  });

  it('says the storage is full when a full disk stops the upgrade of an older history (the upgrade is rolled back whole)', async () => {
    const factory = new IDBFactory();
    const dump = JSON.parse(readFileSync(new URL('../lib/history/fixtures/history-v3.json', import.meta.url), 'utf8')) as Record<string, unknown[]>;
    const old = [STORES.sites, STORES.policies, STORES.versions, STORES.chunks, STORES.blocks, STORES.quarantine];
    const db = await openDatabase(factory, 'clausewatch', 3);
    const tx = db.transaction(old, 'readwrite');
    for (const name of old) for (const record of dump[name] ?? []) await tx.objectStore(name).put(record);
    await tx.done;
    db.close();
    // The disk fills while the upgrade writes (fault injection: fake-indexeddb has no quota of its own).
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === STORES.captures) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const history = createHistory({ idb: () => factory, extract: async () => ({ ok: false, reason: 'not used' }) });
    const error = await history.save(URL_, doc('We collect your email.'), 'privacy-policy', page('We collect your email.')).catch((e: unknown) => e);
    spy.mockRestore();
    expect(error).toMatchObject({ code: 'quota' });
    expect(await history.storageProblem()).toEqual({ kind: 'save-failed', reason: 'quota' });
    // Once there is room, the upgrade runs again and the save goes through, a change from the history kept whole.
    expect((await history.save(URL_, doc('We collect your email.'), 'privacy-policy', page('We collect your email.'))).status).toBe('changed');
    expect(await history.storageProblem()).toBeNull();
    expect((await (await history.store()).listPolicies('example.com')).length).toBeGreaterThan(1);
  });
});

describe('a save a full disk refuses even after space was freed for it', () => {
  it('records the failure with what was removed on the way, so the popup tells both', async () => {
    const history = createHistory({ idb: () => new IDBFactory(), extract: async () => ({ ok: false, reason: 'not used' }) });
    for (const text of ['We collect your email.', 'We collect your email and your name.', 'We collect your email, your name and your phone number.']) {
      await history.save(URL_, doc(text), 'privacy-policy', page(text));
    }
    // No room for another site's policy, whatever is freed.
    const other = 'https://www.other.example/privacy';
    const put = IDBObjectStore.prototype.put;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === STORES.versions && (args[0] as { url?: string }).url === other) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await history.save(other, { ...doc('We collect nothing.'), url: other }, 'privacy-policy', page('We collect nothing.')).catch((e: unknown) => e);
    // The middle version's page went, then (the last resort) the middle version, a minor change nobody reviewed.
    expect(error).toMatchObject({ code: 'quota', pruned: { removedRaw: 1, removedVersions: 1, removedUnreviewed: 1 } });
    expect(await history.storageProblem()).toEqual({ kind: 'save-failed', reason: 'quota', removedRaw: 1, removedVersions: 1, removedUnreviewed: 1 });
    // Refused again, with nothing more to remove: what went before is still told.
    spy.mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === STORES.versions && (args[0] as { url?: string }).url === other) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(history.save(other, { ...doc('We collect nothing.'), url: other }, 'privacy-policy', page('We collect nothing.'))).rejects.toMatchObject({ code: 'quota' });
    spy.mockRestore();
    expect(await history.storageProblem()).toEqual({ kind: 'save-failed', reason: 'quota', removedRaw: 1, removedVersions: 1, removedUnreviewed: 1 });
    // Saving works again: the failure is over, the removal is still told.
    expect((await history.save(other, { ...doc('We collect nothing.'), url: other }, 'privacy-policy', page('We collect nothing.'))).status).toBe('first');
    expect(await history.storageProblem()).toEqual({ kind: 'pruned', removedRaw: 1, removedVersions: 1, removedUnreviewed: 1 });
  });
});
