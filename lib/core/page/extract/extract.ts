/**
 * Extract a privacy policy's text as a `PolicyDocument`: Readability on a copy of the page with
 * collapsed sections revealed, or our own main-content extraction when Readability returns too little.
 * The live document is only read, never changed.
 */
import { Readability } from '@mozilla/readability';
import type { Block, PolicyDocument } from '../../schema';
import { countWords, normalizeText } from '../../text/normalize';
import { guessLanguage, LANGUAGE_SAMPLE_CHARS, primaryLanguage, type PageText } from '../detect/text';
import { foldForMatch } from '../detect/vocab';
import { blocksFromElement } from './blocks';
import { findStatedDate } from '../../text/dates';
import { cleanCopy, findMainContent } from './fallback';
import { headingButtonsAsText, pruneChrome, revealCollapsed } from './reveal';
import { READABILITY_LIMITS } from './limits';

/** `tooNested`: the page's tree is past READABILITY_LIMITS (a refusal, not a failure of the extractor). */
export type ExtractResult = { ok: true; document: PolicyDocument } | { ok: false; reason: string; tooNested?: true };

export interface ExtractOptions {
  /**
   * The body text detection already read (`readDetectionText`). When it holds the whole body, the
   * size check and the date scan use it instead of reading the page again.
   */
  pageText?: PageText;
}

const MIN_WORDS = 300;
/** Readability's result is kept only if it holds at least this share of the main content's words. */
const MIN_SHARE_OF_MAIN = 0.6;
const MAX_DATE_SCAN_CHARS = 200_000;

function wordsOf(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += countWords(b.text);
  return n;
}

/**
 * Readability looks for an author byline by reading the full text of every element it visits until it
 * finds one: a cost that grows with the page's size times its depth, for a value a policy does not have
 * and we never use. Its own check (`_isValidByline`, present in 0.6) is turned off on this instance only;
 * the side effect is that a short "author" line stays in the text instead of being removed. If a future
 * version renames the method, this does nothing and extraction is simply as fast as before.
 */
function skipBylineSearch(reader: object): void {
  const r = reader as { _isValidByline?: unknown };
  if (typeof r._isValidByline === 'function') r._isValidByline = () => false;
}

/**
 * Readability asks of every element it visits whether it is visible, reading `node.style`: Chromium
 * builds a style declaration object for each element just to find no inline style. An element with no
 * `style`, `hidden` or `aria-hidden` attribute is visible by that test's own rules, so it is answered
 * without the object; every other element still gets Readability's own test. Same answers, less work.
 */
export function fastVisibilityTest(reader: object): void {
  const r = reader as { _isProbablyVisible?: (node: Element) => boolean };
  const own = r._isProbablyVisible;
  if (typeof own !== 'function') return;
  r._isProbablyVisible = (node: Element) =>
    (!node.hasAttribute('style') && !node.hasAttribute('hidden') && !node.hasAttribute('aria-hidden')) || own.call(reader, node);
}

/**
 * After extracting, Readability rewrites every link and image address to an absolute URL. Only the
 * text is kept, so that walk over the article is skipped on this instance (the same private-method
 * caveat as above). Links to `javascript:` addresses, which it would turn into their text, are text in
 * the blocks either way.
 */
function skipLinkRewrite(reader: object): void {
  const r = reader as { _fixRelativeUris?: unknown };
  if (typeof r._fixRelativeUris === 'function') r._fixRelativeUris = () => undefined;
}

/**
 * Readability weighs an element by the words of its class and id: "comment", "footer", "meta", "social",
 * "share", "media", "contact" count against it, "content" and "article" for it. On a policy those words name
 * sections ("How we share information", "Social media", "Contact us"): with the weights, Readability removed
 * a heading `h2.contact`, and conditionally cleaned away whole sections whose class weighed against them. On
 * the detection corpus's 176 policies, turning the weights off brought back 37 pages' text, among them
 * the sharing sections of a Llama API and a Walmart policy (2,400 and 500 words) and "Contact us" headings;
 * it lost navigation lines and one page's "what changed" box; no stated date moved. Page chrome is
 * removed by its structure before (pruneChrome). Readability's unlikely-candidate stripping and conditional
 * cleaning stay: without them cookie banners and site navigation came in. (The flag is private, as above.)
 */
