/**
 * Turns already-extracted policy text (Markdown, as Open Terms Archive records it, or plain text) into a
 * PolicyDocument, so that the change engine sees the same block structure it gets from HTML pages.
 * Formatting (emphasis, link targets, escapes) is dropped: it is never what a user cares about.
 *
 * Linear in the length of the text, whatever it holds: the forms a regular expression would have to
 * scan ahead for, once per place they might start (links, images, tags, strong emphasis, `#` heading
 * ends, table separators), are found by scanners that look each character up a bounded number of
 * times. 200 KB of "[" took the regular expressions 27 s.
 */
import type { Block, PolicyDocument } from '../schema';
import { countWords, normalizeText } from '../text/normalize';
import { findStatedDate } from '../text/dates';

const ATX_OPEN = /^\s{0,3}(#{1,6})\s+/;
/**
 * Code-span marks removed, keeping the code: what `s.replace(/`+([^`]*)`+/g, '$1')` does, as a scan (that
 * pattern retries from every backtick of an unclosed run, quadratic in it). A run of backticks with
 * another run later in the text is an opening mark; the text up to the next run is kept and both runs
 * go. A last run of two or more backticks goes too (it pairs with itself); a last single one stays.
 */
export function stripCodeSpans(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const b = s.indexOf('`', i);
    if (b < 0) return out + s.slice(i);
    out += s.slice(i, b);
    let e = b;
    while (e < s.length && s[e] === '`') e++;
    const next = s.indexOf('`', e);
    if (next >= 0) {
      let f = next;
      while (f < s.length && s[f] === '`') f++;
      out += s.slice(e, next);
      i = f;
    } else if (e - b >= 2) i = e;
    else return out + s.slice(b);
  }
  return out;
}

const SETEXT = /^\s{0,3}(=+|-+)\s*$/;
const RULE = /^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$/;
const LIST = /^(\s*)(?:[*+•·▪‣◦-]|\\[*+-]|\d{1,3}\\?[.)]|[a-z]\)|\([a-z0-9ivx]{1,4}\))\s+(\S.*)?$/i;
// Items lettered or numbered in lower-case Roman numerals with a full stop ("a.", "ii."): lower case only,
// since "A." and "II." open sections far more often than list items; and not before a number, since a
// wrapped line can start with "p. 4" or "c. 2020".
const LETTERED = /^(\s*)(?:[a-z]|[ivx]{2,4})\.\s+([^\s\d].*)?$/;
const listItem = (line: string) => LIST.exec(line) ?? LETTERED.exec(line);
const FENCE = /^\s*(```|~~~)/;
// Tested on trimmed lines: with the white space at either end left in, `\s*\|?\s*` could split a long run
// of spaces every possible way before failing.
const TABLE_SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

function isTableSeparator(line: string): boolean {
  return TABLE_SEPARATOR.test(line.trim());
}

// Characters `.` does not match in a regular expression without the s flag.
const LINE_TERMINATOR = /[\n\r\u2028\u2029]/;

/**
 * An ATX heading (`## Title ##`): its level and text, or null. The same as matching
 * /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/, whose lazy text and three optional runs at the end took time
 * cubic in a line of spaces followed by #s.
 */
export function atxHeading(line: string): { level: number; text: string } | null {
  const open = ATX_OPEN.exec(line);
  if (!open) return null;
  // The shortest text is the one the longest closing sequence (white space, #s, white space) leaves.
  let text = line.slice(open[0].length).trimEnd();
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x23) end--;
  text = text.slice(0, end).trimEnd();
  if (LINE_TERMINATOR.test(text)) return null;
  return { level: open[1]!.length, text };
}

const TRACKING_PARAM = /^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_[ce]id|_ga|_gl|ref|ref_src|igshid|yclid|spm|scid)$/i;

