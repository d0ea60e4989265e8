import { describe, expect, it } from 'vitest';
import { decode, decodeBytes, describeSize, firstInvalidUtf8, looksBinary, SNIFF_SKIP_CHARS, sniffFormat } from './input';

describe('sniffFormat', () => {
  it.each([
    ['page.html', 'anything', 'html'],
    ['page.HTM', 'anything', 'html'],
    ['saved', '\uFEFF  <!DOCTYPE html><title>x</title>', 'html'],
    ['saved', '<html lang="en"><p>hi', 'html'],
    ['saved', '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "xhtml1-strict.dtd">\n<!-- saved -->\n', 'html'],
    ['saved', '<!doctype html>\n<!-- banner -->\n<div>', 'html'],
    ['fragment', '<p>We collect data.</p>', 'html'],
    // A name that says what the file is wins over what its first lines look like.
    ['saved.txt', '<html lang="en"><p>hi', 'text'],
    ['policy.md', '<div align="center"><img src="logo.png"></div>\n\n# Privacy Policy', 'markdown'],
    // Prose that mentions a tag is not markup: only how the markup starts counts.
    ['policy.md', '# Privacy Policy\n\nOur pages load a tracking pixel in the <head> of the page.', 'markdown'],
    ['policy', '# Privacy Policy\n\nThe <body> of an email we send holds no tracker.', 'markdown'],
    ['notes', 'Cookies\n\nA script in the <head> of each page sets them. <body> too.', 'text'],
    ['download', `<meta charset="utf-8">\n<head>\n<title>Privacy</title>`, 'html'],
    ['policy.md', 'Plain words', 'markdown'],
    ['policy', '# Privacy Policy\n\nWe collect data.', 'markdown'],
    ['policy.txt', 'Privacy Policy\n\nWe collect data. Use <b> tags? no.', 'text'],
    ['policy.txt', `${'x'.repeat(2000)} <body>`, 'text'],
  ])('%s starting %j is %s', (name, text, format) => {
    expect(sniffFormat(name, text)).toBe(format);
  });

  // A licence or a banner above the doctype used to push the markup out of the first KB that is looked at.
  const banner = `<!--\n${'  a decorative banner above the doctype, one of many such lines ...\n'.repeat(40)}-->\n`;
  it.each([
    ['a comment longer than a KB before the doctype', `${banner}<!DOCTYPE html><title>Privacy</title>`, 'html'],
    ['an XML declaration, white space and two comments', `\uFEFF<?xml version="1.0" encoding="utf-8"?>\n\n<!-- a -->  <!-- ${'b'.repeat(3000)} -->\n<html lang="en">`, 'html'],
    ['a comment, then the head', `${banner}<head><title>Privacy</title>`, 'html'],
  ])('sees HTML behind %s', (_label, text, format) => {
    expect(sniffFormat('saved-page', text)).toBe(format);
  });

  it('skips only comments and declarations, and looks no further than its cap', () => {
    expect(sniffFormat('notes.md', `<!-- licence -->\n# Privacy Policy\n`)).toBe('markdown');
    expect(sniffFormat('notes.txt', `<!-- licence -->\nWe write <html> in prose.`)).toBe('text');
    // A comment that never closes within the cap: whatever follows is not looked at.
    expect(sniffFormat('saved', `<!-- ${'x'.repeat(SNIFF_SKIP_CHARS)} --><!doctype html>`)).toBe('text');
    expect(sniffFormat('saved', `${banner.repeat(Math.ceil(SNIFF_SKIP_CHARS / banner.length))}<!doctype html>`)).toBe('text');
  });
});

describe('describeSize', () => {
  it.each([
    [20 * 1024 * 1024 + 40 * 1024, 'up', '20.1 MB'],
    [20 * 1024 * 1024, 'down', '20.0 MB'],
    [20 * 1024 * 1024 + 1, 'up', '20.1 MB'],
    [21 * 1024 * 1024, 'up', '21.0 MB'],
    [1000, 'down', '1000 bytes'],
    [1025, 'up', '2 KB'],
    [1025, 'down', '1 KB'],
  ] as const)('%d rounded %s is %s', (bytes, round, text) => {
    expect(describeSize(bytes, round)).toBe(text);
  });

  it('never shows a size over the limit as the limit itself', () => {
    for (const limit of [1000, 1024, 5000, 1024 * 1024, 20 * 1024 * 1024, 20 * 1024 * 1024 + 512]) {
      for (const over of [1, 100, 40 * 1024, 100 * 1024]) expect(describeSize(limit + over, 'up')).not.toBe(describeSize(limit, 'down'));
    }
  });
});

describe('looksBinary', () => {
  const utf8 = new TextEncoder().encode('Données personnelles — 個人情報');
  it.each([
    ['UTF-8 text', utf8, false, false],
    ['UTF-8 cut inside a character where the sniffed head of a longer file ends', utf8.subarray(0, utf8.length - 1), true, false],
    ['a whole file ending inside a UTF-8 character', utf8.subarray(0, utf8.length - 1), false, true],
    ['a NUL byte', new Uint8Array([0x68, 0x69, 0x00, 0x21]), false, true],
    ['Latin-1 accents', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), false, true],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x68, 0x00]), false, true],
  ])('%s', (_label, bytes, truncated, binary) => {
    expect(looksBinary(bytes, truncated)).toBe(binary);
  });
});

