/**
 * Finds a quoted passage of a policy in a live page, for "Show on page". The quote comes from the
 * extracted, normalised text, so the page's text is normalised the same way while an index maps every
 * normalised character back to its text node and offset.
 */
import { normalizeText } from '../text/normalize';

export interface TextPosition {
  node: Text;
  offset: number;
}

/** A folded character's source: its text node, where its characters start, and (a letter with its combining marks) how many. */
interface Source extends TextPosition {
  length?: number;
}

interface Indexed {
  text: string;
  /** For each character of `text`, where it came from. */
  map: Source[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);
/** Bounds on work, whatever the page: folded characters indexed, text nodes visited, ancestors climbed per node. */
const MAX_CHARS = 3_000_000;
const MAX_TEXT_NODES = 500_000;
const MAX_ANCESTORS = 256;
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** The nearest block-level ancestor, read from tag names only (no layout). */
function blockOf(node: Node): Element | null {
  let el = node.parentElement;
  for (let depth = 0; el && !BLOCKS.has(el.tagName); depth++) {
    // Nested deeper than any page lays text out: the text counts as in no block.
    if (depth >= MAX_ANCESTORS) return null;
    el = el.parentElement;
  }
  return el;
}

const COMBINING = /\p{M}/u;

/** Whether a <br> comes between a text node and the text before it, within its block. */
function afterBreak(node: Node, block: Element | null): boolean {
  for (let n: Node | null = node, depth = 0; n && n !== block && depth < MAX_ANCESTORS; n = n.parentNode, depth++) {
    const prev = n.previousSibling;
    if (prev) return endsWithBreak(prev);
  }
  return false;
}

/** Whether a node is a <br> or ends with one (its last non-blank descendant), as "<b>Ltd<br></b>" does. */
function endsWithBreak(node: Node): boolean {
  for (let n: Node | null = node, depth = 0; n && depth < 32; depth++) {
    if (n.nodeName === 'BR') return true;
    let last: ChildNode | null = n.lastChild;
    while (last && last.nodeType === 3 && !(last as Text).data.trim()) last = last.previousSibling;
    n = last;
  }
  return false;
}

function fold(ch: string): string {
  return normalizeText(ch).toLowerCase();
}

/** The page's visible-ish text, folded like normalizeText + lower case, with its source positions. */
function indexText(doc: Document): Indexed {
  const root = doc.body ?? doc.documentElement;
  const out: string[] = [];
  const map: Source[] = [];
  if (!root) return { text: '', map };
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let lastWasSpace = true;
  let lastBlock: Element | null = null;
  let nodes = 0;
  for (let n = walker.nextNode(); n && out.length < MAX_CHARS && nodes < MAX_TEXT_NODES; n = walker.nextNode(), nodes++) {
    const node = n as Text;
    if (node.parentElement && SKIP.has(node.parentElement.tagName)) continue;
    const data = node.data;
    // Text in another block than the previous text node is a separate block in extracted text.
    const block = blockOf(node);
    if (block !== lastBlock && !lastWasSpace) {
      out.push(' ');
      map.push({ node, offset: 0 });
      lastWasSpace = true;
    }
    lastBlock = block;
    // "Ltd<br>passes": a line break is a space in the extracted text.
    if (!lastWasSpace && afterBreak(node, block)) {
      out.push(' ');
      map.push({ node, offset: 0 });
      lastWasSpace = true;
    }
    // Within a node too: one text node may hold more than the whole bound.
    for (let i = 0; i < data.length && out.length < MAX_CHARS; i++) {
      // A letter and the combining marks after it are folded together ("e" + U+0301 is "é", as the
      // extracted text composes it).
      let end = i + 1;
      while (end < data.length && COMBINING.test(data[end]!)) end++;
      const raw = data.slice(i, end);
      const at = i;
      i = end - 1;
      const f = /\s/.test(raw) ? ' ' : fold(raw);
      if (f === '') continue; // zero-width characters, soft hyphens
      if (f === ' ') {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      for (const c of f) {
        out.push(c);
        map.push(end - at > 1 ? { node, offset: at, length: end - at } : { node, offset: at });
      }
    }
  }
  return { text: out.join(''), map };
}

/** What "Show on page" sends of a quoted sentence at most: its head, and for a longer one its tail too. */
export const QUOTE_HEAD_CHARS = 2_000;
export const QUOTE_TAIL_CHARS = 400;
/** How far after the head the tail may be found (normalised characters): one long sentence, not the next page. */
const MAX_SPAN_CHARS = 50_000;

/**
 * A quoted sentence as "Show on page" sends it, bounded whatever its length: the whole sentence when it
 * is short, else its head and its tail, each cut at a word boundary. A sentence of a list of 260 partners
 * runs past 5,000 characters, which a message may not carry; head and tail locate it all the same.
 */
export function quoteParts(sentence: string): { quote: string; quoteEnd?: string } {
  if (sentence.length <= QUOTE_HEAD_CHARS + QUOTE_TAIL_CHARS) return { quote: sentence };
  const head = sentence.slice(0, QUOTE_HEAD_CHARS);
  const tail = sentence.slice(-QUOTE_TAIL_CHARS);
  const headCut = head.lastIndexOf(' ');
  const tailCut = tail.indexOf(' ');
  return { quote: headCut > 0 ? head.slice(0, headCut) : head, quoteEnd: tailCut >= 0 && tailCut < tail.length - 1 ? tail.slice(tailCut + 1) : tail };
}

/**
 * Where `quote` starts and ends in the page, or null. Falls back to the quote's first words when the
 * whole sentence is not found verbatim (the page may have changed since, or split it across elements).
 * `quoteEnd`, the tail of a long sentence sent as head and tail (quoteParts), extends the passage to
 * where the tail ends when it follows the head (else the head alone is the passage).
 */
export function locateQuote(doc: Document, quote: string, quoteEnd?: string): { start: TextPosition; end: TextPosition } | null {
  const needle = normalizeText(quote).toLowerCase();
  if (needle.length < 3) return null;
  const { text, map } = indexText(doc);
  const attempts = [needle];
  const words = needle.split(' ');
  for (const n of [12, 8, 5]) if (words.length > n) attempts.push(words.slice(0, n).join(' '));
  const tail = quoteEnd ? normalizeText(quoteEnd).toLowerCase() : '';
  for (const attempt of attempts) {
    const at = text.indexOf(attempt);
    if (at < 0) continue;
    const start = map[at];
    let endAt = at + attempt.length - 1;
    if (tail.length >= 3) {
      const t = text.indexOf(tail, at + attempt.length);
      if (t >= 0 && t + tail.length - at <= MAX_SPAN_CHARS) endAt = t + tail.length - 1;
    }
    const last = map[endAt];
    if (!start || !last) continue;
    return { start: { node: start.node, offset: start.offset }, end: { node: last.node, offset: Math.min(last.offset + (last.length ?? 1), last.node.data.length) } };
  }
  return null;
}

/** A DOM Range over the quote, for highlighting without touching the page's DOM. */
export function rangeForQuote(doc: Document, quote: string, quoteEnd?: string): Range | null {
  const found = locateQuote(doc, quote, quoteEnd);
  if (!found) return null;
  const range = doc.createRange();
  range.setStart(found.start.node, found.start.offset);
  range.setEnd(found.end.node, found.end.offset);
  return range;
}
