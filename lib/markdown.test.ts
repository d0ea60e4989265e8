import { describe, expect, it } from 'vitest';
import { documentFromMarkdown, inlineText, stripTrackingParams } from './markdown';
import { PolicyDocument } from './schema';
import { findStatedDate } from './text/dates';

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
  ])('%s → %s', (input, expected) => {
    expect(inlineText(input)).toBe(expected);
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
