import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalKey, normalizeFast, splitSentences, tokens } from './sentences';
import { classifySentence } from './classify';
import { analyzeChange } from './analyze';
import { documentFromMarkdown } from '../page/markdown';

/** The splitter as it was: one Intl.Segmenter pass over the whole text, re-joining after abbreviations. */
function reference(text: string, language = 'en'): string[] {
  if (!text) return [];
  if (text.length < 40 || !/[.!?;]\s/.test(text)) return [text.trim()].filter(Boolean);
  const abbreviation = /(?:\b(?:e\.g|i\.e|etc|inc|ltd|co|corp|llc|vs|mr|mrs|ms|dr|no|nos|art|sec|para|approx|incl|cf|p\.ex|z\.b|u\.s|u\.k|e\.u|s\.a|b\.v|n\.v|ab|st)\.|\b[A-Z]\.)\s*$/i;
  const out: string[] = [];
  let pending = '';
  for (const { segment } of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)) {
    const piece = pending + segment;
    if (abbreviation.test(piece.trimEnd())) {
      pending = piece;
      continue;
    }
    pending = '';
    const t = piece.trim();
    if (t) out.push(t);
  }
  if (pending.trim()) out.push(pending.trim());
  return out;
}

/** Policy-like sentences with the things that trip splitters: abbreviations, numbers, quotes, brackets, URLs. */
const SENTENCES = [
  'We collect your name, email address and phone number when you create an account.',
  'We share personal information with service providers, e.g. hosting and payment companies, who act on our behalf.',
  'Some of them are located in the U.S. and the U.K., and we rely on standard contractual clauses (Art. 46 GDPR).',
  'You can opt out at any time!',
  'Why do we keep this data?',
  'Data is kept for approx. 90 days; backups are deleted after 12 months.',
  '"We never sell your data," said the company in 2021.',
  'See https://www.example.com/privacy?lang=en for details, or write to privacy@example.com.',
  'Version 2.1 of this policy applies from 1.1.2026 onwards.',
  'Our partners (Acme Inc. and Widget Co.) may receive aggregated statistics.',
  'Mr. Smith, our data protection officer, answers requests within 30 days.',
  'We use cookies… and similar technologies.',
  '1. Information you give us. 2. Information we collect automatically.',
  'Wir verarbeiten Ihre Daten gemäß Art. 6 Abs. 1 lit. b DSGVO, z.B. zur Vertragserfüllung.',
  'Nous partageons vos données avec nos partenaires, p.ex. pour la publicité.',
  '個人情報は適切に管理します。第三者には提供しません。',
];

