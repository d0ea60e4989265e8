/**
 * Our own main-content finder, used when Readability returns nothing or too little: the page's
 * declared main region if it holds most of the text, else the deepest element that holds most of the
 * paragraph text, minus navigation, headers, footers, asides and cookie banners.
 */

import { collapsed, controlsIndex, declaredLanguages, FOLDABLE, headingButtonsAsText, hiddenEarlierVersion, hiddenTranslation } from './reveal';

const PARA_SELECTOR = 'p, li, td, dd, dt, h1, h2, h3, h4, h5, h6, pre, blockquote';
const CHROME_SELECTOR = 'nav, header, footer, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="dialog"], [aria-modal="true"]';
const BANNER = /(^|[\s_-])(cookie-?(banner|consent|notice|bar|popup|modal)|consent|onetrust|didomi|cmp|gdpr-?banner|cc-window|usercentrics|truste|sp_message|cookiebot)($|[\s_-])/i;
const MAX_PARAS = 20_000;
const DESCEND_SHARE = 0.7;

/** Count letters of paragraph-like elements per ancestor, then descend while one child holds most. */
export function findMainContent(doc: Document): Element | null {
  const body = doc.body ?? doc.documentElement;
  if (!body) return null;
  const declared = body.querySelector('main, [role="main"], article');
  const acc = new Map<Element, number>();
  const paras = body.querySelectorAll(PARA_SELECTOR);
  const n = Math.min(paras.length, MAX_PARAS);
  const chrome = new Set<Element>();
  const chromeList = body.querySelectorAll(CHROME_SELECTOR);
  for (let i = 0; i < Math.min(chromeList.length, 5000); i++) {
    const el = chromeList[i];
    if (el) chrome.add(el);
  }
  const isBanner = new Map<Element, boolean>();
  const banner = (el: Element): boolean => {
    let v = isBanner.get(el);
    if (v === undefined) {
      v = BANNER.test(`${el.id} ${el.getAttribute('class') ?? ''}`);
      isBanner.set(el, v);
    }
    return v;
  };
  const chain: Element[] = [];
  let total = 0;
  outer: for (let i = 0; i < n; i++) {
    const p = paras[i];
    if (!p) continue;
    // Nested paragraph-like elements are counted by their own leaves, not twice.
    const prev = paras[i + 1];
    if (prev && p.contains(prev)) continue;
    const len = (p.textContent ?? '').trim().length;
    if (len < 20) continue;
    chain.length = 0;
    for (let a: Element | null = p.parentElement; a; a = a.parentElement) {
      if (chrome.has(a) || banner(a)) continue outer;
      chain.push(a);
      if (a === body) break;
    }
    total += len;
    for (const a of chain) acc.set(a, (acc.get(a) ?? 0) + len);
  }
  if (declared && total > 0 && (acc.get(declared) ?? 0) >= total * 0.6) return declared;
  let node: Element = body;
  for (;;) {
    const here = acc.get(node) ?? 0;
    let next: Element | null = null;
    for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
      if ((acc.get(c) ?? 0) >= here * DESCEND_SHARE) {
        next = c;
        break;
      }
    }
    if (!next) break;
    node = next;
  }
  return node;
}

/** A detached copy of `root` with page chrome and non-content removed. */
export function cleanCopy(root: Element): Element {
  const copy = root.cloneNode(true) as Element;
  // An earlier edition of the policy behind a toggle (reveal.ts hiddenEarlierVersion), found before the
  // buttons that name it go with the rest of the page furniture.
  const folded = copy.querySelectorAll(FOLDABLE);
  const controls = controlsIndex(copy);
  const earlier: Element[] = [];
  for (let i = 0; i < Math.min(folded.length, 60_000); i++) {
    const el = folded[i];
    if (el && collapsed(el) && hiddenEarlierVersion(el, controls)) earlier.push(el);
  }
  for (const el of earlier) el.remove();
  // An accordion's titles, before the buttons they are made of go with the page furniture.
  headingButtonsAsText(copy);
  const junk = copy.querySelectorAll(`script, style, noscript, template, iframe, form, button, ${CHROME_SELECTOR}`);
  for (let i = junk.length - 1; i >= 0; i--) junk[i]?.remove();
  const all = copy.querySelectorAll('[id], [class]');
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i];
    if (!el) continue;
    const idc = `${el.id} ${el.getAttribute('class') ?? ''}`;
    if (BANNER.test(idc) && (el.textContent?.length ?? 0) < 3000) el.remove();
  }
  // The policy in another language behind a language switch (reveal.ts hiddenTranslation).
  const withLang = copy.querySelectorAll('[lang]');
  const languages = declaredLanguages(copy);
  for (let i = withLang.length - 1; i >= 0; i--) {
    const el = withLang[i];
    if (el && collapsed(el) && hiddenTranslation(el, languages)) el.remove();
  }
  return copy;
}