/** A URL without its tracking parameters, so that a new campaign tag in a link is not a change. */
export function stripTrackingParams(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hashAt = url.indexOf('#', q);
  const base = url.slice(0, q);
  const query = url.slice(q + 1, hashAt < 0 ? undefined : hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const kept = query.split('&').filter((p) => p && !TRACKING_PARAM.test(p.split('=')[0] ?? ''));
  return base + (kept.length ? `?${kept.join('&')}` : '') + hash;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', copy: '©', reg: '®', trade: '™' };

/** JavaScript's \s, by character code. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Sorted positions of one character, each later one found by binary search. */
class Positions {
  private readonly at: number[] = [];
  constructor(text: string, char: string, keep: (i: number) => boolean = () => true) {
    for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) if (keep(i)) this.at.push(i);
  }
  /** The first position at or after `from`, or -1. */
  next(from: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.at.length ? this.at[lo]! : -1;
  }
}

/** `<https://…>` and `<mailto:…>` become their address, without tracking parameters. */
const AUTOLINK_SCHEME = /(?:https?|mailto):/iy;
function replaceAutolinks(s: string): string {
  let out = '';
  let last = 0;
  // Where an address that found no `>` stopped: one starting before it stops there too.
  let deadEnd = -1;
  for (let i = s.indexOf('<'); i >= 0; i = s.indexOf('<', i + 1)) {
    AUTOLINK_SCHEME.lastIndex = i + 1;
    if (!AUTOLINK_SCHEME.test(s)) continue;
    const from = AUTOLINK_SCHEME.lastIndex;
    if (from <= deadEnd) continue;
    let j = from;
    while (j < s.length && s.charCodeAt(j) !== 0x3e && !isSpace(s.charCodeAt(j))) j++;
    if (j === from || j === s.length || s.charCodeAt(j) !== 0x3e) {
      deadEnd = j;
      continue;
    }
    out += s.slice(last, i) + stripTrackingParams(s.slice(i + 1, j));
    last = j + 1;
    i = j;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Element names of HTML (and SVG) that policy text written as Markdown carries. */
const HTML_TAGS = new Set(
  ('a abbr address article aside audio b bdi bdo big blockquote body br button caption center cite code col colgroup dd del details dfn div dl dt em ' +
    'embed figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hr html i iframe img input ins kbd label legend li link main mark meta nav ' +
    'nobr noscript object ol optgroup option p picture pre q rp rt ruby s samp script section select small source span strike strong style sub summary ' +
    'sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr svg path g circle rect line polyline polygon use defs symbol').split(' '),
);
const EMAIL_AUTOLINK = /^[^\s<>@]+@[^\s<>@.]+(?:\.[^\s<>@.]+)+$/;
/** The longest e-mail address read as an autolink. */
const MAX_EMAIL = 254;

/**
 * Whether the text after a `<` at `j` (past a `/`) opens a tag: a name of HTML or SVG, or one no running text
 * has (a capital, a hyphen or a colon in it: `<Callout>`, `<custom-element>`, `<o:p>`), followed by a space,
 * a slash or the `>`; a closing tag (`</thirty>`) or an empty one (`<thirty/>`) whatever its name. Returns
 * where the name ends, or -1. Not "<thirty days", which is text.
 */
function tagNameEnd(s: string, j: number, closing: boolean): number {
  let k = j;
  let marked = false;
  while (k < s.length && k - j < 40) {
    const c = s.charCodeAt(k);
    if (isAsciiAlnum(c)) {
      if (c >= 0x41 && c <= 0x5a) marked = true;
    } else if ((c === 0x2d || c === 0x3a) && k > j) marked = true;
    else break;
    k++;
  }
  if (k === j || !isAsciiLetter(s.charCodeAt(j))) return -1;
  const after = s[k] ?? '';
  if (after === '>' && closing) return k;
  if (after === '/' && s[k + 1] === '>') return k;
  if (!(after === '>' || after === '/' || /\s/.test(after))) return -1;
  return marked || HTML_TAGS.has(s.slice(j, k).toLowerCase()) ? k : -1;
}

/**
 * HTML tags (`<b>`, `</span>`, `<a href=…>`, `<Callout type="x">`) are dropped. An e-mail autolink
 * (`<dpo@shop.example>`) keeps its address; other text in angle brackets ("for <thirty days", "7 > 5") is
 * text, as is a `<` whose `>` comes after another `<`. One pass: the next `<` and `>` are each looked for once
 * and kept while the scan is before them.
 */
function removeTags(s: string): string {
  let out = '';
  let last = 0;
  let gt = -1;
  for (let i = s.indexOf('<'); i >= 0; ) {
    const next = s.indexOf('<', i + 1);
    if (gt <= i) gt = s.indexOf('>', i + 1);
    if (gt < 0) break;
    const end = gt;
    if (next < 0 || next > end) {
      const closing = s.charCodeAt(i + 1) === 0x2f;
      // An e-mail autolink: the address without its brackets.
      const email = !closing && end - i - 1 <= MAX_EMAIL && EMAIL_AUTOLINK.test(s.slice(i + 1, end));
      if (email || tagNameEnd(s, closing ? i + 2 : i + 1, closing) >= 0) {
        out += s.slice(last, i) + (email ? s.slice(i + 1, end) : '');
        last = end + 1;
      }
    }
    i = next;
  }
  return last === 0 ? s : out + s.slice(last);
}
const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || isAsciiLetter(c);
const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/**
 * For every position, where a link destination starting there ends (the index of its closing
 * parenthesis), or -1: one pass from the end of the text. A destination is text without parentheses,
 * with at most one level of (nested) parentheses; a link's may not contain white space outside those,
 * except before a final "title".
 */
function destinationEnds(s: string, link: boolean): Int32Array {
  const ends = new Int32Array(s.length + 1).fill(-1);
  let nested = -1; // where the destination ends when a nested group is open at the next position
  let nextQuote = -1; // the next `"` after the current position
  let title = -1; // where `"title")` starting at the next non-space position ends
  for (let p = s.length - 1; p >= 0; p--) {
    const c = s.charCodeAt(p);
    const space = isSpace(c);
    let here: number;
    let nestedHere: number;
    if (c === 0x29) {
      here = p;
      nestedHere = ends[p + 1]!;
    } else if (c === 0x28) {
      here = nested;
      nestedHere = -1;
    } else {
      here = link && space ? title : ends[p + 1]!;
      nestedHere = nested;
    }
    if (!space) title = c === 0x22 && nextQuote >= 0 && s.charCodeAt(nextQuote + 1) === 0x29 ? nextQuote + 1 : -1;
    if (c === 0x22) nextQuote = p;
    ends[p] = here;
    nested = nestedHere;
  }
  return ends;
}

/** `![alt](src)` becomes its alt text, `[text](href "title")` its text. */
function replaceLinks(s: string, image: boolean): string {
  if (!s.includes('](')) return s;
  const ends = destinationEnds(s, !image);
  const closes = new Positions(s, ']');
  const opener = image ? '![' : '[';
  let out = '';
  let last = 0;
  for (let i = s.indexOf(opener); i >= 0; i = s.indexOf(opener, i + 1)) {
    const textStart = i + opener.length;
    const close = closes.next(textStart);
    if (close < 0) break;
    if (s.charCodeAt(close + 1) !== 0x28) continue;
    const end = ends[close + 2]!;
    if (end < 0) continue;
    out += s.slice(last, i) + s.slice(textStart, close);
    last = end + 1;
    i = end;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** `[text][ref]` becomes its text. */
function replaceReferenceLinks(s: string): string {
  if (!s.includes('][')) return s;
  const closes = new Positions(s, ']');
  let out = '';
  let last = 0;
  for (let i = s.indexOf('['); i >= 0; i = s.indexOf('[', i + 1)) {
    const close = closes.next(i + 1);
    if (close < 0) break;
    if (close === i + 1 || s.charCodeAt(close + 1) !== 0x5b) continue;
    const end = closes.next(close + 2);
    if (end < 0) continue;
    out += s.slice(last, i) + s.slice(i + 1, close);
    last = end + 1;
    i = end;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** `**strong**` and `__strong__` become their text: the nearest closing pair after a non-space. */
function unwrapStrong(s: string): string {
  if (!s.includes('**') && !s.includes('__')) return s;
  const closers = {
    '*': new Positions(s, '**', (j) => j > 0 && !isSpace(s.charCodeAt(j - 1))),
    _: new Positions(s, '__', (j) => j > 0 && !isSpace(s.charCodeAt(j - 1))),
  };
  let out = '';
  let last = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    const c = s[i]!;
    if ((c !== '*' && c !== '_') || s[i + 1] !== c) continue;
    if (i + 2 >= s.length || isSpace(s.charCodeAt(i + 2))) continue;
    const close = closers[c].next(i + 3);
    if (close < 0) continue;
    out += s.slice(last, i) + s.slice(i + 2, close);
    last = close + 2;
    i = close + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Inline Markdown reduced to the words a reader sees. */
export function inlineText(input: string): string {
  let s = input;
  s = s.replace(/<br\s*\/?>/gi, ' ');
  s = replaceAutolinks(s);
  s = removeTags(s);
  s = replaceLinks(s, true);
  // Links: keep the visible text; a link whose text is its own URL keeps the URL minus tracking.
  s = replaceLinks(s, false);
  s = replaceReferenceLinks(s);
  s = s.replace(/\bhttps?:\/\/[^\s)\]]+/gi, (u) => stripTrackingParams(u));
  s = s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      // As HTML reads it: a reference to no character (zero, a lone surrogate, past U+10FFFF) is U+FFFD.
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
  s = stripCodeSpans(s);
  s = unwrapStrong(s);
  s = s.replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?!\w)/g, '$1$2');
  s = s.replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  s = s.replace(/\*\*|__/g, '');
  s = s.replace(/\\([\\`*_{}[\]()#+\-.!|>~<"'])/g, '$1');
  return normalizeText(s);
}

function tableCells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith('|')) t = t.slice(1);
  if (t.endsWith('|') && !t.endsWith('\\|')) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => inlineText(c)).filter((c) => c.length > 0);
}

export function documentFromMarkdown(
  text: string,
  meta: { url: string; title?: string; language?: string },
): PolicyDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const path: Array<{ level: number; text: string }> = [];
  const section = (): string[] => path.map((p) => p.text);

  let para: string[] = [];
  let paraKind: 'paragraph' | 'list-item' = 'paragraph';
  let inFence = false;

  const flush = () => {
    if (para.length === 0) return;
    const t = inlineText(para.join(' '));
    if (t && /[\p{L}\p{N}]/u.test(t)) blocks.push({ kind: paraKind, text: t, section: section() });
    para = [];
    paraKind = 'paragraph';
  };
  const heading = (level: number, raw: string) => {
    flush();
    const t = inlineText(raw);
    if (!t || !/[\p{L}\p{N}]/u.test(t)) return;
    while (path.length && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
    blocks.push({ kind: 'heading', text: t, section: section(), level });
    path.push({ level, text: t });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (FENCE.test(line)) {
      flush();
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      para.push(line);
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const atx = atxHeading(line);
    if (atx) {
      heading(atx.level, atx.text);
      continue;
    }
    // Setext: a single paragraph line underlined by === or ---.
    const next = lines[i + 1] ?? '';
    if (para.length === 0 && SETEXT.test(next) && !listItem(line) && !line.trim().startsWith('|')) {
      const marker = next.trim()[0];
      heading(marker === '=' ? 1 : 2, line);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      flush();
      continue;
    }
    const trimmed = line.trim();
    if (trimmed.startsWith('|') || (trimmed.includes(' | ') && isTableSeparator(next))) {
      flush();
      if (isTableSeparator(line)) continue;
      const cells = tableCells(line);
      if (cells.length) blocks.push({ kind: 'table-row', text: cells.join(' | '), section: section() });
      continue;
    }
    const quoted = trimmed.replace(/^(?:>\s?)+/, '');
    const list = listItem(quoted);
    if (list) {
      flush();
      paraKind = 'list-item';
      para.push(list[2] ?? '');
      continue;
    }
    para.push(quoted);
  }
  flush();

  const plain = blocks.map((b) => b.text).join('\n');
  return {
    url: meta.url,
    title: meta.title ?? blocks.find((b) => b.kind === 'heading')?.text ?? '',
    language: meta.language ?? 'und',
    // The opening carries a policy's own date; further down, dates belong to laws and examples.
    statedDate: findStatedDate(plain.slice(0, 20_000).replace(/[*_`]/g, '')),
    blocks,
    extraction: { method: 'markdown', words: countWords(plain), notes: [] },
  };
}
