/**
 * Sentence splitting and the canonical forms used to decide whether two pieces of text say the same thing.
 */
import { normalizeText } from '../text/normalize';
import { isDateLine } from '../text/dates';

// Text that is plain printable ASCII with single spaces is already normalised; most policy text is, and
// skipping the full normalisation (NFC plus several passes) roughly halves the engine's string work.
// (Not a backtick: normalizeText reads it as an apostrophe, "don`t" as "don't".)
const ALREADY_NORMAL = /^[\x21-\x5f\x61-\x7e](?:[\x21-\x5f\x61-\x7e]| (?=[\x21-\x5f\x61-\x7e]))*$/;

/** normalizeText, with a fast path for text that is already normal. */
export function normalizeFast(text: string): string {
  return ALREADY_NORMAL.test(text) ? text : normalizeText(text);
}

/** Lower-cased normalised text (foldText with the fast path). */
export function foldFast(text: string): string {
  return normalizeFast(text).toLowerCase();
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  const key = language && language !== 'und' ? language : 'en';
  let s = segmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      s = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    segmenters.set(key, s);
  }
  return s;
}

// The segmenter breaks after these, yet in policies they almost always continue the sentence.
const ABBREVIATION_END = /(?:\b(?:e\.g|i\.e|etc|inc|ltd|co|corp|llc|vs|mr|mrs|ms|dr|no|nos|art|sec|para|approx|incl|cf|p\.ex|z\.b|u\.s|u\.k|e\.u|s\.a|b\.v|n\.v|ab|st)\.|\b[A-Z]\.)\s*$/i;
/** Longer than any match of ABBREVIATION_END plus the character its \b looks at. */
const ABBREVIATION_TAIL = 32;

/** Does text[start, end), without its trailing white space, end with a common abbreviation? */
function endsWithAbbreviation(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  // Only the tail can match: testing the whole piece would rescan a growing run of "e.g." pieces.
  return ABBREVIATION_END.test(text.slice(Math.max(start, e - ABBREVIATION_TAIL), e));
}

/**
 * Node's Intl.Segmenter (ICU through V8) spends time proportional to the whole text on every sentence it
 * returns: 744 KB took 3.9 s and a 5 MB paragraph over 300 s. Chromium's is linear. So a long text is
 * handed over a window at a time: the sentences that end well inside a window (MARGIN characters before
 * its end, so the context after each boundary is there) are taken as they are, and the next window starts
 * where the last of them ended, a place where the segmenter itself broke. Its rules look at a few
 * characters around a boundary, so this gives the same sentences as one pass (a test checks that on
 * ordinary text).
 */
const WINDOW = 4_096;
const MARGIN = 512;

interface Piece {
  index: number;
  end: number;
  /** The piece ends inside a sentence (a window cut through a very long one). */
  continues: boolean;
}

function* pieces(text: string, seg: Intl.Segmenter): Generator<Piece> {
  let start = 0;
  while (text.length - start > WINDOW) {
    let end = start + WINDOW;
    if (/[\ud800-\udbff]/.test(text[end - 1]!)) end--;
    let taken = 0;
    for (const { segment, index } of seg.segment(text.slice(start, end))) {
      const stop = index + segment.length;
      if (stop > WINDOW - MARGIN) break;
      yield { index: start + index, end: start + stop, continues: false };
      taken = stop;
    }
    if (taken === 0) {
      // No sentence ends early in this window: a very long one. Cut after a space (so words stay whole
      // on both sides) and carry on; the caller joins the pieces back into one sentence.
      const limit = start + WINDOW - MARGIN;
      const space = text.lastIndexOf(' ', limit);
      let cut = space > start ? space + 1 : limit;
      if (/[\ud800-\udbff]/.test(text[cut - 1]!)) cut--;
      yield { index: start, end: cut, continues: true };
      taken = cut - start;
    }
    start += taken;
  }
  for (const { segment, index } of seg.segment(start === 0 ? text : text.slice(start))) {
    yield { index: start + index, end: start + index + segment.length, continues: false };
  }
}

const CONTINUES_SENTENCE = /^[,;:]/;

/**
 * The sentences of a block, using Intl.Segmenter and re-joining breaks after common abbreviations.
 * Linear in the length of the text, in Node too (see `pieces`).
 */
export function splitSentences(text: string, language = 'en'): string[] {
  if (!text) return [];
  if (text.length < 40 || !/[.!?;]\s/.test(text)) return [text.trim()].filter(Boolean);
  const out: string[] = [];
  // Start of a sentence still open: an abbreviation or a window cut ended the last piece.
  let open = -1;
  // Start of the last sentence taken.
  let last = -1;
  for (const { index, end, continues } of pieces(text, segmenter(language))) {
    const start = open >= 0 ? open : index;
    if (continues || endsWithAbbreviation(text, start, end)) {
      open = start;
      continue;
    }
    open = -1;
    const t = text.slice(start, end).trim();
    if (!t) continue;
    // A piece that opens with a comma, a semicolon or a colon continues the sentence before it (Unicode's
    // rule SB8a: no break before these). Firefox ESR 140's ICU breaks before one after "etc.)", where
    // Node's and Chromium's do not: joined here, the three give the same sentences.
    if (last >= 0 && CONTINUES_SENTENCE.test(t)) {
      out[out.length - 1] = text.slice(last, end).trim();
      continue;
    }
    out.push(t);
    last = start;
  }
  if (open >= 0) {
    const t = text.slice(open).trim();
    if (t) out.push(t);
  }
  return out;
}

