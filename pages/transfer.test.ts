import { describe, expect, it } from 'vitest';
import { explainer } from '@/lib/core/explain';
import { importReplyText, receiveText, type Ask } from './transfer';

describe('receiveText', () => {
  it('reads an export piece by piece', async () => {
    const text = 'abcdefgh';
    const ask = (async (_type: string, data: { offset: number }) => ({ text: text.slice(data.offset, data.offset + 3) })) as unknown as Ask;
    await expect(receiveText({ id: 't', length: text.length }, ask)).resolves.toBe(text);
  });

  it('stops with an error the page can word when the export ends early', async () => {
    const ask = (async () => ({ text: '' })) as unknown as Ask;
    await expect(receiveText({ id: 't', length: 10 }, ask)).rejects.toMatchObject({ code: 'export-incomplete' });
  });
});

describe('importReplyText', () => {
  const de = explainer('de').ui.options;
  const deUi = explainer('de').ui;
  const enUi = explainer('en').ui;
  const refused = (refusal: Parameters<typeof de.importRefused>[0] | null) => ({ ok: false, message: 'The English sentence. Nothing was imported.', outcome: { kind: 'refused' as const, refusal } });

  it("words a refused file in the reader's language, with what the file named", () => {
    const text = importReplyText(refused({ kind: 'checksum', version: 3, policy: 'example.com/privacy' }), deUi);
    expect(text).toContain('Prüfsumme');
    expect(text).toContain('example.com/privacy');
    expect(text).not.toContain('English');
    expect(importReplyText(refused({ kind: 'not-ours' }), deUi)).toContain('keine Verlaufsdatei');
  });

  it("words a refusal without a code as unexpected, the background's sentence as its technical detail", () => {
    expect(importReplyText(refused(null), deUi)).toBe(de.importFailed('ein unerwarteter Fehler (technische Angabe: The English sentence. Nothing was imported.)'));
  });

  it('says what was added, or that the file is not JSON or does not fit', () => {
    expect(importReplyText({ ok: true, message: '', outcome: { kind: 'imported', added: 2, skipped: 1, leftOut: null } }, enUi)).toMatch(/2 versions/);
    expect(importReplyText({ ok: false, message: '', outcome: { kind: 'not-json' } }, deUi)).toBe(de.importFailed(de.notJson));
    expect(importReplyText({ ok: false, message: '', outcome: { kind: 'full' } }, deUi)).toBe(de.importFailed(de.importFull));
  });

  it("says which policies an import left out past a site's bound, and why, after what it added, in the reader's language", () => {
    const leftOut = { kind: 'site-limit' as const, limit: 200, policies: 3, versions: 4, site: 'example.com', sites: 2 };
    const reply = { ok: true, message: 'English.', outcome: { kind: 'imported' as const, added: 198, skipped: 0, leftOut } };
    expect(importReplyText(reply, enUi)).toBe('Imported 198 versions (0 already known). 3 policies (4 versions) of example.com and 1 other site were not imported: Clausewatch keeps at most 200 policies of one site.');
    const text = importReplyText(reply, deUi);
    expect(text).toBe(`${de.imported(198, 0)} ${de.importLeftOut(leftOut)}`);
    expect(text).toContain('3 Richtlinien');
    expect(text).toContain('example.com');
    expect(text).not.toContain('English');
  });
});