function ignoreClassWeights(reader: object): void {
  const r = reader as { _flags?: unknown; FLAG_WEIGHT_CLASSES?: unknown };
  if (typeof r._flags === 'number' && typeof r.FLAG_WEIGHT_CLASSES === 'number') r._flags &= ~r.FLAG_WEIGHT_CLASSES;
}

/** Headings by role made real headings, at most: a bound on the work whatever the page. */
const MAX_ROLE_HEADINGS = 500;

/**
 * Script-built pages write headings as `<div role="heading" aria-level="2">`. Readability reads them as
 * paragraphs (and drops the role), so on the copy (Readability's or the fallback's) each becomes the `<hN>`
 * it stands for, its content moved.
 */
function realHeadings(copy: Document | Element, found?: readonly Element[]): number {
  const doc = copy.ownerDocument ?? (copy as Document);
  const list = (found ?? Array.from(copy.querySelectorAll('[role="heading"]'))).filter((el) => !/^h[1-6]$/.test(el.localName)).slice(0, MAX_ROLE_HEADINGS);
  for (const el of list) {
    const n = Number(el.getAttribute('aria-level') ?? '2');
    const h = doc.createElement(`h${Number.isInteger(n) && n >= 1 && n <= 6 ? n : 2}`);
    // Its other attributes stay: a heading hidden with its translation stays hidden.
    for (const a of Array.from(el.attributes)) if (a.name !== 'role' && a.name !== 'aria-level') h.setAttribute(a.name, a.value);
    while (el.firstChild) h.appendChild(el.firstChild);
    el.replaceWith(h);
  }
  return list.length;
}

/** Elements looked at by keepSharingSections, at most: a bound on its work whatever the page. */
const SHARE_LOOKS = 200;
/** A section of text: a heading and this many words, at most a third of them in links. */
const SECTION_WORDS = 20;

/** An element's class and id, as Readability reads them together. */
const namesOf = (el: Element): string => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;

/** The words of an element's text, and how many of them are in its links. */
function linkedWords(el: Element): { words: number; linked: number } {
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += countWords(a.textContent ?? '');
  return { words: countWords(el.textContent ?? ''), linked };
}

/** The element's class and id on the copy with each match of `words` (global) spelt otherwise ("s_hare"), which Readability's patterns no longer match. */
function respell(el: Element, words: RegExp): void {
  for (const name of ['class', 'id']) {
    const value = el.getAttribute(name);
    if (value) el.setAttribute(name, value.replace(words, (w) => `${w[0]}_${w.slice(1)}`));
  }
}

/**
 * Readability removes any element with "share" in its class or id whose text is under 500 characters (share
 * buttons). On a policy that is the short section on sharing (`section#sharing`, `div.data-sharing`): a
 * section of text (a heading, SECTION_WORDS words, few of them in links) has "share" spelt otherwise in its
 * class and id on the copy, so Readability keeps it. Share buttons are a few words of links, and stay removed.
 */
function keepSharingSections(candidates: readonly Element[]): number {
  let looks = 0;
  let kept = 0;
  for (const el of candidates) {
    if (!/share/i.test(namesOf(el))) continue;
    if (++looks > SHARE_LOOKS) break;
    if (!el.querySelector('h1, h2, h3, h4, h5, h6')) continue;
    const { words, linked } = linkedWords(el);
    if (words < SECTION_WORDS || linked * 3 > words) continue;
    respell(el, /share/gi);
    kept++;
  }
  return kept;
}

/** How much page Readability is given: see limits.ts. */
export { READABILITY_LIMITS };

/** An element tree's size: its elements, their deepest level, and the sum of every element's level (the root's is 1). */
export interface TreeSize {
  depth: number;
  elements: number;
  elementLevels: number;
}

/**
 * The size of the tree under `root`, counted in document order by the element links alone (no recursion,
 * nothing allocated per element), stopped once `over` says the size so far is too much (every count only
 * grows). The extension's bound below and the CLI's (cli/dom.ts measurePage) count with it.
 */
