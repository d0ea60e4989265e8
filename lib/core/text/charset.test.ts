import { describe, expect, it } from 'vitest';
import { contentTypeCharset, decodeHtml, pageEncoding } from './charset';

const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const PAGE = '<html><head><meta charset="windows-1252"><title>Données</title></head><body>Café “policy” €</body></html>';
// The same page as windows-1252 bytes: “ ” and € are 0x93, 0x94 and 0x80 there.
const CP1252 = Uint8Array.from(latin1(PAGE.replace('“', '\x93').replace('”', '\x94').replace('€', '\x80')));

describe('decoding a page as the browser does', () => {
  it('reads windows-1252 declared by the server, or only by the page', () => {
    expect(decodeHtml(CP1252, 'text/html; charset=windows-1252')).toBe(PAGE);
    expect(decodeHtml(CP1252, 'text/html')).toBe(PAGE);
  });
  it('takes the server over the page, as browsers do', () => {
    const page = '<meta charset="windows-1252"><p>Café</p>';
    expect(decodeHtml(utf8(page), 'text/html; charset=utf-8')).toBe(page);
  });
  it('takes a byte-order mark over both', () => {
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<p>Café</p>')]), 'text/html; charset=iso-8859-1')).toBe('<p>Café</p>');
  });
  it('falls back to UTF-8 for an unknown label or a UTF-16 label without byte-order mark', () => {
    expect(decodeHtml(utf8('<meta charset="x-klingon"><p>Café</p>'), null)).toBe('<meta charset="x-klingon"><p>Café</p>');
    expect(decodeHtml(utf8('<meta charset="utf-16"><p>Café</p>'), null)).toBe('<meta charset="utf-16"><p>Café</p>');
    // Other labels of UTF-16 too ("unicode", "ucs-2"), which a decoder maps to UTF-16LE.
    for (const label of ['unicode', 'ucs-2']) expect(decodeHtml(utf8(`<meta charset="${label}"><p>Café</p>`), null)).toBe(`<meta charset="${label}"><p>Café</p>`);
  });
  it('reads an undeclared page that is not UTF-8 as windows-1252, as browsers do (never with U+FFFD holes)', () => {
    expect(decodeHtml(latin1('<p>Caf\xe9</p>'), 'text/html')).toBe('<p>Café</p>');
    expect(decodeHtml(CP1252.subarray(PAGE.indexOf('<title>')), null)).toBe(PAGE.slice(PAGE.indexOf('<title>')));
    // A UTF-8 page with one stray Latin-1 byte stays UTF-8: one U+FFFD, not every umlaut misread.
    const mostlyUtf8 = Uint8Array.from([...utf8('<h1>Datenschutzerklärung für Kunden</h1><p>Über uns</p><footer>'), 0xa9, ...utf8(' 2026</footer>')]);
    expect(decodeHtml(mostlyUtf8, 'text/html')).toBe('<h1>Datenschutzerklärung für Kunden</h1><p>Über uns</p><footer>\ufffd 2026</footer>');
    // Declared UTF-8 keeps its holes: the server or the page said so.
    expect(decodeHtml(latin1('<p>Caf\xe9</p>'), 'text/html; charset=utf-8')).toBe('<p>Caf\ufffd</p>');
  });
  it('reads a charset parameter in any case and quoting', () => {
    expect(contentTypeCharset('text/html; Charset="ISO-8859-1"')).toBe('ISO-8859-1');
    expect(contentTypeCharset('text/html')).toBeNull();
  });
});

describe('pageEncoding: what the browser decodes in, and why', () => {
  it('names the byte-order mark first, whatever the server or the page declare', () => {
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('<meta charset="windows-1252"><p>Café</p>')]);
    expect(pageEncoding(bom, 'text/html; charset=iso-8859-1')).toEqual({ encoding: 'utf-8', source: 'bom' });
    expect(pageEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x3c]), null)).toEqual({ encoding: 'utf-16be', source: 'bom' });
  });
  it('then the server, then the page, by the decoder\'s name for the label', () => {
    expect(pageEncoding(CP1252, 'text/html; charset=latin1')).toEqual({ encoding: 'windows-1252', source: 'content-type', label: 'latin1' });
    expect(pageEncoding(CP1252, 'text/html; charset=x-klingon')).toEqual({ encoding: 'windows-1252', source: 'meta', label: 'windows-1252' });
    expect(pageEncoding(utf8('<p>Café</p>'), null)).toEqual({ encoding: 'utf-8', source: 'default' });
  });
  it('reads a page declaring UTF-16 as UTF-8, keeping the label it wrote', () => {
    expect(pageEncoding(utf8('<meta charset="UTF-16"><p>Café</p>'), null)).toEqual({ encoding: 'utf-8', source: 'meta', label: 'UTF-16' });
  });
});
