/**
 * The sentences and policy changes we wrote ourselves are data the evaluations and the training read: a
 * line that does not parse, a label outside the guidelines or a duplicate would silently move a figure.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadWrittenSharing, readJsonl, type WrittenSharing } from '../../scripts/train/data';
import { WRITTEN_SHARING_FILES } from '../../scripts/train/run';
import { readOwnPairs } from '../../scripts/eval/own-pairs';

const dir = mkdtempSync(join(tmpdir(), 'cw-written-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sharing sentences we wrote', () => {
  it('parse, carry a label of the guidelines and a language, and repeat nothing', () => {
    const seen = new Set<string>();
    let n = 0;
    for (const file of WRITTEN_SHARING_FILES) {
      for (const row of readJsonl<WrittenSharing>(file)) {
        n++;
        expect(['shares', 'denies', 'choice', 'none']).toContain(row.tp);
        expect(['en', 'de', 'fr', 'es', 'it', 'pt', 'nl']).toContain(row.lang);
        expect(row.text.trim().length).toBeGreaterThan(3);
        expect(seen.has(row.text)).toBe(false);
        seen.add(row.text);
      }
    }
    expect(n).toBe(3394);
  });

  it('are measured on unless a fit asks for them, English on a line apart from the other languages', () => {
    const file = join(dir, 'w.jsonl');
    const rows: WrittenSharing[] = [
      { text: 'We send your order history to Lumen Ads Ltd. for advertising.', lang: 'en', tp: 'shares' },
      { text: 'We send your order history to Lumen Ads Ltd. for advertising.', lang: 'en', tp: 'shares' },
      { text: 'Wir verkaufen Ihre Daten nicht.', lang: 'de', tp: 'denies' },
    ];
    writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
    const measured = loadWrittenSharing([file], 'eval');
    expect(measured.map((s) => [s.source, s.labels['third-party-sharing'], s.evalOnly, s.stance])).toEqual([
      ['written-sharing', 1, true, 'does'],
      ['written-sharing-multi', 1, true, 'does-not'],
    ]);
    const english = loadWrittenSharing([file], 'fit-english');
    expect(english.map((s) => [s.evalOnly ?? false, s.fitOnly ?? false])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(loadWrittenSharing([file], 'fit').every((s) => !s.evalOnly && s.fitOnly)).toBe(true);
  });

  it('keep a third file a test set whatever the fit asks, in groups of its own', () => {
    const third = join(dir, 'third.jsonl');
    writeFileSync(third, JSON.stringify({ text: 'Condividiamo i dati con il corriere.', lang: 'it', tp: 'shares' }));
    // The first two files are missing here (skipped): the third is still the third.
    const loaded = loadWrittenSharing([join(dir, 'none-1.jsonl'), join(dir, 'none-2.jsonl'), third], 'fit');
    expect(loaded.map((s) => [s.evalOnly, s.fitOnly ?? false, s.group])).toEqual([[true, false, 'written:it:0:third.jsonl']]);
  });
});

describe('the policy changes we wrote (npm run eval -- own-pairs)', () => {
  it.each([
    ['own-pairs.json', 86],
    ['own-pairs-b.json', 90],
    ['own-pairs-c.json', 90],
    ['own-pairs-d.json', 60],
  ])('%s: its %i pairs, unique ids, a category, a label, two different versions and a reason', (file, count) => {
    const pairs = readOwnPairs(file);
    expect(pairs).toHaveLength(count);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    for (const p of pairs) {
      expect(['sharing', 'ai']).toContain(p.category);
      expect(['alert', 'no-alert']).toContain(p.gold);
      expect(p.old).not.toBe(p.new);
      expect(p.why.length).toBeGreaterThan(10);
    }
  });
});
