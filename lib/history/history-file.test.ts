import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_PARAGRAPHS, MAX_IMPORT_TEXT_CHARS, MAX_IMPORT_VERSION_CHARS } from '../core/limits';
import { packHistory, readHistoryFile, type PackedHistoryFile } from './history-file';
import type { ExportFile } from './schema';
import { editDocument, freshStore, syntheticPolicy } from './test-support';

const URL_A = 'https://www.example.com/privacy';

/** A store with `count` versions of a long policy, each changing one paragraph of the one before. */
async function longHistory(count: number, words = 8_000) {
  const env = await freshStore();
  let doc = syntheticPolicy(words);
  for (let i = 0; i < count; i++) {
    await env.store.savePolicyVersion({ url: URL_A, document: doc, kind: 'privacy-policy' });
    env.clock.tick();
    doc = editDocument(doc, i + 1);
  }
  return env;
}

/** The file as a user's disk holds it: JSON text, read back. */
const onDisk = <T>(file: T): unknown => JSON.parse(JSON.stringify(file));

/** What a user would compare: every version's text, times and review, not storage ids or export time. */
function content(file: ExportFile) {
  return file.sites.map((s) => s.policies.map((p) => p.versions.map((v) => [v.firstSeen, v.lastSeen, v.contentHash, v.reviewed, v.document])));
}