const LIST_PREFIX = /^\s*(?:[-*•·▪‣◦]+|\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\(?[ivx]{1,4}[.)])\s+/i;

/**
 * The form of a sentence that ignores everything a reader would call formatting: case, punctuation,
 * quote and dash styles, list numbering, URLs' tracking parameters. Two sentences with the same key are
 * the same sentence.
 */
// Alignment asks for the key of the same sentence several times (pairing, reflow test, boilerplate
// test); a bounded memo avoids recomputing it. Cleared when it grows, so memory stays bounded.
const keyMemo = new Map<string, string>();
const KEY_MEMO_MAX = 50_000;

export function canonicalKey(text: string): string {
  let k = keyMemo.get(text);
  if (k === undefined) {
    k = computeKey(text);
    if (keyMemo.size >= KEY_MEMO_MAX) keyMemo.clear();
    keyMemo.set(text, k);
  }
  return k;
}

/** Whether a text has a canonical key (a letter or a digit past a list marker), without the memo. */
export function hasKey(text: string): boolean {
  return computeKey(text) !== '';
}

/** Frees the key memo (after a comparison, so large documents are not kept alive). */
export function clearKeyMemo(): void {
  keyMemo.clear();
}

function computeKey(text: string): string {
  // Already-normal text is printable ASCII, and stays so below: it needs neither keyFold nor the second
  // ASCII test (the common case; each is a pass over the text).
  const normal = ALREADY_NORMAL.test(text);
  let s = normal ? text.toLowerCase() : keyFold(normalizeText(text).toLowerCase());
  if (s.includes('http')) s = s.replace(/https?:\/\/([^\s?#]+)\S*/g, '$1');
  s = s.replace(LIST_PREFIX, '');
  // (A curly apostrophe is straight by now: normalizeText makes it so, and normal text is ASCII.)
  if (s.includes('-') || s.includes("'")) s = s.replace(/(?<=\w)['’-](?=\w)/g, '');
  // ASCII text (the common case) avoids the slower Unicode-aware pattern.
  return (normal || ASCII.test(s) ? s.replace(/[^a-z0-9]+/g, ' ') : s.replace(/[^\p{L}\p{N}]+/gu, ' ')).trim();
}
const ASCII = /^[\t\n\r\x20-\x7e]*$/;

/** Lower-cased word tokens, for similarity. */
export function tokens(text: string): string[] {
  return keyFold(foldFast(text)).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * What a comparison of folded text ignores beyond case: invisible format characters (bidi marks and
 * controls, the combining grapheme joiner, variation selectors, invisible operators; zero-width spaces and
 * soft hyphens are gone already, normalize.ts), and spellings that a change of case or a PDF's typesetting
 * alone produce: the ligatures "ﬁ", "ﬂ", … (text copied from a PDF), and "ß", whose capital is "SS". So
 * "identiﬁers" and "IDENTIFIERS", "gemäß" and "GEMÄSS" have one key. (The classifier still reads the
 * text as extracted: its features are those it was fitted on.)
 */
function keyFold(folded: string): string {
  return ASCII.test(folded) ? folded : folded.replace(KEY_FOLDED, (c) => KEY_SPELLING[c] ?? '');
}
const KEY_FOLDED = /[\u061C\u180E\u200E\u200F\u202A-\u202E\u2061-\u2064\u2066-\u2069\uFB00-\uFB06\u00DF]|\u034F|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
const KEY_SPELLING: Record<string, string> = { '\uFB00': 'ff', '\uFB01': 'fi', '\uFB02': 'fl', '\uFB03': 'ffi', '\uFB04': 'ffl', '\uFB05': 'st', '\uFB06': 'st', '\u00DF': 'ss' };

/** Dice coefficient of two token sets. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) inter++;
  return (2 * inter) / (a.size + b.size);
}

/** A sentence that says nothing about practices: a date line, a lone heading number, a link label. */
export function isBoilerplate(text: string): boolean {
  return isDateLine(text) || canonicalKey(text).length === 0;
}

const PIECE_PUNCT = '.!?;:';

/** The text cut after every run of sentence punctuation that is followed by a space or the end (a scan: linear). */
function splitPieces(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!PIECE_PUNCT.includes(text[i] ?? '')) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && PIECE_PUNCT.includes(text[j] ?? '')) j++;
    let k = j;
    while (k < text.length && /\s/.test(text[k] ?? '')) k++;
    if (k > j || j === text.length) {
      out.push(text.slice(start, i));
      start = k;
    }
    i = k > j ? k : j;
  }
  out.push(text.slice(start));
  return out;
}

/** The canonical keys of a text's sentence pieces (split at sentence punctuation, cheaply). */
export function pieceKeys(text: string): string[] {
  const out: string[] = [];
  for (const piece of splitPieces(text)) {
    const k = canonicalKey(piece);
    if (k) out.push(k);
  }
  return out;
}

/**
 * Every sentence piece of a version, so that "is this sentence somewhere in the other version" is a set
 * lookup that only matches whole sentences (a sentence that grew a clause is not "the same").
 */
export function pieceSet(units: Array<{ text: string; key: string }>): Set<string> {
  const set = new Set<string>();
  for (const u of units) {
    // A block without inner sentence punctuation is one piece, whose key is already known.
    if (!INNER_END.test(u.text)) set.add(u.key);
    else for (const k of pieceKeys(u.text)) set.add(k);
  }
  return set;
}
const INNER_END = /[.!?;:]\s/;
