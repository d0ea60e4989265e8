/**
 * The first, nearly free stage that runs on every page: it reads a handful of cheap signals and
 * dismisses pages that cannot be privacy policies. Recall comes first, because a page dismissed here
 * is never looked at again; precision is the detector's job.
 *
 * Only cheap reads: the URL, `document.title` and, when those name nothing, the text of the first h1
 * (the first three h2 when there is no h1 text). No `innerText`, no layout, no scan of the body text.
 */
/**
 * The gate's words are every language's `gateWords` (lib/core/lang): lower-case substrings that, in a URL, title
 * or first heading, say "this page may be a privacy policy or privacy-adjacent document".
 */
import { GATE_WORDS } from '../../lang';

export interface CheapSignals {
  url: string;
  title: string;
  /** The first headings' text; null when they were not read, because the URL or title decided. */
  headings: string[] | null;
}

export interface GateVerdict {
  pass: boolean;
  reason: string;
}

const MAX_SIGNAL_CHARS = 300;
const MAX_H2_WITHOUT_H1 = 3;

function clip(s: string | null | undefined): string {
  if (!s) return '';
  return s.length > MAX_SIGNAL_CHARS ? s.slice(0, MAX_SIGNAL_CHARS) : s;
}

/**
 * The gate on a live document: the URL and `document.title` first, and the headings only when those
 * name nothing. A page named by its URL or title passes without an element read (it goes on to the full
 * path, which reads its elements anyway); an ordinary page costs the title and its first headings.
 * Never throws: a broken or foreign document (a detached frame, an XML viewer) is judged on what could
 * be read.
 */
export function gateDocument(doc: Document, url: string): { verdict: GateVerdict; signals: CheapSignals } {
  let title = '';
  try {
    // XML documents and odd frames may not expose a title, or may throw.
    title = clip(doc.title);
  } catch {
    // Judged on the URL and the headings.
  }
  const named = urlOrTitleVerdict(url, title);
  if (named) return { verdict: named, signals: { url, title, headings: null } };
  const headings = readHeadings(doc);
  return { verdict: headingsVerdict(headings), signals: { url, title, headings } };
}

/**
 * The first headings' text: the first h1, or without h1 text the first three h2. A page names itself
 * in its first h1; on the corpus, reading the first h2 beside it, or more h1s, let through no policy
 * that this misses. A page without h1 text (a logo-only h1, an app shell) names itself in its h2s.
 *
 * In a content script's fresh JS world, the first call into each DOM interface costs more than the
 * work itself (Chromium builds the bindings on first use: about 0.15 ms for the first element read,
 * measured by `npm run bench -- detection`), so this reads as little as it can. `querySelector`, the
 * cheapest first look at a page's elements: it stops at the first match. Not an XPath string
 * (`string(/descendant::h1[1])`, which builds no element binding): it was 0.03-0.08 ms cheaper on pages
 * of up to 3,000 elements, but XPath walks the whole document before it takes the first match, and on a
 * page of 15,000 elements it cost 0.37 ms against 0.14 ms (50,000: 1.06 against 0.14). Not the
 * canonical link, `<html lang>` or `document.head`: each is one more interface, and on the corpus none
 * of them lets through a policy that the URL, title and headings miss (the detector reads them).
 */
export function readHeadings(doc: Document): string[] {
  const out: string[] = [];
  let h1: string | undefined;
  try {
    h1 = doc.querySelector('h1')?.textContent?.trim();
  } catch {
    // A broken or foreign document: the h2s may still be readable.
  }
  if (h1) out.push(clip(h1));
  else readFirstH2s(doc, out);
  return out;
}

/**
 * The first three h2, through a live collection (one more interface, so only when needed; item(i)
 * stops at the i-th match).
 */
