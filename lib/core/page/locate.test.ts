import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { locateQuote, QUOTE_HEAD_CHARS, QUOTE_TAIL_CHARS, quoteParts, rangeForQuote } from './locate';
import { normalizeText } from '../text/normalize';

const page = (body: string) => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;

describe('locateQuote', () => {
  it.each([
    ['plain sentence', '<p>We keep notes. We may share data with advertising partners. Bye.</p>', 'We may share data with advertising partners.'],
    ['sentence split across inline elements', '<p>We may <b>share</b> data with <a href="#">advertising partners</a>.</p>', 'We may share data with advertising partners.'],
    ['typographic quotes and dashes in the page', '<p>Our \u201cpartners\u201d \u2014 including affiliates.</p>', 'Our "partners" - including affiliates.'],
    ['extra whitespace and soft hyphens', '<p>We   may\n share   adver\u00ADtising data.</p>', 'We may share advertising data.'],
    ['different case', '<p>WE MAY TRAIN AI MODELS.</p>', 'We may train AI models.'],
    ['decomposed accents on the page', '<p>Nous conservons vos donne\u0301es apre\u0300s la commande.</p>', 'Nous conservons vos données après la commande.'],
  ])('finds a %s', (_name, html, quote) => {
    const doc = page(html);
    const range = rangeForQuote(doc, quote);
    expect(range).not.toBeNull();
    expect(normalizeText(range!.toString()).toLowerCase()).toBe(normalizeText(quote).toLowerCase());
  });

  it.each([
    ['<p>Shopco Ltd<br>passes your address to the courier.</p>'],
    ['<p><b>Shopco Ltd</b><br><i>passes</i> your address to the courier.</p>'],
  ])('finds a sentence split by a line break, which extraction joins with a space: %s', (html) => {
    const range = rangeForQuote(page(html), 'Shopco Ltd passes your address to the courier.');
    expect(range).not.toBeNull();
    // A range's text leaves the line break out: "Ltdpasses".
    expect(range!.toString()).toBe('Shopco Ltdpasses your address to the courier.');
  });

  it('finds a sentence after a line break inside bold text, and no space where the page has none', () => {
    const doc = page('<p><b>Last updated May 2026<br>We do not sell</b>, rent or trade your data.</p>');
    expect(rangeForQuote(doc, 'We do not sell, rent or trade your data.')!.toString()).toBe('We do not sell, rent or trade your data.');
  });

  it('highlights a last letter with its combining mark', () => {
    const doc = page('<p>Nous payons le cafe\u0301</p>');
    expect(rangeForQuote(doc, 'Nous payons le café')!.toString()).toBe('Nous payons le cafe\u0301');
  });

  it('returns the exact passage, not the whole paragraph', () => {
    const doc = page('<p>First sentence here. We may share data with advertising partners. Last one.</p>');
    expect(rangeForQuote(doc, 'We may share data with advertising partners.')!.toString()).toBe('We may share data with advertising partners.');
  });

  it('falls back to the first words when the page changed the end of the sentence', () => {
    const doc = page('<p>We may share your information with advertising partners and their affiliates around the world today.</p>');
    const found = locateQuote(doc, 'We may share your information with advertising partners and their affiliates in the United States.');
    expect(found).not.toBeNull();
  });

  it('ignores script and style text and reports a missing passage as null', () => {
    const doc = page('<script>var s = "We may train AI models";</script><style>.x{}</style><p>Nothing here.</p>');
    expect(locateQuote(doc, 'We may train AI models')).toBeNull();
  });

  it('does not modify the page', () => {
    const doc = page('<p>We may share data.</p>');
    const before = doc.body.innerHTML;
    rangeForQuote(doc, 'We may share data.');
    expect(doc.body.innerHTML).toBe(before);
  });
});

describe('a long sentence, sent as head and tail', () => {
  const partners = Array.from({ length: 260 }, (_, i) => `Partner Company Number ${i} Limited`).join(', ');
  const sentence = `We share your personal information with the following advertising partners: ${partners}.`;

  it('is bounded, cut at word boundaries; a short one is sent whole', () => {
    expect(quoteParts('We may share data.')).toEqual({ quote: 'We may share data.' });
    const { quote, quoteEnd } = quoteParts(sentence);
    expect(sentence.length).toBeGreaterThan(5000);
    expect(quote.length).toBeLessThanOrEqual(QUOTE_HEAD_CHARS);
    expect(quoteEnd!.length).toBeLessThanOrEqual(QUOTE_TAIL_CHARS);
    expect(sentence.startsWith(`${quote} `)).toBe(true);
    expect(sentence.endsWith(` ${quoteEnd}`)).toBe(true);
  });

  it('is found from its head to the end of its tail', () => {
    const { quote, quoteEnd } = quoteParts(sentence);
    const range = rangeForQuote(page(`<p>Intro.</p><p>${sentence.replace('Number 7 ', 'Number <b>7</b> ')}</p><p>We sell nothing.</p>`), quote, quoteEnd);
    expect(range!.toString()).toBe(sentence);
  });

  it('is the head alone when the tail is not after it (the page changed since)', () => {
    const { quote, quoteEnd } = quoteParts(sentence);
    const range = rangeForQuote(page(`<p>${quote} and others.</p>`), quote, quoteEnd);
    expect(range!.toString()).toBe(quote);
  });
});

describe('bounded work on a hostile page', () => {
  const SENTENCE = 'We may share your data with advertising partners.';

  it('reads at most three million characters, also when one text node holds more', () => {
    const doc = page('<pre></pre>');
    const pre = doc.querySelector('pre')!;
    pre.textContent = `${SENTENCE} ${'lorem ipsum '.repeat(300_000)}${'the very end of it. '}`;
    expect(pre.textContent.length).toBeGreaterThan(3_000_000);
    // A passage near the start is found; one past the bound is not looked for.
    expect(locateQuote(doc, SENTENCE)).not.toBeNull();
    expect(locateQuote(doc, 'the very end of it.')).toBeNull();
  });

  it('finds a passage nested a thousand elements deep, four times the ancestors it climbs', () => {
    // Four times the ancestors the locator climbs (MAX_ANCESTORS, 256); jsdom builds a deep tree in time that
    // grows with the square of its depth (5,000 took 10 s here).
    const depth = 1_000;
    const doc = page('<div id="root"></div>');
    let el = doc.getElementById('root')!;
    for (let i = 0; i < depth; i++) el = el.appendChild(doc.createElement('span'));
    el.textContent = SENTENCE;
    const range = rangeForQuote(doc, SENTENCE);
    expect(range?.toString()).toBe(SENTENCE);
  });
});
