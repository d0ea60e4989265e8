import { describe, expect, it } from 'vitest';
import { findStatedDate, parseDateAtStart } from './dates';
import { stripAccents } from './normalize';

/**
 * The plain definition findStatedDate must agree with: fold the whole text, then take the first label
 * followed by a date. findStatedDate folds and scans a piece at a time; these tests check that the
 * pieces never change the answer.
 */
const LABEL_SOURCE = /(last (updated|modified|revised|changed)|updated( on| as of)?|effective( date| as of| from| on)?|stand|zuletzt (aktualisiert|geandert|uberarbeitet)|derniere (mise a jour|modification|revision)|mis(e)? a jour (le)?|ultima (actualizacion|modificacion|revision|atualizacao|alteracao)|aggiornat[ao]( il| al)?)/g;
function wholeTextReference(text: string, usOrder = false): string | null {
  const folded = stripAccents(text).toLowerCase().replace(/[\u2019']/g, ' ');
  LABEL_SOURCE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = LABEL_SOURCE.exec(folded)) !== null && guard++ < 500) {
    const after = folded.slice(m.index + m[0].length, m.index + m[0].length + 60);
    const rest = after.replace(/^[\s:.,\-–—()]*(?:(?:on|am|le|el|il|em|op|the|of|this|policy|date|datum|du|al|dal|sinds|since|as|den|der|vom)\b[\s:.,\-–—]*){0,4}/, '');
    const d = parseDateAtStart(rest, usOrder);
    if (d) return d;
  }
  return null;
}

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
];
const DATED = [
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

  it('cuts text without spaces without losing a date after it', () => {
    const text = `${'隐私'.repeat(9_000)}Last updated: 2024-03-03 ${'政策'.repeat(9_000)}`;
    expect(findStatedDate(text)).toBe('2024-03-03');
  });
});
