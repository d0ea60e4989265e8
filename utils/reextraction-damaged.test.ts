/**
 * A real sale whose older text is damaged (a lost block): damaged text is never analysed, so the pair read
 * anew keeps the analysis it had rather than losing it (captures.ts reanalyses), and the sale still alerts.
 */
import 'fake-indexeddb/auto';
import { beforeEach, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { analyzeChange } from '@/lib/core/engine';
import { reextractAll } from '@/lib/history/reextract';
import type { ExtractFn, PolicyStore } from '@/lib/history/store';
import { freshStore } from '@/lib/history/test-support';
import { makeDocument } from '@/lib/history/test-support';
import { BASE, CONTACT, SALE, seen, URL_, versionsOf } from './testing/reextraction-pages';

beforeEach(() => fakeBrowser.reset());

const OLDLINE = 'We keep your orders for seven years.';
// Pages of their own here (no collapsed panel): extractor 8 reads an earlier edition quoted below the policy
// (`<section class="old">`) as policy text, extractor 9 leaves it out. P0 quotes none: the same text for both.
const html = (ps: string[], old = '') => `<!doctype html><html lang="en"><body><h1>Privacy Policy</h1>${ps.map((p) => `<p>${p}</p>`).join('')}${old ? `<section class="old"><p>${old}</p></section>` : ''}</body></html>`;
const doc = (h: string, extractor: 8 | 9) => {
  const kept = extractor === 9 ? h.replace(/<section class="old">[\s\S]*?<\/section>/g, '') : h;
  return makeDocument({ 'What we collect': [...kept.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!) }, { url: URL_ });
};
const P0 = html([BASE, OLDLINE, CONTACT]);
const P1 = html([BASE, CONTACT, SALE], 'Earlier edition: we keep your orders for seven years.'); // OLDLINE out, a sale in
const save8 = (store: PolicyStore, h: string) => store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: doc(h, 8), raw: { html: h, source: 'visit' }, extractorVersion: 8, analyze: analyzeChange });
const extract: ExtractFn = async (h) => ({ ok: true, document: doc(h, 9) });

function deleteBlockContaining(factory: IDBFactory, text: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = factory.open('test');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('blocks', 'readwrite');
      let n = 0;
      const cursor = tx.objectStore('blocks').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        if (JSON.stringify(c.value).includes(text)) {
          c.delete();
          n++;
        }
        c.continue();
      };
      tx.oncomplete = () => {
        db.close();
        resolve(n);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

it('a real sale whose older text is damaged: after the update (and the backfill) it still alerts', async () => {
  const { store, clock, factory } = await freshStore();
  for (const html of [P0, P1]) {
    clock.tick();
    await save8(store, html);
  }
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
  // The sale's analysis was made when both texts were whole. Then a block only P0 has is lost.
  expect(await deleteBlockContaining(factory, OLDLINE)).toBe(1);
  const [p0, p1] = await versionsOf(store);
  expect(await store.reextractVersion(p0!.versionId, 9, extract, analyzeChange)).toBe('same-text');
  expect(await store.reextractVersion(p1!.versionId, 9, extract, analyzeChange)).toBe('changed-text');
  await reextractAll(store, { extractorVersion: 9, extract, analyze: analyzeChange });
  await store.analyzeMissing(analyzeChange, 20);
  expect(await seen(store)).toMatchObject({ badgeMajor: 1, popupMajor: 1, alertIndex: 1 });
});
