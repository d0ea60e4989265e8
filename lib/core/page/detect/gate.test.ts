import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { gateDocument, readHeadings } from './gate';
import { processPage } from '../pipeline';
import * as P from './testpages';

function run(html: string, url: string) {
  const { document, url: href } = loadHtml(html, url);
  return gateDocument(document, href).verdict;
}

describe('gate', () => {
  it.each([
    ['en', P.EN_POLICY, 'https://acme.example/legal/privacy'],
    ['de', P.DE_POLICY, 'https://beispiel.example/datenschutz'],
    ['fr', P.FR_POLICY, 'https://exemple.example/confidentialite'],
    ['es', P.ES_POLICY, 'https://ejemplo.example/privacidad'],
    ['it', P.IT_POLICY, 'https://esempio.example/informativa'],
    ['nl', P.NL_POLICY, 'https://voorbeeld.example/privacyverklaring'],
    ['pt', P.PT_POLICY, 'https://exemplo.example/privacidade'],
    ['cookie policy', P.COOKIE_POLICY, 'https://acme.example/cookies'],
  ])('passes a %s policy', (_name, html, url) => {
    expect(run(html, url).pass).toBe(true);
  });

  it.each([
    ['title only', P.page({ title: 'Datenschutzerklärung', body: '<p>x</p>' }), 'https://x.example/a/b'],
    ['heading only', P.page({ title: 'Acme', h1: 'Política de privacidad', body: '<p>x</p>' }), 'https://x.example/p/12'],
    ['URL only', P.page({ title: 'Acme', body: '<p>x</p>' }), 'https://x.example/legal/privacy-policy'],
    ['URL with accents', P.page({ title: 'Acme', body: '<p>x</p>' }), 'https://x.example/confidentialit%C3%A9'],
    ['URL, hyphenated', P.page({ title: 'Acme', body: '<p>x</p>' }), 'https://x.example/proteccion-de-datos'],
    ['fragment of a hash-routed app', P.page({ title: 'Acme', body: '<p>x</p>' }), 'https://app.example/#/legal/privacy'],
    [
      'third h2 of a page whose h1 is a logo',
      P.page({ title: 'Acme', h1: '<img alt="">', body: '<h2>Help</h2><h2>Shop</h2><h2>Data protection notice</h2><p>x</p>' }),
      'https://x.example/p/12',
    ],
  ])('passes a policy named only in the %s', (_name, html, url) => {
    expect(run(html, url).pass).toBe(true);
  });

  // The Swiss (and often French) name of a privacy policy, in French and Italian: "protection des données",
  // "protezione dei dati". The detector knows it; the gate must let such pages through to it.
  const bodyOf = (html: string) => html.split('<main>')[1]!.split('</main>')[0]!.replace(/<h1>.*?<\/h1>/, '');
  it.each([
    ['fr', 'Protection des données | Exemple SA', 'Protection des données', 'https://www.exemple.ch/fr/p/1234'],
    ['fr', 'Déclaration de protection des données', 'Déclaration de protection des données', 'https://www.exemple.ch/fr/p/1234'],
    ['fr', 'Exemple SA', 'Exemple SA', 'https://www.exemple.ch/fr/protection-des-donnees'],
    ['it', 'Protezione dei dati | Esempio SA', 'Protezione dei dati', 'https://www.esempio.ch/it/p/1234'],
    ['it', 'Esempio SA', 'Esempio SA', 'https://www.esempio.ch/it/protezione-dei-dati'],
  ])('captures a %s policy titled "%s" (h1 "%s") at %s', (lang, title, h1, url) => {
    const body = bodyOf(lang === 'fr' ? P.FR_POLICY : P.IT_POLICY);
    const { document, url: href } = loadHtml(P.page({ lang, title, h1, body }), url);
    const out = processPage(document, href);
    expect(out.stage).toBe('extract');
    if (out.stage === 'extract') expect(out.result.ok).toBe(true);
  });

  it('dismisses an ordinary page even with a privacy link in its footer', () => {
    const r = run(P.ORDINARY_WITH_FOOTER, 'https://blog.example/2024/05/alps-hiking');
    expect(r.pass).toBe(false);
    expect(r.reason).toMatch(/no privacy word/);
  });

  it.each([
    ['a title with "illegal"', 'Illegal parking fines double in the city centre', 'https://news.example/2025/04/parking-fines'],
    ['a title with "midterms"', 'Midterms: the results county by county', 'https://news.example/elections/results'],
    ['a URL with "handpainted"', 'Blue mugs', 'https://shop.example/handpainted-mugs'],
    ['a URL with "flagbearer"', 'Opening ceremony', 'https://sport.example/games/flagbearer-named'],
    ['a title with "paralegal"', 'Paralegal jobs near you', 'https://jobs.example/search?q=paralegal'],
  ])('dismisses an ordinary page whose short gate word only sits inside another word: %s', (_name, title, url) => {
    expect(run(P.page({ title, body: '<p>x</p>' }), url).pass).toBe(false);
  });

  it.each([
    ['a short word that starts a word after the same letters inside one', 'Illegal content and legal notices', 'https://x.example/a', 'title mentions "legal"'],
    ['a long word glued into a URL word', 'Acme', 'https://x.example/dataprivacypolicy', 'url mentions "privacy"'],
    ['a German compound', 'Acme', 'https://x.example/kundendatenschutz', 'url mentions "datenschutz"'],
    ['a Japanese title, where words are not spaced', '会社のプライバシーについて', 'https://x.example/a', 'title mentions "プライバシー"'],
    ['a short word after a digit-free slug separator', 'Acme', 'https://x.example/site-terms', 'url mentions "terms"'],
  ])('still passes %s', (_name, title, url, reason) => {
    expect(run(P.page({ title, body: '<p>x</p>' }), url)).toEqual({ pass: true, reason });
  });

  it('says where the word was found, with malformed escapes read as they are', () => {
    expect(run(P.page({ title: 'Acme', body: '<p>x</p>' }), 'https://x.example/%E0%A4%A/datenschutz').reason).toBe('url mentions "datenschutz"');
    expect(run(P.page({ title: 'Cookie notice', body: '<p>x</p>' }), 'https://x.example/a').reason).toBe('title mentions "cookie"');
    expect(run(P.page({ title: 'Acme', h1: 'Informativa', body: '<p>x</p>' }), 'https://x.example/a').reason).toBe('heading mentions "informativa"');
  });

  it('tolerates a document without title or headings', () => {
    const { document } = loadHtml('', 'https://x.example/');
    const { verdict, signals } = gateDocument(document, 'https://x.example/');
    expect(signals).toMatchObject({ title: '', headings: [] });
    expect(verdict.pass).toBe(false);
  });

  it('reads no heading when the URL or title already names the page, and the headings otherwise', () => {
    const html = P.page({ title: 'Acme', h1: 'Spring sale', body: '<p>x</p>' });
    const byUrl = gateDocument(loadHtml(html, 'https://x.example/privacy').document, 'https://x.example/privacy');
    expect(byUrl).toEqual({ verdict: { pass: true, reason: 'url mentions "privacy"' }, signals: { url: 'https://x.example/privacy', title: 'Acme', headings: null } });
    const ordinary = gateDocument(loadHtml(html, 'https://x.example/sale').document, 'https://x.example/sale');
    expect(ordinary.signals.headings).toEqual(['Spring sale']);
    expect(ordinary.verdict.pass).toBe(false);
  });

  it('bounds the headings it reads: the first h1, or without h1 text the first three h2', () => {
    const many = Array.from({ length: 500 }, (_, i) => `<h2>Section ${i}</h2>`).join('');
    const read = (html: string) => readHeadings(loadHtml(html, 'https://x.example/').document);
    expect(read(`<title>t</title><h1>Main</h1><h1>Other</h1>${many}`)).toEqual(['Main']);
    expect(read(`<title>t</title><h1> </h1>${many}`)).toEqual(['Section 0', 'Section 1', 'Section 2']);
    expect(read(`<title>t</title><h2>Only</h2><h2> </h2>`)).toEqual(['Only']);
  });

  it('reads the headings of XHTML served as XML too', () => {
    const body = '<h1> </h1><header><h2>Help</h2></header><section><h2>Data protection</h2><div><h2>Shop</h2></div></section><h2>More</h2>';
    const xhtml = new JSDOM(`<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>${body}</body></html>`, {
      contentType: 'application/xhtml+xml',
    }).window.document;
    expect(xhtml.contentType).toBe('application/xhtml+xml');
    expect(readHeadings(xhtml)).toEqual(['Help', 'Data protection', 'Shop']);
    expect(gateDocument(xhtml, 'https://x.example/a').verdict).toEqual({ pass: true, reason: 'heading mentions "data protection"' });
  });
});
