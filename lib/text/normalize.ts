/**
 * Text normalisation shared by extraction and the change engine, so that two captures of the same
 * policy that differ only in typography compare equal.
 */

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g; // zero-width space/joiners, word joiner, BOM, soft hyphen
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** NFC, no zero-width characters or soft hyphens, ASCII quotes and dashes, single spaces, trimmed. */
export function normalizeText(input: string): string {
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

/** Count words the way a reader would: runs of letters or digits. */
export function countWords(input: string): number {
  const m = input.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}
