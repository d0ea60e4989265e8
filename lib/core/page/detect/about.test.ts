/**
 * Pages about privacy policies that are not one: search results and question threads. Their text is
 * full of privacy vocabulary and their title names a policy, so words alone cannot tell them apart; what
 * they are can: a results page shows the user's search back in its search field, and a thread or forum
 * post says what it is in its structured data. Policies that carry a query, a search box, a question in
 * their title or an FAQ's structured data are still stored.
 */
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { processPage } from '../pipeline';
import * as P from './testpages';

function run(html: string, url: string) {
  const { document, url: href } = loadHtml(html, url);
  return processPage(document, href);
}

function expectPolicy(html: string, url: string) {
  const out = run(html, url);
  expect(out.stage).toBe('extract');
  if (out.stage === 'extract') expect(out.detection.kind).toBe('privacy-policy');
}

function expectNotStored(html: string, url: string, reason: RegExp) {
  const out = run(html, url);
  expect(out.stage).toBe('detect');
  if (out.stage === 'detect') {
    expect(out.detection.kind).toBe('other');
    expect(out.detection.reasons.join('\n')).toMatch(reason);
  }
}

// Snippets of pages about privacy policies, as a results page or a thread's answers quote them.
const SNIPPETS = [
  ['Make a privacy policy in five minutes', 'Answer a few questions and we write a privacy policy for your site: what personal data you collect, why you process it, which third parties receive it and how users exercise their rights.'],
  ['Privacy policy template for small shops', 'Download a template that explains how your business collects, uses, shares and retains personal information, with clauses on cookies, analytics providers and the right to access or delete data.'],
  ['What belongs in a privacy policy?', 'A privacy policy tells visitors what personal information you collect, the legal basis for processing it, who you share it with, how long you keep it and how they can opt out or object.'],
  ['Privacy policy examples from real apps', 'Read the privacy policies of popular apps and see how they describe data collection, device identifiers, advertising partners, data retention and your rights under the GDPR and the CCPA.'],
  ['Do you need a privacy policy if you only use analytics?', 'Yes: analytics tools collect personal data such as IP addresses and device identifiers, so you must publish a privacy policy that names the third party and explains how users can opt out.'],
  ['Privacy policy checklist for developers', 'Before you publish, check that your privacy policy lists the personal information you collect, your purposes, your processors, your retention periods and how users contact you to exercise their rights.'],
] as const;

