/**
 * Policies whose text comes late, in ways a review found the content script missed (6 December 2026):
 * a legal centre routed by its query, a help centre whose article loads behind an animated indicator at an
 * address that names nothing, and a policy widget on a page that is never quiet or that fills in text it
 * had already laid out. The background here answers as the real one does: a copy holding the policy's
 * text is a policy, anything else is not. Real timers: each case waits as a page would (up to 10 s).
 */
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerLikeTheBackground, POLICY_V1, type SentCopy } from './testing/support';
import { onStop, openPage, stopAll } from './testing/page-view';

const sent: SentCopy[] = [];
const POLICY_TEXT = 'We collect device information';
const copiedPolicy = () => sent.some((s) => s.data.html.includes(POLICY_TEXT));
const policyDocument = () => new JSDOM(POLICY_V1).window.document;

beforeEach(() => answerLikeTheBackground(sent, POLICY_TEXT));
afterEach(stopAll);

/** Runs `f` every `ms` until the test ends (a ticker, an animated indicator). */
function every(ms: number, f: () => void): () => void {
  const t = setInterval(f, ms);
  const stop = () => clearInterval(t);
  onStop(stop);
  return stop;
}

it('a legal centre routed by its query: the privacy policy reached in the app is copied', async () => {
  const terms = `<!doctype html><html><head><title>Legal | Example</title></head><body><div id="app"><h1>Terms of Service</h1><p>${'By using the service you agree to these terms. '.repeat(40)}</p></div></body></html>`;
  const { page, document, go } = openPage(terms, 'https://www.example.com/legal?doc=terms');
  page.start();
  await expect.poll(() => sent.length).toBe(1);
  const policy = policyDocument();
  document.title = policy.title;
  document.getElementById('app')!.innerHTML = policy.body.innerHTML;
  go('https://www.example.com/legal?doc=privacy');
  page.navigated();
  await expect.poll(copiedPolicy, { timeout: 5_000 }).toBe(true);
  expect(sent.map((s) => s.data.url)).toEqual(['https://www.example.com/legal?doc=terms', 'https://www.example.com/legal?doc=privacy']);
});

it('a help centre article at an address that names nothing, loading for 2.5 s behind an animated indicator, is copied once it has rendered', async () => {
  const { page, document, go } = openPage(
    '<!doctype html><html><head><title>Help Centre</title></head><body><h1>Help Centre</h1><div id="app"><h2>Popular articles</h2><p>Shipping, returns.</p></div></body></html>',
    'https://help.example.com/',
  );
  page.start();
  await new Promise((r) => setTimeout(r, 700));
  go('https://help.example.com/articles/360001');
  const app = document.getElementById('app')!;
  app.innerHTML = '<p id="loading">Loading</p>';
  let n = 0;
  const stopDots = every(400, () => document.getElementById('loading')?.replaceChildren(document.createTextNode(`Loading${'.'.repeat(++n % 4)}`)));
  page.navigated();
  setTimeout(() => {
    stopDots();
    const policy = policyDocument();
    document.title = policy.title;
    app.innerHTML = policy.body.innerHTML;
  }, 2_500);
  await expect.poll(copiedPolicy, { timeout: 8_000 }).toBe(true);
}, 15_000);

describe('a policy widget rendering below an introduction the background found no policy in', () => {
  const intro = `<p>${'This page explains how Example Ltd handles personal data on all of its websites and apps. '.repeat(7)}</p>`;
  const widgetPage = (embed = '', extra = '') =>
    `<!doctype html><html><head><title>Privacy Policy | Example</title></head><body><main><h1>Privacy Policy</h1>${intro}<div id="policy-embed">${embed}</div></main>${extra}</body></html>`;

  it('is copied on a page that is never quiet (a ticker replacing a node every 400 ms)', async () => {
    const { page, document } = openPage(widgetPage('', '<div id="ticker"><span>0</span></div>'), 'https://www.example.com/privacy');
    let n = 0;
    every(400, () => document.getElementById('ticker')!.replaceChildren(document.createTextNode(String(++n))));
    page.start();
    setTimeout(() => (document.getElementById('policy-embed')!.innerHTML = policyDocument().body.innerHTML), 1_000);
    await expect.poll(copiedPolicy, { timeout: 13_000 }).toBe(true);
  }, 20_000);

  it('is copied when the widget fills in text nodes it had already laid out', async () => {
    const skeleton = Array.from({ length: 40 }, () => '<p class="s"> </p>').join('');
    const { page, document } = openPage(widgetPage(skeleton), 'https://www.example.com/privacy');
    page.start();
    const text = (policyDocument().body.textContent ?? '').replace(/\s+/g, ' ');
    setTimeout(() => {
      document.querySelectorAll('#policy-embed p.s').forEach((p, i) => ((p.firstChild as Text).data = text.slice(i * 150, (i + 1) * 150)));
    }, 2_000);
    await expect.poll(copiedPolicy, { timeout: 13_000 }).toBe(true);
  }, 20_000);

  // A site header built of plain elements (no <nav> or <header>), with thousands of nodes before the
  // content (6,000 here) and no text in them: a grid of icon links, as a "mega menu" lays them out.
  const iconGrid = `<div class="site-menu">${Array.from({ length: 2000 }, (_, i) => `<div class="tile"><a class="t${i}" href="/p/${i}"><i class="ico"></i></a></div>`).join('')}</div>`;
  const belowLayout = `<!doctype html><html><head><title>Privacy Policy | Example</title></head><body>${iconGrid}<main><h1>Privacy Policy</h1>${intro}<div id="policy-embed"></div></main></body></html>`;

  it('is copied when it renders below a layout of thousands of nodes', async () => {
    const { page, document } = openPage(belowLayout, 'https://www.example.com/privacy');
    page.start();
    await expect.poll(() => sent.length, { timeout: 8_000 }).toBe(1);
    expect(copiedPolicy()).toBe(false);
    document.getElementById('policy-embed')!.innerHTML = policyDocument().body.innerHTML;
    await expect.poll(copiedPolicy, { timeout: 13_000 }).toBe(true);
    expect(sent.map((s) => s.data.reason.split(':')[0])).toEqual(['rendered after load', 'late text']);
  }, 25_000);

  // The same layout with words in its 2,000 links (a store's category menu: about 25,000 characters), above a
  // policy of about 12,000: half the body's text again would be more than the policy brings.
  const labelledGrid = `<div class="site-menu">${Array.from({ length: 2000 }, (_, i) => `<div class="tile"><a href="/c/${i}"><i class="ico"></i>Category ${i}</a></div>`).join('')}</div>`;
  const belowWords = belowLayout.replace(iconGrid, labelledGrid);

  it('is copied when it renders below a layout of thousands of links with words', async () => {
    const { page, document } = openPage(belowWords, 'https://www.example.com/privacy');
    page.start();
    await expect.poll(() => sent.length, { timeout: 8_000 }).toBe(1);
    expect(copiedPolicy()).toBe(false);
    const one = policyDocument().body;
    document.getElementById('policy-embed')!.innerHTML = one.innerHTML.repeat(Math.ceil(12_000 / (one.textContent ?? 'x').length));
    expect(document.querySelector('.site-menu')!.textContent!.length).toBeGreaterThan(2 * document.getElementById('policy-embed')!.textContent!.length);
    await expect.poll(copiedPolicy, { timeout: 13_000 }).toBe(true);
    // The menu's words are text at load: the first copy is the load's.
    expect(sent.map((s) => s.data.reason.split(':')[0])).toEqual(['load', 'late text']);
  }, 25_000);
});

