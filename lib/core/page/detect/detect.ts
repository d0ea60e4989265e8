/**
 * Full detection, run only on pages the gate let through: is this page a privacy policy, a
 * privacy-adjacent document (cookie/tracker policy, data-processing agreement) or something else?
 *
 * Evidence is combined as a score with a reason per contribution, so a verdict can be explained:
 * the URL, the title, the main headings, the canonical link, structured data (JSON-LD, og:type; microdata
 * for threads and results pages), a search the page shows back,
 * and the body's vocabulary (density of privacy-policy phrases and policy-like section headings).
 */
import { isRoute } from '../../route';
import type { Detection, DetectionKind } from '../../schema';
import {
  ADJACENT_TITLE,
  BODY_TERMS,
  foldForMatch,
  OTHER_LEGAL_TITLE,
  OTHER_PATH,
  POLICY_PATH,
  POLICY_TITLE,
  PRIVACY_WORD,
  SECTION_HEADINGS,
} from './vocab';
import { LANGUAGES } from '../../lang';
import { decodedUrl } from './gate';
import { inNotPageContent } from './not-content';
import { guessLanguage, primaryLanguage, readPageText, type PageText } from './text';

/** Enough text for a stable density estimate; a 5 MB page costs no more than a long policy. */
export const DETECT_BODY_CHARS = 80_000;

/** The body read detection needs, so a caller that extracts next can read the page once. */
export function readDetectionText(doc: Document): PageText {
  return readPageText(doc, DETECT_BODY_CHARS);
}
const MAX_HEADINGS = 300;
const MAX_JSONLD = 10;
const MAX_JSONLD_CHARS = 50_000;
const MIN_WORDS = 120;
/** The lowest the body's vocabulary can take the score. */
const DENSITY_MIN = -2.5;
/**
 * How much of the body is read when the page's names have already decided: enough for the word count,
 * the language and a reported density, which then cannot change the verdict.
 */
const DECIDED_BODY_CHARS = 8_000;

/** Words in folded text (single spaces, padded with one at each end); CJK counts two characters a word. */
function countFoldedWords(folded: string): number {
  let spaces = 0;
  for (let i = folded.indexOf(' '); i >= 0; i = folded.indexOf(' ', i + 1)) spaces++;
  // Chinese and Japanese are written without spaces: count roughly two characters per word.
  const cjk = folded.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  return spaces - 1 + Math.round(cjk / 2);
}

export interface DetectFeatures {
  words: number;
  density: number;
  sectionHeadings: number;
  cookieDensity: number;
  score: number;
}

/** Paths of news and blog posts: privacy in such a URL is the story's subject. */
const NEWS_PATH = /\b(news|blog|blogs|article|articles|story|stories|press)\b|\b(19|20)\d{2} [01]?\d\b/;

// Every language's words (lib/core/lang), whole words, in the order of LANGUAGES.
const VOICE = new RegExp(`\\b(${LANGUAGES.flatMap((l) => l.voice).join('|')})\\b`, 'g');

/**
 * All body terms as one alternation, one capturing group per term, so the text is scanned once
 * instead of once per term (the terms' own groups are made non-capturing). The terms that start at a
 * word boundary share one leading `\b`, so at most positions (inside words) the scan fails after a
 * single test instead of one per term; the few that do not (CJK) follow as their own alternatives.
 */
