import { describe, expect, it } from 'vitest';
import { countWords, normalizeText } from './normalize';

describe('countWords', () => {
  it.each([
    ['', 0],
    ['We collect your email address.', 5],
    ["Don't opt-out, we're here.", 4],
    ['trailing joiner - and a lone \' quote', 6],
    ['Daten für Zwecke, données à caractère personnel', 7],
    ['Version 2.1 of 12/05/2024', 7],
    ['𝐁𝐨𝐥𝐝 math letters', 3],
    ['ends with a joiner-', 4],
    ['l’utilisateur, don’t', 2],
  ])('%j has %i words', (text, n) => {
    expect(countWords(text)).toBe(n);
  });
});

describe('normalizeText', () => {
  it('turns typographic quotes, dashes, zero-width characters and soft hyphens into plain text', () => {
    expect(normalizeText('  “Personal\u00ADdata” — it\u2019s\u200B ours\u00A0 ')).toBe('"Personaldata" - it\'s ours');
  });

  it('composes decomposed accents (NFC)', () => {
    expect(normalizeText('donne\u0301es')).toBe('données');
  });
});
