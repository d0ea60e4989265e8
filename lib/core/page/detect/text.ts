/**
 * Bounded, layout-free reads of a document's text, shared by detection and extraction.
 * `textContent`-style reads only: `innerText` would force style and layout on the live page.
 */
import { LANGUAGES } from '../../lang';
import { hasNotPageContent, isNotPageContent } from './not-content';

const SKIP_TEXT_PARENTS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'head', 'title']);

const SHOW_ELEMENT = 1; // NodeFilter.SHOW_ELEMENT
const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT, spelled out so lib/ needs no DOM globals

/** The body's text as detection reads it, shared with extraction so a page is read once. */
export interface PageText {
  /** Text nodes outside scripts, styles and the like, joined with spaces, cut at the limit. */
  text: string;
  /** True when the whole body fit under the limit, so `text` is all of it. */
  complete: boolean;
  /** Whether the page has a dialog or consent manager (hasNotPageContent), whose text was left out. */
  leftOut: boolean;
}

/**
 * Visible-ish text of the body (script and style contents excluded), joined with spaces, cut at
 * `maxChars`. Hidden nodes are kept on purpose: collapsed accordions are part of a policy. Dialogs and
 * consent managers (isNotPageContent) are left out, hidden or not: they are not the page's content.
 */
export function readPageText(doc: Document, maxChars = 400_000): PageText {
  const root = doc.body ?? doc.documentElement;
  if (!root) return { text: '', complete: true, leftOut: false };
  const parts: string[] = [];
  let total = 0;
  let complete = true;
  const skips = hasNotPageContent(doc);
  const walker = doc.createTreeWalker(root, skips ? SHOW_ELEMENT | SHOW_TEXT : SHOW_TEXT);
  const nextText = (): Node | null => {
    let n = walker.nextNode();
    while (n && n.nodeType !== 3) {
      if (isNotPageContent(n as Element)) {
        // Over the subtree: on to the next sibling of the nearest ancestor (or itself) that has one.
        n = walker.nextSibling();
        while (!n && walker.parentNode()) n = walker.nextSibling();
      } else n = walker.nextNode();
    }
    return n;
  };
  for (let n = nextText(); n; n = nextText()) {
    const parent = n.parentNode as Element | null;
    if (parent && SKIP_TEXT_PARENTS.has((parent.localName ?? '').toLowerCase())) continue;
    const v = n.nodeValue;
    if (!v) continue;
    parts.push(v);
    total += v.length + 1;
    if (total >= maxChars) {
      // Full only if this was the last text node.
      complete = nextText() === null;
      break;
    }
  }
  const text = parts.join(' ');
  return { text: text.length > maxChars ? text.slice(0, maxChars) : text, complete: complete && text.length <= maxChars, leftOut: skips };
}

/** Primary language subtag ("en" from "en-GB"), or '' when the attribute is missing or odd. */
export function primaryLanguage(raw: string | null | undefined): string {
  if (!raw) return '';
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_]|$|\s)/.exec(raw);
  return m?.[1] ? m[1].toLowerCase() : '';
}

/** Each language's stopwords (lib/core/lang), in its order: the first language wins a tie. */
const STOPWORDS: Record<string, RegExp> = Object.fromEntries(
  LANGUAGES.filter((l) => l.stopwords.length > 0).map((l) => [l.code, new RegExp(`\\b(${l.stopwords.join('|')})\\b`, 'g')]),
);

/** About a thousand words: far more stopwords than a guess needs, at a fraction of a long page's cost. */
export const LANGUAGE_SAMPLE_CHARS = 6_000;

/** Guess the language of folded text from stopword counts; 'und' when nothing stands out. */
export function guessLanguage(folded: string): string {
  const sample = folded.length > LANGUAGE_SAMPLE_CHARS ? folded.slice(0, LANGUAGE_SAMPLE_CHARS) : folded;
  let best = 'und';
  let bestCount = 0;
  for (const [lang, re] of Object.entries(STOPWORDS)) {
    re.lastIndex = 0;
    const c = sample.match(re)?.length ?? 0;
    if (c > bestCount) {
      best = lang;
      bestCount = c;
    }
  }
  return bestCount >= 5 ? best : 'und';
}