const BODY_PARTS = BODY_TERMS.map(([re, w]) => {
  const src = re.source.replace(/\((?!\?)/g, '(?:');
  return { bounded: src.startsWith('\\b'), src: src.startsWith('\\b') ? src.slice(2) : src, w };
});
const BOUNDED = BODY_PARTS.filter((p) => p.bounded);
const UNBOUNDED = BODY_PARTS.filter((p) => !p.bounded);
const BODY_RE = new RegExp(
  [`\\b(?:${BOUNDED.map((p) => `(${p.src})`).join('|')})`, ...UNBOUNDED.map((p) => `(${p.src})`)].join('|'),
  'g',
);
/** Weights in the order of BODY_RE's groups. */
const BODY_WEIGHTS = [...BOUNDED, ...UNBOUNDED].map((p) => p.w);

/** URL words of cookie/tracker policies and data-processing terms. */
const ADJACENT_URL = new RegExp(LANGUAGES.flatMap((l) => l.adjacentPath).join('|'));

const TRACKER_WORDS = new RegExp(`\\b(${LANGUAGES.flatMap((l) => l.trackerWords).join('|')})\\b`, 'g');

const ARTICLE_TYPES = /^(newsarticle|article|blogposting|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|scholarlyarticle|techarticle|socialmediaposting|liveblogposting|review)$/i;

/**
 * Schema.org types of a question thread, a forum post and a results page: a page that declares one is
 * people writing about a subject, or a list of other pages, never the site's own policy, whatever its title
 * says ("Does my app need a privacy policy?"). Not `Question` (an FAQ page's questions are its parts) nor
 * `FAQPage` (a privacy FAQ is close to a policy).
 */
const DISCUSSION_TYPES = /^(qapage|discussionforumposting|searchresultspage)$/i;
/** A type's own name, from `QAPage` or `https://schema.org/QAPage`. */
function typeName(t: string): string {
  return t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf('#')) + 1);
}

/** Where a page's copy holds what its scripts would show or hide, never the page itself: skipped when reading what the page is. */
const NOT_THE_PAGE = 'noscript, template';
/** Levels walked up from the main heading towards the root. */
const MAX_HEADING_ANCESTORS = 40;

/**
 * The microdata types the page gives itself, not those of a box on it (an FAQ box marked QAPage, a "latest
 * posts" list of DiscussionForumPostings): the types on the root, the body, the main element, and the
 * elements that hold the main heading. A thread marks one of those.
 */
function pageMicrodataTypes(doc: Document): string[] {
  const holders = new Set<Element>();
  for (const el of [doc.documentElement, doc.body, doc.querySelector('main, [role="main"]')]) if (el) holders.add(el);
  const h1 = doc.querySelector('h1');
  if (h1 && !h1.closest(NOT_THE_PAGE)) {
    let e: Element | null = h1;
    for (let i = 0; e && i < MAX_HEADING_ANCESTORS; i++, e = e.parentElement) holders.add(e);
  }
  const types: string[] = [];
  for (const el of holders) {
    if (el.closest(NOT_THE_PAGE)) continue;
    for (const t of (el.getAttribute('itemtype') ?? '').slice(0, 500).split(/\s+/)) if (t) types.push(typeName(t));
  }
  return types;
}

/** The JSON-LD types an item gives the page itself: the top-level items' and their @graph's, not their parts' (an FAQ's questions). */
function collectPageTypes(value: unknown, out: string[]): void {
  const add = (item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return;
    const t = (item as Record<string, unknown>)['@type'];
    if (typeof t === 'string') out.push(typeName(t));
    else if (Array.isArray(t)) for (const x of t.slice(0, 20)) if (typeof x === 'string') out.push(typeName(x));
  };
  for (const item of (Array.isArray(value) ? value : [value]).slice(0, 20)) {
    add(item);
    const graph = item !== null && typeof item === 'object' ? (item as Record<string, unknown>)['@graph'] : undefined;
    if (Array.isArray(graph)) for (const g of graph.slice(0, 20)) add(g);
  }
}

/** Query parameters read for the user's search, and the longest value read. */
const MAX_QUERY_PARAMS = 20;
const MAX_SEARCH_CHARS = 200;
/** Text fields read for the search shown back. */
const MAX_FIELDS = 50;
const TEXT_FIELD_TYPES = new Set(['', 'text', 'search']);
/** Names search engines and site searches give their search field (Yandex "text", Baidu "wd", Yahoo "p"). */
const SEARCH_NAMES = new Set(['q', 'query', 'search', 's', 'k', 'keyword', 'keywords', 'term', 'terms', 'search_query', 'searchterm', 'searchtext', 'text', 'wd', 'p']);

