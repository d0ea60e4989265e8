import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { discoverPolicyLinks, usualPathCandidates } from './discover';

const sameHost = (a: URL, b: URL) => a.hostname === b.hostname;
const page = (body: string, url = 'https://shop.example/') => ({ doc: new JSDOM(`<!doctype html><body>${body}</body>`, { url }).window.document, url });

describe('discoverPolicyLinks', () => {
  it.each([
    ['English footer', '<footer><a href="/terms">Terms</a> <a href="/legal/privacy">Privacy Policy</a></footer>', 'https://shop.example/legal/privacy'],
    ['German', '<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutzerklärung</a></footer>', 'https://shop.example/datenschutz'],
    ['French', '<footer><a href="/cgu">CGU</a><a href="/confidentialite">Politique de confidentialité</a></footer>', 'https://shop.example/confidentialite'],
    ['Spanish', '<footer><a href="/privacidad">Política de privacidad</a></footer>', 'https://shop.example/privacidad'],
    ['Italian', '<footer><a href="/privacy-it">Informativa sulla privacy</a></footer>', 'https://shop.example/privacy-it'],
    ['Dutch', '<footer><a href="/pv">Privacyverklaring</a></footer>', 'https://shop.example/pv'],
    ['Portuguese', '<footer><a href="/pp">Política de Privacidade</a></footer>', 'https://shop.example/pp'],
  ])('finds the %s policy link', (_lang, html, expected) => {
    const { doc, url } = page(html);
    expect(discoverPolicyLinks(doc, url, sameHost)[0]?.url).toBe(expected);
  });

  it('prefers a rel="privacy-policy" link over labels', () => {
    const { doc, url } = page('<a href="/privacy">Privacy</a><a rel="privacy-policy" href="/legal/pp-2026">Legal</a>');
    const [best] = discoverPolicyLinks(doc, url, sameHost);
    expect(best?.url).toBe('https://shop.example/legal/pp-2026');
    expect(best?.why).toEqual({ code: 'rel' });
  });

  it('prefers the privacy policy over the cookie policy', () => {
    const { doc, url } = page('<footer><a href="/cookies">Cookie policy</a><a href="/privacy">Privacy</a></footer>');
    expect(discoverPolicyLinks(doc, url, sameHost)[0]?.url).toBe('https://shop.example/privacy');
  });

  it('ignores other sites, javascript: links and unrelated links', () => {
    const { doc, url } = page('<a href="https://tracker.example/privacy">Privacy policy</a><a href="javascript:alert(1)">Privacy</a><a href="/blog">Blog</a>');
    expect(discoverPolicyLinks(doc, url, sameHost)).toEqual([]);
  });

  it('offers the usual paths on the origin as a last resort', () => {
    expect(usualPathCandidates('https://shop.example').map((c) => c.url)).toContain('https://shop.example/privacy');
  });
});
