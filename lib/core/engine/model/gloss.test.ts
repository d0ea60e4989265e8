import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featurize, glossOf, prepare, words } from './features';
import gloss from './gloss.json';

const BUCKETS = 1 << 18;

describe('English glosses of other languages\' words', () => {
  it('are lower-case single words read as one or two plain English words', () => {
    for (const [key, english] of Object.entries(gloss as Record<string, string>)) {
      expect(words(key)).toEqual([key]);
      expect(english).toMatch(/^[a-z]+(?: [a-z]+)?$/);
    }
  });

  it('never gloss a word of English text, so an English sentence reads exactly as before', () => {
    const english = [
      ...readFileSync(join(import.meta.dirname, '../../../../data/written-sharing-en.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { text: string }).text),
      'We may disclose your personal information to our affiliates, advertisers and service providers.',
      'You can opt out of the sale of your data at any time.',
    ];
    const glossed = english.flatMap((s) => words(prepare(s)).filter((w) => glossOf(w)));
    expect(glossed).toEqual([]);
  });

  it('keep out the forms of other languages that are English words too ("cede", "vend", "communique")', () => {
    // Spanish/Italian "cede", French "vend" and "communique" are verb forms the table would otherwise hold.
    for (const english of ['cede', 'vend', 'communique']) expect(glossOf(english)).toBeUndefined();
    for (const foreign of ['ceden', 'cedono', 'vendem', 'communiquent']) expect(glossOf(foreign)).toBeDefined();
  });

  it('give a German word the features of its English equivalent, beside its own', () => {
    const german = featurize(prepare('übermitteln'), BUCKETS).index;
    for (const bucket of featurize(prepare('transfer'), BUCKETS).index) expect(german).toContain(bucket);
    // Two-word glosses bring their English bigram too: "Werbepartner" reads as "advertising partners".
    const compound = featurize(prepare('werbepartner'), BUCKETS).index;
    for (const bucket of featurize(prepare('advertising partners'), BUCKETS).index) expect(compound).toContain(bucket);
    expect(compound.length).toBeGreaterThan(featurize(prepare('advertising partners'), BUCKETS).index.length);
  });
});