/**
 * A field that is a search box: of type search or role searchbox, named as search fields are, or inside a
 * search landmark. Not any field that holds a query's value: a region picker showing "Europe" on
 * /privacy?region=europe is the policy's own page. Nor one in `<noscript>` or a template. `type`: its type
 * attribute, trimmed and lower-cased (echoedSearch reads it once for both questions).
 */
function isSearchField(field: Element, type: string): boolean {
  if (field.closest(NOT_THE_PAGE)) return false;
  if (type === 'search') return true;
  if ((field.getAttribute('role') ?? '').trim().toLowerCase() === 'searchbox') return true;
  if (SEARCH_NAMES.has((field.getAttribute('name') ?? '').trim().toLowerCase())) return true;
  return field.closest('[role="search"], search') !== null;
}

/**
 * The user's search, when the page shows it back: a value of the address's query that a search field on
 * the page (isSearchField) holds as the page was served (its `value`, or a text area's text). That is what
 * a results page does, a search engine's or a site's own; a policy does not. Values of
 * fewer than three characters, or without a letter ("en", "2"), are not read as a search: a hidden or
 * pre-filled field can hold one by chance. What the user typed into a field later is not read (the copy
 * the background reads has only what the page was served with).
 */
function echoedSearch(doc: Document, url: string): string {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return '';
  }
  const values = new Set<string>();
  let read = 0;
  for (const [, value] of query) {
    if (++read > MAX_QUERY_PARAMS) break;
    const v = foldForMatch(value.slice(0, MAX_SEARCH_CHARS)).trim();
    if (v.length >= 3 && /\p{L}/u.test(v)) values.add(v);
  }
  if (values.size === 0) return '';
  const fields = doc.querySelectorAll('input:not([type="hidden" i]), textarea');
  const n = Math.min(fields.length, MAX_FIELDS);
  for (let i = 0; i < n; i++) {
    const field = fields[i];
    const type = (field?.getAttribute('type') ?? '').trim().toLowerCase();
    if (!field || !isSearchField(field, type)) continue;
    let held: string;
    if (field.localName === 'textarea') {
      // Its text is one raw text node: its length is read before any copy of it.
      const text = field.firstChild;
      held = text && text === field.lastChild && text.nodeType === 3 && (text as CharacterData).length <= MAX_SEARCH_CHARS ? (text as CharacterData).data : '';
    } else if (TEXT_FIELD_TYPES.has(type)) held = field.getAttribute('value') ?? '';
    else continue;
    if (held.length > MAX_SEARCH_CHARS) continue;
    const v = foldForMatch(held).trim();
    if (values.has(v)) return v;
  }
  return '';
}

/**
 * Host, path and query; the fragment only when it is a client-side route (`#/legal/privacy`,
 * `#!/privacy`), which is how a hash-routed single-page app names its pages. An ordinary fragment is an
 * anchor: `/terms#privacy` is a section of the terms, not a privacy page.
 */
