/**
 * Pages about privacy policies that are not one: search results and question threads. Their text is
 * full of privacy vocabulary, and their title names a policy, but only as the user's search or as a
 * question; neither is the page naming itself.
 */
import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../scripts/lib/dom';
import { processPage } from '../pipeline';
import * as P from './testpages';

function run(html: string, url: string) {
  const { document, url: href } = loadHtml(html, url);
  return processPage(document, href);
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

function resultsPage(title: string, field: string, query: string): string {
  const results = SNIPPETS.map(([t, s]) => `<div class="result"><a href="https://site.example/${t.length}"><h3>${t}</h3></a><p>${s}</p></div>`).join('\n');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body>
<header><form action="/search" role="search"><input type="text" name="${field}" value="${query}"><button>Search</button></form></header>
<div id="results">${results}</div>
<div class="related"><h3>Related searches</h3><a>privacy policy generator free</a> <a>privacy policy sample</a></div>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer></body></html>`;
}

function threadPage(title: string, h1: string, question: string): string {
  const answers = SNIPPETS.map(([, s]) => `<div class="answer"><p>${s} You should also say whether you share data with advertising partners.</p><div class="author">answered by a user</div></div>`).join('');
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><div id="content"><h1>${h1}</h1>
<div class="question"><p>${question}</p></div><div id="answers"><h2>${SNIPPETS.length} answers</h2>${answers}</div></div></body></html>`;
}

describe('pages about privacy policies are not stored as the site\'s policy', () => {
  it('a search engine\'s results for "privacy policy template"', () => {
    const html = resultsPage('privacy policy template - Example Search', 'q', 'privacy policy template');
    const out = run(html, 'https://search.example/search?q=privacy+policy+template&lang=en');
    expect(out.stage).not.toBe('extract');
  });

  it('a site\'s own search results, whatever the name of its search field', () => {
    const html = resultsPage('Results for privacy policy | Example Forum', 'terms', 'privacy policy');
    const out = run(html, 'https://forum.example/find?terms=privacy%20policy&page=1');
    expect(out.stage).not.toBe('extract');
  });

  it('a question thread asking whether an app needs a privacy policy', () => {
    const html = threadPage(
      'ios - Is a privacy policy required for a free app? - Example Q&A',
      'Is a privacy policy required for a free app?',
      'My free app stores the email address people sign in with and sends crash reports. Does the App Store require a privacy policy, and what must it say about the personal data I collect?',
    );
    const out = run(html, 'https://qa.example/questions/5512/is-a-privacy-policy-required-for-a-free-app');
    expect(out.stage).not.toBe('extract');
  });

  it('a French forum thread asking the same', () => {
    const html = threadPage(
      'Faut-il une politique de confidentialité pour un site vitrine ? | Forum Exemple',
      'Faut-il une politique de confidentialité pour un site vitrine ?',
      'Mon site ne fait que présenter mon activité, avec un formulaire de contact. Dois-je publier une politique de confidentialité ?',
    );
    const out = run(html, 'https://forum.exemple/t/faut-il-une-politique-de-confidentialite-pour-un-site-vitrine/881');
    expect(out.stage).not.toBe('extract');
  });
});

describe('policies that ask a question or carry a query are still stored', () => {
  const body = P.EN_POLICY.split('<main>')[1]!.split('</main>')[0]!;

  it('a policy with a question among its headings and in its title\'s tagline', () => {
    const html = P.page({ lang: 'en', title: 'Acme Privacy Policy | What do we do with your data?', h1: 'Privacy Policy', body: `<h1>What does this policy cover?</h1>${body}` });
    const out = run(html, 'https://acme.example/privacy');
    expect(out.stage).toBe('extract');
    if (out.stage === 'extract') expect(out.detection.kind).toBe('privacy-policy');
  });

  it('a policy reached with a search term in its address', () => {
    const out = run(P.EN_POLICY, 'https://acme.example/legal/privacy?q=cookies');
    expect(out.stage).toBe('extract');
    if (out.stage === 'extract') expect(out.detection.kind).toBe('privacy-policy');
  });
});