export function measureTree(root: Element, over: (size: TreeSize) => boolean): TreeSize {
  const size: TreeSize = { depth: 0, elements: 0, elementLevels: 0 };
  let level = 1;
  for (let el: Element | null = root; el; ) {
    size.elements++;
    size.elementLevels += level;
    if (level > size.depth) size.depth = level;
    if (over(size)) return size;
    const child: Element | null = el.firstElementChild;
    if (child) {
      el = child;
      level++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      level--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  return size;
}

/**
 * Whether a size passes READABILITY_LIMITS. A tree no deeper than `deepFrom` may have twice the element-levels
 * (`shallowElementLevels`): the cost grows with the depth far more than with the count, and long policies with
 * big tables are shallow.
 */
const overReadabilityLimits = (size: TreeSize): boolean =>
  size.depth > READABILITY_LIMITS.depth ||
  size.elementLevels > READABILITY_LIMITS.shallowElementLevels ||
  (size.elementLevels > READABILITY_LIMITS.elementLevels && size.depth > READABILITY_LIMITS.deepFrom);

/** Whether a tree stays inside READABILITY_LIMITS: one walk, stopped at the first bound passed. */
export function withinReadabilityLimits(root: Element): boolean {
  return !overReadabilityLimits(measureTree(root, overReadabilityLimits));
}

/** Tables looked at by markSmallTables, at most. */
const MAX_TABLES = 200;

/**
 * Readability takes a table of ten cells or fewer, without header cells, for page layout, and cleans it away
 * when its cells are mostly links: a policy's small table of recipients ("Payment processor | card details",
 * each name linked to its own policy) went with it. On the copy, a table of two rows and two columns or more,
 * with no table inside, gets the `summary` Readability reads as "a data table".
 */
function markSmallTables(copy: Document): number {
  let marked = 0;
  for (const table of Array.from(copy.getElementsByTagName('table')).slice(0, MAX_TABLES)) {
    if (table.getAttribute('role') === 'presentation' || table.hasAttribute('summary') || table.getElementsByTagName('table').length > 0) continue;
    const rows = table.rows;
    if (rows.length < 2 || rows.length >= 10) continue;
    let columns = 0;
    for (const row of Array.from(rows)) columns = Math.max(columns, row.cells.length);
    if (columns < 2 || columns > 4) continue;
    table.setAttribute('summary', 'data');
    marked++;
  }
  return marked;
}

/** Sections looked at by keepNamedSections, at most. */
const MAX_NAMED_SECTIONS = 200;
/** Unlikely-candidate words of Readability that name a policy's sections as often as page furniture. */
const SECTION_NAME_WORDS = ['gdpr', 'social', 'extra', 'related', 'supplemental', 'sponsor'];
const SECTION_NAMES = new RegExp(SECTION_NAME_WORDS.join('|'), 'i');
const SECTION_NAMES_ALL = new RegExp(SECTION_NAME_WORDS.join('|'), 'gi');
/** Words of a class or id that keepSharingSections and keepNamedSections look at. */
const CANDIDATE_NAMES = new RegExp(['share', ...SECTION_NAME_WORDS].join('|'), 'i');
/** Elements so named looked at, at most: a bound on the two passes' work whatever the page. */
const MAX_CANDIDATES = 1_000;

/**
 * In one pass over the copy's elements: those whose class or id holds a word of CANDIDATE_NAMES, and those
 * with the heading role, in document order (one attribute-substring selector per word cost jsdom as much as
 * Readability itself).
 */
function surveyCopy(copy: Document): { candidates: Element[]; roleHeadings: Element[] } {
  const candidates: Element[] = [];
  const roleHeadings: Element[] = [];
  const all = copy.getElementsByTagName('*');
  for (let i = 0, n = all.length; i < n; i++) {
    const el = all[i]!;
    if (candidates.length < MAX_CANDIDATES) {
      const cls = el.getAttribute('class');
      const id = el.id;
      if ((cls && CANDIDATE_NAMES.test(cls)) || (id && CANDIDATE_NAMES.test(id))) candidates.push(el);
    }
    if (roleHeadings.length < MAX_ROLE_HEADINGS && el.getAttribute('role') === 'heading') roleHeadings.push(el);
  }
  return { candidates, roleHeadings };
}
const FURNITURE = /banner|breadcrumb|combx|comment|community|cover-wrap|disqus|footer|header|legends|menu|remark|replies|rss|shoutbox|sidebar|skyscraper|ad-break|agegate|pagination|pager|popup|cookie|consent/i;

/**
 * Readability drops an element whose class or id holds one of its "unlikely" words before it looks for the
 * article. "gdpr", "social", "extra", "related", "supplemental" and "sponsor" also name a policy's sections
 * (`section#gdpr`: your rights in the EEA; `section#social-media`). A section so named (a `section` element, or
 * one whose first child is a heading) with no furniture word in its names, and not mostly links ("Related
 * articles"), has those words spelt otherwise on the copy.
 */
function keepNamedSections(candidates: readonly Element[]): number {
  let kept = 0;
  for (const el of candidates) {
    const names = namesOf(el);
    if (!SECTION_NAMES.test(names) || FURNITURE.test(names)) continue;
    if (el.localName !== 'section' && !/^h[1-6]$/.test(el.firstElementChild?.localName ?? '')) continue;
    // Not "Related articles", a list of links.
    const { words, linked } = linkedWords(el);
    if (linked * 2 > words) continue;
    respell(el, SECTION_NAMES_ALL);
    if (++kept >= MAX_NAMED_SECTIONS) break;
  }
  return kept;
}

function runReadability(doc: Document, notes: string[]): { blocks: Block[]; title: string } | null {
  const copy = doc.cloneNode(true) as Document;
  const revealed = revealCollapsed(copy);
  if (revealed) notes.push(`revealed ${revealed} collapsed elements`);
  const pruned = pruneChrome(copy);
  if (pruned) notes.push(`removed ${pruned} navigation, banner, footer, sidebar or graphic elements`);
  const { candidates, roleHeadings } = surveyCopy(copy);
  const headings = realHeadings(copy, roleHeadings);
  if (headings) notes.push(`read ${headings} elements with the heading role as headings`);
  const labelled = headingButtonsAsText(copy);
  if (labelled) notes.push(`read ${labelled} headings made of a button (accordion titles) as their text`);
  const named = keepNamedSections(candidates);
  if (named) notes.push(`kept ${named} sections named like page furniture`);
  const tables = markSmallTables(copy);
  if (tables) notes.push(`read ${tables} small tables as data tables`);
  const sharing = keepSharingSections(candidates);
  if (sharing) notes.push(`kept ${sharing} sections with "share" in their class or id`);
  // The serializer hands back the content element itself, saving a serialise-and-reparse round trip.
  // keepClasses: no pass over the article to strip class attributes, which the blocks never read.
  const reader = new Readability<Element>(copy, { serializer: (n) => n as Element, charThreshold: 500, keepClasses: true });
  skipBylineSearch(reader);
  skipLinkRewrite(reader);
  fastVisibilityTest(reader);
  ignoreClassWeights(reader);
  const article = reader.parse();
  if (!article?.content) return null;
  return { blocks: blocksFromElement(article.content), title: article.title ?? '' };
}

function runFallback(doc: Document, notes: string[], title: string): Block[] {
  const root = findMainContent(doc);
  if (!root) return [];
  const copy = cleanCopy(root);
  realHeadings(copy);
  const name = root.localName + (root.id ? `#${root.id}` : '');
  notes.push(`fallback content root <${name}>`);
  const repeated = titleHeading(copy, title);
  if (repeated) {
    repeated.remove();
    notes.push('fallback left out the heading that repeats the title, as Readability does');
  }
  return blocksFromElement(copy);
}

/**
 * The first <h1> or <h2> that repeats the page's title, by Readability's own test (its
 * `_headerDuplicatesTitle`: more than three quarters of the heading's text is words of the title). Readability
 * leaves that heading out; the fallback does the same, so that a page read by one extractor on one visit and
 * by the other on the next (a policy near the 300-word line) does not show its title heading as removed.
 */
export function titleHeading(root: Element, title: string): Element | null {
  if (!title) return null;
  let seen = 0;
  for (const h of Array.from(root.querySelectorAll('h1, h2'))) {
    if (++seen > MAX_TITLE_HEADINGS) return null;
    if (textSimilarity(title, h.textContent ?? '') > 0.75) return h;
  }
  return null;
}
/** Headings looked at for the title (a bound on the work; Readability meets the title's heading near the top). */
const MAX_TITLE_HEADINGS = 50;

/** Readability's `textSimilarity`: the share of B's text made of words A also has (split as Readability splits). */
function textSimilarity(a: string, b: string): number {
  const tokensA = a.slice(0, 1000).toLowerCase().split(NON_WORD).filter(Boolean);
  const tokensB = b.slice(0, 1000).toLowerCase().split(NON_WORD).filter(Boolean);
  if (!tokensA.length || !tokensB.length) return 0;
  const known = new Set(tokensA);
  const unique = tokensB.filter((t) => !known.has(t));
  return 1 - unique.join(' ').length / tokensB.join(' ').length;
}
const NON_WORD = /\W+/;

function mainContentWords(doc: Document): number {
  const root = findMainContent(doc);
  if (!root) return 0;
  return countWords(readBodyTextOf(root));
}

function readBodyTextOf(el: Element): string {
  // Same exclusions as the detector's body read, on a subtree.
  const doc = el.ownerDocument;
  const parts: string[] = [];
  const walker = doc.createTreeWalker(el, 4);
  let total = 0;
  for (let n = walker.nextNode(); n && total < 400_000; n = walker.nextNode()) {
    const p = (n.parentNode as Element | null)?.localName;
    if (p === 'script' || p === 'style' || p === 'noscript' || p === 'template') continue;
    const v = n.nodeValue ?? '';
    parts.push(v);
    total += v.length;
  }
  return parts.join(' ');
}

/** The body's raw text, and the text of its scripts, styles and templates (not the page's text). */
interface BodyRead {
  raw: string;
  noise: string[];
}

/** Read natively (textContent), not node by node; shared by the size estimate and the date scan. */
function readBody(doc: Document): BodyRead {
  const body = doc.body;
  if (!body) return { raw: '', noise: [] };
  const list = body.querySelectorAll('script, style, noscript, template');
  const noise: string[] = [];
  for (let i = 0; i < Math.min(list.length, 2000); i++) noise.push(list[i]?.textContent ?? '');
  return { raw: body.textContent ?? '', noise };
}

/** The body's text minus the big script and style blobs: only for a date scan, where strays do not matter. */
function quickBodyText({ raw, noise }: BodyRead): string {
  let text = raw;
  // Only the big blobs matter; each removal copies the string, so cap them.
  let removed = 0;
  for (let i = 0; i < noise.length && removed < 50; i++) {
    const t = noise[i];
    if (t && t.length > 200) {
      text = text.replace(t, ' ');
      removed++;
    }
  }
  return text.length > MAX_DATE_SCAN_CHARS * 4 ? text.slice(0, MAX_DATE_SCAN_CHARS * 4) : text;
}

/**
 * About how many characters of text the body holds once scripts and styles are left out and runs of
 * whitespace count as one, without building that text: the raw length minus the scripts' lengths,
 * scaled by how much whitespace collapsing shrinks a sample. Only a trigger for a closer look.
 */
function estimateBodyChars({ raw, noise }: BodyRead): number {
  let noiseChars = 0;
  for (const t of noise) noiseChars += t.length;
  const chars = Math.max(0, raw.length - noiseChars);
  if (!chars) return 0;
  // Sample from the middle of the text, away from the header and footer boilerplate.
  const start = Math.max(0, Math.floor(raw.length / 2) - 10_000);
  const sample = raw.slice(start, start + 20_000);
  const collapsed = sample.replace(/\s+/g, ' ').length;
  return sample.length ? Math.round((chars * collapsed) / sample.length) : chars;
}

/** Characters once runs of whitespace count as one, without building the collapsed string. */
function collapsedLength(text: string): number {
  let n = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
    if (!space || !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/** Policies state their date near the top or at the very end; scanning only there keeps it cheap. */
function headAndTail(text: string): string {
  if (text.length <= 40_000) return text;
  return `${text.slice(0, 30_000)}\n${text.slice(-10_000)}`;
}

/** A page without a <title>: its first heading, or a short first line that reads like one. */
function fallbackTitle(blocks: Block[]): string {
  const h = blocks.find((b) => b.kind === 'heading');
  if (h) return h.text;
  const first = blocks[0]?.text ?? '';
  return first.length <= 120 ? first : '';
}

/** The page title, without the " | Site name" tail when the first part is meaningful. */
function cleanTitle(raw: string): string {
  const t = normalizeText(raw);
  return t.slice(0, 300);
}

export function extractPolicy(doc: Document, url: string, options: ExtractOptions = {}): ExtractResult {
  try {
    if (!doc || !doc.documentElement) return { ok: false, reason: 'no document element' };
    if (!doc.body) return { ok: false, reason: 'document has no body (XML or non-HTML document)' };
    if (!withinReadabilityLimits(doc.body)) {
      return {
        ok: false,
        tooNested: true,
        reason: `the page is too large for how deeply it is nested to extract (over ${READABILITY_LIMITS.depth} levels, ${READABILITY_LIMITS.shallowElementLevels} element-levels, or ${READABILITY_LIMITS.elementLevels} element-levels more than ${READABILITY_LIMITS.deepFrom} deep)`,
      };
    }
    const notes: string[] = [];
    let method: 'readability' | 'fallback' = 'readability';
    let blocks: Block[] = [];
    let title = '';
    try {
      const r = runReadability(doc, notes);
      if (r) {
        blocks = r.blocks;
        title = r.title;
      } else notes.push('Readability returned nothing');
    } catch (e) {
      notes.push(`Readability failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    let words = wordsOf(blocks);
    // Finding the main content ourselves costs a pass over the page, so only do it when Readability's
    // share of the body's words leaves room for doubt.
    let bodyRead: BodyRead | null = null;
    const bodyOnce = (): BodyRead => (bodyRead ??= readBody(doc));
    const whole = options.pageText?.complete ? options.pageText.text : null;
    const blockChars = blocks.reduce((n, b) => n + b.text.length + 1, 0);
    const bodyChars = whole !== null ? collapsedLength(whole) : estimateBodyChars(bodyOnce());
    const suspicious = words < MIN_WORDS || blockChars < bodyChars * MIN_SHARE_OF_MAIN;
    const mainWords = suspicious ? mainContentWords(doc) : 0;
    if (words < MIN_WORDS || words < mainWords * MIN_SHARE_OF_MAIN) {
      const fb = runFallback(doc, notes, title || doc.title);
      const fbWords = wordsOf(fb);
      if (fbWords > words) {
        notes.push(
          words < MIN_WORDS
            ? `Readability kept ${words} words (< ${MIN_WORDS}); fallback found ${fbWords}`
            : `Readability kept ${words} of about ${mainWords} main-content words; fallback found ${fbWords}`,
        );
        blocks = fb;
        words = fbWords;
        method = 'fallback';
      }
    }
    if (!blocks.length || words === 0) return { ok: false, reason: 'no text found in the page' };

    const lang = primaryLanguage(doc.documentElement.getAttribute('lang'));
    const blockText = blocks.map((b) => b.text).join('\n');
    // guessLanguage reads only a sample; fold only that much.
    const language = lang || guessLanguage(foldForMatch(blockText.slice(0, LANGUAGE_SAMPLE_CHARS)));
    // Numeric dates are read month first for US English: lang="en-US", and plain "en" too, which is what
    // most US sites declare; English of other regions (en-GB, en-AU, ...) and other languages day first.
    // And only after an English label: a date after another language's ("Stand: 01.02.2024") is day first
    // whatever the page declares (dates.ts), since a template's lang="en" may sit over a German policy.
    const usOrder = /^\s*en(?:[-_]us)?\s*$/i.test(doc.documentElement.getAttribute('lang') ?? '') || (!lang && language === 'en');
    // The date is often in a header Readability dropped, so look at the whole body if the blocks lack one.
    const statedDate =
      findStatedDate(blockText, { usOrder }) ?? findStatedDate(headAndTail(whole !== null ? whole.replace(/\s+/g, ' ') : quickBodyText(bodyOnce())), { usOrder });

    const document: PolicyDocument = {
      url,
      title: cleanTitle(title || doc.title || fallbackTitle(blocks)),
      language: language || 'und',
      statedDate,
      blocks,
      extraction: { method, words, notes },
    };
    return { ok: true, document };
  } catch (e) {
    return { ok: false, reason: `extraction failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
