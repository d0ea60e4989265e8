import { describe, expect, it } from 'vitest';
import { atxHeading, documentFromMarkdown, inlineText, stripTrackingParams } from './markdown';
import { PolicyDocument } from '../schema';
import { findStatedDate } from '../text/dates';
import { normalizeText } from '../text/normalize';

const md = `Privacy Policy
==============

_Last Updated: June 30, 2023_

# Introduction

We **care** about your [privacy](https://example.com/privacy?utm_source=mail).

## How we share information

*   We share data with [partners](https://example.com/p).
*   We do not sell data.
1. First numbered item
2) Second numbered item

| Category | Recipients |
| --- | --- |
| Identifiers | Service providers |

Sub heading
-----------

Plain paragraph
continued on a second line.
`;

describe('documentFromMarkdown', () => {
  const doc = documentFromMarkdown(md, { url: 'https://example.com/privacy', language: 'en' });

  it('parses with the PolicyDocument schema', () => {
    expect(() => PolicyDocument.parse(doc)).not.toThrow();
    expect(doc.extraction.method).toBe('markdown');
    expect(doc.language).toBe('en');
    expect(doc.title).toBe('Privacy Policy');
  });

  it('turns ATX and setext headings into heading blocks with levels and a section path', () => {
    const headings = doc.blocks.filter((b) => b.kind === 'heading').map((b) => [b.text, b.level]);
    expect(headings).toEqual([
      ['Privacy Policy', 1],
      ['Introduction', 1],
      ['How we share information', 2],
      ['Sub heading', 2],
    ]);
    const item = doc.blocks.find((b) => b.text.startsWith('We share data'));
    expect(item?.section).toEqual(['Introduction', 'How we share information']);
  });

  it('makes list items, table rows and paragraphs, without markup', () => {
    const kinds = doc.blocks.filter((b) => b.kind !== 'heading').map((b) => [b.kind, b.text]);
    expect(kinds).toEqual([
      ['paragraph', 'Last Updated: June 30, 2023'],
      ['paragraph', 'We care about your privacy.'],
      ['list-item', 'We share data with partners.'],
      ['list-item', 'We do not sell data.'],
      ['list-item', 'First numbered item'],
      ['list-item', 'Second numbered item'],
      ['table-row', 'Category | Recipients'],
      ['table-row', 'Identifiers | Service providers'],
      ['paragraph', 'Plain paragraph continued on a second line.'],
    ]);
  });

  it('finds the stated date', () => {
    expect(doc.statedDate).toBe('2023-06-30');
  });

  it('counts words', () => {
    expect(doc.extraction.words).toBeGreaterThan(30);
  });

  it('accepts plain text', () => {
    const plain = documentFromMarkdown('We collect your email.\n\nWe share it with advertisers.', { url: 'u' });
    expect(plain.blocks.map((b) => b.text)).toEqual(['We collect your email.', 'We share it with advertisers.']);
    expect(plain.language).toBe('und');
  });
});

describe('items lettered or numbered in Roman numerals', () => {
  const read = (text: string) => documentFromMarkdown(text, { url: 'https://example.com/privacy', language: 'en' }).blocks.map((b) => [b.kind, b.text]);

  it('are list items each, with their wrapped lines, not one paragraph run together', () => {
    expect(read('We may share your information with:\na. our payment processor;\nb. advertising partners, who\nmay show you ads elsewhere;\nii. auditors.')).toEqual([
      ['paragraph', 'We may share your information with:'],
      ['list-item', 'our payment processor;'],
      ['list-item', 'advertising partners, who may show you ads elsewhere;'],
      ['list-item', 'auditors.'],
    ]);
  });

  it('in capitals open a paragraph as before ("A." and "II." number sections far more often than items)', () => {
    expect(read('A. Who we are\n\nII. What we collect')).toEqual([
      ['paragraph', 'A. Who we are'],
      ['paragraph', 'II. What we collect'],
    ]);
    // Nor does a wrapped line that starts with an abbreviation before a number.
    expect(read('The terms are set out in the agreement, at\np. 4, and were last changed in\nc. 2020 by the board.')).toEqual([['paragraph', 'The terms are set out in the agreement, at p. 4, and were last changed in c. 2020 by the board.']]);
    // Abbreviations do not look like items: "e.g." has no space after its first full stop.
    expect(read('We keep some data,\ne.g. your invoices, for ten years.')).toEqual([['paragraph', 'We keep some data, e.g. your invoices, for ten years.']]);
  });
});