describe('the history file', () => {
  it('writes each paragraph of a long history once, so it stays a small multiple of one version', async () => {
    const { store } = await longHistory(12);
    const history = await store.exportAll();
    const packed = packHistory(history);
    expect(packed.version).toBe(2);
    const paragraphs = history.sites[0]!.policies[0]!.versions[0]!.document.blocks.length;
    // The first version's paragraphs, and one changed paragraph for each of the 11 changes.
    expect(packed.blocks).toHaveLength(paragraphs + 11);
    const whole = JSON.stringify(history).length;
    const written = JSON.stringify(packed).length;
    const oneVersion = JSON.stringify(history.sites[0]!.policies[0]!.versions[0]!.document).length;
    expect(written).toBeLessThan(whole / 4);
    expect(written).toBeLessThan(oneVersion * 2);
  });

  it('reads back as the history it was written from, through JSON', async () => {
    const { store } = await longHistory(4, 600);
    const history = await store.exportAll();
    const read = readHistoryFile(onDisk(packHistory(history)));
    expect(read.ok && read.file).toEqual(onDisk(history));
  });

  it('restores into an empty history, and adds nothing where the same history is held, however it was written', async () => {
    const { store } = await longHistory(5, 600);
    const history = await store.exportAll();
    const { store: fresh } = await freshStore();
    expect(await fresh.importAll(onDisk(packHistory(history)))).toEqual({ ok: true, added: 5, skipped: 0 });
    expect(content(await fresh.exportAll())).toEqual(content(history));
    // The same history in the first version of the format (whole documents), and again in the second.
    expect(await fresh.importAll(onDisk(history))).toEqual({ ok: true, added: 0, skipped: 5 });
    expect(await fresh.importAll(onDisk(packHistory(history)))).toEqual({ ok: true, added: 0, skipped: 5 });
  });

  it('still reads files of the first version, which wrote every version whole', async () => {
    const { store } = await longHistory(3, 300);
    const history = onDisk(await store.exportAll()) as ExportFile;
    expect(history.version).toBe(1);
    const read = readHistoryFile(history);
    expect(read.ok && read.file).toEqual(history);
  });

  it('refuses a file of a later version, or one that is not a history, as what it is', () => {
    expect(readHistoryFile({ format: 'clausewatch-history', version: 3, exportedAt: '2026-12-05T00:00:00.000Z', sites: [] })).toMatchObject({ ok: false, why: 'damaged' });
    expect(readHistoryFile({ format: 'something-else', version: 2 })).toEqual({ ok: false, why: 'not-ours' });
    expect(readHistoryFile(null)).toEqual({ ok: false, why: 'not-ours' });
  });

  describe('a damaged or crafted file is refused whole, naming why', () => {
    async function packed(): Promise<PackedHistoryFile> {
      const { store } = await longHistory(2, 300);
      return onDisk(packHistory(await store.exportAll())) as PackedHistoryFile;
    }

    it('a paragraph the file does not have', async () => {
      const file = await packed();
      file.sites[0]!.policies[0]!.versions[1]!.document.blocks.push(file.blocks.length);
      const read = readHistoryFile(file);
      expect(read).toMatchObject({ ok: false, why: 'damaged' });
      expect(!read.ok && read.why === 'damaged' && read.detail).toContain(`version 2 of "example.com/privacy" names paragraph ${file.blocks.length}`);
      const { store } = await freshStore();
      const result = await store.importAll(file);
      expect(result).toMatchObject({ ok: false, code: 'invalid-import', refusal: { kind: 'damaged' } });
      expect(await store.listSites()).toEqual([]);
    });

    it('a paragraph named by a negative or fractional place', async () => {
      for (const at of [-1, 0.5]) {
        const file = await packed();
        file.sites[0]!.policies[0]!.versions[0]!.document.blocks[0] = at;
        expect(readHistoryFile(file)).toMatchObject({ ok: false, why: 'damaged' });
      }
    });

    it('a small file whose versions name one long paragraph again and again: refused as too large before any of it is written out', async () => {
      const file = await packed();
      const long = 1_000_000;
      file.blocks.push({ kind: 'paragraph', text: 'x'.repeat(long), section: [] });
      const at = file.blocks.length - 1;
      const versions = file.sites[0]!.policies[0]!.versions;
      // One version more than an import takes of one version.
      versions[0]!.document.blocks = Array.from({ length: Math.floor(MAX_IMPORT_VERSION_CHARS / long) + 1 }, () => at);
      expect(readHistoryFile(file)).toEqual({ ok: false, why: 'too-large', unit: 'characters', limit: MAX_IMPORT_VERSION_CHARS, policy: 'example.com/privacy' });
      // Every version within that, but more than an import takes together.
      const perVersion = Math.floor(MAX_IMPORT_VERSION_CHARS / long) - 1;
      const template = versions[0]!;
      file.sites[0]!.policies[0]!.versions = Array.from({ length: Math.ceil(MAX_IMPORT_TEXT_CHARS / (perVersion * long)) + 1 }, () => ({
        ...template,
        document: { ...template.document, blocks: Array.from({ length: perVersion }, () => at) },
      }));
      expect(readHistoryFile(file)).toEqual({ ok: false, why: 'too-large', unit: 'characters', limit: MAX_IMPORT_TEXT_CHARS });
      // The store refuses it with that reason, worded for the page, and imports nothing.
      const { store } = await freshStore();
      expect(await store.importAll(file)).toMatchObject({ ok: false, code: 'invalid-import', refusal: { kind: 'too-large', unit: 'characters', limit: MAX_IMPORT_TEXT_CHARS } });
      expect(await store.listSites()).toEqual([]);
    });

    it('an empty paragraph listed very many times: counted as it is hashed, and the paragraphs listed are bounded', async () => {
      const file = await packed();
      file.blocks.push({ kind: 'paragraph', text: '', section: [] });
      const at = file.blocks.length - 1;
      const template = file.sites[0]!.policies[0]!.versions[0]!;
      const refs = Array.from({ length: 1_000_000 }, () => at);
      // A million empty paragraphs in one version: 26 million characters once written out, as hashed.
      file.sites[0]!.policies[0]!.versions = [{ ...template, document: { ...template.document, blocks: refs } }];
      const one = readHistoryFile(file);
      expect(one.ok).toBe(true);
      // Eleven such versions list more paragraphs than an import takes, though they hold little text.
      file.sites[0]!.policies[0]!.versions = Array.from({ length: MAX_IMPORT_PARAGRAPHS / refs.length + 1 }, () => ({ ...template, document: { ...template.document, blocks: refs } }));
      expect(readHistoryFile(file)).toEqual({ ok: false, why: 'too-large', unit: 'paragraphs', limit: MAX_IMPORT_PARAGRAPHS });
    });

    it('names a site and path from the file at most 100 characters long', async () => {
      const file = await packed();
      file.sites[0]!.site = 'x'.repeat(100_000);
      file.sites[0]!.policies[0]!.versions[0]!.document.blocks.push(file.blocks.length);
      const read = readHistoryFile(file);
      expect(!read.ok && read.why === 'damaged' && read.detail.length).toBeLessThan(200);
    });
  });
});
