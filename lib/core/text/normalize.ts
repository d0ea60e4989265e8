/**
 * Text normalisation shared by extraction and the change engine, so that two captures of the same
 * policy that differ only in typography compare equal.
 */

/** Characters that stripping accents can change: combining marks and Latin letters with diacritics. */
const ACCENTABLE = /[\u0300-\u036f]|[\u00c0-\u024f\u1e00-\u1eff]/;
const MARKS = /[\u0300-\u036f]/g;

/**
 * Accents removed from Latin letters ("é" to "e"), everything else as it was: decompose, drop the
 * combining marks, recompose (Hangul decomposes under NFD and must come back precomposed). Text without
 * accented Latin letters or combining marks (plain English, curly quotes, CJK, Hangul) skips the passes.
 */
export function stripAccents(input: string, hasAccents: boolean = ACCENTABLE.test(input)): string {
  return hasAccents ? input.normalize('NFD').replace(MARKS, '').normalize('NFC') : input;
}

/**
 * Whether stripAccents would take the full path on `input`. A caller that strips a long text a piece at
 * a time decides once for the whole text and passes the answer on, so each piece is stripped as the whole
 * would be (the few characters that decompose without being listed, such as the angstrom sign, change
 * only on the full path).
 */
export function hasAccentable(input: string): boolean {
  return ACCENTABLE.test(input);
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g; // zero-width space/joiners, word joiner, BOM, soft hyphen
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** NFC, no zero-width characters or soft hyphens, ASCII quotes and dashes, single spaces, trimmed. */
const NOT_PLAIN_ASCII = /[^\x20-\x5f\x61-\x7e\t\n\r]/;

export function normalizeText(input: string): string {
  // Printable ASCII without a backtick (most English text) has nothing to normalise but whitespace.
  if (!NOT_PLAIN_ASCII.test(input)) return input.replace(SPACES, ' ').trim();
  return input
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .trim();
}

/** Lower-cased normalised text, for comparisons that ignore case. */
export function foldText(input: string): string {
  return normalizeText(input).toLowerCase();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the character at `i` (its code unit `code`) is a letter or digit; ASCII without a string. */
function wordCharAt(input: string, i: number, code: number, wide: boolean): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(wide ? input.slice(i, i + 2) : input.charAt(i));
}

/**
 * Count words the way a reader would: runs of letters or digits, an apostrophe or hyphen between two
 * of them joining the run ("don't", "opt-out"). A scan, not a match: no array of words is built, and
 * no string is made for an ASCII character.
 */
export function countWords(input: string): number {
  let words = 0;
  let inWord = false;
  const n = input.length;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    // Surrogate pairs (letters outside the BMP) are tested as one character.
    const wide = code >= 0xd800 && code <= 0xdbff && i + 1 < n;
    if (wordCharAt(input, i, code, wide)) {
      if (!inWord) words++;
      inWord = true;
    } else if (inWord && (code === 39 || code === 0x2019 || code === 45) && i + 1 < n) {
      // A joiner keeps the word going only if a letter or digit follows it.
      const next = input.charCodeAt(i + 1);
      inWord = wordCharAt(input, i + 1, next, next >= 0xd800 && next <= 0xdbff && i + 2 < n);
    } else inWord = false;
    if (wide) i++;
  }
  return words;
}