describe('inline markup', () => {
  it.each([
    ['**bold** and __strong__', 'bold and strong'],
    ['*em* and _em_', 'em and em'],
    ['snake_case_word stays', 'snake_case_word stays'],
    ['[text](https://a.example/x?utm_source=y "title")', 'text'],
    ['![logo](img.png) alt', 'logo alt'],
    ['see <https://a.example/?utm_campaign=x&id=3>', 'see https://a.example/?id=3'],
    ['line<br>break', 'line break'],
    ['AT&amp;T &nbsp;rocks', 'AT&T rocks'],
    ['\\- escaped \\* stars', '- escaped * stars'],
    ['“curly” – dash', '"curly" - dash'],
    ['caf&#233; &#x1F600;', 'café 😀'],
  ])('%s → %s', (input, expected) => {
    expect(inlineText(input)).toBe(expected);
  });

  it.each(['&#1114112;', '&#x110000;', '&#99999999999999999999999;', '&#xD800;', '&#0;'])('reads %s, a reference to no character, as U+FFFD (as HTML does), and does not throw', (entity) => {
    expect(inlineText(`We share${entity} data.`)).toBe('We share\ufffd data.');
    const doc = documentFromMarkdown(`# Privacy\n\nWe share your data with partners${entity}.\n`, { url: 'https://example.com/privacy', language: 'en' });
    expect(doc.blocks.map((b) => b.text)).toEqual(['Privacy', 'We share your data with partners\ufffd.']);
  });

  it.each([
    ['https://a.example/p?utm_source=x&utm_medium=y', 'https://a.example/p'],
    ['https://a.example/p?id=1&fbclid=abc#top', 'https://a.example/p?id=1#top'],
    ['https://a.example/p', 'https://a.example/p'],
  ])('strips tracking parameters from %s', (url, expected) => {
    expect(stripTrackingParams(url)).toBe(expected);
  });
});

describe('findStatedDate', () => {
  it.each([
    ['Last Updated: June 30, 2023', '2023-06-30'],
    ['LAST UPDATED: December 5, 2024', '2024-12-05'],
    ['Effective from 16 December 2025', '2025-12-16'],
    ['Effective Date: 2024-03-01', '2024-03-01'],
    ['Last revised on 03/15/2022', '2022-03-15'],
    ['Dernière mise à jour : 12 janvier 2024', '2024-01-12'],
    ['Last Updated/Effective Date: July 1, 2026', '2026-07-01'],
    ['We were founded in March 2010 and love privacy.', null],
    ['This policy was updated to reflect new laws.', null],
  ])('%s → %s', (text, expected) => {
    expect(findStatedDate(text)).toBe(expected);
  });
});

/**
 * The inline parser as it was, with one regular expression per form: the reference the scanners must
 * agree with. (Its link, image, tag and strong-emphasis patterns scan ahead from every place a form might
 * start, which made it quadratic.)
 */
/* eslint-disable regexp/no-super-linear-move -- the old, quadratic patterns, kept as the oracle */
const HTML_TAG_NAMES = new Set(['a', 'b', 'br', 'i', 'p', 'span', 'strong', 'em', 'div', 'sup', 'sub', 'u', 's', 'code', 'img', 'li', 'ul', 'ol', 'table', 'td', 'tr', 'th', 'h1', 'h2', 'h3', 'small', 'font', 'center']);
function referenceInlineText(input: string): string {
  const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', copy: '©', reg: '®', trade: '™' };
  let s = input;
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = s.replace(/<((?:https?|mailto):[^>\s]+)>/gi, (_, u: string) => stripTrackingParams(u));
  s = s.replace(
    /<(?!\/)([^\s<>@]+@[^\s<>@.]+(?:\.[^\s<>@.]+)+)>|<(\/)?([a-z][a-z0-9:-]{0,39})(?=[\s/>])[^<>]*>/gi,
    (m, email: string | undefined, closing: string | undefined, name: string | undefined) => {
      if (email !== undefined) return email.length <= 254 ? email : m;
      const bare = m === `<${closing ?? ''}${name}>`;
      const empty = m === `<${closing ?? ''}${name}/>`;
      const marked = /[A-Z:]|.-/.test(name ?? '');
      return (closing && bare) || empty || marked || HTML_TAG_NAMES.has((name ?? '').toLowerCase()) ? '' : m;
    },
  );
  s = s.replace(/!\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, '$1');
  s = s.replace(/\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1');
  s = s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1');
  s = s.replace(/\bhttps?:\/\/[^\s)\]]+/gi, (u) => stripTrackingParams(u));
  s = s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });
  s = s.replace(/`+([^`]*)`+/g, '$1');
  s = s.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2');
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  s = s.replace(/\*\*|__/g, '');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1');
  return normalizeText(s);
}
/* eslint-enable regexp/no-super-linear-move */


/** Deterministic strings over the characters Markdown's inline forms are made of. */
function* markupStrings(count: number, alphabet: string[], seed = 1): Generator<string> {
  let state = seed;
  for (let n = 0; n < count; n++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const length = 1 + (state % 40);
    let s = '';
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      s += alphabet[(state >> 8) % alphabet.length];
    }
    yield s;
  }
}

const INLINE_ALPHABET = ['[', ']', '(', ')', '!', '<', '>', '/', '*', '_', '`', '"', ' ', '\t', 'a', 'b', 'B', 'x', 'o:p', 'c-e', '@', 'q.r', 'http://e.x/?utm_source=1', 'https:', 'mailto:', 'br', '&amp;', '&#', '1114112;', 'x41;', '#', '\\', '\u2028', 'é', 'K', 'ſ'];