function readFirstH2s(doc: Document, out: string[]): void {
  try {
    const list = doc.getElementsByTagName('h2');
    for (let i = 0; i < MAX_H2_WITHOUT_H1; i++) {
      const t = list.item(i)?.textContent?.trim();
      if (t) out.push(clip(t));
      else if (t === undefined) break;
    }
  } catch {
    // What was read so far.
  }
}

/**
 * A URL as its words: percent escapes decoded (/datenschutzerkl%C3%A4rung), the raw text when they are
 * malformed. Also what detection reads URLs with.
 */
export function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

const DISMISSED: GateVerdict = Object.freeze({ pass: false, reason: 'no privacy word in URL, title or first headings' });

/** Whether a piece of an address (a query, "?doc=privacy") names a page the gate lets through. */
export function addressNames(part: string): boolean {
  return urlOrTitleVerdict(part, '') !== null;
}

function urlOrTitleVerdict(rawUrl: string, title: string): GateVerdict | null {
  // The whole URL is read, host, path, query and fragment: a hash-routed single-page app names its
  // pages in the fragment (/#/privacy).
  const url = rawUrl.includes('%') ? decodedUrl(rawUrl) : rawUrl;
  const hit = firstGateWord(url + '\n' + title);
  if (!hit) return null;
  return { pass: true, reason: `${hit.at < url.length ? 'url' : 'title'} mentions "${hit.word}"` };
}

function headingsVerdict(headings: string[]): GateVerdict {
  const hit = headings.length > 0 ? firstGateWord(headings.join('\n')) : null;
  return hit ? { pass: true, reason: `heading mentions "${hit.word}"` } : DISMISSED;
}

/**
 * The earliest gate word in a text: lower-cased, hyphens and underscores read as spaces (URL slugs:
 * /personal-data, /data_protection), one indexOf per gate word. Fields are joined by newlines, which
 * no gate word contains, so no match spans two. Not a regular expression: compiling an alternation of
 * the gate words (measured when the list held 90; it holds 71) costs about 0.3 ms the first time a
 * process runs it (Node, fresh process: 0.33 ms against 0.04 ms for this loop), more than the whole budget. A renderer keeps the compiled expression for the
 * next pages of the same site, so only the first page of a site paid it: there this loop measured
 * 0.1-0.3 ms cheaper in the bench, and on later pages it was within 0.015 ms of the expression.
 *
 * A short Latin-script gate word (SHORT_WORD letters or fewer: "legal", "terms", "dpa", "agb") counts
 * only where a word starts, because inside a longer word it is mostly another word ("illegal",
 * "midterms", "handpainted", "flagbearer"); longer words and phrases count anywhere, so a glued URL
 * ("/dataprivacypolicy", "/kundendatenschutz") still passes.
 */
function firstGateWord(text: string): { at: number; word: string } | null {
  const hay = text.toLowerCase().replaceAll('-', ' ').replaceAll('_', ' ');
  let at = -1;
  let word = '';
  for (const w of GATE_WORDS) {
    const i = wordStartAt(hay, w);
    if (i >= 0 && (at < 0 || i < at)) {
      at = i;
      word = w;
    }
  }
  return at < 0 ? null : { at, word };
}

const SHORT_WORD = 5;

/** The first place `w` occurs in `hay`; for a short word of ASCII letters, the first where a word starts. */
function wordStartAt(hay: string, w: string): number {
  let i = hay.indexOf(w);
  if (w.length > SHORT_WORD || !isAsciiLetter(w.charCodeAt(0))) return i;
  while (i > 0 && isWordChar(hay.charCodeAt(i - 1))) i = hay.indexOf(w, i + 1);
  return i;
}

const isAsciiLetter = (c: number) => c >= 97 && c <= 122;
/** A letter or digit before a match (lower-cased text): ASCII, or any non-ASCII letter ("ilégal" stays a word). */
function isWordChar(c: number): boolean {
  if (isAsciiLetter(c) || (c >= 48 && c <= 57)) return true;
  return c > 127 && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}
