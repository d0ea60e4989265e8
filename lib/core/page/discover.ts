/**
 * Finds where a site keeps its privacy policy, from one of its pages: `rel="privacy-policy"` links,
 * footer links labelled privacy, Datenschutz, confidentialité, privacidad..., then the usual paths.
 * The user confirms the candidate; nothing is watched on a guess.
 */
import { z } from 'zod';
import { LANGUAGES } from '../lang';
import { foldText } from '../text/normalize';

/**
 * Why an address is proposed as a site's policy, as a code (lib/core/explain words it in the reader's
 * language): the address the user typed, a link the site marks rel="privacy-policy", a link labelled
 * privacy (`detail`: its text), a link whose address names privacy (`detail`: the address), or a usual
 * place for a policy.
 */
export const Why = z.object({ code: z.enum(['entered', 'rel', 'label', 'path', 'usual']), detail: z.string().max(100).optional() });
export type Why = z.infer<typeof Why>;

export interface Candidate {
  url: string;
  why: Why;
  score: number;
}

/** Every language's link labels (lib/core/lang), best first. */
const LABELS = LANGUAGES.flatMap((l) => l.linkLabels);
const COOKIE_ONLY = /\b(cookie|cookies)\b/;
const PATH_WORDS = new RegExp(`(${LANGUAGES.flatMap((l) => l.hrefWords).join('|')})`, 'i');

export const USUAL_PATHS = ['/privacy', '/privacy-policy', '/legal/privacy', '/privacy/', '/legal/privacy-policy', '/datenschutz', '/policies/privacy'];

function stripAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

function labelScore(text: string): number {
  const t = stripAccents(foldText(text));
  if (!t || t.length > 80) return 0;
  for (const [i, label] of LABELS.entries()) {
    if (t === label) return 100 - i * 0.1;
    if (t.includes(label)) return 70 - i * 0.1 - (COOKIE_ONLY.test(t) && !t.includes('privacy') ? 30 : 0);
  }
  return 0;
}

/** Candidates on the page's own site (same host or a subdomain of its registrable part), best first. */
export function discoverPolicyLinks(doc: Document, pageUrl: string, sameSite: (a: URL, b: URL) => boolean): Candidate[] {
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return [];
  }
  const found = new Map<string, Candidate>();
  const add = (href: string | null, why: Why, score: number) => {
    if (!href || score <= 0) return;
    let u: URL;
    try {
      u = new URL(href, base);
    } catch {
      return;
    }
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return;
    if (!sameSite(u, base)) return;
    u.hash = '';
    const prev = found.get(u.href);
    if (!prev || prev.score < score) found.set(u.href, { url: u.href, why, score });
  };
  for (const el of Array.from(doc.querySelectorAll('link[rel~="privacy-policy"], a[rel~="privacy-policy"]')).slice(0, 5)) {
    add(el.getAttribute('href'), { code: 'rel' }, 200);
  }
  const anchors = Array.from(doc.querySelectorAll('a[href]'));
  // Footers come last in the document; reading from the end finds them first on huge pages.
  for (const a of anchors.slice(-2000)) {
    const text = (a.textContent ?? '').trim() || a.getAttribute('aria-label') || a.getAttribute('title') || '';
    const href = a.getAttribute('href');
    const byLabel = labelScore(text);
    if (byLabel > 0) add(href, { code: 'label', detail: text.trim().slice(0, 60) }, byLabel + (a.closest('footer') ? 10 : 0));
    else if (href && PATH_WORDS.test(href)) add(href, { code: 'path', detail: href.slice(0, 80) }, 40);
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, 5);
}

/** Where to look when the page has no link: the usual policy paths on the site's origin. */
export function usualPathCandidates(origin: string): Candidate[] {
  return USUAL_PATHS.map((p, i) => ({ url: new URL(p, origin).href, why: { code: 'usual' as const }, score: 10 - i }));
}