function urlPathText(url: string): string {
  const hash = url.indexOf('#');
  const fragment = hash >= 0 ? url.slice(hash + 1) : '';
  const noHash = (hash >= 0 ? url.slice(0, hash) : url) + (isRoute(fragment) ? ` ${fragment}` : '');
  return foldForMatch(decodedUrl(noHash.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')));
}

function collectTypes(value: unknown, out: string[], depth: number): void {
  if (depth > 4 || out.length > 20 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 20)) collectTypes(v, out, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  const t = obj['@type'];
  if (typeof t === 'string') out.push(t);
  else if (Array.isArray(t)) for (const x of t) if (typeof x === 'string') out.push(x);
  if (obj['@graph']) collectTypes(obj['@graph'], out, depth + 1);
  if (obj['mainEntity']) collectTypes(obj['mainEntity'], out, depth + 1);
}

/** Structured data's types (JSON-LD, og:type), and those JSON-LD outside `<noscript>` gives the page itself (collectPageTypes). */
function readStructuredTypes(doc: Document): { types: string[]; pageTypes: string[] } {
  const types: string[] = [];
  const pageTypes: string[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const n = Math.min(scripts.length, MAX_JSONLD);
  for (let i = 0; i < n; i++) {
    const script = scripts[i];
    const raw = script?.textContent ?? '';
    if (!raw || raw.length > MAX_JSONLD_CHARS) continue;
    try {
      const value = JSON.parse(raw) as unknown;
      collectTypes(value, types, 0);
      if (!script?.closest(NOT_THE_PAGE)) collectPageTypes(value, pageTypes);
    } catch {
      // Broken JSON-LD is common; it simply says nothing.
    }
  }
  const og = doc.head?.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (og) types.push(`og:${og}`);
  return { types, pageTypes };
}

/**
 * The page's headings outside dialogs and consent managers, raw and folded (each folded once), and the first
 * that names a policy in the content.
 */
function readHeadings(doc: Document, leftOut: boolean): { h1: string[]; folded: string[]; policyHeading: string } {
  const h1: string[] = [];
  const folded: string[] = [];
  let policyHeading = '';
  const list = doc.querySelectorAll('h1, h2, h3, h4, [role="heading"]');
  const n = Math.min(list.length, MAX_HEADINGS);
  for (let i = 0; i < n; i++) {
    const el = list[i];
    if (!el) continue;
    const t = (el.textContent ?? '').trim().slice(0, 200);
    if (!t) continue;
    // A dialog's or consent manager's heading ("Privacy Preference Center") is not the page's.
    // (Its ancestors are asked only on a page that has one at all: `leftOut`, from the page's text.)
    if (leftOut && inNotPageContent(el)) continue;
    if (el.localName === 'h1') h1.push(t);
    const f = foldForMatch(t);
    folded.push(f);
    // A heading naming a privacy policy inside the content (not in navigation or a footer, not a link)
    // marks a page that contains a policy, e.g. a combined "Terms and Privacy" page.
    if (!policyHeading && t.length < 80 && el.localName !== 'h1' && POLICY_TITLE.test(f) && !el.closest('nav, footer, header, a, [role="navigation"], [role="contentinfo"]')) {
      policyHeading = t;
    }
  }
  return { h1, folded, policyHeading };
}

function countMatches(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let c = 0;
  while (re.exec(text) !== null) c++;
  return c;
}

/**
 * Policy pages have short names ("Privacy", "Privacy & Terms"); a headline that merely contains the
 * word ("Regulators fine network over privacy failures") does not count.
 */
function shortSegmentMentions(raw: string): boolean {
  for (const part of raw.split(/[|•·»–—:]| - /)) {
    const seg = foldForMatch(part).trim();
    if (PRIVACY_WORD.test(seg) && seg.split(' ').length <= 6) return true;
  }
  return false;
}

function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Detection plus the raw numbers behind it, for the eval. */
export interface DetectOptions {
  /** The body as `readDetectionText` read it, when the caller already has it. */
  pageText?: PageText;
}

export function detectPolicyWithFeatures(doc: Document, url: string, options: DetectOptions = {}): { detection: Detection; features: DetectFeatures } {
  const reasons: string[] = [];
  let score = 0;

  const rawTitle = doc.title ?? '';
  const title = foldForMatch(rawTitle);
  const pageText = options.pageText ?? readDetectionText(doc);
  const { h1, folded: headings, policyHeading } = readHeadings(doc, pageText.leftOut);
  const rawH1 = h1.slice(0, 2).join(' | ');
  const h1Text = foldForMatch(rawH1);
  const path = urlPathText(url);
  const canonicalHref = doc.head?.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
  const canonical = canonicalHref ? urlPathText(canonicalHref) : '';

  // Title and main heading: the page's own name for itself.
  let named = false;
  let mentioned = false;
  let namedAdjacent = false;
  // The title is the page's most deliberate name for itself: when it names another document (and
  // not privacy), a "Privacy Policy" heading elsewhere on the page is likely a menu or a modal.
  const titleNamesOther = !!title && OTHER_LEGAL_TITLE.test(title) && !POLICY_TITLE.test(title) && !PRIVACY_WORD.test(title);
  let h1NamesOther = false;
  for (const [label, text, raw] of [
    ['title', title, rawTitle],
    ['main heading', h1Text, rawH1],
  ] as const) {
    if (!text) continue;
    if (POLICY_TITLE.test(text)) {
      named = true;
      const w = label === 'main heading' && titleNamesOther ? 1.25 : 2.5;
      score += w;
      reasons.push(`${label} names a privacy policy`);
    } else if (PRIVACY_WORD.test(text) && shortSegmentMentions(raw)) {
      mentioned = true;
      score += 1;
      reasons.push(`${label} mentions privacy`);
    }
    if (ADJACENT_TITLE.test(text)) namedAdjacent = true;
    if (label === 'main heading' && OTHER_LEGAL_TITLE.test(text)) h1NamesOther = true;
  }
  const namedOther = titleNamesOther || (h1NamesOther && !named && !mentioned);
  if (namedOther) {
    score -= 2.5;
    reasons.push('title or main heading names another kind of document');
  }

  // URL and canonical link.
  const urlText = `${path} ${canonical}`;
  let urlNamesOther = false;
  const urlNamesPolicy = POLICY_PATH.test(urlText) && !NEWS_PATH.test(path);
  if (urlNamesPolicy) {
    score += 1.5;
    reasons.push('URL names privacy');
  } else if (OTHER_PATH.test(urlText)) {
    urlNamesOther = true;
    score -= 1;
    reasons.push('URL names another kind of page');
  }
  if (!named && !mentioned && ADJACENT_URL.test(urlText)) namedAdjacent = true;

  // Structured data: an article about privacy is not a policy.
  const { types, pageTypes } = readStructuredTypes(doc);
  const articleType = types.find((t) => ARTICLE_TYPES.test(t.replace(/^og:/, '')));
  if (articleType && !named) {
    // Many CMSs stamp og:type=article on every page, so it counts for little; JSON-LD types are deliberate.
    const og = articleType.startsWith('og:');
    score -= og ? 0.5 : 3;
    reasons.push(`structured data says ${articleType}`);
  }
  if (policyHeading && !named) {
    score += 1.5;
    reasons.push(`a content heading names a privacy policy ("${policyHeading}")`);
  }

  // A page that names itself as something else, and nowhere as privacy, needs overwhelming body evidence.
  const threshold = urlNamesOther && !named && !mentioned && !urlNamesPolicy ? 4 : 2.5;

  // Body vocabulary. The body can move the score by at most DENSITY_MIN down; when the page names
  // itself a policy and the score already clears the threshold by more than that, the body cannot change
  // the verdict, so only its beginning is read, for the reported density and the word count.
  const fullRaw = pageText.text;
  const decided = named && score + DENSITY_MIN >= threshold;
  let bodyRaw = decided && fullRaw.length > DECIDED_BODY_CHARS ? fullRaw.slice(0, DECIDED_BODY_CHARS) : fullRaw;
  let body = ` ${foldForMatch(bodyRaw)} `;
  let words = countFoldedWords(body);
  if (words < MIN_WORDS && bodyRaw !== fullRaw) {
    bodyRaw = fullRaw;
    body = ` ${foldForMatch(bodyRaw)} `;
    words = countFoldedWords(body);
  }
  const sampled = bodyRaw !== fullRaw;
  let weighted = 0;
  BODY_RE.lastIndex = 0;
  for (let m = BODY_RE.exec(body); m; m = BODY_RE.exec(body)) {
    for (let g = 1; g < m.length; g++) {
      if (m[g] !== undefined) {
        weighted += BODY_WEIGHTS[g - 1] ?? 0;
        break;
      }
    }
  }
  const density = words > 0 ? (weighted * 1000) / words : 0;
  const cookieDensity = words > 0 ? (countMatches(body, TRACKER_WORDS) * 1000) / words : 0;
  let sectionHeadings = 0;
  const seen = new Set<string>();
  for (const f of headings) {
    if (f.length > 120) continue;
    const m = SECTION_HEADINGS.exec(f);
    if (m && !seen.has(m[0])) {
      seen.add(m[0]);
      sectionHeadings++;
    }
  }

  // Policies are the operator talking to the user about the user's data ("we collect your..."); news
  // and essays about privacy are written in the third person.
  const voice = words > 0 ? (countMatches(body, VOICE) * 1000) / words : 0;
  if (voice >= 35 && density >= 15) {
    score += 1;
    reasons.push(`addresses the reader in first/second person (${voice.toFixed(0)} per 1000 words)`);
  }
  const densityScore = Math.max(DENSITY_MIN, Math.min(4, (density - 12) / 6));
  score += densityScore;
  reasons.push(`privacy vocabulary density ${density.toFixed(1)} per 1000 words (${words} words${sampled ? `, first ${DECIDED_BODY_CHARS} characters` : ''})`);
  if (sectionHeadings >= 2) {
    const s = Math.min(sectionHeadings, 5) * 0.4;
    score += s;
    reasons.push(`${sectionHeadings} policy-like section headings`);
  }

  let language = primaryLanguage(doc.documentElement?.getAttribute('lang'));
  if (!language) language = guessLanguage(body);

  // A page about a subject by what it is, not by its words: a thread, a forum post, a results page.
  const discussion = [...pageTypes, ...pageMicrodataTypes(doc)].find((t) => DISCUSSION_TYPES.test(t));
  const search = discussion ? '' : echoedSearch(doc, url);

  let kind: DetectionKind = 'other';
  if (words < MIN_WORDS) {
    reasons.push(`too little text (${words} words)`);
    score = Math.min(score, 0);
  } else if (discussion || search) {
    reasons.push(discussion ? `structured data says ${discussion}: people writing about a subject, or a list of pages` : `the page shows the search in its address ("${search.slice(0, 60)}") in a text field: a results page`);
    score = Math.min(score, 0);
  } else if (score >= threshold) {
    kind = 'privacy-policy';
    if (namedAdjacent && !named) {
      kind = 'privacy-adjacent';
      reasons.push('named as a cookie/tracker policy or data-processing agreement');
    } else if (!named && cookieDensity > 12 && cookieDensity * 2 > density) {
      kind = 'privacy-adjacent';
      reasons.push(`mostly about cookies and trackers (${cookieDensity.toFixed(1)} per 1000 words)`);
    }
  } else if (namedAdjacent && (!namedOther || ADJACENT_TITLE.test(h1Text)) && score >= threshold - 2.5 && density >= 6) {
    kind = 'privacy-adjacent';
    reasons.push('named as a cookie/tracker policy or data-processing agreement');
  }

  const confidence = Math.round((kind === 'other' ? 1 - logistic(score - threshold) : logistic(score - threshold + 1)) * 100) / 100;
  reasons.unshift(`score ${score.toFixed(2)} (threshold ${threshold})`);
  return {
    detection: { kind, confidence, language: language || 'und', reasons },
    features: { words, density, sectionHeadings, cookieDensity, score },
  };
}

export function detectPolicy(doc: Document, url: string, options: DetectOptions = {}): Detection {
  return detectPolicyWithFeatures(doc, url, options).detection;
}
