import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { detectPolicy, readDetectionText } from './detect';
import { foldForMatch } from './vocab';
import { extractPolicy } from '../extract/extract';
import * as P from './testpages';

function detect(html: string, url: string) {
  const { document, url: href } = loadHtml(html, url);
  return detectPolicy(document, href);
}

describe('detectPolicy', () => {
  it.each([
    ['en', P.EN_POLICY, 'https://acme.example/privacy'],
    ['de', P.DE_POLICY, 'https://beispiel.example/datenschutz'],
    ['fr', P.FR_POLICY, 'https://exemple.example/confidentialite'],
    ['es', P.ES_POLICY, 'https://ejemplo.example/privacidad'],
    ['it', P.IT_POLICY, 'https://esempio.example/privacy'],
    ['nl', P.NL_POLICY, 'https://voorbeeld.example/privacy'],
    ['pt', P.PT_POLICY, 'https://exemplo.example/privacidade'],
  ])('recognises a %s privacy policy and its language', (lang, html, url) => {
    const d = detect(html, url);
    expect(d.kind).toBe('privacy-policy');
    expect(d.language).toBe(lang);
    expect(d.confidence).toBeGreaterThan(0.5);
    expect(d.reasons.length).toBeGreaterThan(1);
  });

  it('recognises a policy whose URL says nothing, from its body and headings', () => {
    const html = P.page({ lang: 'en', title: 'Acme', body: P.EN_POLICY.split('<main>')[1]!.split('</main>')[0]! });
    expect(detect(html, 'https://acme.example/page?id=42').kind).toBe('privacy-policy');
  });

  it('reads a client-side route in the fragment as part of the URL, and an anchor not', () => {
    const html = P.page({ lang: 'en', title: 'Acme', body: P.EN_POLICY.split('<main>')[1]!.split('</main>')[0]! });
    expect(detect(html, 'https://app.example/#/legal/privacy').reasons).toContain('URL names privacy');
    expect(detect(html, 'https://app.example/#!/privacy').reasons).toContain('URL names privacy');
    expect(detect(html, 'https://app.example/help#privacy').reasons).not.toContain('URL names privacy');
  });

  it.each([
    ['terms of service', P.EN_TERMS, 'https://acme.example/terms'],
    ['an imprint', P.DE_IMPRINT, 'https://beispiel.example/impressum'],
    ['community guidelines', P.COMMUNITY_GUIDELINES, 'https://social.example/guidelines'],
    ['a news article about privacy', P.NEWS_ABOUT_PRIVACY, 'https://planet.example/news/2024/05/regulators-fine-privacy'],
    ['an ordinary page with a privacy footer link', P.ORDINARY_WITH_FOOTER, 'https://blog.example/alps'],
  ])('calls %s "other"', (_name, html, url) => {
    expect(detect(html, url).kind).toBe('other');
  });

  it('calls a cookie policy privacy-adjacent', () => {
    expect(detect(P.COOKIE_POLICY, 'https://acme.example/cookie-policy').kind).toBe('privacy-adjacent');
  });

  it('calls a data-processing agreement privacy-adjacent', () => {
    const body = P.EN_POLICY.split('<main>')[1]!.split('</main>')[0]!.replace(/privacy policy/gi, 'agreement');
    const html = P.page({ lang: 'en', title: 'Data Processing Addendum', h1: 'Data Processing Addendum', body });
    expect(detect(html, 'https://acme.example/legal/dpa').kind).toBe('privacy-adjacent');
  });

  it('says "other" with a reason for a page with almost no text', () => {
    const d = detect(P.page({ title: 'Privacy Policy', body: '<div id="app"></div>' }), 'https://spa.example/privacy');
    expect(d.kind).toBe('other');
    expect(d.reasons.join(' ')).toMatch(/too little text/);
  });

  it('guesses the language when <html lang> is missing', () => {
    const d = detect(P.DE_POLICY.replace(' lang="de"', ''), 'https://beispiel.example/datenschutz');
    expect(d.language).toBe('de');
  });
});

describe('foldForMatch', () => {
  it.each([
    ['Datenschutzerklärung', 'datenschutzerklarung'],
    ['Politique de confidentialité', 'politique de confidentialite'],
    ['Poli\u0301tica de privacidad', 'politica de privacidad'],
    ['We don\u2019t sell\u00a0your data \u2014 ever', 'we don\u2019t sell your data \u2014 ever'],
    ['개인정보 처리방침', '개인정보 처리방침'],
    ['Last-Updated: 1.2.2024', 'last updated 1 2 2024'],
  ])('folds %j', (input, folded) => {
    expect(foldForMatch(input)).toBe(folded);
  });
});

describe('shared page read', () => {
  it('gives the same verdict and document whether detection and extraction read the page once or twice', () => {
    for (const [html, url] of [
      [P.EN_POLICY, 'https://acme.example/privacy'],
      [P.DE_POLICY, 'https://beispiel.example/datenschutz'],
    ] as const) {
      const { document, url: href } = loadHtml(html, url);
      const pageText = readDetectionText(document);
      expect(pageText.complete).toBe(true);
      expect(detectPolicy(document, href, { pageText })).toEqual(detectPolicy(document, href));
      const shared = extractPolicy(document, href, { pageText });
      const alone = extractPolicy(document, href);
      expect(shared).toEqual(alone);
    }
  });

  it('says when the body did not fit, so extraction reads the page itself', () => {
    const long = `<p>${'We collect and share personal data with partners. '.repeat(3000)}</p>`;
    const { document } = loadHtml(P.page({ title: 'Privacy Policy', body: long }), 'https://acme.example/privacy');
    const pageText = readDetectionText(document);
    expect(pageText.complete).toBe(false);
    expect(pageText.text.length).toBeLessThanOrEqual(80_000);
  });
});
