/**
 * The manifest's words (name, description) in every language we ship: the browser picks them from
 * public/_locales by its UI language. Every locale has every key, and the description fits the Chrome Web
 * Store's 132 characters.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../lib/core/explain';

const DIR = join(import.meta.dirname, '..', '..', 'public', '_locales');
type Messages = Record<string, { message: string; description?: string }>;
const read = (lang: string): Messages => JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8')) as Messages;

describe('public/_locales', () => {
  it('has a folder for every language lib/core/explain writes, and no other', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(LANGUAGES).sort());
  });
  for (const lang of Object.keys(LANGUAGES)) {
    it(`${lang}: every key of English, none empty, the description at most 132 characters`, () => {
      const m = read(lang);
      expect(Object.keys(m).sort()).toEqual(Object.keys(read('en')).sort());
      for (const [k, v] of Object.entries(m)) expect(v.message.trim(), k).not.toBe('');
      expect(m.extDescription?.message.length).toBeLessThanOrEqual(132);
      if (lang !== 'en') expect(m.extDescription?.message).not.toBe(read('en').extDescription?.message);
    });
  }
});