describe('inlineText is linear, and says what the regular expressions said', () => {
  it('agrees with the regular expressions on 20,000 strings made of markup characters', () => {
    for (const s of markupStrings(20_000, INLINE_ALPHABET)) expect(inlineText(s), JSON.stringify(s)).toBe(referenceInlineText(s));
  });

  it.each([
    ['[', '['],
    ['![', '!['],
    ['[a](', '[a]('],
    ['[a](( ', '[a](( '],
    ['[a][', '[a]['],
    ['<a', '<a'],
    ['<br ', '<br '],
    ['<http:a', '<http:a'],
    ['1<', '1<'],
    ['**a ', '**a '],
    ['__a ', '__a '],
  ])('reads 200 KB of %j in one pass', (_label, unit) => {
    const text = unit.repeat(Math.ceil(200_000 / unit.length));
    const started = performance.now();
    inlineText(text);
    // The regular expressions took 27 s on 200 KB of "[" alone; a scan takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('line forms are linear too', () => {
  // eslint-disable-next-line regexp/no-super-linear-backtracking -- the old heading pattern, kept as the oracle
  const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

  it('reads ATX headings as the regular expression did', () => {
    for (const s of markupStrings(20_000, ['#', ' ', '\t', 'a', 'B', '\u2028', '\u00a0', '*', '\\'], 7)) {
      const m = ATX.exec(s);
      expect(atxHeading(s), JSON.stringify(s)).toEqual(m ? { level: m[1]!.length, text: m[2] ?? '' } : null);
    }
  });

  it.each([
    // Cubic for the regular expression: over a minute at 20 KB.
    ['a heading line of spaces ending in #s', `# a${' '.repeat(200_000)}##########x`],
    ['a table line of spaces', `a | b\n${' '.repeat(200_000)}x`],
    ['a page of brackets', `# Privacy\n\n${'['.repeat(200_000)}`],
  ])('reads %s of 200 KB in one pass', (_label, text) => {
    const started = performance.now();
    documentFromMarkdown(text, { url: 'https://example.com/privacy' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('text in angle brackets', () => {
  const text = (md: string) => documentFromMarkdown(md, { url: 'https://shop.example/privacy' }).blocks.map((b) => b.text).join('\n');
  it('keeps the address of an e-mail autolink', () => {
    expect(text('## Contact\n\nWrite to our data protection officer at <first.last@shop.example> with any question.')).toContain('at first.last@shop.example with any question');
  });
  it('keeps text that only looks like a tag, and drops real tags', () => {
    expect(text('We keep logs for <thirty days, unless the law asks for longer; a score of 7 > 5 means more checks.')).toBe(
      'We keep logs for <thirty days, unless the law asks for longer; a score of 7 > 5 means more checks.',
    );
    expect(text('We <b>never</b> sell your <span class="x">data</span>.')).toBe('We never sell your data.');
    // Components and custom elements are tags too.
    expect(text('<Callout type="warning">We never sell your data.</Callout> <custom-note>Really.</custom-note><o:p></o:p>')).toBe('We never sell your data. Really.');
  });
});
