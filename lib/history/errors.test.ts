import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { isQuotaError, StoreError, toStoreError } from './errors';

const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const aborted = new DOMException('The transaction was aborted.', 'AbortError');

describe('toStoreError', () => {
  it.each<[string, unknown, unknown]>([
    ['thrown by a write', quota, undefined],
    ['reported as the reason a commit was aborted', aborted, quota],
    ['wrapped as the cause of another error', new Error('write failed', { cause: quota }), undefined],
  ])('recognises a quota failure %s', (_label, error, transactionError) => {
    const mapped = toStoreError(error, 'save the policy', transactionError);
    expect(mapped.code).toBe('quota');
    expect(mapped.message).toMatch(/no more storage space/);
    expect(mapped.message).toMatch(/options page/);
  });

  it('keeps other failures apart, saying what could not be done', () => {
    const mapped = toStoreError(aborted, 'save the policy');
    expect(mapped.code).toBe('unknown');
    expect(mapped.message).toMatch(/could not save the policy/);
    expect(isQuotaError(aborted)).toBe(false);
  });

  it('passes a StoreError through unchanged', () => {
    const original = new StoreError('not-found', 'gone');
    expect(toStoreError(original, 'read')).toBe(original);
  });
});

describe('a closed database', () => {
  it('tells the user to reload rather than showing an internal error', async () => {
    const { freshStore } = await import('./test-support');
    const { store } = await freshStore();
    store.close();
    await expect(store.listSites()).rejects.toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Reload/) });
  });

  it('refuses an import with a code the page words in the reader language (reload and import again)', async () => {
    const { freshStore } = await import('./test-support');
    const { store } = await freshStore();
    const file = await store.exportAll();
    store.close();
    expect(await store.importAll(file)).toMatchObject({ ok: false, refusal: { kind: 'store-closed' }, error: expect.stringMatching(/Nothing was imported/) });
  });
});
