import { describe, expect, it } from 'vitest';
import { jsonText, visible } from './safe-text';

// Every character a terminal obeys, and the line and paragraph separators.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('jsonText', () => {
  const tricky = ['\u009b2J', '\u202eevil\u202c', '\u2066\u2067\u2068\u2069', '\u007f', '\u0080\u009f', '\u2028\u2029', '\\\u0085', '\\u0085', '\u001b[31m', 'Données ✓ 😀', '\u200e\u200f'];

  it('writes none of them raw, compact or indented, and parses back to the same value', () => {
    const value = { [tricky[0] ?? '']: tricky, nested: [{ text: tricky.join('') }], n: 1 };
    for (const indent of [undefined, 2]) {
      const text = jsonText(value, indent);
      expect(text).not.toMatch(RAW);
      expect(JSON.parse(text)).toEqual(value);
    }
    expect(jsonText('\u009b\u202e\u2028\u007f')).toBe('"\\u009b\\u202e\\u2028\\u007f"');
    // What JSON.stringify writes already is left as it is.
    expect(jsonText({ a: 'é\u200e' }, 2)).toBe(JSON.stringify({ a: 'é\u200e' }, null, 2));
  });

  it('escapes the same characters as the text output, besides the line separators', () => {
    for (let c = 0; c <= 0x206f; c++) {
      const ch = String.fromCharCode(c);
      if (ch === '\n' || ch === '\t' || ch === '\\' || ch === '"' || ch === '\u2028' || ch === '\u2029') continue;
      const inText = visible(ch) !== ch;
      const inJson = !jsonText(ch).includes(ch);
      expect([c.toString(16), inJson]).toEqual([c.toString(16), inText]);
    }
  });
});
