import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { MAX_RENDERED_NODES, RENDERED_CHARS, renderedText } from './rendered';

const SENTENCE = 'We collect the email address you give us and share it with the providers who host our service. ';
const words = (n: number) => SENTENCE.repeat(Math.ceil(n / 18)).trim();

function doc(body: string, title = 'Privacy Policy'): Document {
  return loadHtml(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'https://acme.example/privacy').document;
}

const CHROME = `<header><a href="/">Acme</a><h1><img alt="" src="logo.png"></h1></header>
<nav>${'<a href="/x">Products and services for every team</a> '.repeat(30)}</nav>
<footer>${'<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of service</a> '.repeat(20)}</footer>`;

describe('renderedText: has the page text arrived?', () => {
  it.each([
    ['an h3/h4-only policy', `<main><h3>1. What we collect</h3><p>${words(120)}</p><h4>1.1 Account data</h4><p>${words(80)}</p></main>`],
    ['a policy whose headings are bold paragraphs', `<div class="content"><p><b>What we collect</b></p><p>${words(150)}</p><p><strong>Sharing</strong></p><p>${words(60)}</p></div>`],
    ['a policy laid out as a table', `<table><tr><td><font size="4">Privacy</font></td></tr><tr><td>${words(150)}</td></tr></table>`],
    ['a policy with text straight in the body', `${words(100)}<br>${words(40)}`],
  ])('counts %s as rendered at once', (_name, body) => {
    const r = renderedText(doc(`${CHROME}${body}`));
    expect(r.rendered).toBe(true);
    expect(r.chars).toBeGreaterThanOrEqual(RENDERED_CHARS);
  });

  it.each([
    ['an empty root element', '<div id="root"></div><script>window.__DATA__ = {"policy": "' + 'x'.repeat(5000) + '"}</script>'],
    ['a spinner', '<div id="app"><div class="spinner"></div><p>Loading…</p></div>'],
    ['navigation, a banner and a site footer only', `${CHROME}<div id="app"></div>`],
    ['a cookie dialog and hidden templates', `<div id="app"></div><div role="dialog" aria-modal="true"><p>${words(100)}</p></div><template><p>${words(200)}</p></template><div hidden><p>${words(200)}</p></div><div aria-hidden="true">${words(100)}</div>`],
    ['a noscript notice and inline styles', `<noscript><p>${words(100)}</p></noscript><style>${'.a{color:red}'.repeat(200)}</style><div id="app"></div>`],
    ['a consent manager\'s banner and preference centre, outside any dialog', `<div id="app"></div><div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" role="region"><p>${words(60)}</p></div><div id="onetrust-pc-sdk" class="otPcCenter ot-hide"><p>${words(200)}</p></div></div><div class="qc-cmp2-container"><p>${words(60)}</p></div>`],
    ['ARIA chrome', `<div role="navigation">${words(100)}</div><div role="banner">${words(50)}</div><div role="contentinfo">${words(50)}</div><div role="complementary">${words(50)}</div><div id="app"></div>`],
  ])('counts an app shell with %s as still arriving', (_name, body) => {
    expect(renderedText(doc(body)).rendered).toBe(false);
  });

  it('stops reading as soon as it has enough', () => {
    const r = renderedText(doc(`<main>${`<p>${words(40)}</p>`.repeat(2000)}</main>`));
    expect(r.rendered).toBe(true);
    // main, then a paragraph or two and their text: nowhere near the 2,000 paragraphs.
    expect(r.nodes).toBeLessThan(10);
  });

  it('reads at most MAX_RENDERED_NODES nodes, and the same page always gets the same answer', () => {
    const deep = `<main>${'<div><span></span></div>'.repeat(MAX_RENDERED_NODES)}<p>${words(200)}</p></main>`;
    const d = doc(deep);
    const a = renderedText(d);
    expect(a.nodes).toBe(MAX_RENDERED_NODES);
    expect(a.rendered).toBe(false);
    expect(renderedText(d)).toEqual(a);
    // Past the bound, text still counts when it comes early enough.
    expect(renderedText(doc(`<main><p>${words(200)}</p>${'<div><span></span></div>'.repeat(MAX_RENDERED_NODES)}</main>`)).rendered).toBe(true);
  });

  it('takes its threshold and node bound as arguments', () => {
    const d = doc(`<p>${words(30)}</p>`);
    expect(renderedText(d).rendered).toBe(false);
    expect(renderedText(d, 100).rendered).toBe(true);
    expect(renderedText(doc(`<div></div><div></div><p>${words(200)}</p>`), RENDERED_CHARS, 2)).toMatchObject({ rendered: false, nodes: 2 });
  });

  it('never throws on a document without a body', () => {
    const xml = new JSDOM('<policy><p>text</p></policy>', { contentType: 'application/xml' }).window.document;
    expect(renderedText(xml)).toEqual({ rendered: false, chars: 0, nodes: 0 });
  });
});