describe('decode', () => {
  const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it.each([
    ['UTF-8 with a BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Données')]), 'Données'],
    ['UTF-16LE with a BOM', new Uint8Array(Buffer.from('\uFEFFDonnées', 'utf16le')), 'Données'],
    ['windows-1252 HTML that says so', latin1('<meta charset="windows-1252"><p>Donn\xe9es \x80'), '<meta charset="windows-1252"><p>Données €'],
    ['ISO-8859-1 HTML declared through http-equiv', latin1('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>caf\xe9'), 'café'],
  ])('%s is read as text', (_label, bytes, expected) => {
    expect(decode(bytes)).toContain(expected);
  });

  it.each([
    ['Latin-1 without a declaration', latin1('<p>Donn\xe9es')],
    ['a declaration of an unknown charset', latin1('<meta charset="klingon-8"><p>Donn\xe9es')],
    ['UTF-16 with NULs inside', new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00])],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00])],
  ])('%s is binary', (_label, bytes) => {
    expect(decode(bytes)).toBeNull();
  });
});

/** Deterministic bytes that are not text, with no zero byte anywhere (so no NUL gives them away). */
function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = 1 + ((state >>> 16) % 255);
  }
  return out;
}

describe('decodeBytes: nothing is silently replaced', () => {
  it('names the first byte of a short Latin-1 text file and says what to do, rather than calling it binary', () => {
    expect(decodeBytes(new Uint8Array(Buffer.from('Caf\xe9 policy: we share data.\n', 'latin1')))).toEqual({ ok: false, reason: expect.stringMatching(/^is not valid UTF-8: byte 3 \(0xe9\).*convert the file to UTF-8/) });
    // A file with control bytes as well is still called binary.
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xe9, 0x14]))).toMatchObject({ ok: false, reason: expect.stringMatching(/binary/) });
  });

  const policy = new TextEncoder().encode(`<!doctype html><title>Privacy Policy</title>${'<p>We collect your email address and keep it for a year.</p>\n'.repeat(2000)}`);

  it('refuses a UTF-8 file with one bad byte far past the part that is sniffed, and says where', () => {
    const bytes = policy.slice();
    bytes[100_000] = 0xff;
    expect(decodeBytes(bytes)).toEqual({ ok: false, reason: expect.stringMatching(/^is not valid UTF-8: byte 100000 \(0xff\)/) });
    expect(decodeBytes(policy)).toMatchObject({ ok: true });
  });

  it.each([
    ['a truncated character', [0x61, 0xc3]],
    ['an overlong form', [0x61, 0xc0, 0xaf]],
    ['an encoded surrogate', [0x61, 0xed, 0xa0, 0x80]],
    ['a code point past U+10FFFF', [0x61, 0xf4, 0x90, 0x80, 0x80]],
  ])('refuses %s at the end of a long file', (_label, tail) => {
    const bytes = new Uint8Array([...policy, ...tail]);
    expect(decodeBytes(bytes)).toMatchObject({ ok: false, reason: expect.stringMatching(new RegExp(`^is not valid UTF-8: byte ${policy.length + 1} `)) });
  });

  it('lets a UTF-8 byte-order mark outrank a declared legacy charset, as the browser does', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const page = new TextEncoder().encode('<meta charset="windows-1252"><title>Données</title>');
    expect(decodeBytes(new Uint8Array([...bom, ...page]))).toEqual({ ok: true, text: '<meta charset="windows-1252"><title>Données</title>' });
    // One stray Latin-1 byte: an error that names it, not the whole page read as windows-1252 (mojibake).
    const stray = new Uint8Array([...bom, ...page, 0x20, 0xe9]);
    expect(decodeBytes(stray)).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^is not valid UTF-8: byte ${stray.length - 1} \\(0xe9\\).*byte-order mark`)) });
  });

  it('reads a page that declares UTF-16 (any of its labels) as UTF-8, and names a byte that is not', () => {
    for (const label of ['utf-16', 'UTF-16LE', 'unicode', 'ucs-2']) {
      const page = `<meta charset="${label}"><title>Privacy</title><p>Caf`;
      expect(decodeBytes(new TextEncoder().encode(`${page}é`))).toEqual({ ok: true, text: `${page}é` });
      const latin1 = new Uint8Array(Buffer.from(`${page}\xe9`, 'latin1'));
      expect(decodeBytes(latin1)).toEqual({ ok: false, reason: expect.stringMatching(new RegExp(`^is not valid UTF-8: byte ${page.length} \\(0xe9\\).*declares charset "${label}"`)) });
    }
  });

  it('refuses binary behind a UTF-16 byte-order mark, and still reads UTF-16 text', () => {
    for (const bom of [[0xff, 0xfe], [0xfe, 0xff]]) {
      const bytes = new Uint8Array([...bom, ...noise(20_000)]);
      expect(decodeBytes(bytes)).toMatchObject({ ok: false, reason: expect.stringMatching(/UTF-16/) });
    }
    const text = new Uint8Array(Buffer.from('\uFEFFPrivacy Policy\r\n\tWe collect data. 個人情報 😀', 'utf16le'));
    expect(decodeBytes(text)).toEqual({ ok: true, text: 'Privacy Policy\r\n\tWe collect data. 個人情報 😀' });
  });

  it('finds the first bad byte exactly where TextDecoder does', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let seed = 1; seed <= 300; seed++) {
      // Mostly text, with a few random bytes mixed in.
      const bytes = new Uint8Array([...new TextEncoder().encode('Données ✓ '), ...noise(6, seed), ...new TextEncoder().encode(' 😀 fin')]);
      const bad = firstInvalidUtf8(bytes);
      let valid = true;
      try {
        fatal.decode(bytes);
      } catch {
        valid = false;
      }
      expect(bad === -1).toBe(valid);
      if (bad >= 0) {
        expect(() => fatal.decode(bytes.subarray(0, bad))).not.toThrow();
        expect(() => fatal.decode(bytes.subarray(0, bad + 4 < bytes.length ? bad + 4 : bytes.length))).toThrow();
      }
    }
  });
});
