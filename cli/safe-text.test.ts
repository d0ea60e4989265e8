import { describe, expect, it } from 'vitest';
import { jsonText, visible, visibleLine } from './safe-text';

// Every character a terminal obeys, every format character but the three kept (soft hyphen, ZWNJ, ZWJ),
// and the line and paragraph separators.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|(?![\u00ad\u200c\u200d])\p{Cf}/u;

describe('jsonText', () => {
  const tricky = ['\u009b2J', '\u202eevil\u202c', '\u2066\u2067\u2068\u2069', '\u007f', '\u0080\u009f', '\u2028\u2029', '\\\u0085', '\\u0085', '\u001b[31m', 'Données ✓ 😀', '\u200e\u200f', '\u061c\u206e\ufff9hidden\ufffb', 'tag\u{e0041}\u{e007f}'];

  it('writes none of them raw, compact or indented, and parses back to the same value', () => {
    const value = { [tricky[0] ?? '']: tricky, nested: [{ text: tricky.join('') }], n: 1 };
    for (const indent of [undefined, 2]) {
      const text = jsonText(value, indent);
      expect(text).not.toMatch(RAW);
      expect(JSON.parse(text)).toEqual(value);
    }
    expect(jsonText('\u009b\u202e\u2028\u007f\u200f\u{e0041}')).toBe('"\\u009b\\u202e\\u2028\\u007f\\u200f\\udb40\\udc41"');
    // What JSON.stringify writes already is left as it is, and so are the soft hyphen and the joiners.
    const words = { a: 'é ✓ 😀 Daten\u00adschutz \u0645\u06cc\u200c\u0634\u0648\u062f 👩\u200d💻' };
    expect(jsonText(words, 2)).toBe(JSON.stringify(words, null, 2));
  });

  it('escapes the same characters as the text output', () => {
    const chars = [...Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff), 0x1f600, 0xe0001, 0xe0041, 0xe007f, 0x1d173];
    for (const c of chars) {
      const ch = String.fromCodePoint(c);
      if (ch === '\n' || ch === '\t' || ch === '\\' || ch === '"') continue;
      const inText = visible(ch) !== ch;
      const inJson = !jsonText(ch).includes(ch);
      expect([c.toString(16), inJson]).toEqual([c.toString(16), inText]);
    }
  });
});

describe('visible', () => {
  it('writes direction marks and invisible format characters as escapes, and the backslash of a fake one doubled', () => {
    expect(visible('a\u200fb\u200ec\u061cd\u206ee\ufff9f\ufffbg\u200bh\ufeffi\u2060j')).toBe('a\\u200fb\\u200ec\\u061cd\\u206ee\\ufff9f\\ufffbg\\u200bh\\ufeffi\\u2060j');
    expect(visible('tag\u{e0041}\u{e0042}')).toBe('tag\\udb40\\udc41\\udb40\\udc42');
    expect(visible('x\u2028y\u2029z \ud800')).toBe('x\\u2028y\\u2029z \\ud800');
    expect(visible('text "\\u200f"')).toBe('text "\\\\u200f"');
  });

  it('leaves words as they are: soft hyphens, joiners, accents, emoji', () => {
    const words = 'Daten\u00adschutz, \u0645\u06cc\u200c\u0634\u0648\u062f, \u0915\u094d\u200d\u0937, 👩\u200d💻, Données ✓';
    expect(visible(words)).toBe(words);
  });

  it('visibleLine escapes once: a line feed too, a backslash only before "u"', () => {
    expect(visibleLine('a\u0005b\u202eX\nc\\d')).toBe('a\\u0005b\\u202eX\\u000ac\\d');
  });
});
