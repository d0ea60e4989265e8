import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { Readability } from '@mozilla/readability';
import { extractPolicy, fastVisibilityTest, withinReadabilityLimits } from './extract';
import { pruneChrome, revealCollapsed } from './reveal';
import { cleanCopy } from './fallback';
import { blocksFromElement } from './blocks';
import { findStatedDate } from '../../text/dates';
import * as P from '../detect/testpages';

function extract(html: string, url = 'https://acme.example/privacy') {
  const { document, url: href } = loadHtml(html, url);
  const before = document.documentElement.outerHTML;
  const r = extractPolicy(document, href);
  // The live document must never change.
  expect(document.documentElement.outerHTML).toBe(before);
  return r;
}

function ok(r: ReturnType<typeof extract>) {
  if (!r.ok) throw new Error(r.reason);
  return r.document;
}

describe('extractPolicy', () => {
  it('produces ordered blocks with section paths, title, language and date', () => {
    const d = ok(extract(P.EN_POLICY));
    expect(d.title).toContain('Privacy Policy');
    expect(d.language).toBe('en');
    expect(d.statedDate).toBe('2024-03-03');
    const share = d.blocks.find((b) => b.text.startsWith('We may share personal information'));
    expect(share).toMatchObject({ kind: 'paragraph', section: expect.arrayContaining(['Sharing with third parties']) });
    const heading = d.blocks.find((b) => b.kind === 'heading' && b.text === 'Your rights');
    expect(heading?.level).toBe(2);
    expect(d.blocks.filter((b) => b.kind === 'list-item').map((b) => b.text)).toContain('Device data: IP address, browser type, operating system.');
    const order = ['Information we collect', 'How we use your information', 'Retention'].map((t) => d.blocks.findIndex((b) => b.text === t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order.every((i) => i >= 0)).toBe(true);
    // Page chrome is not policy text.
    expect(d.blocks.some((b) => /^Home Shop$/.test(b.text))).toBe(false);
  });

  it.each([
    ['de', P.DE_POLICY, '2024-02-01'],
    ['fr', P.FR_POLICY, '2024-01-12'],
    ['es', P.ES_POLICY, '2024-03-05'],
    ['it', P.IT_POLICY, '2024-04-10'],
    ['nl', P.NL_POLICY, '2024-05-02'],
    ['pt', P.PT_POLICY, '2024-06-15'],
  ])('extracts a %s policy with its stated date', (lang, html, date) => {
    const d = ok(extract(html));
    expect(d.language).toBe(lang);
    expect(d.statedDate).toBe(date);
    expect(d.extraction.words).toBeGreaterThan(150);
  });

  it('keeps text from collapsed accordions, tabs, details and read-more sections', () => {
    const body = P.EN_POLICY.split('<main>')[1]!.split('</main>')[0]!;
    const html = P.page({
      lang: 'en',
      title: 'Privacy Policy',
      h1: 'Privacy Policy',
      body: `${body}
<div class="accordion"><button aria-expanded="false" aria-controls="p1">International transfers</button>
<div id="p1" class="accordion-collapse collapse" hidden><p>We transfer personal data to the United States under standard contractual clauses.</p></div></div>
<div role="tablist"><button role="tab">EU residents</button><button role="tab">California residents</button></div>
<div role="tabpanel" style="display: none"><p>California residents may request that we not sell or share their personal information.</p></div>
<details><summary>Sensitive data</summary><p>We process health data only with your explicit consent.</p></details>
<div aria-hidden="true" style="visibility:hidden"><p>Read more: we keep server logs for thirty days before deleting them.</p></div>`,
    });
    const d = ok(extract(html));
    const text = d.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('standard contractual clauses');
    expect(text).toContain('not sell or share their personal information');
    expect(text).toContain('health data only with your explicit consent');
    expect(text).toContain('server logs for thirty days');
  });

  it('reveals collapsed content but leaves closed menus, dialogs and banners closed', () => {
    const { document } = loadHtml(
      `<!doctype html><html><body>
<header><nav><ul hidden id="submenu"><li>Products</li></ul></nav></header>
<div role="dialog" aria-modal="true" style="display:none" id="newsletter"><p>Subscribe</p></div>
<main><article><section><header><div hidden id="in-article-header">Summary</div></header>
<div hidden id="panel"><p>We share data with advertisers.</p></div>
<details id="more"><summary>More</summary><p>Retention</p></details></section></article></main>
<footer><div aria-hidden="true" id="footer-menu">Links</div></footer>
</body></html>`,
      'https://acme.example/privacy',
    );
    const copy = document.cloneNode(true) as Document;
    expect(revealCollapsed(copy)).toBe(3);
    expect(copy.getElementById('panel')?.hasAttribute('hidden')).toBe(false);
    expect(copy.getElementById('in-article-header')?.hasAttribute('hidden')).toBe(false);
    expect(copy.getElementById('more')?.hasAttribute('open')).toBe(true);
    expect(copy.getElementById('submenu')?.hasAttribute('hidden')).toBe(true);
    expect(copy.getElementById('newsletter')?.getAttribute('style')).toBe('display:none');
    expect(copy.getElementById('footer-menu')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('removes navigation, banners, site footers and graphics from the copy, but not section headers', () => {
    const { document } = loadHtml(
      `<!doctype html><html><body>
<header id="site"><a href="/">Acme</a></header><nav id="menu"><a href="/a">A</a></nav>
<div class="content"><header id="section-title"><h2>I. Introduction</h2></header><p>Policy text.</p>
<svg id="icon"><text>icon</text></svg><aside id="related">Related</aside></div>
<article><header id="article-header"><p>Summary</p></header><p>More policy text.</p></article>
<footer id="site-footer"><a href="/terms">Terms</a></footer>
</body></html>`,
      'https://acme.example/privacy',
    );
    const copy = document.cloneNode(true) as Document;
    expect(pruneChrome(copy)).toBe(5);
    const ids = (d: Document) => ['site', 'menu', 'section-title', 'icon', 'related', 'article-header', 'site-footer'].filter((id) => d.getElementById(id));
    expect(ids(copy)).toEqual(['section-title', 'article-header']);
    expect(ids(document)).toHaveLength(7);
  });

  it('normalises typography in blocks', () => {
    const html = P.EN_POLICY.replace('We do not sell personal information.', 'We don\u2019t sell \u201cpersonal\u00a0information\u201d \u2014 ever.\u200b');
    const d = ok(extract(html));
    expect(d.blocks.some((b) => b.text.includes('We don\'t sell "personal information" - ever.'))).toBe(true);
  });

  it('turns table rows into table-row blocks', () => {
    const html = P.EN_POLICY.replace(
      '<h2>Retention</h2>',
      '<h2>Retention</h2><table><tr><th>Data</th><th>Period</th></tr><tr><td>Account data</td><td>Life of the account</td></tr></table>',
    );
    const d = ok(extract(html));
    expect(d.blocks).toContainEqual(expect.objectContaining({ kind: 'table-row', text: 'Account data | Life of the account' }));
  });

  it('falls back to its own extraction when Readability keeps too little, and says so', () => {
    // Half of the policy sits in a container whose class Readability treats as page furniture
    // ("sidebar"), so Readability returns only the other half.
    const half = (n: string) =>
      `<div class="wrap"><div class="inner"><div class="text">${Array.from(
        { length: 12 },
        (_, i) => `<p>Part ${n} clause ${i + 1}: we may share personal information with partner ${n}${i + 1} for analytics, advertising and fraud prevention, and we retain it for as long as the law requires.</p>`,
      ).join('')}</div></div></div>`;
    const html = `<!doctype html><html lang="en"><head><title>Privacy</title></head><body><div id="a"><section>${half('A')}</section></div><div class="sidebar-notes">${half('B')}</div></body></html>`;
    const d = ok(extract(html));
    expect(d.extraction.method).toBe('fallback');
    expect(d.extraction.notes.join(' ')).toMatch(/fallback/);
    const text = d.blocks.map((b) => b.text).join(' ');
    expect(text).toContain('partner A12');
    expect(text).toContain('partner B12');
  });

  describe('the heading that repeats the title', () => {
    // A short policy (under the 300 words Readability must keep) goes to the fallback on one visit and,
    // a few sentences longer, to Readability on the next: both must leave the title's heading out alike,
    // or the history shows "Privacy Policy" as removed though the page never lost it.
    const clause = (i: number) => `<p>Clause ${i}: we keep your account details for as long as your account is open, and we share them with the company that hosts our servers, under a contract.</p>`;
    const page = (h1: string, clauses: number) =>
      `<!doctype html><html lang="en"><head><title>Privacy Policy | Quill Notes</title></head><body><nav><a href="/">Home</a></nav><main><article><h1>${h1}</h1>${Array.from({ length: clauses }, (_, i) => clause(i + 1)).join('')}<h2>Your rights</h2><p>You may ask for a copy of your data at any time.</p></article></main></body></html>`;

    it('is left out by the fallback as by Readability, with the sections below it', () => {
      const short = ok(extract(page('Privacy Policy', 8)));
      const long = ok(extract(page('Privacy Policy', 14)));
      expect(long.extraction.method).toBe('readability');
      expect(short.extraction.notes.join(' ')).toMatch(/fallback content root/);
      for (const d of [short, long]) {
        expect(d.blocks.some((b) => b.kind === 'heading' && b.text === 'Privacy Policy')).toBe(false);
        expect(d.blocks.find((b) => b.text === 'Your rights')).toMatchObject({ kind: 'heading', section: [] });
      }
      expect(short.blocks[0]?.text).toMatch(/^Clause 1:/);
    });

    it('stays when it is not the title', () => {
      const d = ok(extract(page('How Quill Notes handles your data', 8)));
      expect(d.blocks[0]).toMatchObject({ kind: 'heading', text: 'How Quill Notes handles your data' });
    });
  });

  it.each([
    ['an empty document', ''],
    ['a body without text', '<html><body><div></div></body></html>'],
  ])('returns a reason for %s', (_name, html) => {
    const r = extract(html);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toBeTruthy();
  });
});

describe('findStatedDate', () => {
  it.each([
    ['Last updated: March 3, 2024', '2024-03-03'],
    ['Effective date: 2023-11-30', '2023-11-30'],
    ['Effective as of January 1st, 2025.', '2025-01-01'],
    ['Last modified 25/04/2024', '2024-04-25'],
    ['Zuletzt aktualisiert am 7. März 2024', '2024-03-07'],
    ['Stand: 01.02.2023', '2023-02-01'],
    ['Dernière mise à jour : 1er janvier 2024', '2024-01-01'],
    ['Última actualización: 5 de marzo de 2024', '2024-03-05'],
    ['Ultimo aggiornamento: 10 aprile 2024', '2024-04-10'],
    ['Laatst bijgewerkt op 2 mei 2024', '2024-05-02'],
    ['Última atualização: 15 de junho de 2024', '2024-06-15'],
    ['Updated: June 2022', '2022-06-01'],
    ["La présente politique s'applique à partir du 01/02/2026", '2026-02-01'],
  ])('reads "%s"', (text, date) => {
    expect(findStatedDate(`Intro text. ${text}. More text follows here.`)).toBe(date);
  });

  it('uses month-first order for US English numeric dates', () => {
    expect(findStatedDate('Last updated 05/04/2024', { usOrder: true })).toBe('2024-05-04');
    expect(findStatedDate('Last updated 05/04/2024', { usOrder: false })).toBe('2024-04-05');
  });

  it('reads a numeric date month first on lang="en" and en-US pages, day first on en-GB', () => {
    const page = (lang: string) => P.EN_POLICY.replace('lang="en-US"', `lang="${lang}"`).replace('Last updated: March 3, 2024', 'Last modified: 8/11/2026');
    for (const [lang, date] of [['en', '2026-08-11'], ['en-US', '2026-08-11'], ['en-GB', '2026-11-08']] as const) {
      const d = ok(extract(page(lang)));
      expect(d.statedDate, lang).toBe(date);
    }
  });

  it('reads a German label\'s numeric date day first on a page whose template says lang="en"', () => {
    const html = P.DE_POLICY.replace(/<html lang="de">/, '<html lang="en">').replace('Stand: 1. Februar 2024', 'Stand: 09.03.2024');
    expect(html).toContain('<html lang="en">');
    expect(ok(extract(html, 'https://www.beispiel.de/datenschutz')).statedDate).toBe('2024-03-09');
  });

  it('returns null when no date is stated', () => {
    expect(findStatedDate('We updated our practices in many ways over the years.')).toBeNull();
  });
});

describe('the visibility test on our Readability instance', () => {
  it('answers as Readability\'s own test does, for every kind of element', () => {
    const { document } = loadHtml(
      `<html><body>
        <p>plain</p><p class="x" id="y">with class and id</p>
        <p style="color: red">styled, visible</p><p style="display:none">display none</p>
        <p style="visibility: hidden">visibility hidden</p><p style="DISPLAY : NONE !important">upper case</p>
        <p hidden>hidden</p><p aria-hidden="true">aria hidden</p><p aria-hidden="false">aria not hidden</p>
        <img aria-hidden="true" class="mwe-math-fallback-image-inline" alt="">
        <svg aria-hidden="true"><circle r="1"></circle></svg><math><mi>x</mi></math>
      </body></html>`,
      'https://acme.example/privacy',
    );
    const own = new Readability(document.cloneNode(true) as Document) as unknown as { _isProbablyVisible: (n: Element) => boolean };
    const fast = new Readability(document.cloneNode(true) as Document) as unknown as { _isProbablyVisible: (n: Element) => boolean };
    fastVisibilityTest(fast);
    const elements = [...document.body.querySelectorAll('*')];
    expect(elements.length).toBeGreaterThan(12);
    const answers = elements.map((el) => [el.outerHTML.slice(0, 40), fast._isProbablyVisible(el)]);
    expect(answers).toEqual(elements.map((el) => [el.outerHTML.slice(0, 40), own._isProbablyVisible(el)]));
    // Both answers occur.
    expect(answers.filter(([, v]) => v === false).length).toBeGreaterThanOrEqual(4);
    expect(answers.filter(([, v]) => v === true).length).toBeGreaterThanOrEqual(4);
  });
});

describe('sections named like page furniture', () => {
  const para = (topic: string, n: number) =>
    Array.from({ length: n }, (_, i) => `<p>Part ${i + 1} on ${topic}: this paragraph, written for this test, says in plain words how the shop looks after the details you give it and for how long it keeps them.</p>`).join('');
  const page = (inner: string) =>
    `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><h2>What we collect</h2>${para('collection', 6)}${inner}<h2>Retention</h2>${para('retention', 4)}</main></body></html>`;

  it('keeps a heading whose id or class reads as page furniture ("contact", "meta")', () => {
    const d = ok(extract(page(`<h2 id="contact">How to reach our privacy team</h2><p>Write to the privacy team at the postal address printed on every invoice, or use the form in your account settings.</p>`)));
    expect(d.blocks.some((b) => b.kind === 'heading' && b.text === 'How to reach our privacy team')).toBe(true);
  });

  it('keeps a sharing section whose class weighs against it ("share", "media")', () => {
    const sharing = `<div class="share-media"><h2>Who we share your details with</h2><p>We pass your delivery address to the courier that brings your parcel, and your card details to our payment processor.</p><ul><li><a href="https://courier.example/privacy">Courier company</a>: your name and address</li><li><a href="https://pay.example/privacy">Payment processor</a>: your card details</li></ul></div>`;
    const d = ok(extract(page(sharing)));
    const text = d.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('We pass your delivery address to the courier');
    expect(text).toContain('Retention');
  });
});

describe("a page nested past Readability's bounds", () => {
  it('is not extracted, and the reason says why (no version made of a fraction of it)', () => {
    const sentence = 'We keep your order history for six years and share your address with the courier. ';
    let chain = '';
    for (let i = 0; i < 300; i++) chain += `<div>${sentence}`;
    for (let i = 0; i < 300; i++) chain += '</div>';
    const html = `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>${chain}</main></body></html>`;
    const { document, url } = loadHtml(html, 'https://acme.example/privacy');
    const r = extractPolicy(document, url);
    expect(r).toEqual({ ok: false, tooNested: true, reason: expect.stringContaining('too large for how deeply it is nested to extract') });
    // A long, shallow page (a table of a thousand cookies) is within the bounds, however many element-levels.
    const rows = Array.from({ length: 1000 }, (_, i) => `<tr><td><div><span>cookie_${i}</span></div></td><td><div><span>Kept for ${i % 30} days by the analytics provider.</span></div></td></tr>`).join('');
    const shallow = loadHtml(`<!doctype html><html><body>${'<div>'.repeat(10)}<table>${rows}</table>${'</div>'.repeat(10)}</body></html>`, 'https://acme.example/privacy');
    expect(withinReadabilityLimits(shallow.document.body)).toBe(true);
    expect(withinReadabilityLimits(loadHtml(html, 'https://acme.example/privacy').document.body)).toBe(false);
    // Shallow, but a thousand chains 40 deep: too much work all the same.
    const chains = `<div>${'<div>'.repeat(40)}x${'</div>'.repeat(40)}</div>`.repeat(1000);
    expect(withinReadabilityLimits(loadHtml(`<!doctype html><html><body>${chains}</body></html>`, 'https://acme.example/privacy').document.body)).toBe(false);
    // Twice as shallow is read as usual.
    const half = html.replaceAll('<div>', '').replaceAll('</div>', '').replace('<main><h1>Privacy Policy</h1>', `<main><h1>Privacy Policy</h1>${'<div>'.repeat(120)}`).replace('</main>', `${'</div>'.repeat(120)}</main>`);
    expect(ok(extract(half)).blocks.map((b) => b.text).join(' ')).toContain('share your address with the courier');
  });
});

describe('the policy in another language, hidden behind a language switch', () => {
  it('is not revealed into the visible one', () => {
    const en = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: this part, written for this test, tells in plain words how the shop keeps the details you give it.</p>`).join('');
    const de = Array.from({ length: 6 }, (_, i) => `<p>Absatz ${i + 1}: Dieser Teil erklärt, wie der Laden Ihre Angaben aufbewahrt und wann er sie löscht.</p>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><div role="tabpanel" lang="en"><h2>What we collect</h2>${en}</div><div role="tabpanel" lang="de" hidden><h2>Welche Daten wir erheben</h2>${de}</div><details><summary>More</summary><p>Collapsed detail of this policy, revealed as before.</p></details></main></body></html>`;
    const text = ok(extract(html)).blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Paragraph 1: this part');
    expect(text).not.toContain('Welche Daten wir erheben');
    expect(text).toContain('Collapsed detail of this policy');
  });

  it('keeps a hidden heading of the translation hidden too, and a visible part in another language shown', () => {
    const en = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1}: this part, written for this test, tells in plain words how the shop keeps the details you give it.</p>`).join('');
    const html = `<!doctype html><html lang="de"><head><title>Datenschutz</title></head><body><main><h1>Datenschutz</h1>${en.replaceAll('Paragraph', 'Absatz')}<div role="heading" aria-level="2" lang="fr" hidden>Section cachée</div><ul lang="en" style="list-style: none"><li>Glossary: a processor acts for us.</li></ul></main></body></html>`;
    const text = ok(extract(html)).blocks.map((b) => b.text).join('\n');
    expect(text).not.toContain('Section cachée');
    expect(text).toContain('Glossary: a processor acts for us.');
  });
});

describe('hidden translations in other markup', () => {
  const dePara = (i: number) => `<p>Absatz ${i}: Wir bewahren Ihre Bestelldaten so lange auf, wie es die handelsrechtlichen Fristen verlangen, und geben sie nur an den Versanddienst weiter.</p>`;
  const enPara = (i: number) => `<p>Section ${i}: We keep your order data as long as commercial rules require, and share it only with the delivery company.</p>`;
  const many = (f: (i: number) => string, n: number) => Array.from({ length: n }, (_, i) => f(i + 1)).join('');
  const doc = (htmlAttrs: string, body: string) =>
    `<!doctype html><html${htmlAttrs}><head><title>Privacy Policy</title></head><body><nav><a href="/">Start</a></nav><main>${body}</main><footer><p>Example GmbH, 10115 Berlin</p></footer></body></html>`;
  const json = `<script id="__NEXT_DATA__" type="application/json">${JSON.stringify({ en: many(enPara, 10), de: many(dePara, 10) })}</script>`;
  it.each([
    ['a whole translation, shorter than the page', doc(' lang="de"', `<h1>Datenschutzerklärung</h1>${many(dePara, 10)}<div lang="en" hidden><h2>Privacy Policy (English)</h2>${many(enPara, 10)}</div>`), 'Absatz 10: Wir bewahren', 'We keep your order data'],
    ['one hidden translation per section', doc(' lang="en"', `<h1>Privacy Policy</h1>${many((i) => `<section><h2>Part ${i}</h2>${enPara(i)}<button>Deutsch</button><div lang="de" hidden>${dePara(i)}</div></section>`, 8)}`), 'Section 8: We keep', 'Wir bewahren'],
    ['beside inline page data that repeats both texts', doc(' lang="en"', `<h1>Privacy Policy</h1>${many(enPara, 10)}<div lang="de" hidden><h2>Datenschutzerklärung</h2>${many(dePara, 10)}</div>${json}`), 'Section 10: We keep', 'Wir bewahren'],
    ['with no <html lang>, its visible counterpart a cousin', doc('', `<h1>Privacy Policy</h1><div class="tab"><div lang="en">${many(enPara, 10)}</div></div><div class="tab" lang="de" hidden><h2>Datenschutzerklärung</h2>${many(dePara, 10)}</div>`), 'Section 10: We keep', 'Wir bewahren'],
    ['with no <html lang>, tabs side by side', doc('', `<h1>Privacy Policy</h1><div role="tabpanel" lang="en">${many(enPara, 10)}</div><div role="tabpanel" lang="de" hidden>${many(dePara, 10)}</div>`), 'Section 10: We keep', 'Wir bewahren'],
    ['in a closed <details>', doc(' lang="en"', `<h1>Privacy Policy</h1>${many(enPara, 10)}<details lang="de"><summary>Deutsch</summary>${many(dePara, 10)}</details>`), 'Section 10: We keep', 'Wir bewahren'],
    ['in a zero-height panel', doc(' lang="en"', `<h1>Privacy Policy</h1>${many(enPara, 10)}<div class="lang-panel" lang="de" style="max-height:0">${many(dePara, 10)}</div>`), 'Section 10: We keep', 'Wir bewahren'],
    ['in an inert panel', doc(' lang="en"', `<h1>Privacy Policy</h1>${many(enPara, 10)}<div class="lang-panel closed" lang="de" inert>${many(dePara, 10)}</div>`), 'Section 10: We keep', 'Wir bewahren'],
  ])('stays out: %s (both routes)', (_name, html, keep, out) => {
    const text = ok(extract(html)).blocks.map((b) => b.text).join('\n');
    expect(text).toContain(keep);
    expect(text).not.toContain(out);
    // The fallback's own reading of the content (cleanCopy), whatever Readability would have made of it.
    const fallback = cleanCopy(loadHtml(html, 'https://acme.example/privacy').document.querySelector('main')!).textContent ?? '';
    expect(fallback).toContain(keep);
    expect(fallback).not.toContain(out);
  });
});

describe('a collapsed part in the language of the shown text, on a page without <html lang>', () => {
  it('is read, though a language menu links to other languages', () => {
    const clause = (i: number) => `<p>Clause ${i}: we keep your account details while your account is open, and the company that hosts our servers stores them for us.</p>`;
    const html = `<!doctype html><html><head><title>Privacy Policy</title></head><body><nav><a lang="fr" href="/fr">Français</a> <a lang="de" href="/de">Deutsch</a></nav><main><h1>Privacy Policy</h1><div lang="en">${Array.from({ length: 14 }, (_, i) => clause(i + 1)).join('')}</div><div lang="en" hidden><p>Server logs are deleted after thirty days, in every case.</p></div></main></body></html>`;
    expect(ok(extract(html)).blocks.map((b) => b.text).join('\n')).toContain('Server logs are deleted after thirty days');
    expect(cleanCopy(loadHtml(html, 'https://acme.example/privacy').document.querySelector('main')!).textContent).toContain('Server logs are deleted after thirty days');
  });
});

describe('an earlier edition of the policy, kept on the page behind a toggle', () => {
  // The current clauses are few (the fallback reads the page) or many (Readability does); either way the
  // earlier edition stays out, and a collapsed part of the current policy is read as before.
  const clause = (i: number) => `<p>Clause ${i}: we keep your account details for as long as your account is open, and we share them with the company that hosts our servers, under a contract.</p>`;
  const old = (i: number) => `<p>Old clause ${i}: in those days we sold your e-mail address to list brokers, and we let advertisers read your orders.</p>`;
  const page = (clauses: number, earlier: string) =>
    `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1>${Array.from({ length: clauses }, (_, i) => clause(i + 1)).join('')}<details><summary>How long we keep logs</summary><p>Server logs are deleted after thirty days, in every case.</p></details>${earlier}</main></body></html>`;
  const olds = Array.from({ length: 6 }, (_, i) => old(i + 1)).join('');
  const earlier = [
    `<details><summary>Previous version (in force until 1 March 2024)</summary>${olds}</details>`,
    `<div class="policy-archive archived-version" style="display:none">${olds}</div>`,
    `<button aria-controls="v1">Show</button><div id="v1" hidden aria-labelledby="v1-label"><span id="v1-label">Prior versions of this Privacy Policy</span>${olds}</div>`,
    `<div hidden><div><h2>Version précédente de la politique</h2>${olds}</div></div>`,
    // Not hidden to Readability's eyes: a panel closed by a zero height, and one a class closes, marked inert.
    `<div class="panel" style="max-height: 0" aria-label="Previous version of this policy">${olds}</div>`,
    `<div class="panel is-closed" inert><h3>Earlier versions</h3>${olds}</div>`,
  ];
  it.each(earlier)('stays out of the policy text (%s)', (e) => {
    const d = ok(extract(page(14, e)));
    expect(d.extraction.method).toBe('readability');
    const text = d.blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Clause 14: we keep');
    expect(text).toContain('Server logs are deleted after thirty days');
    expect(text).not.toContain('Old clause');
  });

  it.each(earlier)('stays out of what the fallback reads (%s)', (e) => {
    const { document } = loadHtml(page(3, e), 'https://acme.example/privacy');
    const text = cleanCopy(document.querySelector('main')!).textContent ?? '';
    expect(text).toContain('Clause 3: we keep');
    expect(text).toContain('Server logs are deleted after thirty days');
    expect(text).not.toContain('Old clause');
  });

  it.each([
    ['Frühere Versionen', 'de'],
    ['Ältere Fassung (bis 1. März 2024)', 'de'],
    ['Old version (in force until 1 March 2024)', 'en'],
    ['View prior versions', 'en'],
    ['Eerdere versies', 'nl'],
    ['Anciennes versions', 'fr'],
    ['Versioni precedenti', 'it'],
    ['Versión anterior', 'es'],
    ['以前のバージョン', 'ja'],
    ['12. Previous versions', 'en'],
    ['+ Previous versions', 'en'],
    ['Previous versions of our Cookie Policy', 'en'],
    ['Prior versions of the Data Protection Notice', 'en'],
    [`\n${' '.repeat(72)}<span class="icon"></span>\n${' '.repeat(72)}<span>Previous versions</span>\n${' '.repeat(72)}<span>(2019 to 2024)</span>`, 'en'],
  ])('is recognised by its summary %j', (label, lang) => {
    const html = page(14, `<details><summary>${label}</summary>${olds}</details>`).replace('lang="en"', `lang="${lang}"`);
    expect(ok(extract(html)).blocks.map((b) => b.text).join('\n')).not.toContain('Old clause');
  });

  it.each([
    ['the button that opens it', `<button aria-expanded="false" aria-controls="v1">Previous version (in force until 1 March 2024)</button><div id="v1" hidden>${olds}</div>`],
    ['the heading just before it', `<h2>Previous version</h2><div class="collapse" style="display:none">${olds}</div>`],
    ['a numbered heading just before it', `<h2>12. Previous versions</h2><div class="collapse" style="display:none">${olds}</div>`],
    ['a button with an icon glyph', `<button aria-controls="v2">› Previous version</button><div id="v2" hidden>${olds}</div>`],
  ])('is recognised by %s, in both routes', (_name, e) => {
    expect(ok(extract(page(14, e))).blocks.map((b) => b.text).join('\n')).not.toContain('Old clause');
    const { document } = loadHtml(page(3, e), 'https://acme.example/privacy');
    expect(cleanCopy(document.querySelector('main')!).textContent).not.toContain('Old clause');
  });

  it.each([
    ['Data from older versions of our app', 'Older versions of the app sent crash reports to the company that hosts our servers.'],
    ['If you are a former policy holder', 'After your contract ends we keep your claims history for ten years, as the law on insurance requires.'],
    ['Our backup and archive policy', 'Backups of the customer database are encrypted and kept in a second data centre for ninety days.'],
    ['What changed from the previous version', 'From this version on we share your delivery address with the courier that brings your parcel.'],
    ['Changes to this policy and prior notice', 'We will e-mail you thirty days before any change that widens what we do with your data.'],
  ])('a collapsed part of the current policy named %s is read, in both routes', (label, clauseText) => {
    const e = `<details><summary>${label}</summary><p>${clauseText}</p></details>`;
    expect(ok(extract(page(14, e))).blocks.map((b) => b.text).join('\n')).toContain(clauseText);
    const { document } = loadHtml(page(3, e), 'https://acme.example/privacy');
    expect(cleanCopy(document.querySelector('main')!).textContent).toContain(clauseText);
  });

  it('a subsection heading inside a collapsed panel is not the panel\'s name', () => {
    const e = `<h2>Your rights</h2><button aria-expanded="false" aria-controls="p7">Show</button><div id="p7" hidden><p>You may ask us for a copy of everything we hold about you, once a year.</p><p>You may object to marketing at any time.</p><h3>Previous versions</h3><p>We keep earlier versions of this policy on request.</p></div>`;
    expect(ok(extract(page(14, e))).blocks.map((b) => b.text).join('\n')).toContain('You may ask us for a copy of everything');
  });
});

describe('headings by role', () => {
  it('a div with the heading role is a heading, and the text under it is in its section', () => {
    const para = (t: string, n: number) => Array.from({ length: n }, (_, i) => `<p>Part ${i + 1} on ${t}: this paragraph, written for this test, says in plain words how the shop looks after the details you give it and for how long it keeps them.</p>`).join('');
    const page = (n: number) =>
      `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><div role="heading" aria-level="2">What we collect</div>${para('collection', n)}<div role="heading" aria-level="2">Retention</div>${para('retention', n)}</main></body></html>`;
    for (const n of [4, 1]) {
      const d = ok(extract(page(n)));
      expect(d.blocks.find((b) => b.text === 'Retention')?.kind).toBe('heading');
      expect(d.blocks.find((b) => b.text.startsWith('Part 1 on retention'))?.section).toEqual(['Retention']);
    }
  });
});

describe('a small table of recipients', () => {
  it('is kept when its names are links, with no header row', () => {
    const para = (t: string, n: number) => Array.from({ length: n }, (_, i) => `<p>Part ${i + 1} on ${t}: this paragraph, written for this test, says in plain words how the shop looks after the details you give it and for how long it keeps them.</p>`).join('');
    const rows = [
      ['Payments', 'Quillpay Services', 'Card number and billing address'],
      ['Newsletters', 'Postbird Mail', 'E-mail address'],
      ['Statistics', 'Countwell Analytics', 'Pages viewed'],
    ];
    const table = `<table><tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td>${i === 1 ? `<a href="https://r.example/p">${c}</a>` : c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    const html = `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><header><nav><a href="/">Home</a></nav></header><main><h1>Privacy Policy</h1><h2>What we collect</h2>${para('collection', 6)}<h2>Who receives it</h2><p>The recipients are:</p>${table}<h2>Retention</h2>${para('retention', 6)}</main><footer><a href="/terms">Terms</a></footer></body></html>`;
    const text = ok(extract(html)).blocks.map((b) => b.text).join('\n');
    expect(text).toContain('Postbird Mail');
    expect(text).toContain('Retention');
  });
});

describe('sections named like page furniture by Readability', () => {
  it.each([
    ['section id="gdpr"', 'section', 'id="gdpr"'],
    ['section id="social-media"', 'section', 'id="social-media"'],
    ['div class="extra-info" opening with a heading', 'div', 'class="extra-info"'],
  ])('keeps the text of a %s', (_label, tag, attr) => {
    const para = (t: string, n: number) => Array.from({ length: n }, (_, i) => `<p>Part ${i + 1} on ${t}: this paragraph, written for this test, says in plain words how the shop looks after the details you give it and for how long it keeps them.</p>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><h2>What we collect</h2>${para('collection', 6)}<${tag} ${attr}><h2>Your rights in the EEA</h2><p>You may complain to the supervisory authority where you live, and we answer every request within a month.</p></${tag}><h2>Retention</h2>${para('retention', 6)}</main></body></html>`;
    const text = ok(extract(html)).blocks.map((b) => b.text).join('\n');
    expect(text).toContain('You may complain to the supervisory authority');
    expect(text).toContain('Retention');
  });

  it('still leaves out a list of related links so named', () => {
    const para = (t: string, n: number) => Array.from({ length: n }, (_, i) => `<p>Part ${i + 1} on ${t}: this paragraph, written for this test, says in plain words how the shop looks after the details you give it and for how long it keeps them.</p>`).join('');
    const related = `<section class="related-links"><h2>See also</h2><ul>${['Our terms of sale', 'Shipping and returns', 'Gift cards explained'].map((t) => `<li><a href="/a">${t}</a></li>`).join('')}</ul></section>`;
    const html = `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><h2>What we collect</h2>${para('collection', 6)}<h2>Retention</h2>${para('retention', 6)}${related}</main></body></html>`;
    expect(ok(extract(html)).blocks.map((b) => b.text).join('\n')).not.toContain('Gift cards explained');
  });

  it('still leaves out a cookie banner so named', () => {
    const para = (t: string, n: number) => Array.from({ length: n }, (_, i) => `<p>Part ${i + 1} on ${t}: this paragraph, written for this test, says in plain words how the shop looks after the details you give it and for how long it keeps them.</p>`).join('');
    const html = `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><main><h1>Privacy Policy</h1><h2>What we collect</h2>${para('collection', 6)}<h2>Retention</h2>${para('retention', 6)}</main><div class="gdpr-cookie-banner"><h2>We value your privacy</h2><p>We use cookies to improve your experience. Accept all or manage your choices.</p></div></body></html>`;
    expect(ok(extract(html)).blocks.map((b) => b.text).join('\n')).not.toContain('We value your privacy');
  });
});

describe('accordion sections whose titles are buttons inside headings', () => {
  // The WAI-ARIA accordion pattern (and Bootstrap 5's markup): each title is a toggle button that is the
  // whole content of a heading, each panel closed.
  const titles = ['What we gather', 'Who receives it', 'How long we keep it', 'Choices you have'];
  const clause = (t: number, i: number) => `<p>Point ${t}.${i}: the ${titles[t]!.toLowerCase()} part of this notice covers the account details, payment records and usage logs of the Lantern Books app.</p>`;
  const page = (clauses: number, heading = (t: number) => `<h3 class="panel-header"><button type="button" aria-expanded="false" aria-controls="s${t}" id="b${t}">${titles[t]}<span class="chevron"></span></button></h3>`) =>
    `<!doctype html><html lang="en"><head><title>Privacy | Lantern Books</title></head><body><main><h1>Privacy at Lantern Books</h1>${titles
      .map((_, t) => `<div class="panel">${heading(t)}<div id="s${t}" role="region" aria-labelledby="b${t}" hidden>${Array.from({ length: clauses }, (_, i) => clause(t, i + 1)).join('')}</div></div>`)
      .join('')}</main></body></html>`;

  const headingsAndSections = (d: { blocks: Array<{ kind: string; text: string; section: string[] }> }) => {
    expect(d.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual(expect.arrayContaining(titles));
    for (const [t, title] of titles.entries()) expect(d.blocks.find((b) => b.text.startsWith(`Point ${t}.1:`))?.section.at(-1)).toBe(title);
  };

  it('keep their titles as headings, with the text of each panel under its own', () => {
    const d = ok(extract(page(5)));
    expect(d.extraction.method).toBe('readability');
    headingsAndSections(d);
  });

  it('keep them in the fallback\'s own reading of the content', () => {
    const main = loadHtml(page(2), 'https://acme.example/privacy').document.querySelector('main')!;
    headingsAndSections({ blocks: blocksFromElement(cleanCopy(main)) });
  });

  it('keep them when the heading is a div with the heading role', () => {
    headingsAndSections(ok(extract(page(5, (t) => `<div role="heading" aria-level="3"><button aria-expanded="false" aria-controls="s${t}" id="b${t}">${titles[t]}</button></div>`))));
  });
});
