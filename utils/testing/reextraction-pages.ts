/**
 * Small hand-made pages and two stand-in extractors (plain functions of the HTML), written for the re-extraction tests (utils/reextraction-*.test.ts).
 * Every page carries a collapsed panel ("Partners"): extractor 8 leaves it out, extractor 9 reads it, so the
 * panel is never a change of the policy, only of the extractor. A page may also quote an earlier edition
 * (`<section class="old">`): extractor 8 reads it as policy text, extractor 9 leaves it out (as extractor 9 does with an earlier edition).
 */
import { analyzeChange } from '@/lib/core/engine';
import type { ExtractFn, PolicyStore } from '@/lib/history/store';
import { freshStore, makeDocument } from '@/lib/history/test-support';
import type { PolicyDocument } from '@/lib/core/schema';
import { createBadges } from '../badges';
import { createCombinedChange } from '../combined';
import { createPolicyStates } from '../tab-state';

export const URL_ = 'https://www.shop.example/privacy';
export const SITE = 'shop.example';
const PANEL_TEXT = 'Partners: we share your personal data with advertising partners.';
const PANEL = `<details><summary>Partners</summary><p>${PANEL_TEXT}</p></details>`;
export const BASE = 'We collect your email address to run your account.';
export const SALE = 'We sell your personal data to data brokers.';
export const CONTACT = 'Write to us at privacy@shop.example.';
export const CONTACT2 = 'Write to us at privacy@shop.example or by post.';
export const CONTACT3 = 'Write to us at privacy@shop.example, by post or by phone.';
/** A page: its paragraphs, the panel, and optionally an earlier edition quoted below (which sold data). */
export const page = (ps: string[], old = false) =>
  `<!doctype html><html lang="en"><head><title>Privacy Policy</title></head><body><h1>Privacy Policy</h1><h2>What we collect</h2>${ps.map((p) => `<p>${p}</p>`).join('')}${PANEL}${old ? `<section class="old"><p>${SALE}</p></section>` : ''}</body></html>`;

/** Our own pages' paragraphs, and the pages without a block: string search, no pattern to backtrack. */
const paragraphs = (html: string) => html.split('<p>').slice(1).map((part) => part.slice(0, part.indexOf('</p>')));
function without(html: string, open: string, close: string): string {
  let out = html;
  for (let at = out.indexOf(open); at >= 0; at = out.indexOf(open, at)) {
    const end = out.indexOf(close, at);
    if (end < 0) break;
    out = out.slice(0, at) + out.slice(end + close.length);
  }
  return out;
}
export function docFor(html: string, extractor: 8 | 9): PolicyDocument {
  let h = without(html, '<details>', '</details>');
  if (extractor === 9) h = without(h, '<section class="old">', '</section>');
  const sections: Record<string, string[]> = { 'What we collect': paragraphs(h) };
  if (extractor === 9) sections['Partners'] = [PANEL_TEXT];
  return makeDocument(sections, { url: URL_ });
}
export const ext9: ExtractFn = async (html) => ({ ok: true, document: docFor(html, 9) });
/** Extractor 9, throwing (a page it crashes on) or failing (ok: false) on pages matching `bad`. */
export const ext9Throwing = (bad: (html: string) => boolean): ExtractFn => async (html, url) => {
  if (bad(html)) throw new Error('extractor crashed on this page');
  return ext9(html, url);
};
export const ext9Failing = (bad: (html: string) => boolean): ExtractFn => async (html, url) => (bad(html) ? { ok: false, reason: 'no policy text found' } : ext9(html, url));

export const save8 = (store: PolicyStore, html: string) =>
  store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(html, 8), raw: { html, source: 'visit' as const }, extractorVersion: 8, analyze: analyzeChange });
/** A fresh store with `pages` saved one after another by extractor 8, the clock ticking before each. */
export async function savedByEight(pages: readonly string[]) {
  const env = await freshStore();
  for (const html of pages) {
    env.clock.tick();
    await save8(env.store, html);
  }
  return env;
}
export const visit9 = (store: PolicyStore, html: string, extract: ExtractFn = ext9) =>
  store.savePolicyVersion({ url: URL_, kind: 'privacy-policy', document: docFor(html, 9), raw: { html, source: 'visit' }, extractorVersion: 9, analyze: analyzeChange, reextract: extract });

/** What the user sees, as a freshly started worker would compute it (a new combined cache). */
export async function seen(store: PolicyStore) {
  const combined = createCombinedChange();
  const badges = createBadges({ store: async () => store, siteOf: (s, u) => s.siteForUrl(u!), language: () => 'en', combined });
  const badge = await badges.inputFor(SITE, async () => []);
  const [popup] = await createPolicyStates(combined)(store, SITE);
  const state = await store.siteState(SITE);
  return {
    badgeMajor: badge.siteMajor,
    popupMajor: popup!.view.latest.analysis?.counts.major ?? 0,
    popupFindings: popup!.view.latest.analysis?.findings.filter((f) => f.severity !== 'cosmetic').map((f) => `${f.category}:${f.severity}`) ?? null,
    alertIndex: state?.alert ?? 0,
    unreviewedMajor: state?.unreviewedMajor ?? 0,
  };
}

export async function versionsOf(store: PolicyStore) {
  const [policy] = await store.listPolicies(SITE);
  return store.listVersions(policy!.policyId);
}