/** Deterministic paragraphs of `count` sentences drawn from SENTENCES, some with line breaks inside. */
function paragraph(count: number, seed: number): string {
  let state = seed;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    parts.push(SENTENCES[state % SENTENCES.length]!);
    if (state % 17 === 0) parts.push('\n');
  }
  return parts.join(' ');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('splitSentences', () => {
  it.each(SENTENCES.map((s, i) => [i, `${s} ${SENTENCES[(i + 1) % SENTENCES.length]} ${SENTENCES[(i + 5) % SENTENCES.length]}`]))(
    'agrees with one Intl.Segmenter pass on short text (%i)',
    (_i, text) => {
      expect(splitSentences(text)).toEqual(reference(text));
    },
  );

  it.each([
    [2_000, 1],
    [5_000, 2],
    [30_000, 3],
    [120_000, 4],
  ])('agrees with one Intl.Segmenter pass on a %i-character paragraph, across its windows', (chars, seed) => {
    const text = paragraph(Math.ceil(chars / 80), seed).slice(0, chars);
    expect(splitSentences(text)).toEqual(reference(text));
  });

  it('agrees on German and French text, and keeps a very long sentence whole', () => {
    const de = paragraph(600, 9);
    expect(splitSentences(de, 'de')).toEqual(reference(de, 'de'));
    const long = `${paragraph(40, 5)} We share data with ${Array.from({ length: 900 }, (_, i) => `partner number ${i}`).join(', ')} and others. ${paragraph(40, 6)}`;
    const split = splitSentences(long);
    expect(split).toEqual(reference(long));
    expect(split.some((s) => s.length > 15_000)).toBe(true);
  });

  it('stays linear on a 5 MB paragraph: the segmenter never sees more than a window at a time', () => {
    const text = paragraph(70_000, 11).replace(/\n/g, ' ');
    expect(text.length).toBeGreaterThan(5_000_000);
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const started = performance.now();
    const sentences = splitSentences(text);
    const elapsed = performance.now() - started;
    const handed = segment.mock.calls.map(([input]) => input.length);
    // Each window is 4 KB and the next starts at most 512 characters before its end, so the segmenter
    // reads each character about once (one pass over the whole text took over 300 s).
    expect(Math.max(...handed)).toBeLessThanOrEqual(4_096);
    expect(handed.reduce((a, b) => a + b, 0)).toBeLessThan(text.length * 1.2);
    expect(sentences.length).toBeGreaterThan(60_000);
    expect(sentences.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
    expect(elapsed).toBeLessThan(60_000);
  });

  it('stays linear on a long run of abbreviations, which all join one sentence', () => {
    const text = `Examples: ${'e.g. '.repeat(200_000)}and more.`;
    const started = performance.now();
    const sentences = splitSentences(text);
    expect(sentences).toHaveLength(1);
    expect(sentences[0]!.length).toBe(text.trim().length);
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

describe('what a comparison ignores besides case', () => {
  const doc = (text: string, language = 'en') => documentFromMarkdown(`# Privacy\n\n${text}\n`, { url: 'https://example.com/privacy', language });

  it.each([
    ['a ligature of a PDF\'s typesetting', 'We share your device identiﬁers with ﬁnancial partners.', 'We share your device identifiers with financial partners.'],
    ['the same sentence in capitals (ﬁ and ß have two-letter capitals)', 'We share your device identiﬁers with our partners.', 'WE SHARE YOUR DEVICE IDENTIFIERS WITH OUR PARTNERS.'],
    ['a German sentence in capitals', 'Wir geben Ihre Daten gemäß Art. 6 an Dritte weiter, außer an Werbepartner.', 'WIR GEBEN IHRE DATEN GEMÄSS ART. 6 AN DRITTE WEITER, AUSSER AN WERBEPARTNER.'],
    ['a left-to-right mark inside a word', 'We share your device identi\u200efiers with our partners.', 'We share your device identifiers with our partners.'],
    ['bidi isolates, a variation selector and a grapheme joiner', 'We \u2066share\u2069 your data\ufe0f with our part\u034fners.', 'We share your data with our partners.'],
  ])('%s: one key, the same tokens, and no finding when only that changed', (_what, older, newer) => {
    expect(canonicalKey(older)).toBe(canonicalKey(newer));
    expect(tokens(older)).toEqual(tokens(newer));
    const language = /Wir/.test(older) ? 'de' : 'en';
    for (const [a, b] of [[older, newer], [newer, older]] as const) expect(analyzeChange(doc(a, language), doc(b, language)).findings).toEqual([]);
  });

  it.each([
    ['an apostrophe inside a word', "We don't sell it.", 'We dont sell it.'],
    ['a curly apostrophe inside a word', 'We don’t sell it.', 'We dont sell it.'],
    ['a hyphen inside a word', 'We share it with third-party partners.', 'We share it with thirdparty partners.'],
    ['a hyphen inside a word, in text that is not ASCII', 'Wir geben sie an Werbe-Partner in Köln.', 'Wir geben sie an WerbePartner in Köln.'],
    ["a link's path and query", 'See https://example.com/privacy?ref=mail for details.', 'See example.com/privacy for details.'],
    ["a list item's marker", '3. We keep it for a year.', 'We keep it for a year.'],
  ])('one key whatever %s', (_what, a, b) => {
    expect(canonicalKey(a)).toBe(canonicalKey(b));
  });

  it('still tells apart words that differ by more than that', () => {
    expect(canonicalKey('We share your data with partners.')).not.toBe(canonicalKey('We share your data with advertisers.'));
    expect(canonicalKey('Strasse')).not.toBe(canonicalKey('Strase'));
  });

  it('reads a backtick as the apostrophe it stands for, as normalizeText does, on the fast path too', () => {
    expect(normalizeFast('We don`t sell your personal information.')).toBe("We don't sell your personal information.");
    const stance = (s: string) => classifySentence(s, 'third-party-sharing').map((c) => c.stance);
    expect(stance('We don`t sell your personal information to anyone.')).toEqual(stance("We don't sell your personal information to anyone."));
    expect(stance("We don't sell your personal information to anyone.")).toEqual(['does-not']);
  });
});