function resultsPage(title: string, box: string): string {
  const results = SNIPPETS.map(([t, s]) => `<div class="result"><a href="https://site.example/${t.length}"><h3>${t}</h3></a><p>${s}</p></div>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<header><form action="/search" role="search">${box}<button>Search</button></form></header>
<div id="results">${results}</div>
<div class="related"><h3>Related searches</h3><a>privacy policy generator free</a> <a>privacy policy sample</a></div>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`;
}

function threadPage(title: string, h1: string, question: string, marks: { head?: string; root?: string } = {}): string {
  const answers = SNIPPETS.map(([, s]) => `<div class="answer"><p>${s} You should also say whether you share data with advertising partners.</p><div class="author">answered by a user</div></div>`).join('');
  return `<!doctype html><html lang="en"><head><title>${title}</title>${marks.head ?? ''}</head><body><div id="content"${marks.root ?? ''}><h1>${h1}</h1>
<div class="question"><p>${question}</p></div><div id="answers"><h2>${SNIPPETS.length} answers</h2>${answers}</div></div></body></html>`;
}

const QUESTION = 'My free app stores the email address people sign in with and sends crash reports. Does the store require a privacy policy, and what must it say about the personal data I collect?';

describe('pages about privacy policies are not stored as the site\'s policy', () => {
  it('a search engine\'s results, its search shown back in a text field', () => {
    const html = resultsPage('privacy policy template - Example Search', '<input type="text" name="q" value="privacy policy template">');
    expectNotStored(html, 'https://search.example/search?q=privacy+policy+template&lang=en', /results page/);
  });

  it('a search engine\'s results, its search shown back in a text area', () => {
    const html = resultsPage('privacy policy generator - Example Search', '<textarea name="q" rows="1">privacy policy generator</textarea>');
    expectNotStored(html, 'https://search.example/search?q=privacy%20policy%20generator&source=hp', /results page/);
  });

  it('results whose search box follows many hidden fields', () => {
    const hidden = Array.from({ length: 60 }, (_, i) => `<input type="hidden" name="h${i}" value="token ${i}">`).join('');
    const html = resultsPage('privacy policy template - Example Search', `${hidden}<input type="text" name="q" value="privacy policy template">`);
    expectNotStored(html, 'https://search.example/search?q=privacy+policy+template', /results page/);
  });

  it('a site\'s own search results, whatever the name of its search field', () => {
    const html = resultsPage('Results for Privacy Policy | Example Forum', '<input type="search" name="terms" value="Privacy Policy">');
    expectNotStored(html, 'https://forum.example/find?terms=privacy%20policy&page=1', /results page/);
  });

  it('a question thread that says it is one in its microdata', () => {
    const html = threadPage('ios - Is a privacy policy required for a free app? - Example Q&A', 'Is a privacy policy required for a free app?', QUESTION, {
      root: ' itemscope itemtype="https://schema.org/QAPage"',
    });
    expectNotStored(html, 'https://qa.example/questions/5512/is-a-privacy-policy-required-for-a-free-app', /QAPage/);
  });

  it('a French forum thread that says it is a forum post in its JSON-LD', () => {
    const html = threadPage(
      'Faut-il une politique de confidentialité pour un site vitrine ? | Forum Exemple',
      'Faut-il une politique de confidentialité pour un site vitrine ?',
      'Mon site ne fait que présenter mon activité, avec un formulaire de contact. Dois-je publier une politique de confidentialité ?',
      { head: '<script type="application/ld+json">{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Faut-il une politique de confidentialité ?"}</script>' },
    );
    expectNotStored(html, 'https://forum.exemple/t/faut-il-une-politique-de-confidentialite-pour-un-site-vitrine/881', /DiscussionForumPosting/);
  });
});

describe('policies with a query, a search box, a question or an FAQ are still stored', () => {
  const body = P.EN_POLICY.split('<main>')[1]!.split('</main>')[0]!;
  /** Acme's policy page with `content` as its main text (the policy's sections beside it) and `head` in its head. */
  const acme = (content: string, head?: string) => P.page({ lang: 'en', title: 'Privacy Policy | Acme', h1: 'Privacy Policy', body: content, head });

  it('a policy reached with a search term in its address', () => {
    expectPolicy(P.EN_POLICY, 'https://acme.example/legal/privacy?q=cookies');
  });

  it('a policy with a site search box, empty, and a search term in its address', () => {
    const html = acme(`<form role="search"><input type="search" name="q" value="" placeholder="Search"></form>${body}`);
    expectPolicy(html, 'https://acme.example/privacy?q=cookies');
  });

  it('a policy whose page holds a hidden field with the language in its address', () => {
    const html = acme(`<form><input type="hidden" name="lang" value="english"><input name="region" value="us"></form>${body}`);
    expectPolicy(html, 'https://acme.example/privacy?lang=english&region=us');
  });

  it('a policy with a question in its title and its headings', () => {
    const html = P.page({ lang: 'en', title: 'Acme Privacy Policy | What do we do with your data?', h1: 'Privacy Policy', body: `<h2>What does this policy cover?</h2>${body}` });
    expectPolicy(html, 'https://acme.example/privacy');
  });

  it('a regional policy whose region picker shows the region in its address', () => {
    const picker = '<label>Region <input role="combobox" aria-autocomplete="list" name="region-picker" value="Europe"></label>';
    expectPolicy(acme(`${picker}${body}`), 'https://acme.example/privacy?region=europe');
  });

  it('a policy ending with a questions-and-answers box marked QAPage', () => {
    const qa = '<section itemscope itemtype="https://schema.org/QAPage"><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question"><h2 itemprop="name">Do you sell my data?</h2><div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/Answer"><p itemprop="text">No, we never sell your personal information.</p></div></div></section>';
    expectPolicy(acme(`${body}${qa}`), 'https://acme.example/privacy');
  });

  it('a policy with a "latest from the forum" list marked DiscussionForumPosting, in <noscript> or not', () => {
    const post = '<article itemscope itemtype="https://schema.org/DiscussionForumPosting"><h3 itemprop="headline">Welcome thread</h3></article>';
    for (const side of [`<noscript><aside>${post}</aside></noscript>`, `<aside>${post}</aside>`]) {
      expectPolicy(acme(`${body}${side}`), 'https://acme.example/privacy');
    }
  });

  it('a policy whose search box, in a <noscript> fallback, holds a query value', () => {
    const fallback = '<noscript><form><input type="search" name="q" value="cookies"></form></noscript>';
    expectPolicy(acme(`${fallback}${body}`), 'https://acme.example/privacy?q=cookies');
  });

  it('a policy that marks its questions and answers as an FAQ in its JSON-LD', () => {
    const faq = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Do you sell my data?","acceptedAnswer":{"@type":"Answer","text":"No."}}]}</script>';
    expectPolicy(acme(body, faq), 'https://acme.example/privacy');
  });
});
