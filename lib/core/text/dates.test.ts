import { describe, expect, it } from 'vitest';
import { findStatedDate, findStatedDateInWholeText } from './dates';

/** findStatedDate folds and scans a piece at a time; it must answer as the whole-text definition does. */
const wholeTextReference = (text: string, usOrder = false) => findStatedDateInWholeText(text, { usOrder });

/** A small seeded generator, so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FILLER = [
  'We understand that your privacy matters and we keep to the standard practices of our industry.',
  'Nous traitons vos données personnelles avec soin, conformément à la réglementation.',
  'Wir verarbeiten Ihre Daten nur für die genannten Zwecke und für keine anderen.',
  'The company’s updated practices apply to every user of the service.',
  'Effective controls protect the information we hold about you.',
  'Copyright 2019 Example Inc. All rights reserved.',
  'e\u0301te\u0301 — café, naïve, coöperate.',
  'The \u212Bngstr\u00F6m sign and the \u212A kelvin sign fold on the full path only.',
  'No accents in this sentence, which is plain.',
];
const DATED = [
  'Revised on 12 April 2021.',
  'Aktualisiert am 3. März 2020.',
  'En vigueur le 1er juillet 2022.',
  'In force from 2019-09-30.',
  'Stand: 01.02.2023',
  'Last updated: March 3, 2024.',
  'Effective date: 2023-11-05',
  'Zuletzt aktualisiert am 12. Mai 2022',
  'Dernière mise à jour : 5 janvier 2021',
  'Última actualización: 7 de junio de 2020',
  'Updated on 04/05/2019',
];

function randomText(next: () => number, targetChars: number): string {
  const parts: string[] = [];
  let n = 0;
  while (n < targetChars) {
    const r = next();
    const s = r < 0.003 ? DATED[Math.floor(next() * DATED.length)]! : FILLER[Math.floor(next() * FILLER.length)]!;
    parts.push(s);
    n += s.length + 1;
  }
  return parts.join(next() < 0.5 ? ' ' : '\n');
}

describe('findStatedDate, folded a piece at a time', () => {
  it('agrees with a scan of the whole text on long random texts in several languages', () => {
    const next = rng(20261130);
    let dated = 0;
    for (let i = 0; i < 60; i++) {
      const text = randomText(next, 2_000 + Math.floor(next() * 120_000));
      const expected = wholeTextReference(text, i % 2 === 0);
      if (expected) dated++;
      expect(findStatedDate(text, { usOrder: i % 2 === 0 }), `case ${i}`).toBe(expected);
    }
    // Both outcomes were exercised.
    expect(dated).toBeGreaterThan(10);
    expect(dated).toBeLessThan(60);
  });

  it('finds a label and date that straddle the end of the first piece', () => {
    const label = 'Last updated: March 3, 2024.';
    for (let at = 7_900; at <= 8_100; at += 7) {
      const text = `${'x'.repeat(at)} ${label} ${'y '.repeat(5_000)}`;
      expect(findStatedDate(text), `label at ${at}`).toBe('2024-03-03');
    }
  });

  it('finds a date stated only at the end of a long policy', () => {
    const body = 'We keep your account data while your account is open and delete it after. '.repeat(1_500);
    expect(body.length).toBeGreaterThan(100_000);
    expect(findStatedDate(`${body} Effective as of 1 February 2025.`)).toBe('2025-02-01');
  });

  it('takes the first dated label, not a later one in a later piece', () => {
    const text = `Updated on 2 March 2020. ${'words and more words '.repeat(3_000)} Last updated: 9 May 2024.`;
    expect(findStatedDate(text)).toBe('2020-03-02');
  });

  it('gives up after 500 labels without a date, as a whole scan would', () => {
    const labels = 'we understand this. '.repeat(600);
    const text = `${labels} Last updated: March 3, 2024.`;
    expect(wholeTextReference(text)).toBeNull();
    expect(findStatedDate(text)).toBeNull();
    expect(findStatedDate(`${'we understand this. '.repeat(400)} Last updated: March 3, 2024.`)).toBe('2024-03-03');
  });

  it('cuts text without spaces inside a label, and still finds the date', () => {
    // No whitespace at all: the first piece ends 1,000 characters past 8,000, inside "updated:2024-...".
    const text = `${'x'.repeat(8_990)}updated:2024-03-03.${'y'.repeat(5_000)}`;
    expect(wholeTextReference(text)).toBe('2024-03-03');
    expect(findStatedDate(text)).toBe('2024-03-03');
  });

  it('strips accents piece by piece as the whole text would be stripped', () => {
    // An angstrom sign changes only when the text is stripped at all; the only accent is pieces away.
    const text = `St\u212Bnd: 2024-03-03. ${'plain filler words '.repeat(800)} Café.`;
    expect(findStatedDate(text)).toBe(wholeTextReference(text));
    expect(findStatedDate(text.replace('Café', 'Cafe'))).toBe(wholeTextReference(text.replace('Café', 'Cafe')));
  });
});

describe('the order of a numeric date', () => {
  it('follows the label\'s language: day first after a German, French or Dutch label, even where the page says US English', () => {
    expect(findStatedDate('Datenschutzhinweise. Stand: 01.02.2024. Verantwortlich ist die Beispiel GmbH.', { usOrder: true })).toBe('2024-02-01');
    expect(findStatedDate('Politique de confidentialité, mise à jour le 03/04/2024.', { usOrder: true })).toBe('2024-04-03');
    expect(findStatedDate('Privacyverklaring, laatst bijgewerkt op 05-06-2024.', { usOrder: true })).toBe('2024-06-05');
    // After an English label the page's US English still decides.
    expect(findStatedDate('Privacy notice. Last updated: 03/04/2024.', { usOrder: true })).toBe('2024-03-04');
    expect(findStatedDate('Privacy notice. Last updated: 03/04/2024.', { usOrder: false })).toBe('2024-04-03');
  });
});
